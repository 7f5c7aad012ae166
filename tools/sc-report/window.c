/*
 * window.c - the posts held while they may still be answered, and their
 * pairing.
 *
 * A customer post's answer time is the earliest created_at of a brand
 * post that answers it: a brand post answers every customer post on its
 * reply chain up to the previous brand post.  Equivalently, the answer
 * time of a customer post is the least, over the posts that reply to it,
 * of a brand reply's own time and a customer reply's answer time.  That
 * form needs no order: when a post comes, its value (its time if it is
 * the brand's, else its answer time so far) is carried up the chain for
 * as long as it lowers what is there, stopping at a brand post or at an
 * id not held.  Replies may come before the posts they answer: the parent
 * is then a placeholder that gathers the answer time until it is read.
 * In time order each brand post's walk stops at the first post answered
 * already, so the pass is linear, and a chain that loops ends where the
 * value no longer lowers anything.
 *
 * A post is settled into the report state (and forgotten) when the newest
 * created_at read is more than `hold` (twice the window) past it: a reply
 * that could still answer it within the window would have to come more
 * than a window out of order.  A post read already that far behind is
 * "late": it is held until the end.  Posts are identified by a 64-bit
 * hash of their id.
 *
 * With -r, a post's first response is also counted in business seconds
 * of its team's calendar (cal_between() from its time to its answer).
 *
 * Per post held: the 56-byte struct wpost, a 4-byte slot of the id table
 * (kept at most half full) and 4 bytes of the queue: about 68 bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "report.h"
#include "sc.h"
#include "xmem.h"

#define NONE_T		INT64_MAX

enum {
	W_USED = 1 << 0,	/* a slot in use */
	W_READ = 1 << 1,	/* read as a record, not only named */
	W_BRAND = 1 << 2,
	W_COUNTED = 1 << 3,	/* inbound, in --since/--until and shard */
	W_KEEP = 1 << 4,	/* held until the end */
	W_PARENT = 1 << 5	/* parent is set */
};

struct wpost {
	uint64_t	 id, parent;
	int64_t		 t;		/* created_at; placeholders: newest
					   mention */
	int64_t		 ans;		/* answer time, NONE_T */
	int64_t		 due;		/* first response due, T_NONE */
	uint32_t	 group, team;	/* group: next free when unused */
	uint32_t	 line;
	uint16_t	 file;
	uint8_t		 flags;
	uint8_t		 cal;		/* -r: index in cals */
};

struct wstore {
	struct rstate	*s;
	struct calendar	*const *cals;	/* -r, or NULL */
	int64_t		 hold;
	struct wpost	*p;
	size_t		 n, cap;	/* slots made; allocated */
	uint32_t	 freel;		/* first free slot, ROW_NONE */
	uint32_t	*idx;		/* slot + 1, 0 empty */
	size_t		 mask, count;
	uint32_t	*q;		/* ring of slots, in arrival order */
	size_t		 qh, qn, qcap;
	char		**line;		/* raw lines, with keep_lines */
	size_t		*linelen;
	uint64_t	 late;
};

static size_t
home(const struct wstore *w, uint64_t id)
{
	return (size_t)(id ^ (id >> 29) ^ (id >> 47)) & w->mask;
}

static uint32_t
lookup(const struct wstore *w, uint64_t id)
{
	size_t i;

	for (i = home(w, id); w->idx[i] != 0; i = (i + 1) & w->mask)
		if (w->p[w->idx[i] - 1].id == id)
			return w->idx[i] - 1;
	return ROW_NONE;
}

static void
idx_grow(struct wstore *w)
{
	uint32_t *old = w->idx;
	size_t oldn = w->mask + 1, i, j;

	w->mask = oldn * 2 - 1;
	w->idx = xcalloc(w->mask + 1, sizeof(*w->idx));
	for (i = 0; i < oldn; i++) {
		if (old[i] == 0)
			continue;
		for (j = home(w, w->p[old[i] - 1].id); w->idx[j] != 0;
		    j = (j + 1) & w->mask)
			;
		w->idx[j] = old[i];
	}
	free(old);
}

/* Linear probing's deletion: later entries of the run shift back. */
static void
idx_del(struct wstore *w, uint64_t id)
{
	size_t i, j, k;

	for (i = home(w, id); w->idx[i] != 0; i = (i + 1) & w->mask)
		if (w->p[w->idx[i] - 1].id == id)
			break;
	if (w->idx[i] == 0)
		return;
	w->count--;
	for (j = i;;) {
		j = (j + 1) & w->mask;
		if (w->idx[j] == 0)
			break;
		k = home(w, w->p[w->idx[j] - 1].id);
		if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
			continue;
		w->idx[i] = w->idx[j];
		i = j;
	}
	w->idx[i] = 0;
}

