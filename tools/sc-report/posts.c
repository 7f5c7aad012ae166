/*
 * posts.c - the compact store of posts and the pairing of customer posts
 * with the brand posts that answer them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "hmap.h"
#include "jsonw.h"
#include "post.h"
#include "report.h"
#include "sc.h"
#include "xmem.h"

#define NONE_VALUE	"(none)"

void
store_init(struct store *s, const char *by)
{
	memset(s, 0, sizeof(*s));
	s->by = by;
	s->ids = hmap_new();
	s->gmap = hmap_new();
}

/* The slot for id, made (not P_READ, no parent) on first mention. */
static uint32_t
post_slot(struct store *s, const char *id, size_t len)
{
	void **v;
	int existed;
	struct post *p;

	v = hmap_put(s->ids, id, len, &existed);
	if (existed)
		return (uint32_t)((uintptr_t)*v - 1);
	if (s->n >= NO_POST)
		die(SC_EXIT_FATAL, "too many posts (over %lu)",
		    (unsigned long)NO_POST - 1);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->posts = xreallocarray(s->posts, s->cap, sizeof(*s->posts));
	}
	p = &s->posts[s->n];
	memset(p, 0, sizeof(*p));
	p->frt = -1;
	p->parent = NO_POST;
	*v = (void *)(uintptr_t)(s->n + 1);
	return (uint32_t)s->n++;
}

/*
 * Group values are interned: strings as they are, other values as their
 * JSON text (true, 12, 0.5), null or missing as "(none)".
 */
static uint32_t
group_of(struct store *s, const json_t *post)
{
	struct buf b = BUF_INIT;
	const json_t *v;
	const char *text;
	size_t len;
	void **slot;
	int existed;
	uint32_t g;

	v = json_path(post, s->by);
	if (json_is_string(v)) {
		text = json_string_value(v);
		len = json_string_length(v);
	} else if (v == NULL || json_is_null(v)) {
		text = NONE_VALUE;
		len = strlen(text);
	} else {
		jsonw(&b, v);
		text = buf_str(&b);
		len = b.len;
	}
	slot = hmap_put(s->gmap, text, len, &existed);
	if (existed) {
		buf_free(&b);
		return (uint32_t)((uintptr_t)*slot - 1);
	}
	if (s->ngroups == s->gcap) {
		s->gcap = s->gcap ? s->gcap * 2 : 16;
		s->groups = xreallocarray(s->groups, s->gcap,
		    sizeof(*s->groups));
	}
	s->groups[s->ngroups].value = xstrndup(text, len);
	s->groups[s->ngroups].len = len;
	*slot = (void *)(uintptr_t)(s->ngroups + 1);
	buf_free(&b);
	g = (uint32_t)s->ngroups++;
	return g;
}

/* The index of the current input's name, for duplicate-id messages. */
static uint16_t
file_of(struct store *s, const char *name)
{
	if (s->nfiles == 0 || strcmp(s->files[s->nfiles - 1], name) != 0) {
		if (s->nfiles == UINT16_MAX)
			return UINT16_MAX;
		s->files = xreallocarray(s->files, s->nfiles + 1,
		    sizeof(*s->files));
		s->files[s->nfiles++] = xstrdup(name);
	}
	return (uint16_t)(s->nfiles - 1);
}

int
store_add(struct store *s, struct recin *r, const json_t *post)
{
	char err[256];
	const json_t *id, *parent;
	struct post *p;
	uint32_t i, pi;
	uint16_t file;
	int64_t t;

	if (post_check(post, POST_ID | POST_CREATED_AT | POST_FROM_BRAND |
	    POST_IN_REPLY_TO, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	id = json_object_get(post, "id");
	i = post_slot(s, json_string_value(id), json_string_length(id));
	file = file_of(s, rec_name(r));
	p = &s->posts[i];
	if (p->flags & P_READ) {
		if (p->file == file)
			rec_reject(r, "duplicate id \"%s\" (first at line %lu)",
			    json_string_value(id), (unsigned long)p->line);
		else
			rec_reject(r, "duplicate id \"%s\" (first at %s:%lu)",
			    json_string_value(id), p->file < s->nfiles ?
			    s->files[p->file] : "?", (unsigned long)p->line);
		return -1;
	}
	(void)post_created_at(post, &t);	/* checked above */
	pi = NO_POST;
	parent = json_object_get(post, "in_reply_to");
	if (json_is_string(parent))
		pi = post_slot(s, json_string_value(parent),
		    json_string_length(parent));
	p = &s->posts[i];	/* post_slot() may have moved the array */
	p->t = t;
	p->parent = pi;
	p->group = s->by != NULL ? group_of(s, post) : 0;
	p->line = rec_lineno(r) > UINT32_MAX ? 0 : (uint32_t)rec_lineno(r);
	p->file = file;
	p->flags = P_READ | (post_from_brand(post) ? P_BRAND : 0);
	return 0;
}

#define IS_BRAND(p)	(((p)->flags & (P_READ | P_BRAND)) == (P_READ | P_BRAND))

struct brand {
	int64_t		 t;
	uint32_t	 i;
};

static int
brand_cmp(const void *a, const void *b)
{
	const struct brand *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/*
 * A brand post answers every customer post on its reply chain, going up
 * in_reply_to, until the previous brand post; a customer post's first
 * response is the earliest brand post that answers it.  Brand posts are
 * taken in time order, so the first walk to reach a customer post is its
 * first response.
 */
void
store_pair(struct store *s)
{
	struct brand *b;
	struct post *q;
	size_t nb = 0, k, steps;
	uint32_t i, up;
	int64_t t;

	/* Parents are indexes now: the ids' memory can go to the sort. */
	hmap_free(s->ids);
	s->ids = NULL;
	for (i = 0; i < s->n; i++)
		if (IS_BRAND(&s->posts[i]))
			nb++;
	b = xreallocarray(NULL, nb ? nb : 1, sizeof(*b));
	for (i = 0, nb = 0; i < s->n; i++)
		if (IS_BRAND(&s->posts[i])) {
			b[nb].t = s->posts[i].t;
			b[nb++].i = i;
		}
	qsort(b, nb, sizeof(*b), brand_cmp);
	for (k = 0; k < nb; k++) {
		t = b[k].t;
		up = s->posts[b[k].i].parent;
		for (steps = 0; up != NO_POST && steps < s->n; steps++) {
			q = &s->posts[up];
			/*
			 * The walk ends at an id outside the input, at the
			 * previous brand post, or at a post answered
			 * already.  That one was reached by an earlier (or
			 * as early) brand post's walk, which went on from it
			 * to the previous brand post or to posts answered
			 * before, so everything above it is answered, and
			 * no later than by this one.  Each customer post is
			 * thus visited once and the pass is linear; marking
			 * as we go also ends walks around a cycle of
			 * replies, and the step bound guards it anyway.
			 */
			if (!(q->flags & P_READ) || (q->flags & P_BRAND) ||
			    q->frt >= 0)
				break;
			q->frt = t > q->t ? t - q->t : 0;
			up = q->parent;
		}
	}
	free(b);
}

void
store_free(struct store *s)
{
	size_t i;

	hmap_free(s->ids);
	hmap_free(s->gmap);
	for (i = 0; i < s->ngroups; i++)
		free(s->groups[i].value);
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->groups);
	free(s->files);
	free(s->posts);
	memset(s, 0, sizeof(*s));
}
