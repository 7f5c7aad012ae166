/*
 * source.h - the sources sc-fetch reads posts from.
 *
 * "sc-fetch SOURCE [options] [file ...]" runs the source's main with the
 * arguments after SOURCE (argv[0] is the program's own, so getopt's
 * messages name the program).  A source parses its own options, writes
 * sc-post(5) records with output.h and returns main's exit status.  Each
 * source lives in a file of its own and has one line in the table in
 * main.c; the network sources will join it the same way.
 */
#ifndef SOURCE_H
#define SOURCE_H

struct source {
	const char	*name;
	const char	*summary;	/* for sc-fetch --help */
	int		(*main)(int argc, char **argv);
};

int	import_main(int argc, char **argv);
int	x_main(int argc, char **argv);		/* x.c */
int	mastodon_main(int argc, char **argv);	/* mastodon.c */
int	bluesky_main(int argc, char **argv);	/* bluesky.c */
int	reddit_main(int argc, char **argv);	/* reddit.c */
int	facebook_main(int argc, char **argv);	/* facebook.c */

#endif
