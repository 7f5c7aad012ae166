/*
 * test-cli - cli.h: the common options through getopt_long, -h and
 * --version, usage errors, and range-checked numbers with their exact
 * message and exit status 2 (each exit in a child).
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "input.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

enum { OPT_DRY_RUN = OPT_TOOL_BASE };

static const struct option longopts[] = {
	SC_COMMON_LONGOPTS,
	{ "rules",	required_argument,	NULL, 'r' },
	{ "dry-run",	no_argument,		NULL, OPT_DRY_RUN },
	{ NULL, 0, NULL, 0 }
};

static const char usage_text[] =
    "sc-x [-uz] [-o file] -r rules.json [file ...]\n"
    "sc-x --version";
static const char options_text[] =
    "  -r, --rules FILE    the rules\n"
    "      --dry-run       change nothing\n";

struct parsed {
	struct sc_common	 c;
	const char		*rules;
	int			 dry_run;
	int			 optind;
};

/* A program's option loop, as the brief has it. */
static void
parse(int argc, char **argv, struct parsed *p)
{
	int ch;

	memset(p, 0, sizeof(*p));
	cli_usage_text = usage_text;
	cli_options_text = options_text;
	cli_init(&p->c);
	optind = 0;
	opterr = 1;
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "r:",
	    longopts)) != -1) {
		switch (ch) {
		case 'r':
			p->rules = optarg;
			break;
		case OPT_DRY_RUN:
			p->dry_run = 1;
			break;
		default:
			if (!cli_common(&p->c, ch, optarg))
				cli_usage_error();
		}
	}
	p->optind = optind;
}

/* argv from a string of words, in a child: parse and print the result. */
static void
parse_child(void *arg)
{
	struct parsed p;
	char *words, *argv[32], *w;
	int argc = 0;

	words = xstrdup(arg);
	for (w = strtok(words, " "); w != NULL && argc < 31;
	    w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	parse(argc, argv, &p);
	printf("parsed, optind %d\n", p.optind);
	fflush(stdout);
	free(words);
	exit(0);
}

static void
test_parse(void)
{
	static char a0[] = "sc-x", a1[] = "-uz", a2[] = "-o", a3[] = "out",
	    a4[] = "--strict", a5[] = "--rejects=rej", a6[] = "--config",
	    a7[] = "cfg.json", a8[] = "--max-line", a9[] = "100", a10[] = "-r",
	    a11[] = "rules.json", a12[] = "--dry-run", a13[] = "in1",
	    a14[] = "in2";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11,
	    a12, a13, a14, NULL };
	struct parsed p;
	struct sc_common c;

	memset(&c, 0x5a, sizeof(c));
	cli_init(&c);
	ok(c.output == NULL && !c.gzip && !c.unbuffered && !c.strict &&
	    c.rejects == NULL && c.config == NULL &&
	    c.maxline == INPUT_MAXLINE_DEFAULT, "cli_init: the defaults");
	ok(cli_common(&c, 'x', NULL) == 0 && cli_common(&c, OPT_TOOL_BASE,
	    NULL) == 0, "cli_common leaves other options to the program");

	parse(15, argv, &p);
	ok(p.c.unbuffered && p.c.gzip, "-uz");
	is_str(p.c.output, "out", "-o out");
	ok(p.c.strict, "--strict");
	is_str(p.c.rejects, "rej", "--rejects=rej");
	is_str(p.c.config, "cfg.json", "--config cfg.json");
	ok(p.c.maxline == 100, "--max-line 100");
	is_str(p.rules, "rules.json", "the program's own -r");
	ok(p.dry_run, "the program's own long option");
	ok(p.optind == 13 && strcmp(argv[p.optind], "in1") == 0,
	    "operands follow");
}

