/*
 * sc-report - customer-care measures over sc-post(5) records: how many
 * customer posts the brand answered, and how fast.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "diag.h"
#include "output.h"
#include "record.h"
#include "report.h"
#include "sc.h"
#include "sctime.h"
#include "utf8.h"

enum {
	OPT_BY = OPT_TOOL_BASE,
	OPT_FORMAT,
	OPT_SINCE,
	OPT_UNTIL
};

static const struct option longopts[] = {
	SC_COMMON_LONGOPTS,
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "since",	required_argument,	NULL, OPT_SINCE },
	{ "until",	required_argument,	NULL, OPT_UNTIL },
	{ NULL,		0,			NULL, 0 }
};

struct opts {
	const char	*by;
	int		 table;
	int64_t		 since, until;
};

static int64_t
time_opt(const char *opt, const char *arg)
{
	int64_t t;

	if (time_parse_relative(arg, (int64_t)time(NULL), &t) == -1)
		die(SC_EXIT_FATAL, "%s: not a time: %s", opt, arg);
	return t;
}

/* A dotted path: non-empty steps, UTF-8 (it is written out). */
static const char *
field_opt(const char *arg)
{
	if (*arg == '\0' || *arg == '.' || arg[strlen(arg) - 1] == '.' ||
	    strstr(arg, "..") != NULL || !utf8_valid(arg, strlen(arg)))
		die(SC_EXIT_FATAL, "--by: not a field path: \"%s\"", arg);
	return arg;
}

static void
parse_options(int argc, char *argv[], struct sc_common *c, struct opts *op)
{
	int ch;

	cli_init(c);
	memset(op, 0, sizeof(*op));
	op->since = INT64_MIN;
	op->until = INT64_MAX;
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS,
	    longopts)) != -1) {
		switch (ch) {
		case OPT_BY:
			if (op->by != NULL)
				die(SC_EXIT_FATAL, "--by: only one field "
				    "may be given");
			op->by = field_opt(optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "table") == 0)
				op->table = 1;
			else if (strcmp(optarg, "ndjson") == 0)
				op->table = 0;
			else
				die(SC_EXIT_FATAL, "--format: must be ndjson "
				    "or table: %s", optarg);
			break;
		case OPT_SINCE:
			op->since = time_opt("--since", optarg);
			break;
		case OPT_UNTIL:
			op->until = time_opt("--until", optarg);
			break;
		default:
			if (!cli_common(c, ch, optarg))
				cli_usage_error();
		}
	}
}

int
main(int argc, char *argv[])
{
	struct sc_common c;
	struct opts op;
	struct store s;
	struct report rp;
	struct recin *r;
	struct output *o;
	json_t *post;
	int status;

	diag_init(argv[0]);
	cli_usage_text =
	    "sc-report [-uz] [-o file] [--by field] [--format ndjson|table]\n"
	    "          [--since time] [--until time] [file ...]";
	cli_options_text =
	    "      --by FIELD      a row per value of FIELD (dotted path)\n"
	    "      --format FMT    ndjson (default) or table\n"
	    "      --since TIME    count posts created at or after TIME\n"
	    "      --until TIME    count posts created before TIME\n";
	parse_options(argc, argv, &c, &op);

	store_init(&s, op.by);
	r = rec_open(&c, argv + optind, argc - optind);
	while ((post = rec_next(r)) != NULL) {
		store_add(&s, r, post);
		json_decref(post);
	}
	status = rec_status(r);
	rec_close(r);
	store_pair(&s);
	report_build(&rp, &s, op.since, op.until);

	/* Opened only now, so -o cannot truncate an input before it is read. */
	o = output_open(c.output, c.gzip, c.unbuffered, OUTPUT_TRUNC);
	output_set_status(status);
	if (op.table)
		print_table(o, &rp);
	else
		print_ndjson(o, &rp);
	output_close(o);
	report_free(&rp);
	store_free(&s);
	return status;
}
