/*
 * cli.h - the options every sc program shares, handled in one place.
 *
 * A program puts SC_COMMON_LONGOPTS in its getopt_long table and
 * SC_COMMON_SHORTOPTS in its option string, and hands every option it does
 * not know itself to cli_common().  -h/--help prints the program's usage
 * (cli_usage_text, set by the program) and its option list to standard
 * output and exits 0; --version prints "sc-X VERSION" and exits 0; a bad
 * option prints the usage to standard error and exits 2.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

enum {
	OPT_STRICT = 0x1000,
	OPT_REJECTS,
	OPT_CONFIG,
	OPT_MAXLINE,
	OPT_VERSION,
	OPT_TOOL_BASE = 0x1100	/* programs number their own from here */
};

#define SC_COMMON_SHORTOPTS	"ho:uz"
#define SC_COMMON_LONGOPTS \
	{ "help",	no_argument,		NULL, 'h' }, \
	{ "output",	required_argument,	NULL, 'o' }, \
	{ "unbuffered",	no_argument,		NULL, 'u' }, \
	{ "gzip",	no_argument,		NULL, 'z' }, \
	{ "strict",	no_argument,		NULL, OPT_STRICT }, \
	{ "rejects",	required_argument,	NULL, OPT_REJECTS }, \
	{ "config",	required_argument,	NULL, OPT_CONFIG }, \
	{ "max-line",	required_argument,	NULL, OPT_MAXLINE }, \
	{ "version",	no_argument,		NULL, OPT_VERSION }

struct sc_common {
	const char	*output;	/* -o FILE, NULL: standard output */
	int		 gzip;		/* -z */
	int		 unbuffered;	/* -u */
	int		 strict;	/* --strict */
	const char	*rejects;	/* --rejects FILE */
	const char	*config;	/* --config FILE */
	size_t		 maxline;	/* --max-line BYTES */
};

/*
 * Set by the program before option parsing: the synopsis lines (without
 * "usage: ") and the program's own option help, one option per line.
 */
extern const char *cli_usage_text;
extern const char *cli_options_text;

/*
 * getopt_long() as every sc program calls it, with two differences:
 * getopt's own messages ("unrecognized option '--bogus'") start with the
 * program's name as diag.h prints it ("sc-report: ", not the path it was
 * run by), and a long option must be spelled in full: getopt_long() takes
 * "--reject" for "--rejects", which a typo or a future option could turn
 * into a silent surprise.  An abbreviation is a usage error (exit 2):
 *
 *	sc-reply: unrecognized option '--reject' (did you mean '--rejects'?)
 */
int	cli_getopt(int argc, char **argv, const char *shortopts,
	    const struct option *longopts);
void	cli_init(struct sc_common *c);
/* Handles ch if it is a common option or '?'/':'; returns 0 otherwise. */
int	cli_common(struct sc_common *c, int ch, const char *arg);
void	cli_usage(FILE *fp) ;
__attribute__((noreturn)) void cli_usage_error(void);
/*
 * Range-checked numbers from options:
 * "sc-fetch: --max: must be 1 to 1000000: 0" and exit 2 otherwise.
 */
long long	cli_number(const char *opt, const char *arg, long long min,
		    long long max);
double		cli_real(const char *opt, const char *arg, double min,
		    double max);

#endif
