/*
 * source.h - the sources sc-fetch reads posts from.
 *
 * "sc-fetch SOURCE [options] [file ...]" runs the source's main with the
 * arguments after SOURCE (argv[0] is the program's own, so getopt's
 * messages name the program).  A source parses its own options, writes
 * sc-post(5) records with output.h and returns main's exit status.  Each
 * source lives in a file of its own and has one line in the table in
 * main.c; a network source names its driver (common/driver.h) there.
 */
#ifndef SOURCE_H
#define SOURCE_H

struct source {
	const char	*name;
	const char	*summary;	/* for sc-fetch --help */
	int		(*main)(int argc, char **argv);	/* or: */
	const struct driver *drv;	/* a network source: net_main() */
};

struct driver;

int	import_main(int argc, char **argv);
/* The network sources (net.c): one run of driver drv (driver.h). */
int	net_main(const struct driver *drv, int argc, char **argv);

#endif