static void
enqueue(struct wstore *w, uint32_t slot)
{
	uint32_t *nq;
	size_t i;

	if (w->qn == w->qcap) {
		nq = xreallocarray(NULL, w->qcap ? w->qcap * 2 : 1024,
		    sizeof(*nq));
		for (i = 0; i < w->qn; i++)
			nq[i] = w->q[(w->qh + i) % w->qcap];
		free(w->q);
		w->q = nq;
		w->qh = 0;
		w->qcap = w->qcap ? w->qcap * 2 : 1024;
	}
	w->q[(w->qh + w->qn++) % w->qcap] = slot;
}

static uint32_t
slot_new(struct wstore *w, uint64_t id)
{
	uint32_t s;
	size_t j;

	if ((w->count + 1) * 2 > w->mask + 1)
		idx_grow(w);
	if (w->freel != ROW_NONE) {
		s = w->freel;
		w->freel = w->p[s].group;
	} else {
		if (w->n >= ROW_NONE - 1)
			die(SC_EXIT_FATAL, "too many posts held (over %lu)",
			    (unsigned long)ROW_NONE - 1);
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 1024;
			w->p = xreallocarray(w->p, w->cap, sizeof(*w->p));
			if (w->line != NULL) {
				w->line = xreallocarray(w->line, w->cap,
				    sizeof(*w->line));
				w->linelen = xreallocarray(w->linelen, w->cap,
				    sizeof(*w->linelen));
			}
		}
		s = (uint32_t)w->n++;
	}
	memset(&w->p[s], 0, sizeof(w->p[s]));
	w->p[s].id = id;
	w->p[s].ans = NONE_T;
	w->p[s].due = T_NONE;
	w->p[s].flags = W_USED;
	if (w->line != NULL) {
		w->line[s] = NULL;
		w->linelen[s] = 0;
	}
	for (j = home(w, id); w->idx[j] != 0; j = (j + 1) & w->mask)
		;
	w->idx[j] = s + 1;
	w->count++;
	return s;
}

struct wstore *
wstore_new(struct rstate *s, int64_t hold, int keep_lines,
    struct calendar *const *cals)
{
	struct wstore *w;

	w = xcalloc(1, sizeof(*w));
	w->s = s;
	w->cals = cals;
	w->hold = hold;
	w->freel = ROW_NONE;
	w->mask = 1023;
	w->idx = xcalloc(w->mask + 1, sizeof(*w->idx));
	if (keep_lines) {
		w->line = xcalloc(1, sizeof(*w->line));
		w->linelen = xcalloc(1, sizeof(*w->linelen));
	}
	return w;
}

/* The first response of p, -1 when none came within the window. */
static int64_t
frt_of(const struct wstore *w, const struct wpost *p)
{
	int64_t f;

	if (p->ans == NONE_T)
		return -1;
	f = p->ans > p->t ? p->ans - p->t : 0;
	return f <= w->s->o.window ? f : -1;
}

static void
settle(struct wstore *w, uint32_t slot)
{
	struct wpost *p = &w->p[slot];
	struct settled st;

	if ((p->flags & (W_READ | W_COUNTED)) == (W_READ | W_COUNTED)) {
		st.t = p->t;
		st.ans = p->ans;
		st.frt = frt_of(w, p);
		st.bfrt = st.frt < 0 || w->cals == NULL ? -1 :
		    p->ans <= p->t ? 0 : cal_between(w->cals[p->cal], p->t,
		    p->ans);
		st.group = p->group;
		st.team = p->team;
		if (p->due == T_NONE)
			st.sla = SLA_NONE;
		else if (st.frt >= 0)
			st.sla = p->ans <= p->due ? SLA_MET : SLA_BREACHED;
		else
			st.sla = w->s->now > p->due ? SLA_BREACHED :
			    SLA_PENDING;
		rstate_settle(w->s, &st);
	}
	if (w->line != NULL) {
		free(w->line[slot]);
		w->line[slot] = NULL;
	}
	idx_del(w, p->id);
	p->flags = 0;
	p->group = w->freel;
	w->freel = slot;
}

/* Carry value v up from the post with id, while it lowers answer times. */
static void
carry(struct wstore *w, uint64_t id, int64_t v)
{
	struct wpost *q;
	uint32_t s;

	while (v != NONE_T && (s = lookup(w, id)) != ROW_NONE) {
		q = &w->p[s];
		if ((q->flags & W_READ) && (q->flags & W_BRAND))
			break;
		if (v >= q->ans)
			break;
		q->ans = v;
		if (!(q->flags & W_READ) || !(q->flags & W_PARENT))
			break;
		id = q->parent;
	}
}

