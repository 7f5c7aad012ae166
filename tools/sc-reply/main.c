/*
 * sc-reply - add a draft answer to each post, from a templates file.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "config.h"
#include "diag.h"
#include "jsonpos.h"
#include "post.h"
#include "record.h"
#include "reply.h"
#include "sc.h"
#include "xmem.h"

enum {
	OPT_FALLBACK = OPT_TOOL_BASE,
	OPT_NO_MENTION,
	OPT_REVIEW_BELOW,
	OPT_HISTORY,
	OPT_APPROVE,
	OPT_REJECT,
	OPT_LINT,
	OPT_THREAD,
	OPT_KB
};

/* What a run does; drafting unless an option says otherwise. */
enum { MODE_DRAFT, MODE_GATE, MODE_LINT };

/* The members drafting reads besides those the templates name. */
static const char *const draft_members[] = {
	"id", "platform", "text", "author", "from_brand", "conversation_id",
	"in_reply_to", "channel", "lang", "class", "route", "reply", NULL
};

/* draft_members and the templates' own, NULL-terminated. */
static const char **
members(const struct tmpls *ts)
{
	const char *const *w = tmpls_want(ts);
	const char **all;
	size_t n = 0, k, i;

	while (w[n] != NULL)
		n++;
	all = xcalloc(n + sizeof(draft_members) / sizeof(*draft_members),
	    sizeof(*all));
	for (k = 0; draft_members[k] != NULL; k++)
		all[k] = draft_members[k];
	for (i = 0; i < n; i++) {
		for (k = 0; all[k] != NULL && strcmp(all[k], w[i]) != 0; k++)
			;
		if (all[k] == NULL)
			all[k] = w[i];
	}
	return all;
}

/* A value of the wrong type in the configuration file: exit 2. */
static void __attribute__((noreturn))
config_type(const char *const *jp, int njp, const char *name,
    const json_t *v)
{
	const char *path = config_path();
	size_t len;
	char *text;
	int line;

	text = xslurp(path, &len);
	line = jsonpos_line(text, len, jp, njp);
	free(text);
	die(SC_EXIT_FATAL, "%s:%d: \"%s\": expected a string, got %s", path,
	    line, name, json_kind_a(v));
}

/* -t, else the configuration's reply.templates, beside the config. */
static char *
templates_path(const json_t *cfg, const char *opt)
{
	static const char *const jp[] = { "reply", "templates" };
	const char *cpath, *s, *slash;
	json_t *v;

	if (opt != NULL)
		return xstrdup(opt);
	v = json_path(cfg, "reply.templates");
	if (v == NULL || json_is_null(v)) {
		warnmsg("no templates: give -t FILE or set "
		    "\"reply.templates\" in the configuration file");
		cli_usage_error();
	}
	if (!json_is_string(v))
		config_type(jp, 2, "reply.templates", v);
	s = json_string_value(v);
	cpath = config_path();
	if (s[0] == '/' || (slash = strrchr(cpath, '/')) == NULL)
		return xstrdup(s);
	return xasprintf("%.*s/%s", (int)(slash - cpath), cpath, s);
}

/* -a, else the configuration's agent, else the templates file's. */
static const char *
agent_name(const json_t *cfg, const char *opt, const struct tmpls *ts)
{
	static const char *const jp[] = { "agent" };
	json_t *v;

	if (opt != NULL)
		return opt;
	v = json_object_get(cfg, "agent");
	if (v != NULL && !json_is_null(v) && !json_is_string(v))
		config_type(jp, 1, "agent", v);
	if (json_is_string(v))
		return json_string_value(v);
	return tmpls_agent(ts) != NULL ? tmpls_agent(ts) : "";
}

static const char *const gate_members[] = { "id", "reply", NULL };

