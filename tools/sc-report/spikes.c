/*
 * spikes.c - buckets whose inbound volume departs from a robust baseline.
 *
 * A bucket's baseline is the median of the same bucket and its two
 * neighbours in up to 4 earlier weeks, when at least 2 weeks lie in the
 * data; else in up to 7 earlier days (at least 2); else of up to 8
 * buckets just before it (at least 4).  The spread is 1.4826 times the median
 * absolute deviation of those values (a standard deviation for normal
 * data, unmoved by a past surge among them), but at least the square root
 * of the baseline (Poisson noise), a quarter of the baseline (volume
 * varies that much from one week or day to the next; half of it for the
 * trailing hours, which lag the daily rise and fall) and 1.  The score is (count -
 * baseline) / spread; a bucket spikes when its score is at least
 * SPIKE_SCORE and its count at least SPIKE_EXCESS over the baseline.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xmem.h"

#define SPIKE_MAX	(366LL * 96)

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n), n > 0 (sorts v). */
static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/*
 * Bucket i - k * step and its neighbours, k = 1..max, of c[0..nc): the
 * number of periods found (a period counts when its middle bucket is in
 * the data); their values go to v.
 */
static size_t
history(const uint64_t *c, size_t nc, size_t i, size_t step, size_t max,
    int wide, double *v, size_t *nv)
{
	size_t k, j, periods = 0;

	*nv = 0;
	for (k = 1; k <= max && step > 0 && k * step <= i; k++) {
		j = i - k * step;
		periods++;
		v[(*nv)++] = (double)c[j];
		if (wide && j > 0)
			v[(*nv)++] = (double)c[j - 1];
		if (wide && j + 1 < nc)
			v[(*nv)++] = (double)c[j + 1];
	}
	return periods;
}

size_t
spikes_find(struct rstate *s, struct spike **out)
{
	struct table *t = &s->t[T_BUCKET];
	struct spike *sp;
	uint64_t *c;
	int64_t lo = INT64_MAX, hi = INT64_MIN, b = s->o.bucket, st;
	size_t i, n, k, m;
	double v[24], d[24], rel;

	for (i = 0; i < t->n; i++) {
		st = strtoll(t->rows[i].key, NULL, 10);
		if (st < lo)
			lo = st;
		if (st > hi)
			hi = st;
	}
	/* The last SPIKE_MAX buckets at most (a year of quarter hours). */
	if (t->n > 0 && (hi - lo) / b >= SPIKE_MAX)
		lo = hi - (SPIKE_MAX - 1) * b;
	if (t->n == 0) {
		*out = xcalloc(1, sizeof(**out));
		return 0;
	}
	n = (size_t)((hi - lo) / b) + 1;
	c = xcalloc(n, sizeof(*c));
	for (i = 0; i < t->n; i++)
		if ((st = strtoll(t->rows[i].key, NULL, 10)) >= lo)
			c[(st - lo) / b] += t->rows[i].a.inbound;
	sp = xcalloc(n, sizeof(*sp));
	for (i = 0; i < n; i++) {
		sp[i].start = lo + (int64_t)i * b;
		sp[i].count = c[i];
		if (history(c, n, i, (size_t)(7 * 86400 / b), 4, 1, v, &m) >= 2)
			sp[i].basis = "week";
		else if (history(c, n, i, (size_t)(86400 / b), 7, 1, v,
		    &m) >= 2)
			sp[i].basis = "day";
		else if (history(c, n, i, 1, 8, 0, v, &m) >= 4)
			sp[i].basis = "hours";
		else
			continue;
		sp[i].has_base = 1;
		sp[i].base = median(v, m);
		for (k = 0; k < m; k++)
			d[k] = fabs(v[k] - sp[i].base);
		sp[i].spread = 1.4826 * median(d, m);
		if (sp[i].spread < sqrt(sp[i].base))
			sp[i].spread = sqrt(sp[i].base);
		rel = strcmp(sp[i].basis, "hours") == 0 ? 0.5 : 0.25;
		if (sp[i].spread < rel * sp[i].base)
			sp[i].spread = rel * sp[i].base;
		if (sp[i].spread < 1)
			sp[i].spread = 1;
		sp[i].score = ((double)c[i] - sp[i].base) / sp[i].spread;
		sp[i].spike = sp[i].score >= SPIKE_SCORE &&
		    (double)c[i] >= sp[i].base + SPIKE_EXCESS;
	}
	free(c);
	*out = sp;
	return n;
}
