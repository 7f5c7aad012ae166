/*
 * sc-classify - add intent, sentiment and language to each post; train
 * and score models of a team's own (model.h).
 */
#include <string.h>

#include <jansson.h>

#include "classify.h"
#include "cli.h"
#include "diag.h"
#include "jsonw.h"
#include "model.h"
#include "post.h"
#include "record.h"
#include "sc.h"
#include "triage.h"

/*
 * The members classify_post() and triage read; it writes only "class".
 * The author's id and handle, the platform and the time only count for
 * --history: each post is spared building them.
 */
static const char *const reads[] = {
	"text", "author.verified", "author.followers", "in_reply_to_brand",
	NULL
};
static const char *const reads_history[] = {
	"text", "author.verified", "author.followers", "author.id",
	"author.handle", "in_reply_to_brand", "platform", "created_at", NULL
};

/* Options of the plain classifying run. */
enum {
	OPT_SCORES = OPT_TOOL_BASE + 0xc0
};

struct run {
	struct classifier	 cl;
	int			 scores;	/* --scores */
	struct models		*models;	/* --model, or NULL */
	struct triage		 tr;
};

static int
classify_post(struct recin *r, json_t *post, void *ctx)
{
	struct run *run = ctx;
	struct classifier *c = &run->cl;
	struct class_result res;
	json_t *text, *class;
	char err[256];

	if (post_check(post, POST_TEXT, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	text = json_object_get(post, "text");
	classify(c, json_string_value(text), json_string_length(text),
	    class_context(post), &res);
	class = class_json(c, &res);
	if (run->models != NULL) {
		float stack[MODEL_STACK_N];

		class_stack(&res, stack);
		models_apply(run->models, json_string_value(text),
		    json_string_length(text), model_context(post), stack,
		    class);
	}
	triage_post(&run->tr, post, class, &res, &c->t,
	    json_string_value(text), json_string_length(text));
	if (run->scores) {
		json_object_set_new(class, "scores", class_scores(c,
		    res.intent.score));
		/* The class object may be the last post's, refilled. */
		if (res.intent.read)
			json_object_set_new(class, "scores_corpus",
			    class_scores(c, res.intent.corpus));
		else
			json_object_del(class, "scores_corpus");
	}
	json_object_set_new(post, "class", class);
	return 0;
}

/*
 * The "class" classify_post() makes, written straight into b as jsonw.h
 * would write it, in the same order: for a line taken apart by jscan.h,
 * with no --model and no --scores (which take classify_post()'s way).
 * The two must agree key for key: the case class-paths compares them.
 */
static void
write_class(const struct class_result *res, const struct triage *tr,
    const struct triage_out *to, struct buf *b)
{
	const char *v;

	buf_adds(b, "{\"intent\":");
	v = intent_name(res->intent.intent);
	jsonw_string(b, v, strlen(v));
	buf_adds(b, ",\"sentiment\":");
	v = sentiment_name(res->sent.label);
	jsonw_string(b, v, strlen(v));
	buf_adds(b, ",\"sentiment_score\":");
	jsonw_real(b, class_round(res->sent.score));
	if (res->sent.irony)
		buf_adds(b, ",\"irony\":true");
	buf_adds(b, ",\"lang\":");
	v = lang_code(res->lang.lang);
	jsonw_string(b, v, strlen(v));
	buf_adds(b, ",\"confidence\":{\"intent\":");
	jsonw_real(b, class_round(res->intent.conf));
	buf_adds(b, ",\"sentiment\":");
	jsonw_real(b, class_round(res->sent.conf));
	buf_adds(b, ",\"lang\":");
	jsonw_real(b, class_round(res->lang.conf));
	triage_write_conf(to, b);
	buf_adds(b, "},\"model\":");
	jsonw_string(b, CLASS_MODEL, strlen(CLASS_MODEL));
	triage_write(tr, to, b);
	buf_addc(b, '}');
}

static int
classify_raw(struct recin *r, json_t *post, struct buf *val, void *ctx)
{
	struct run *run = ctx;
	struct class_result res;
	struct triage_out to;
	json_t *text;
	const char *s;
	size_t n;
	char err[256];

	if (run->models != NULL || run->scores) {
		if (classify_post(r, post, ctx) != 0)
			return -1;
		jsonw(val, json_object_get(post, "class"));
		return 0;
	}
	if (post_check(post, POST_TEXT, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	text = json_object_get(post, "text");
	s = json_string_value(text);
	n = json_string_length(text);
	classify(&run->cl, s, n, class_context(post), &res);
	triage_eval(&run->tr, post, res.intent.intent, res.intent.conf,
	    res.sent.label < 0, &run->cl.t, s, n, &to);
	write_class(&res, &run->tr, &to, val);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		MODEL_LONGOPTS,
		TRIAGE_LONGOPTS,
		{ "scores",	no_argument,	NULL, OPT_SCORES },
		{ NULL, 0, NULL, 0 }
	};
	struct sc_common c;
	struct model_opts mo;
	struct run run;
	int ch, status;

	diag_init(argv[0]);
	cli_usage_text = "sc-classify [-uz] [--scores] [-o file] [--rejects "
	    "file] [--strict] [file ...]\n" TRIAGE_USAGE "\n" MODEL_USAGE;
	cli_options_text = "      --scores        add class.scores: each "
	    "intent's score\n" TRIAGE_OPTIONS_TEXT MODEL_OPTIONS;
	cli_init(&c);
	model_opts_init(&mo);
	triage_defaults(&run.tr);
	run.scores = 0;
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS,
	    longopts)) != -1)
		if (ch == OPT_SCORES)
			run.scores = 1;
		else if (!model_option(&mo, ch, optarg) &&
		    !triage_option(&run.tr, ch, optarg) &&
		    !cli_common(&c, ch, optarg))
			cli_usage_error();

	switch (model_mode(&mo)) {
	case MODE_TRAIN:
		status = train_run(&c, &mo.train, argv + optind, argc - optind);
		break;
	case MODE_EVAL:
		status = eval_run(&c, &mo.eval, argv + optind, argc - optind);
		break;
	default:
		run.models = models_load(&mo, CLASS_MODEL);
		classifier_init(&run.cl);
		triage_init(&run.tr, c.config);
		status = rec_filter_keys_raw(&c, argv + optind, argc - optind,
		    run.tr.history != NULL ? reads_history : reads, "class",
		    classify_post, classify_raw, &run);
		classifier_free(&run.cl);
		models_free(run.models);
	}
	model_opts_free(&mo);
	status = sc_worse(status, triage_free(&run.tr));
	return status;
}