static const char *
lang_code(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			break;
	if (i == 0 || s[i] != '\0' || i > 35)
		die(SC_EXIT_FATAL, "--fallback-lang: not a language code: "
		    "\"%s\"", s);
	return s;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		{ "agent",	   required_argument, NULL, 'a' },
		{ "templates",	   required_argument, NULL, 't' },
		{ "fallback-lang", required_argument, NULL, OPT_FALLBACK },
		{ "no-mention",	   no_argument,	      NULL, OPT_NO_MENTION },
		{ "review-below",  required_argument, NULL, OPT_REVIEW_BELOW },
		{ "history",	   required_argument, NULL, OPT_HISTORY },
		{ "approve",	   required_argument, NULL, OPT_APPROVE },
		{ "reject",	   required_argument, NULL, OPT_REJECT },
		{ "lint",	   no_argument,	      NULL, OPT_LINT },
		{ "thread",	   no_argument,	      NULL, OPT_THREAD },
		{ "kb",		   required_argument, NULL, OPT_KB },
		{ NULL, 0, NULL, 0 }
	};
	struct sc_common c;
	struct drafter d;
	struct gate g;
	struct lint *l;
	struct tmpls *ts;
	const char *topt = NULL, *aopt = NULL, *fallback = "en";
	const char *history = NULL, *kbpath = NULL, **want;
	char *tpath;
	json_t *cfg;
	double below = 0.6;
	int ch, mention = 1, status, mode = MODE_DRAFT, thread = 0;

	diag_init(argv[0]);
	if (send_asked(argc, argv))
		return send_main(argc, argv);
	cli_usage_text =
	    "sc-reply [-uz] [-a agent] [-o file] [-t templates.json]\n"
	    "         [--fallback-lang code] [--history file] [--kb file]\n"
	    "         [--no-mention] [--rejects file] [--review-below x]\n"
	    "         [--strict] [--thread] [file ...]\n"
	    "sc-reply [-uz] [-o file] --approve id | --reject id ...\n"
	    "         [file ...]\n"
	    "sc-reply --lint [-t templates.json] [file ...]";
	cli_options_text =
	    "  -t, --templates FILE\n"
	    "                      the reply templates (default: the\n"
	    "                      configuration's reply.templates)\n"
	    "  -a, --agent NAME    the name {{agent}} stands for\n"
	    "      --fallback-lang CODE\n"
	    "                      the language to use when the post's\n"
	    "                      has no template (default en)\n"
	    "      --no-mention    do not start replies with @handle\n"
	    "      --review-below X\n"
	    "                      a person reviews drafts whose intent or\n"
	    "                      sentiment confidence is under X (0.6)\n"
	    "      --history FILE  the last reply of each conversation, kept\n"
	    "                      across runs so variants do not repeat\n"
	    "      --approve ID    approve the reply to post ID (repeatable)\n"
	    "      --reject ID     reject the reply to post ID (repeatable)\n"
	    "      --kb FILE       the knowledge base {{kb.answer}} comes from\n"
	    "      --thread        split a draft that is too long into a\n"
	    "                      numbered thread (default: shorten it)\n"
	    "      --lint          check the replies, write no records\n";
	cli_init(&c);
	gate_init(&g);
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "a:t:",
	    longopts)) != -1) {
		switch (ch) {
		case 'a':
			aopt = optarg;
			break;
		case 't':
			topt = optarg;
			break;
		case OPT_FALLBACK:
			fallback = lang_code(optarg);
			break;
		case OPT_NO_MENTION:
			mention = 0;
			break;
		case OPT_REVIEW_BELOW:
			below = cli_real("--review-below", optarg, 0, 1);
			break;
		case OPT_HISTORY:
			history = optarg;
			break;
		case OPT_APPROVE:
		case OPT_REJECT:
			gate_add(&g, optarg, ch == OPT_APPROVE ? GATE_APPROVE :
			    GATE_REJECT);
			if (mode != MODE_LINT)
				mode = MODE_GATE;
			break;
		case OPT_LINT:
			mode = MODE_LINT;
			break;
		case OPT_THREAD:
			thread = 1;
			break;
		case OPT_KB:
			kbpath = optarg;
			break;
		default:
			if (!cli_common(&c, ch, optarg))
				cli_usage_error();
		}
	}

	if (g.n > 0 && mode == MODE_LINT)
		die(SC_EXIT_FATAL, "--lint does not go with --approve or "
		    "--reject");
	if (mode == MODE_GATE && g.n > 0 && (topt != NULL || history != NULL))
		die(SC_EXIT_FATAL, "--approve and --reject change statuses "
		    "only: -t and --history do not go with them");
	if (mode == MODE_GATE) {
		status = rec_filter_keys(&c, argv + optind, argc - optind,
		    gate_members, "reply", gate_post, &g);
		return sc_worse(status, gate_finish(&g));
	}
	gate_finish(&g);

	cfg = config_load(c.config);
	if (mode == MODE_LINT) {
		ts = NULL;
		tpath = NULL;
		if (topt != NULL || json_path(cfg, "reply.templates") != NULL) {
			tpath = templates_path(cfg, topt);
			ts = tmpls_load(tpath);
		}
		l = lint_new(ts);
		status = lint_run(l, &c, argv + optind, argc - optind);
		lint_free(l);
		tmpls_free(ts);
		free(tpath);
		json_decref(cfg);
		return status;
	}
	tpath = templates_path(cfg, topt);
	ts = tmpls_load(tpath);
	drafter_init(&d, ts, agent_name(cfg, aopt, ts), fallback, mention);
	d.review_below = below;
	d.thread = thread;
	if (kbpath != NULL)
		d.kb = kb_load(kbpath);
	d.convos = convos_open(history);
	want = members(ts);

	status = rec_filter_keys(&c, argv + optind, argc - optind, want,
	    "reply", draft_post, &d);
	if (convos_close(d.convos) == -1)
		status = sc_worse(status, SC_EXIT_FATAL);

	free(want);
	kb_free(d.kb);
	drafter_free(&d);
	tmpls_free(ts);
	free(tpath);
	json_decref(cfg);
	return status;
}
