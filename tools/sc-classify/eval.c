/*
 * eval.c - sc-classify --eval: how well class.NAME agrees with a gold
 * label in the same records.
 *
 * Counts go into a confusion matrix that grows with each new label; the
 * report is accuracy, macro-F1 (the mean F1 over every label seen as gold
 * or as prediction, as scikit-learn computes it), each label's precision,
 * recall, F1 and support, and the matrix, as an aligned table or as one
 * JSON object (--format ndjson).  A record lacking either value is
 * skipped and counted, not rejected: unlabelled records are normal in a
 * classified stream.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "hmap.h"
#include "model.h"
#include "output.h"
#include "post.h"
#include "record.h"
#include "sc.h"
#include "xmem.h"

struct tally {
	struct hmap	*map;		/* label -> index + 1 */
	char	       **name;
	size_t		 n;
	size_t		 cap;
	unsigned long	*cm;		/* cm[gold * cap + predicted] */
	unsigned long	 records;
	unsigned long	 no_gold;
	unsigned long	 no_pred;
};

static size_t
tally_label(struct tally *t, const char *s)
{
	unsigned long *cm;
	void **slot;
	size_t i, cap;
	int existed;

	slot = hmap_put(t->map, s, strlen(s), &existed);
	if (existed)
		return (uintptr_t)*slot - 1;
	if (t->n == t->cap) {
		cap = t->cap ? 2 * t->cap : 8;
		cm = xcalloc(cap * cap, sizeof(*cm));
		for (i = 0; i < t->n; i++)
			memcpy(cm + i * cap, t->cm + i * t->cap,
			    t->n * sizeof(*cm));
		free(t->cm);
		t->cm = cm;
		t->cap = cap;
		t->name = xreallocarray(t->name, cap, sizeof(*t->name));
	}
	t->name[t->n] = xstrdup(s);
	*slot = (void *)(uintptr_t)(t->n + 1);
	return t->n++;
}

static void
tally_post(struct tally *t, const json_t *post, const char *gold,
    const char *pred, struct buf *tmp)
{
	const char *g, *p;
	size_t gi, pi;

	if ((g = model_label(json_path(post, gold), &tmp[0])) == NULL) {
		t->no_gold++;
		return;
	}
	if ((p = model_label(json_path(post, pred), &tmp[1])) == NULL) {
		t->no_pred++;
		return;
	}
	gi = tally_label(t, g);
	pi = tally_label(t, p);
	t->cm[gi * t->cap + pi]++;
	t->records++;
}

struct score {
	double		 precision;
	double		 recall;
	double		 f1;
	unsigned long	 support;
	unsigned long	 predicted;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(**(char *const *const *)a, **(char *const *const *)b);
}

/* ord[i]: the index of the i-th label in byte order. */
static size_t *
label_order(const struct tally *t)
{
	char ***p;
	size_t *ord, i;

	p = xcalloc(t->n ? t->n : 1, sizeof(*p));
	for (i = 0; i < t->n; i++)
		p[i] = &t->name[i];
	qsort(p, t->n, sizeof(*p), cmp_str);
	ord = xcalloc(t->n ? t->n : 1, sizeof(*ord));
	for (i = 0; i < t->n; i++)
		ord[i] = (size_t)(p[i] - t->name);
	free(p);
	return ord;
}

static double
ratio(unsigned long a, unsigned long b)
{
	return b ? (double)a / (double)b : 0;
}

/* Scores per label (in t's order); returns the accuracy. */
static double
scores(const struct tally *t, struct score *s, double *macro)
{
	unsigned long right = 0;
	size_t i, j;

	*macro = 0;
	for (i = 0; i < t->n; i++) {
		s[i].support = s[i].predicted = 0;
		for (j = 0; j < t->n; j++) {
			s[i].support += t->cm[i * t->cap + j];
			s[i].predicted += t->cm[j * t->cap + i];
		}
		right += t->cm[i * t->cap + i];
		s[i].precision = ratio(t->cm[i * t->cap + i], s[i].predicted);
		s[i].recall = ratio(t->cm[i * t->cap + i], s[i].support);
		s[i].f1 = s[i].precision + s[i].recall > 0 ?
		    2 * s[i].precision * s[i].recall /
		    (s[i].precision + s[i].recall) : 0;
		*macro += s[i].f1;
	}
	*macro = t->n ? *macro / (double)t->n : 0;
	return ratio(right, t->records);
}

/* Display width of a UTF-8 label: code points, which is near enough. */
static size_t
width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

static void
pad(struct buf *b, const char *s, size_t w)
{
	size_t n;

	buf_adds(b, s);
	for (n = width(s); n < w; n++)
		buf_addc(b, ' ');
}

