/*
 * agg.c - exact histograms, aggregates, the tables of a report's state,
 * and merging two states.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "report.h"
#include "sctime.h"
#include "xmem.h"

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Merges sorted bins a and b into a new array. */
static struct hbin *
bins_merge(const struct hbin *a, size_t na, const struct hbin *b, size_t nb,
    size_t *n)
{
	struct hbin *out;
	size_t i = 0, j = 0, k = 0;

	out = xreallocarray(NULL, na + nb ? na + nb : 1, sizeof(*out));
	while (i < na || j < nb) {
		if (j == nb || (i < na && a[i].v < b[j].v))
			out[k++] = a[i++];
		else if (i == na || b[j].v < a[i].v)
			out[k++] = b[j++];
		else {
			out[k] = a[i++];
			out[k++].c += b[j++].c;
		}
	}
	*n = k;
	return out;
}

void
hist_compact(struct hist *h)
{
	struct hbin *run, *m;
	size_t i, n, nm;

	if (h->npend == 0)
		return;
	qsort(h->pend, h->npend, sizeof(*h->pend), u32_cmp);
	run = xreallocarray(NULL, h->npend, sizeof(*run));
	for (i = n = 0; i < h->npend; i++) {
		if (n > 0 && run[n - 1].v == h->pend[i])
			run[n - 1].c++;
		else {
			run[n].v = h->pend[i];
			run[n++].c = 1;
		}
	}
	h->npend = 0;
	m = bins_merge(h->bin, h->nbin, run, n, &nm);
	free(run);
	free(h->bin);
	h->bin = m;
	h->nbin = h->cbin = nm;
}

void
hist_add(struct hist *h, uint32_t v, uint64_t c)
{
	struct hbin one;
	struct hbin *m;
	size_t nm;

	if (c != 1) {
		one.v = v;
		one.c = c;
		hist_compact(h);
		m = bins_merge(h->bin, h->nbin, &one, 1, &nm);
		free(h->bin);
		h->bin = m;
		h->nbin = h->cbin = nm;
		return;
	}
	if (h->npend == h->cpend) {
		/* Fold before pend outgrows the bins (and 4096 values). */
		if (h->npend >= 4096 && h->npend >= h->nbin) {
			hist_compact(h);
		} else {
			h->cpend = h->cpend ? h->cpend * 2 : 16;
			h->pend = xreallocarray(h->pend, h->cpend,
			    sizeof(*h->pend));
		}
	}
	h->pend[h->npend++] = v;
}

void
hist_merge(struct hist *dst, struct hist *src)
{
	struct hbin *m;
	size_t nm;

	hist_compact(dst);
	hist_compact(src);
	m = bins_merge(dst->bin, dst->nbin, src->bin, src->nbin, &nm);
	free(dst->bin);
	dst->bin = m;
	dst->nbin = dst->cbin = nm;
}

uint32_t
hist_rank(const struct hist *h, uint64_t k)
{
	size_t i;
	uint64_t seen = 0;

	for (i = 0; i < h->nbin; i++) {
		seen += h->bin[i].c;
		if (seen >= k)
			return h->bin[i].v;
	}
	return h->nbin ? h->bin[h->nbin - 1].v : 0;
}

void
hist_free(struct hist *h)
{
	free(h->pend);
	free(h->bin);
	memset(h, 0, sizeof(*h));
}

/*
 * ceil(p * n / 100) in integers, so 90% of 10 cannot round up to 10.000001
 * and rank 10.
 */
uint64_t
nearest_rank(uint64_t n, unsigned p)
{
	uint64_t k;

	k = (n / 100) * p + ((n % 100) * p + 99) / 100;
	return k ? k : 1;
}

uint32_t
table_intern(struct table *t, const char *key, size_t klen)
{
	void **v;
	int existed;
	struct row *r;

	if (t->map == NULL)
		t->map = hmap_new();
	v = hmap_put(t->map, key, klen, &existed);
	if (existed)
		return (uint32_t)((uintptr_t)*v - 1);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = xreallocarray(t->rows, t->cap, sizeof(*t->rows));
	}
	r = &t->rows[t->n];
	memset(r, 0, sizeof(*r));
	r->key = xstrndup(key, klen);
	r->klen = klen;
	*v = (void *)(uintptr_t)(t->n + 1);
	return (uint32_t)t->n++;
}

void
rstate_init(struct rstate *s)
{
	memset(s, 0, sizeof(*s));
	s->newest = T_NONE;
	s->o.window = 7 * 86400;
	s->o.bucket = 900;
}

void
rstate_free(struct rstate *s)
{
	size_t i, k;

	for (k = 0; k < NTABLES; k++) {
		for (i = 0; i < s->t[k].n; i++) {
			free(s->t[k].rows[i].key);
			hist_free(&s->t[k].rows[i].a.frt);
			hist_free(&s->t[k].rows[i].a.bfrt);
		}
		free(s->t[k].rows);
		hmap_free(s->t[k].map);
	}
	for (i = 0; i < s->o.nby; i++)
		free(s->o.by[i]);
	free(s->o.by);
	free(s->o.tz);
	free(s->o.rules);
	memset(s, 0, sizeof(*s));
}

