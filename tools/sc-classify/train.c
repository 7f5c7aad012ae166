/*
 * train.c - sc-classify --train: labelled posts in, a model file out.
 *
 * The records are read once, each turned into its sparse feature vector
 * at once (model.h), so memory holds numbers, not JSON.  A record without
 * text or without a label is rejected as any bad record is; the model is
 * still written from the others, and the exit status says 1.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "diag.h"
#include "hmap.h"
#include "model.h"
#include "post.h"
#include "record.h"
#include "sc.h"
#include "xmem.h"

/*
 * AdaGrad's step, the L2 penalty and the label balance, chosen on dev
 * splits of the airline, Chinese, Russian, Polish and German sets
 * (tests/bench/classify-trained.sh); the figures move little around them.
 */
#define TRAIN_RATE	0.2
#define TRAIN_L2	1e-5
#define TRAIN_BALANCE	0.5

struct labels {
	struct hmap	*map;		/* label -> index + 1 */
	char	       **name;
	size_t		 n;
};

/* The label's index, adding it when new; -1 when there are too many. */
static long
label_index(struct labels *l, const char *s)
{
	void **slot;
	int existed;

	slot = hmap_put(l->map, s, strlen(s), &existed);
	if (existed)
		return (long)(uintptr_t)*slot - 1;
	if (l->n == MODEL_MAX_LABELS)
		return -1;
	l->name = xreallocarray(l->name, l->n + 1, sizeof(*l->name));
	l->name[l->n] = xstrdup(s);
	*slot = (void *)(uintptr_t)(l->n + 1);
	return (long)l->n++;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Labels in byte order, so the file does not depend on input order. */
static void
sort_labels(struct labels *l, struct dataset *d)
{
	uint32_t *to;
	size_t i;
	void **slot;

	qsort(l->name, l->n, sizeof(*l->name), cmp_str);
	to = xcalloc(l->n, sizeof(*to));
	for (i = 0; i < l->n; i++) {
		slot = hmap_get(l->map, l->name[i], strlen(l->name[i]));
		to[(uintptr_t)*slot - 1] = (uint32_t)i;
	}
	for (i = 0; i < d->ndoc; i++)
		d->label[i] = to[d->label[i]];
	free(to);
}

/*
 * One record into d; -1 after rejecting it.  cl: the built-in, for the
 * context and stacking features, or NULL (--plain).  t: where to
 * tokenize the text for --features tokens, whose models read the context
 * even with --plain; or NULL for the text's own features.
 */
static int
add_record(struct recin *r, const json_t *post, const char *target,
    struct labels *l, struct featx *fx, struct classifier *cl,
    struct text *t, struct dataset *d, struct buf *tmp)
{
	const json_t *v, *text;
	const char *label;
	char err[256];
	long i;

	if (post_check(post, POST_TEXT, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	v = json_path(post, target);
	if (v == NULL || json_is_null(v)) {
		rec_reject(r, "missing field \"%s\"", target);
		return -1;
	}
	if ((label = model_label(v, tmp)) == NULL) {
		rec_reject(r, "\"%s\": expected a string, got %s", target,
		    json_kind_a(v));
		return -1;
	}
	if (*label == '\0') {
		rec_reject(r, "\"%s\": empty label", target);
		return -1;
	}
	if ((i = label_index(l, label)) < 0)
		die(SC_EXIT_FATAL, "--target %s: more than %d labels; is it "
		    "the label field?", target, MODEL_MAX_LABELS);
	text = json_object_get(post, "text");
	if (t != NULL) {
		text_tokenize(t, json_string_value(text),
		    json_string_length(text));
		model_hash_tokens(t);
		model_tokens(fx, t);
	} else
		model_features(fx, json_string_value(text),
		    json_string_length(text));
	if (cl == NULL && t != NULL)
		model_context_feature(fx, model_context(post));
	if (cl != NULL) {
		struct class_result res;
		float stack[MODEL_STACK_N];

		classify(cl, json_string_value(text),
		    json_string_length(text), class_context(post), &res);
		class_stack(&res, stack);
		model_context_feature(fx, model_context(post));
		model_stack(fx, stack);
		model_cross(fx, stack, model_context(post));
	}
	dataset_add(d, fx, (uint32_t)i);
	return 0;
}

int
train_run(const struct sc_common *c, const struct train_opts *o,
    char *const *files, int nfiles)
{
	struct labels l = { NULL, NULL, 0 };
	struct dataset d;
	struct featx fx;
	struct model m;
	struct train_params p;
	struct classifier cl;
	struct text t;
	struct buf tmp = BUF_INIT;
	struct recin *r;
	json_t *post;
	size_t i;
	int status;

	memset(&d, 0, sizeof(d));
	memset(&m, 0, sizeof(m));
	l.map = hmap_new();
	featx_init(&fx, o->tokens ? MODEL_TOKEN_BITS : MODEL_HASH_BITS);
	text_init(&t);
	if (!o->plain)
		classifier_init(&cl);
	r = rec_open(c, files, nfiles);
	while ((post = rec_next(r)) != NULL) {
		(void)add_record(r, post, o->target, &l, &fx,
		    o->plain ? NULL : &cl, o->tokens ? &t : NULL, &d, &tmp);
		json_decref(post);
	}
	status = rec_status(r);
	rec_close(r);
	featx_free(&fx);
	text_free(&t);
	if (!o->plain)
		classifier_free(&cl);
	buf_free(&tmp);

	if (l.n < 2) {
		if (l.n == 0)
			warnmsg("--train: no labelled records: nothing to "
			    "learn from");
		else
			warnmsg("--train: every record has the label \"%s\": "
			    "a model needs two or more", l.name[0]);
		status = SC_EXIT_FATAL;
		goto out;
	}
	sort_labels(&l, &d);
	m.target = xstrdup(o->target);
	m.labels = l.name;
	m.nlabels = l.n;
	m.bits = o->tokens ? MODEL_TOKEN_BITS : MODEL_HASH_BITS;
	m.tokens = o->tokens;
	m.stack = !o->plain;
	m.context = !o->plain || o->tokens;
	m.cross = !o->plain;
	p.seed = o->seed;
	p.epochs = o->epochs;
	p.rate = TRAIN_RATE;
	p.l2 = TRAIN_L2;
	p.balance = TRAIN_BALANCE;
	p.runs = o->runs;
	model_train(&m, &d, &p);
	if (model_save(&m, o->path) == -1) {
		warnmsg("%s: %s", o->path, strerror(errno));
		status = SC_EXIT_FATAL;
	}
	m.labels = NULL;
	m.nlabels = 0;
	model_free(&m);
out:
	dataset_free(&d);
	for (i = 0; i < l.n; i++)
		free(l.name[i]);
	free(l.name);
	hmap_free(l.map);
	return status;
}