static void
test_help(void)
{
	static char help[] = "sc-x --help", version[] = "sc-x --version",
	    bad[] = "sc-x --bogus in", missing[] = "sc-x -o",
	    h[] = "sc-x -u -h --bogus", maxline[] = "sc-x --max-line 0",
	    maxline_big[] = "sc-x --max-line 4294967297";
	char *out, *err, *want;
	int st;

	st = run_child(parse_child, help, &out, &err);
	ok(exited(st, 0), "--help: exit 0");
	want = xasprintf("usage: sc-x [-uz] [-o file] -r rules.json "
	    "[file ...]\n       sc-x --version\n\n%s", options_text);
	ok(strncmp(out, want, strlen(want)) == 0,
	    "--help: usage lines, then the program's options");
	ok(strstr(out, "\n  -o, --output FILE   write to FILE instead of "
	    "standard output\n") != NULL && strstr(out, "      --max-line N") &&
	    strstr(out, "  -h, --help          show this help and exit\n"),
	    "then the common options");
	ok(strlen(out) > 14 && strcmp(out + strlen(out) - 14,
	    "\nSee sc-x(1).\n") == 0, "and a pointer to the manual");
	is_str(err, "", "--help: nothing on stderr");
	free(want);
	free(out);
	free(err);

	st = run_child(parse_child, h, &out, &err);
	ok(exited(st, 0) && strncmp(out, "usage: sc-x", 11) == 0,
	    "-h stops at once, before a later bad option");
	free(out);
	free(err);

	st = run_child(parse_child, version, &out, &err);
	ok(exited(st, 0), "--version: exit 0");
	is_str(out, "sc-x 0.1.0\n", "--version: name and version");
	is_str(err, "", "--version: nothing on stderr");
	free(out);
	free(err);

	st = run_child(parse_child, bad, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "an unknown option: exit 2");
	is_str(out, "", "an unknown option: nothing on stdout");
	is_str(err, "sc-x: unrecognized option '--bogus'\n"
	    "usage: sc-x [-uz] [-o file] -r rules.json [file ...]\n"
	    "       sc-x --version\n"
	    "Try 'sc-x --help' for more information.\n",
	    "an unknown option: getopt's word, the usage, a hint");
	free(out);
	free(err);

	st = run_child(parse_child, missing, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "a missing argument: exit 2");
	ok(strstr(err, "usage: sc-x ") != NULL, "a missing argument: usage");
	free(out);
	free(err);

	st = run_child(parse_child, maxline, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "--max-line 0: exit 2");
	is_str(err, "sc-x: --max-line: must be 1 to 4294967296: 0\n",
	    "--max-line 0: the range");
	free(out);
	free(err);
	st = run_child(parse_child, maxline_big, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "--max-line past 2^32: exit 2");
	free(out);
	free(err);
}

static void
help_to_full(void *arg)
{
	int fd;

	(void)arg;
	fd = open("/dev/full", O_WRONLY);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	cli_usage_text = usage_text;
	cli_common(NULL, 'h', NULL);
}

static void
version_to_full(void *arg)
{
	int fd;

	(void)arg;
	fd = open("/dev/full", O_WRONLY);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	cli_common(NULL, OPT_VERSION, NULL);
}

static void
test_full(void)
{
	char *out, *err;
	int st;

	st = run_child(help_to_full, NULL, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "--help >/dev/full: exit 2");
	is_str(err, "sc-x: <stdout>: write error\n", "and says so");
	free(out);
	free(err);
	st = run_child(version_to_full, NULL, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "--version >/dev/full: exit 2");
	free(out);
	free(err);
}

struct num {
	const char	*arg;
	long long	 min, max;
};

static void
number_child(void *arg)
{
	struct num *n = arg;

	printf("%lld\n", cli_number("--max", n->arg, n->min, n->max));
}

static void
real_child(void *arg)
{
	struct num *n = arg;

	printf("%g\n", cli_real("--threshold", n->arg, (double)n->min,
	    (double)n->max));
}