static void
agg_merge(struct agg *d, struct agg *a)
{
	d->inbound += a->inbound;
	d->answered += a->answered;
	d->frt_sum += a->frt_sum;
	d->met += a->met;
	d->breached += a->breached;
	d->pending += a->pending;
	hist_merge(&d->frt, &a->frt);
	d->bfrt_sum += a->bfrt_sum;
	hist_merge(&d->bfrt, &a->bfrt);
}

void
rstate_merge(struct rstate *dst, struct rstate *src)
{
	size_t i, k;
	uint32_t r;

	for (k = 0; k < NTABLES; k++)
		for (i = 0; i < src->t[k].n; i++) {
			r = table_intern(&dst->t[k], src->t[k].rows[i].key,
			    src->t[k].rows[i].klen);
			agg_merge(&dst->t[k].rows[r].a, &src->t[k].rows[i].a);
		}
	dst->posts += src->posts;
	if (src->newest > dst->newest)
		dst->newest = src->newest;
	if (src->now > dst->now)
		dst->now = src->now;
}

void
ropts_text(const struct ropts *o, struct buf *b)
{
	size_t i;

	buf_printf(b, "--window %llds --bucket %llds --tz %s",
	    (long long)o->window, (long long)o->bucket, o->tz ? o->tz : "UTC");
	for (i = 0; i < o->nby; i++)
		buf_printf(b, " --by %s", o->by[i]);
	if (o->rules != NULL)
		buf_printf(b, " -r (a rules file of CRC-32 %s)", o->rules);
}

static void
agg_add(struct agg *a, const struct settled *p, int hist)
{
	a->inbound++;
	if (p->frt >= 0) {
		a->answered++;
		a->frt_sum += (uint64_t)p->frt;
		if (hist)
			hist_add(&a->frt, (uint32_t)p->frt, 1);
	}
	if (p->sla == SLA_MET)
		a->met++;
	else if (p->sla == SLA_BREACHED)
		a->breached++;
	else if (p->sla == SLA_PENDING)
		a->pending++;
}

/*
 * The --wait figures are relative to now: what was answered in the last
 * hours (and how fast), what is waiting at now, and the last week's share
 * answered within 15 minutes.  Answers after now have not happened yet.
 */
static void
settle_wait(struct rstate *s, const struct settled *p)
{
	struct settled q = *p;
	struct agg *a;
	uint32_t r;
	int answered = p->frt >= 0 && p->ans <= s->now;

	q.sla = SLA_NONE;
	if (answered && p->ans > s->now - WAIT_RECENT) {
		r = table_intern(&s->t[T_WAIT], "recent", 6);
		agg_add(&s->t[T_WAIT].rows[r].a, &q, 1);
	}
	if (p->t <= s->now && p->t > s->now - s->o.window && !answered) {
		r = table_intern(&s->t[T_WAIT], "open", 4);
		s->t[T_WAIT].rows[r].a.inbound++;
	}
	if (p->t > s->now - WAIT_WEEK && p->t <= s->now - WAIT_FAST) {
		r = table_intern(&s->t[T_WAIT], "week", 4);
		a = &s->t[T_WAIT].rows[r].a;
		a->inbound++;
		if (answered && p->frt <= WAIT_FAST)
			a->answered++;
	}
}

/* The extra tables are kept when their first row was made (see main.c). */
void
rstate_settle(struct rstate *s, const struct settled *p)
{
	char key[32];
	struct agg *a;
	int64_t days;
	int sec, n;
	uint32_t r;
	unsigned m, d;
	int64_t y;

	a = &s->t[T_BY].rows[p->group].a;
	agg_add(a, p, 1);
	if (p->bfrt >= 0) {
		a->bfrt_sum += (uint64_t)p->bfrt;
		hist_add(&a->bfrt, (uint32_t)p->bfrt, 1);
	}
	if (s->cv != NULL) {
		conv_settle(s->cv, p, s->now, s->o.window);
		return;
	}
	if (p->team == ROW_NONE)
		return;
	settle_wait(s, p);
	agg_add(&s->t[T_TEAM].rows[p->team].a, p, 0);
	zone_local(p->t, &days, &sec);
	n = snprintf(key, sizeof(key), "%d,%d", zone_weekday(days),
	    sec / 3600);
	r = table_intern(&s->t[T_HOW], key, (size_t)n);
	agg_add(&s->t[T_HOW].rows[r].a, p, 1);
	time_civil_from_days(days, &y, &m, &d);
	n = snprintf(key, sizeof(key), "%04lld-%02u-%02u", (long long)y, m,
	    d);
	r = table_intern(&s->t[T_DAY], key, (size_t)n);
	agg_add(&s->t[T_DAY].rows[r].a, p, 0);
	n = snprintf(key, sizeof(key), "%lld", (long long)(p->t -
	    ((p->t % s->o.bucket) + s->o.bucket) % s->o.bucket));
	r = table_intern(&s->t[T_BUCKET], key, (size_t)n);
	agg_add(&s->t[T_BUCKET].rows[r].a, p, 0);
}