int
wstore_add(struct wstore *w, struct post_in *in, uint32_t *dupline,
    uint16_t *dupfile)
{
	struct wpost *p;
	uint32_t s, ps;
	int late, fresh = 0;
	int64_t horizon;

	s = lookup(w, in->id);
	if (s != ROW_NONE && (w->p[s].flags & W_READ)) {
		*dupline = w->p[s].line;
		*dupfile = w->p[s].file;
		return -1;
	}
	horizon = w->s->newest == T_NONE ? T_NONE : w->s->newest - w->hold;
	late = horizon != T_NONE && in->t < horizon;
	if (late)
		w->late++;
	if (s == ROW_NONE) {
		s = slot_new(w, in->id);
		fresh = 1;
	}
	if (in->parent != 0 && lookup(w, in->parent) == ROW_NONE) {
		ps = slot_new(w, in->parent);
		w->p[ps].t = in->t;
		if (late)
			w->p[ps].flags |= W_KEEP;
		else
			enqueue(w, ps);
	} else if (in->parent != 0) {
		ps = lookup(w, in->parent);
		if (!(w->p[ps].flags & W_READ) && w->p[ps].t < in->t)
			w->p[ps].t = in->t;
	}
	p = &w->p[s];
	p->t = in->t;
	p->due = in->due;
	p->group = in->group;
	p->team = in->team;
	p->cal = in->cal;
	p->line = in->line;
	p->file = in->file;
	p->parent = in->parent;
	p->flags |= W_READ | (in->brand ? W_BRAND : 0) |
	    (in->counted ? W_COUNTED : 0) | (in->parent != 0 ? W_PARENT : 0) |
	    (late ? W_KEEP : 0);
	if (w->line != NULL && in->raw != NULL && in->counted) {
		w->line[s] = in->raw;
		w->linelen[s] = in->rawlen;
		in->raw = NULL;
	}
	if (fresh && !late)
		enqueue(w, s);
	if (w->s->newest == T_NONE || in->t > w->s->newest)
		w->s->newest = in->t;
	if (in->parent != 0)
		carry(w, in->parent, in->brand ? in->t : p->ans);

	/* Settle what the input's time has passed by. */
	horizon = w->s->newest - w->hold;
	while (w->qn > 0) {
		s = w->q[w->qh];
		p = &w->p[s];
		if ((p->flags & W_USED) && !(p->flags & W_KEEP) &&
		    p->t >= horizon)
			break;
		w->qh = (w->qh + 1) % w->qcap;
		w->qn--;
		if ((p->flags & W_USED) && !(p->flags & W_KEEP))
			settle(w, s);
	}
	return 0;
}

static int
due_cmp(const void *a, const void *b)
{
	const struct wpost *x = *(const struct wpost *const *)a;
	const struct wpost *y = *(const struct wpost *const *)b;
	int64_t dx = x->due == T_NONE ? INT64_MAX : x->due;
	int64_t dy = y->due == T_NONE ? INT64_MAX : y->due;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

void
wstore_finish(struct wstore *w,
    void (*fn)(const char *, size_t, int64_t, int64_t, void *), void *ctx)
{
	struct wpost **open;
	size_t i, n = 0;
	uint32_t s;

	if (fn != NULL && w->line != NULL) {
		open = xreallocarray(NULL, w->n ? w->n : 1, sizeof(*open));
		for (i = 0; i < w->n; i++) {
			if ((w->p[i].flags & (W_USED | W_READ | W_COUNTED)) !=
			    (W_USED | W_READ | W_COUNTED) ||
			    w->line[i] == NULL || frt_of(w, &w->p[i]) >= 0 ||
			    w->p[i].t + w->s->o.window <= w->s->now)
				continue;
			open[n++] = &w->p[i];
		}
		qsort(open, n, sizeof(*open), due_cmp);
		for (i = 0; i < n; i++) {
			s = (uint32_t)(open[i] - w->p);
			fn(w->line[s], w->linelen[s], open[i]->t,
			    open[i]->due, ctx);
		}
		free(open);
	}
	for (i = 0; i < w->n; i++)
		if (w->p[i].flags & W_USED)
			settle(w, (uint32_t)i);
	w->qn = 0;
}

size_t
wstore_held(const struct wstore *w)
{
	return w->count;
}

uint64_t
wstore_late(const struct wstore *w)
{
	return w->late;
}

void
wstore_free(struct wstore *w)
{
	size_t i;

	if (w == NULL)
		return;
	if (w->line != NULL) {
		for (i = 0; i < w->n; i++)
			if (w->p[i].flags & W_USED)
				free(w->line[i]);
		free(w->line);
		free(w->linelen);
	}
	free(w->p);
	free(w->idx);
	free(w->q);
	free(w);
}
