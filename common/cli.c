#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "input.h"
#include "sc.h"

const char *cli_usage_text = "";
const char *cli_options_text = "";

static const char common_options[] =
"  -o, --output FILE   write to FILE instead of standard output\n"
"  -z, --gzip          compress the output with gzip\n"
"  -u, --unbuffered    flush the output after each record\n"
"      --strict        stop at the first bad record (exit 2)\n"
"      --rejects FILE  append rejected input lines to FILE\n"
"      --config FILE   configuration file (default $SC_CONFIG,\n"
"                      then ~/.config/sc/config.json)\n"
"      --max-line N    longest input line accepted, in bytes\n"
"                      (default 16777216)\n"
"  -h, --help          show this help and exit\n"
"      --version       show the version and exit\n";

void
cli_init(struct sc_common *c)
{
	memset(c, 0, sizeof(*c));
	c->maxline = INPUT_MAXLINE_DEFAULT;
}

int
cli_getopt(int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	const char *tok, *name;
	size_t len;
	int ch, idx = -1;

	/* getopt prefixes its messages with argv[0]. */
	if (argc > 0)
		argv[0] = (char *)sc_progname;
	ch = getopt_long(argc, argv, shortopts, longopts, &idx);
	if (ch == -1 || ch == '?' || ch == ':' || idx < 0)
		return ch;
	/*
	 * The word the option came in: the last one taken, or the one
	 * before it when the argument was a word of its own.
	 */
	tok = argv[optind - 1];
	if (optarg != NULL && optarg == argv[optind - 1] && optind >= 2)
		tok = argv[optind - 2];
	name = longopts[idx].name;
	if (strncmp(tok, "--", 2) != 0)
		return ch;
	tok += 2;
	len = strcspn(tok, "=");
	if (len == strlen(name) && strncmp(tok, name, len) == 0)
		return ch;
	fprintf(stderr, "%s: unrecognized option '--%.*s' (did you mean "
	    "'--%s'?)\n", sc_progname, (int)len, tok, name);
	cli_usage_error();
}

/* Print the synopsis, one "usage:" line per line of cli_usage_text. */
static void
print_synopsis(FILE *fp)
{
	const char *p, *nl;
	int first = 1;

	for (p = cli_usage_text; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		fprintf(fp, "%s%.*s\n", first ? "usage: " : "       ",
		    (int)(nl - p), p);
		first = 0;
		if (*nl == '\0')
			break;
	}
}

void
cli_usage(FILE *fp)
{
	print_synopsis(fp);
	fprintf(fp, "\n%s%s", cli_options_text, common_options);
	fprintf(fp, "\nSee %s(1).\n", sc_progname);
}

void
cli_usage_error(void)
{
	print_synopsis(stderr);
	fprintf(stderr, "Try '%s --help' for more information.\n",
	    sc_progname);
	exit(SC_EXIT_FATAL);
}

long long
cli_number(const char *opt, const char *arg, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (end == arg || *end != '\0' || errno == ERANGE || v < min ||
	    v > max)
		die(SC_EXIT_FATAL, "%s: must be %lld to %lld: %s", opt, min,
		    max, arg);
	return v;
}

double
cli_real(const char *opt, const char *arg, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno == ERANGE || !isfinite(v) ||
	    v < min || v > max)
		die(SC_EXIT_FATAL, "%s: must be %g to %g: %s", opt, min, max,
		    arg);
	return v;
}

int
cli_common(struct sc_common *c, int ch, const char *arg)
{
	switch (ch) {
	case 'h':
		cli_usage(stdout);
		if (fflush(stdout) == EOF || ferror(stdout))
			die(SC_EXIT_FATAL, "<stdout>: write error");
		exit(SC_EXIT_OK);
	case OPT_VERSION:
		printf("%s %s\n", sc_progname, SC_VERSION);
		if (fflush(stdout) == EOF || ferror(stdout))
			die(SC_EXIT_FATAL, "<stdout>: write error");
		exit(SC_EXIT_OK);
	case 'o':
		c->output = arg;
		return 1;
	case 'z':
		c->gzip = 1;
		return 1;
	case 'u':
		c->unbuffered = 1;
		return 1;
	case OPT_STRICT:
		c->strict = 1;
		return 1;
	case OPT_REJECTS:
		c->rejects = arg;
		return 1;
	case OPT_CONFIG:
		c->config = arg;
		return 1;
	case OPT_MAXLINE:
		c->maxline = (size_t)cli_number("--max-line", arg, 1,
		    1LL << 32);
		return 1;
	case '?':
	case ':':
		cli_usage_error();
	}
	return 0;
}
