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
	OPT_NO_MENTION
};

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
		{ NULL, 0, NULL, 0 }
	};
	struct sc_common c;
	struct drafter d;
	struct tmpls *ts;
	const char *topt = NULL, *aopt = NULL, *fallback = "en";
	char *tpath;
	json_t *cfg;
	int ch, mention = 1, status;

	diag_init(argv[0]);
	if (send_asked(argc, argv))
		return send_main(argc, argv);
	cli_usage_text =
	    "sc-reply [-uz] [-a agent] [-o file] [-t templates.json]\n"
	    "         [--fallback-lang code] [--no-mention] [--rejects file]\n"
	    "         [--strict] [file ...]";
	cli_options_text =
	    "  -t, --templates FILE\n"
	    "                      the reply templates (default: the\n"
	    "                      configuration's reply.templates)\n"
	    "  -a, --agent NAME    the name {{agent}} stands for\n"
	    "      --fallback-lang CODE\n"
	    "                      the language to use when the post's\n"
	    "                      has no template (default en)\n"
	    "      --no-mention    do not start replies with @handle\n";
	cli_init(&c);
	while ((ch = getopt_long(argc, argv, SC_COMMON_SHORTOPTS "a:t:",
	    longopts, NULL)) != -1) {
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
		default:
			if (!cli_common(&c, ch, optarg))
				cli_usage_error();
		}
	}

	cfg = config_load(c.config);
	tpath = templates_path(cfg, topt);
	ts = tmpls_load(tpath);
	drafter_init(&d, ts, agent_name(cfg, aopt, ts), fallback, mention);

	status = rec_filter(&c, argv + optind, argc - optind, draft_post, &d);

	drafter_free(&d);
	tmpls_free(ts);
	free(tpath);
	json_decref(cfg);
	return status;
}
