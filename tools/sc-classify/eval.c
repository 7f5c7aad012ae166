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
 * classified stream.  When the records carry class.confidence.NAME, a
 * reliability table follows: per confidence band, how many records and
 * how many of them right, and the same for confidence >= 0.8, the band
 * sc-reply's gate trusts.
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

/* Confidence bands: [band[i], band[i + 1]), the last one closed. */
static const double band[] = { 0, 0.2, 0.4, 0.6, 0.8, 0.9, 1 };
#define NBAND		(sizeof(band) / sizeof(band[0]) - 1)
#define CONFIDENT	0.8

struct tally {
	struct hmap	*map;		/* label -> index + 1 */
	char	       **name;
	size_t		 n;
	size_t		 cap;
	unsigned long	*cm;		/* cm[gold * cap + predicted] */
	unsigned long	 records;
	unsigned long	 no_gold;
	unsigned long	 no_pred;
	unsigned long	 inband[NBAND];	/* records with a confidence */
	unsigned long	 rightband[NBAND];
	unsigned long	 confident, rightconfident;
	unsigned long	 withconf;
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
tally_conf(struct tally *t, const json_t *post, const char *conf, int right)
{
	const json_t *v = json_path(post, conf);
	double x;
	size_t i;

	if (!json_is_number(v))
		return;
	x = json_number_value(v);
	if (!(x >= 0 && x <= 1))
		return;
	for (i = 0; i + 1 < NBAND && x >= band[i + 1]; i++)
		continue;
	t->withconf++;
	t->inband[i]++;
	t->rightband[i] += right;
	if (x >= CONFIDENT) {
		t->confident++;
		t->rightconfident += right;
	}
}

static void
tally_post(struct tally *t, const json_t *post, const char *gold,
    const char *pred, const char *conf, struct buf *tmp)
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
	tally_conf(t, post, conf, gi == pi);
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

static void
report_reliability_text(struct buf *b, const struct tally *t)
{
	size_t i;

	if (t->withconf == 0)
		return;
	buf_adds(b, "\nconfidence  records  share  accuracy\n");
	for (i = 0; i < NBAND; i++)
		buf_printf(b, "[%.1f, %.1f%c  %-7lu  %.3f  %.3f\n", band[i],
		    band[i + 1], i + 1 == NBAND ? ']' : ')', t->inband[i],
		    ratio(t->inband[i], t->withconf),
		    ratio(t->rightband[i], t->inband[i]));
	buf_printf(b, ">= %.1f      %-7lu  %.3f  %.3f\n", CONFIDENT,
	    t->confident, ratio(t->confident, t->withconf),
	    ratio(t->rightconfident, t->confident));
}

static json_t *
report_reliability_json(const struct tally *t)
{
	json_t *r, *a, *o;
	size_t i;

	r = json_object();
	a = json_array();
	for (i = 0; i < NBAND; i++) {
		o = json_object();
		json_object_set_new(o, "from", json_real(band[i]));
		json_object_set_new(o, "to", json_real(band[i + 1]));
		json_object_set_new(o, "records",
		    json_integer((json_int_t)t->inband[i]));
		json_object_set_new(o, "accuracy",
		    json_real(ratio(t->rightband[i], t->inband[i])));
		json_array_append_new(a, o);
	}
	json_object_set_new(r, "bands", a);
	o = json_object();
	json_object_set_new(o, "from", json_real(CONFIDENT));
	json_object_set_new(o, "records", json_integer((json_int_t)
	    t->confident));
	json_object_set_new(o, "share", json_real(ratio(t->confident,
	    t->withconf)));
	json_object_set_new(o, "accuracy", json_real(ratio(t->rightconfident,
	    t->confident)));
	json_object_set_new(r, "confident", o);
	return r;
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
	if (t->withconf > 0)
		json_object_set_new(r, "reliability",
		    report_reliability_json(t));
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
	char *pred, *conf;
	int status;

	memset(&t, 0, sizeof(t));
	t.map = hmap_new();
	pred = xasprintf("class.%s", o->field);
	conf = xasprintf("class.confidence.%s", o->field);
	r = rec_open(c, files, nfiles);
	while ((post = rec_next(r)) != NULL) {
		tally_post(&t, post, o->gold, pred, conf, tmp);
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
		report_reliability_text(&b, &t);
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
	free(conf);
	for (i = 0; i < t.n; i++)
		free(t.name[i]);
	free(t.name);
	free(t.cm);
	hmap_free(t.map);
	return status;
}
