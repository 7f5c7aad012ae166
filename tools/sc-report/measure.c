/*
 * measure.c - the measures of each group, and of all posts, over the
 * paired store.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xmem.h"

static void
add(struct stats *st, const struct post *p)
{
	st->posts++;
	if (p->flags & P_BRAND) {
		st->brand++;
		return;
	}
	st->customer++;
	if (p->frt < 0)
		return;
	st->answered++;
	if (st->nfrt == st->capfrt) {
		st->capfrt = st->capfrt ? st->capfrt * 2 : 16;
		st->frt = xreallocarray(st->frt, st->capfrt, sizeof(*st->frt));
	}
	st->frt[st->nfrt++] = p->frt;
}

static int
int64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * Nearest-rank percentiles: the value at rank ceil(p * n) of the sorted
 * times (1-based), in integers so 0.9 * 10 cannot round up to rank 10.
 */
static void
finish(struct stats *st)
{
	long double sum = 0;
	size_t i, n = st->nfrt;

	if (n == 0)
		return;
	qsort(st->frt, n, sizeof(*st->frt), int64_cmp);
	st->median = st->frt[(n + 1) / 2 - 1];
	st->p90 = st->frt[(9 * n + 9) / 10 - 1];
	for (i = 0; i < n; i++)
		sum += st->frt[i];
	st->mean = (double)(sum / n);
}

/* Most customer posts first, then by value. */
static int
row_cmp(const void *a, const void *b)
{
	const struct stats *x = a, *y = b;
	size_t n;
	int c;

	if (x->customer != y->customer)
		return x->customer > y->customer ? -1 : 1;
	n = x->group->len < y->group->len ? x->group->len : y->group->len;
	if ((c = memcmp(x->group->value, y->group->value, n)) != 0)
		return c;
	return (x->group->len > y->group->len) -
	    (x->group->len < y->group->len);
}

void
report_build(struct report *rp, const struct store *s, int64_t since,
    int64_t until)
{
	const struct post *p;
	size_t i, n;

	memset(rp, 0, sizeof(*rp));
	rp->by = s->by;
	if (s->by != NULL) {
		rp->nrows = s->ngroups;
		rp->rows = xcalloc(s->ngroups ? s->ngroups : 1,
		    sizeof(*rp->rows));
		for (i = 0; i < s->ngroups; i++)
			rp->rows[i].group = &s->groups[i];
	}
	for (i = 0; i < s->n; i++) {
		p = &s->posts[i];
		if (!(p->flags & P_READ) || p->t < since || p->t >= until)
			continue;
		add(&rp->all, p);
		if (s->by != NULL)
			add(&rp->rows[p->group], p);
	}
	finish(&rp->all);
	/* Groups whose posts all fall outside the window get no row. */
	for (i = n = 0; i < rp->nrows; i++) {
		if (rp->rows[i].posts == 0)
			continue;
		finish(&rp->rows[i]);
		rp->rows[n++] = rp->rows[i];
	}
	rp->nrows = n;
	if (n > 1)
		qsort(rp->rows, n, sizeof(*rp->rows), row_cmp);
}

void
report_free(struct report *rp)
{
	size_t i;

	free(rp->all.frt);
	for (i = 0; i < rp->nrows; i++)
		free(rp->rows[i].frt);
	free(rp->rows);
	memset(rp, 0, sizeof(*rp));
}
