/*
 * sc-route - give each sc-post(5) record a queue, a priority and SLA due
 * times from the first rule that matches it.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "config.h"
#include "diag.h"
#include "dispatch.h"
#include "jsonpos.h"
#include "post.h"
#include "record.h"
#include "rules.h"
#include "sc.h"
#include "xmem.h"

enum {
	OPT_EXPLAIN = OPT_TOOL_BASE,
	OPT_DROP_SKIPPED,
	OPT_STATE,
	OPT_QUEUE,
	OPT_FORMAT,
	OPT_CHECKPOINT
};

struct router {
	const struct ruleset *rs;
	struct rule_hits *hits;
	int		 explain;	/* --explain: route.why */
	int		 drop_skipped;	/* --drop-skipped */
	struct dispatch	*d;		/* agents */
};

static int
route_post(struct recin *r, json_t *post, void *ctx)
{
	struct router *ro = ctx;
	char err[256];
	json_t *route, *why;

	rules_match(ro->rs, post, ro->hits);
	if (ro->drop_skipped && ro->hits->decided != NULL &&
	    ro->hits->decided->skip) {
		/* Left out, but a brand post still closes its conversation. */
		if (dispatch_active(ro->d)) {
			route = json_pack("{s:b}", "skip", 1);
			(void)dispatch_post(ro->d, r, post, route, NULL);
			json_decref(route);
		}
		return 1;
	}
	route = rules_route(ro->rs, ro->hits, post, err, sizeof(err));
	if (route == NULL) {
		rec_reject(r, "%s", err);
		return -1;
	}
	if (ro->explain || dispatch_active(ro->d)) {
		/* The route may be the rule's own: add to a copy. */
		why = json_copy(route);
		json_decref(route);
		route = why;
	}
	if (dispatch_post(ro->d, r, post, route, ro->hits->decided != NULL ?
	    ro->hits->decided->skill : NULL) == -1) {
		json_decref(route);
		return -1;
	}
	if (ro->explain)
		json_object_set_new(route, "why",
		    rules_why(ro->rs, ro->hits, post));
	/* In place of an old route, else last: the same on both paths of
	 * rec_filter_keys(). */
	json_object_set_new(post, "route", route);
	return 0;
}

/*
 * "route.rules" from the configuration, relative to the configuration
 * file's folder; NULL when it is not set.
 */
static char *
config_rules(const struct sc_common *c)
{
	static const char *const steps[] = { "route", "rules" };
	const char *cpath, *s, *slash;
	json_t *cfg, *v;
	char *path, *text;
	size_t len;

	cfg = config_load(c->config);
	if ((v = json_path(cfg, "route.rules")) == NULL) {
		json_decref(cfg);
		return NULL;
	}
	cpath = config_path();
	if (!json_is_string(v) || json_string_length(v) == 0) {
		text = xslurp(cpath, &len);
		warnat(cpath, (unsigned long)jsonpos_line(text, len, steps, 2),
		    "\"route.rules\": expected the path of a rules file, "
		    "got %s", json_is_string(v) ? "\"\"" : json_kind_a(v));
		free(text);
		json_decref(cfg);
		exit(SC_EXIT_FATAL);
	}
	s = json_string_value(v);
	if (*s != '/' && (slash = strrchr(cpath, '/')) != NULL)
		path = xasprintf("%.*s/%s", (int)(slash - cpath), cpath, s);
	else
		path = xstrdup(s);
	json_decref(cfg);
	return path;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		{ "check",	no_argument,		NULL, 'n' },
		{ "drop-skipped", no_argument,		NULL, OPT_DROP_SKIPPED },
		{ "explain",	no_argument,		NULL, OPT_EXPLAIN },
		{ "rules",	required_argument,	NULL, 'r' },
		{ "state",	required_argument,	NULL, OPT_STATE },
		{ "queue",	no_argument,		NULL, OPT_QUEUE },
		{ "format",	required_argument,	NULL, OPT_FORMAT },
		{ "checkpoint",	required_argument,	NULL, OPT_CHECKPOINT },
		{ NULL,		0,			NULL, 0 }
	};
	struct sc_common c;
	struct ruleset *rs;
	struct router ro;
	const char *rules = NULL, *state = NULL, *format = NULL;
	char *path;
	long checkpoint = 0;
	int ch, check = 0, queue = 0, status = SC_EXIT_OK;

	memset(&ro, 0, sizeof(ro));
	diag_init(argv[0]);
	cli_usage_text = "sc-route [-nuz] [--drop-skipped] [--explain] "
	    "[-o file] [--rejects file] [--strict] [-r rules.json]\n"
	    "    [--state file] [--checkpoint n] [file ...]\n"
	    "sc-route --queue --state file [--format ndjson|table] [-o file]";
	cli_options_text =
	    "  -r, --rules FILE    the rules (default: \"route.rules\" in the\n"
	    "                      configuration file)\n"
	    "  -n, --check         only load and check the rules\n"
	    "      --explain       add route.why: the tests that decided and\n"
	    "                      the rules passed over\n"
	    "      --drop-skipped  leave out the posts a \"skip\" rule took\n"
	    "      --state FILE    assignments and waiting posts across runs\n"
	    "      --checkpoint N  write the state every N records too\n"
	    "                      (default 0: only at the end)\n"
	    "      --queue         print the open conversations of --state\n"
	    "      --format FORMAT --queue as ndjson (default) or table\n";
	cli_init(&c);
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "nr:",
	    longopts)) != -1) {
		switch (ch) {
		case 'n':
			check = 1;
			break;
		case 'r':
			rules = optarg;
			break;
		case OPT_EXPLAIN:
			ro.explain = 1;
			break;
		case OPT_DROP_SKIPPED:
			ro.drop_skipped = 1;
			break;
		case OPT_STATE:
			state = optarg;
			break;
		case OPT_QUEUE:
			queue = 1;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_CHECKPOINT:
			checkpoint = (long)cli_number("--checkpoint", optarg, 0,
			    100000000);
			break;
		default:
			if (!cli_common(&c, ch, optarg))
				cli_usage_error();
		}
	}
	if (format != NULL && (!queue || (strcmp(format, "ndjson") != 0 &&
	    strcmp(format, "table") != 0))) {
		warnmsg(queue ? "--format: expected ndjson or table: %s" :
		    "--format: only with --queue", format);
		cli_usage_error();
	}
	if (queue) {
		if (state == NULL || check || optind < argc) {
			warnmsg("--queue: give --state FILE and no input");
			cli_usage_error();
		}
		return dispatch_queue(state, c.output,
		    format != NULL && strcmp(format, "table") == 0);
	}
	path = rules != NULL ? xstrdup(rules) : config_rules(&c);
	if (path == NULL) {
		warnmsg("no rules: give -r FILE or set \"route.rules\" in the "
		    "configuration file");
		cli_usage_error();
	}
	rs = rules_load(path);
	ro.rs = rs;
	ro.hits = rules_hits_new(rs);
	ro.d = dispatch_open(dispatch_agents(rs, path), check ? NULL : state,
	    checkpoint);
	if (dispatch_active(ro.d)) {
		/* What assignment reads besides the rules' members. */
		rules_add_member(rs, "id");
		rules_add_member(rs, "conversation_id");
		rules_add_member(rs, "from_brand");
		rules_add_member(rs, "class");
	}
	if (!check)
		status = rec_filter_keys(&c, argv + optind, argc - optind,
		    rs->members, "route", route_post, &ro);
	/* After the output is complete: see dispatch.h. */
	dispatch_close(ro.d);
	rules_hits_free(ro.hits);
	rules_free(rs);
	free(path);
	return status;
}
