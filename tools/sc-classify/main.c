/*
 * sc-classify - add intent, sentiment and language to each post; train
 * and score models of a team's own (model.h).
 */
#include <jansson.h>

#include "classify.h"
#include "cli.h"
#include "diag.h"
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
		    json_string_length(text), stack, class);
	}
	triage_post(&run->tr, post, class, &res, &c->t,
	    json_string_value(text), json_string_length(text));
	if (run->scores)
		json_object_set_new(class, "scores", class_scores(c, &res));
	json_object_set_new(post, "class", class);
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
		status = rec_filter_keys(&c, argv + optind, argc - optind,
		    run.tr.history != NULL ? reads_history : reads, "class",
		    classify_post, &run);
		classifier_free(&run.cl);
		models_free(run.models);
	}
	model_opts_free(&mo);
	status = sc_worse(status, triage_free(&run.tr));
	return status;
}