static void
test_numbers(void)
{
	static const struct {
		const char *arg;
		long long min, max;
		const char *out, *err;
	} t[] = {
		{ "1", 1, 1000000, "1\n", "" },
		{ "1000000", 1, 1000000, "1000000\n", "" },
		{ "500", 1, 1000000, "500\n", "" },
		{ "-5", -10, 10, "-5\n", "" },
		{ "9223372036854775807", 0, 9223372036854775807LL,
		    "9223372036854775807\n", "" },
		{ "0", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: 0\n" },
		{ "1000001", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: 1000001\n" },
		{ "-1", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: -1\n" },
		{ "abc", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: abc\n" },
		{ "", 1, 1000000, "", "sc-x: --max: must be 1 to 1000000: \n" },
		{ "5x", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: 5x\n" },
		{ "1.5", 1, 1000000, "",
		    "sc-x: --max: must be 1 to 1000000: 1.5\n" },
		{ "9223372036854775808", 1, 9223372036854775807LL, "",
		    "sc-x: --max: must be 1 to 9223372036854775807: "
		    "9223372036854775808\n" },
		{ "-99999999999999999999", -5, 5, "",
		    "sc-x: --max: must be -5 to 5: -99999999999999999999\n" },
	};
	struct num n;
	char *out, *err;
	size_t i;
	int st;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n.arg = t[i].arg;
		n.min = t[i].min;
		n.max = t[i].max;
		st = run_child(number_child, &n, &out, &err);
		ok(exited(st, *t[i].err ? SC_EXIT_FATAL : 0) &&
		    strcmp(out, t[i].out) == 0 && strcmp(err, t[i].err) == 0,
		    "cli_number \"%s\" in %lld..%lld: %s", t[i].arg, t[i].min,
		    t[i].max, *t[i].err ? "exit 2 and the range" : "the value");
		if (strcmp(err, t[i].err) != 0)
			printf("#   got \"%s\"\n", err);
		free(out);
		free(err);
	}
	ok(cli_number("--n", "42", 0, 100) == 42, "cli_number in process");
}

static void
test_reals(void)
{
	static const struct {
		const char *arg;
		const char *out, *err;
	} t[] = {
		{ "0.5", "0.5\n", "" },
		{ "0", "0\n", "" },
		{ "1", "1\n", "" },
		{ "1e-3", "0.001\n", "" },
		{ "1.5", "", "sc-x: --threshold: must be 0 to 1: 1.5\n" },
		{ "-0.1", "", "sc-x: --threshold: must be 0 to 1: -0.1\n" },
		{ "nan", "", "sc-x: --threshold: must be 0 to 1: nan\n" },
		{ "inf", "", "sc-x: --threshold: must be 0 to 1: inf\n" },
		{ "1e999", "", "sc-x: --threshold: must be 0 to 1: 1e999\n" },
		{ "x", "", "sc-x: --threshold: must be 0 to 1: x\n" },
		{ "0.5x", "", "sc-x: --threshold: must be 0 to 1: 0.5x\n" },
		{ "", "", "sc-x: --threshold: must be 0 to 1: \n" },
	};
	struct num n;
	char *out, *err;
	size_t i;
	int st;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n.arg = t[i].arg;
		n.min = 0;
		n.max = 1;
		st = run_child(real_child, &n, &out, &err);
		ok(exited(st, *t[i].err ? SC_EXIT_FATAL : 0) &&
		    strcmp(out, t[i].out) == 0 && strcmp(err, t[i].err) == 0,
		    "cli_real \"%s\" in 0..1", t[i].arg);
		if (strcmp(err, t[i].err) != 0 || strcmp(out, t[i].out) != 0)
			printf("#   got \"%s\" \"%s\"\n", out, err);
		free(out);
		free(err);
	}
}

/* cli_getopt: whole names only; getopt's messages under the program's name. */
static void
test_getopt(void)
{
	static const struct {
		const char	*words;
		int		 rc;
		const char	*err;	/* its first line */
	} t[] = {
		{ "sc-x --rules r --dry-run --rejects=j --strict", 0, "" },
		{ "sc-x --rules=r -o out --output=o2", 0, "" },
		{ "sc-x --rej j", 2,
		    "sc-x: unrecognized option '--rej' (did you mean "
		    "'--rejects'?)" },
		{ "sc-x --rejec=j", 2,
		    "sc-x: unrecognized option '--rejec' (did you mean "
		    "'--rejects'?)" },
		{ "sc-x --dry", 2,
		    "sc-x: unrecognized option '--dry' (did you mean "
		    "'--dry-run'?)" },
		{ "sc-x --rul r", 2,
		    "sc-x: unrecognized option '--rul' (did you mean "
		    "'--rules'?)" },
		{ "sc-x in --dry", 2,
		    "sc-x: unrecognized option '--dry' (did you mean "
		    "'--dry-run'?)" },
		{ "sc-x -r --rul", 0, "" },
		{ "build/bin/sc-x --bogus", 2,
		    "sc-x: unrecognized option '--bogus'" },
		{ "/usr/bin/sc-x --rules", 2,
		    "sc-x: option '--rules' requires an argument" },
		{ "./sc-x -q", 2, "sc-x: invalid option -- 'q'" },
		{ "sc-x -- --rej", 0, "" },
	};
	char *out, *err, *nl;
	size_t i;
	int st;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		st = run_child(parse_child, (void *)t[i].words, &out, &err);
		if ((nl = strchr(err, '\n')) != NULL)
			*nl = '\0';
		ok(exited(st, t[i].rc), "%s: exit %d", t[i].words, t[i].rc);
		is_str(err, t[i].err, "%s: message", t[i].words);
		free(out);
		free(err);
	}
}

int
main(void)
{
	diag_init("sc-x");
	test_parse();
	test_help();
	test_full();
	test_getopt();
	test_numbers();
	test_reals();
	return tap_done();
}