static void
report_text(struct buf *b, const struct tally *t, const struct score *s,
    const size_t *ord, double acc, double macro)
{
	size_t i, j, w = strlen("label"), cw;
	char num[32];

	buf_printf(b, "records   %lu\n", t->records);
	buf_printf(b, "accuracy  %.3f\n", acc);
	buf_printf(b, "macro-F1  %.3f\n\n", macro);

	for (i = 0; i < t->n; i++)
		if (width(t->name[i]) > w)
			w = width(t->name[i]);
	pad(b, "label", w + 2);
	buf_adds(b, "precision  recall  F1     support\n");
	for (i = 0; i < t->n; i++) {
		pad(b, t->name[ord[i]], w + 2);
		buf_printf(b, "%-9.3f  %-6.3f  %-5.3f  %lu\n",
		    s[ord[i]].precision, s[ord[i]].recall, s[ord[i]].f1,
		    s[ord[i]].support);
	}

	/* The matrix: gold down, predicted across. */
	buf_addc(b, '\n');
	if (w < strlen("gold \\ predicted"))
		w = strlen("gold \\ predicted");
	cw = 0;
	for (i = 0; i < t->n; i++) {
		if (width(t->name[i]) > cw)
			cw = width(t->name[i]);
		snprintf(num, sizeof(num), "%lu", s[i].support);
		if (strlen(num) > cw)
			cw = strlen(num);
	}
	pad(b, "gold \\ predicted", w + 2);
	for (j = 0; j < t->n; j++) {
		if (j + 1 < t->n)
			pad(b, t->name[ord[j]], cw + 2);
		else
			buf_adds(b, t->name[ord[j]]);
	}
	buf_addc(b, '\n');
	for (i = 0; i < t->n; i++) {
		pad(b, t->name[ord[i]], w + 2);
		for (j = 0; j < t->n; j++) {
			snprintf(num, sizeof(num), "%lu",
			    t->cm[ord[i] * t->cap + ord[j]]);
			if (j + 1 < t->n)
				pad(b, num, cw + 2);
			else
				buf_adds(b, num);
		}
		buf_addc(b, '\n');
	}
}

static json_t *
report_json(const struct tally *t, const struct eval_opts *o,
    const struct score *s, const size_t *ord, double acc, double macro)
{
	json_t *r, *labels, *l, *cm, *row;
	size_t i, j;

	r = json_object();
	json_object_set_new(r, "gold", json_string(o->gold));
	json_object_set_new(r, "field", json_string(o->field));
	json_object_set_new(r, "records", json_integer((json_int_t)
	    t->records));
	json_object_set_new(r, "skipped", json_integer((json_int_t)
	    (t->no_gold + t->no_pred)));
	json_object_set_new(r, "accuracy", json_real(acc));
	json_object_set_new(r, "macro_f1", json_real(macro));
	labels = json_array();
	cm = json_object();
	for (i = 0; i < t->n; i++) {
		const struct score *si = &s[ord[i]];

		l = json_object();
		json_object_set_new(l, "label", json_string(t->name[ord[i]]));
		json_object_set_new(l, "precision", json_real(si->precision));
		json_object_set_new(l, "recall", json_real(si->recall));
		json_object_set_new(l, "f1", json_real(si->f1));
		json_object_set_new(l, "support", json_integer((json_int_t)
		    si->support));
		json_object_set_new(l, "predicted", json_integer((json_int_t)
		    si->predicted));
		json_array_append_new(labels, l);
		row = json_object();
		for (j = 0; j < t->n; j++)
			json_object_set_new(row, t->name[ord[j]],
			    json_integer((json_int_t)
			    t->cm[ord[i] * t->cap + ord[j]]));
		json_object_set_new(cm, t->name[ord[i]], row);
	}
	json_object_set_new(r, "labels", labels);
	json_object_set_new(r, "confusion", cm);
	return r;
}

int
eval_run(const struct sc_common *c, const struct eval_opts *o,
    char *const *files, int nfiles)
{
	struct tally t;
	struct buf tmp[2] = { BUF_INIT, BUF_INIT }, b = BUF_INIT;
	struct score *s;
	struct recin *r;
	struct output *out;
	json_t *post, *rep;
	size_t *ord, i;
	double acc, macro;
	char *pred;
	int status;

	memset(&t, 0, sizeof(t));
	t.map = hmap_new();
	pred = xasprintf("class.%s", o->field);
	r = rec_open(c, files, nfiles);
	while ((post = rec_next(r)) != NULL) {
		tally_post(&t, post, o->gold, pred, tmp);
		json_decref(post);
	}
	status = rec_status(r);
	rec_close(r);

	if (t.no_gold + t.no_pred > 0) {
		buf_reset(&b);
		if (t.no_gold > 0)
			buf_printf(&b, "%lu without \"%s\"", t.no_gold,
			    o->gold);
		if (t.no_pred > 0)
			buf_printf(&b, "%s%lu without \"%s\"",
			    t.no_gold > 0 ? ", " : "", t.no_pred, pred);
		warnmsg("--eval: skipped %lu records: %s",
		    t.no_gold + t.no_pred, buf_str(&b));
	}
	if (t.records == 0) {
		warnmsg("--eval: no record has both \"%s\" and \"%s\": "
		    "nothing to evaluate", o->gold, pred);
		status = SC_EXIT_FATAL;
		goto out;
	}
	s = xcalloc(t.n, sizeof(*s));
	ord = label_order(&t);
	acc = scores(&t, s, &macro);
	out = output_open(c->output, c->gzip, c->unbuffered, OUTPUT_TRUNC);
	output_set_status(status);
	if (o->ndjson) {
		rep = report_json(&t, o, s, ord, acc, macro);
		output_json(out, rep);
		json_decref(rep);
	} else {
		buf_reset(&b);
		report_text(&b, &t, s, ord, acc, macro);
		output_puts(out, buf_str(&b));
	}
	output_close(out);
	free(ord);
	free(s);
out:
	buf_free(&b);
	buf_free(&tmp[0]);
	buf_free(&tmp[1]);
	free(pred);
	for (i = 0; i < t.n; i++)
		free(t.name[i]);
	free(t.name);
	free(t.cm);
	hmap_free(t.map);
	return status;
}
