/*
 * Assignment of posts to agents; assign.h states the model.  Look-ups are
 * by hash map (agents and conversations by id, posts applied by id, queue
 * buckets by language and skill); each bucket's waiting conversations are
 * a binary heap, oldest first, so taking the longest-waiting post an agent
 * can handle costs one look at each bucket of the team, never a walk of
 * the queue.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "buf.h"
#include "diag.h"
#include "hmap.h"
#include "jsonpos.h"
#include "post.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

#define NONE	INT64_MIN	/* no time */

struct team;

struct agent {
	char		*id;
	char		*name;
	struct team	*team;		/* NULL: only in the state */
	char		**langs;	/* nlangs 0: speaks all */
	size_t		 nlangs;
	char		**skills;
	size_t		 nskills;
	long		 capacity;
	long		 open;
	uint64_t	 last;		/* seq of the last assignment, 0: never */
};

struct conv;

struct wentry {
	int64_t		 since;
	uint64_t	 wseq;
	struct conv	*c;
};

/* The waiting conversations of one team with one language and skill. */
struct bucket {
	char		*lang;		/* NULL: any */
	char		*skill;		/* NULL: none needed */
	struct wentry	*h;		/* a heap, the oldest on top */
	size_t		 n, cap;
};

struct team {
	char		*name;
	struct agent	**agents;	/* configuration order */
	size_t		 nagents;
	struct hmap	*bmap;		/* "lang\0skill" -> bucket */
	struct bucket	**buckets;
	size_t		 nbuckets;
};

struct conv {
	char		*id;
	char		*post;		/* the post that opened it */
	char		*team;
	char		*lang;
	char		*skill;
	struct agent	*agent;		/* NULL: none yet */
	int		 open;
	int64_t		 since;
	int64_t		 due;		/* ASSIGN_NO_DUE: none */
	int64_t		 last;		/* its newest post */
	int64_t		 answered;	/* newest brand post; NONE: none */
	uint64_t	 wseq;		/* when it began to wait; 0: not waiting */
};

/* A waiting conversation given to an agent freed by a post. */
struct handoff {
	char		*post;
	char		*conv;
	char		*agent;
};

struct applied {
	int64_t		 t;
	char		*agent;		/* NULL: none */
	struct handoff	*h;
	size_t		 nh;
};

struct assign {
	struct team	**teams;
	size_t		 nteams;
	struct hmap	*tmap;		/* name -> team */
	struct hmap	*amap;		/* id -> agent (configured or from state) */
	struct agent	**agents;	/* all of amap, in insertion order */
	size_t		 nagents;
	struct hmap	*cmap;		/* id -> conv */
	struct conv	**convs;
	size_t		 nconvs;
	struct hmap	*pmap;		/* post id -> applied */
	uint64_t	 seq;		/* assignments so far */
	uint64_t	 wseq;		/* waits so far */
	int64_t		 newest;	/* newest created_at applied */
	int		 any_applied;
	int		 active;
	/* Handoffs of the post being applied. */
	struct handoff	*h;
	size_t		 nh, hcap;
};

struct assign *
assign_new(void)
{
	struct assign *a;

	a = xcalloc(1, sizeof(*a));
	a->tmap = hmap_new();
	a->amap = hmap_new();
	a->cmap = hmap_new();
	a->pmap = hmap_new();
	return a;
}

/* ---- configuration ---------------------------------------------------- */

struct cfg {
	const char	*file;
	const char	*text;
	size_t		 len;
	const char	*steps[6];
	char		 idx[24];
	int		 nsteps;
	const char	*team;
	size_t		 n;		/* agent number, 1-based; 0: none */
};

static void __attribute__((format(printf, 2, 3), noreturn))
cfg_fail(struct cfg *c, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int line;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	line = c->text != NULL ?
	    jsonpos_line(c->text, c->len, c->steps, c->nsteps) : 0;
	if (c->n > 0)
		warnat(c->file, (unsigned long)line, "team \"%s\", agent %zu: %s",
		    c->team, c->n, msg);
	else
		warnat(c->file, (unsigned long)line, "team \"%s\": %s",
		    c->team, msg);
	diag_exit(SC_EXIT_FATAL);
}

/* A non-empty array of non-empty strings, or an empty one if allowed. */
static char **
cfg_strings(struct cfg *c, const json_t *v, const char *key, int empty_ok,
    size_t *n)
{
	const json_t *e;
	char **out;
	size_t i;

	if (!json_is_array(v))
		cfg_fail(c, "\"%s\": expected an array of strings, got %s",
		    key, json_kind_a(v));
	if (json_array_size(v) == 0 && !empty_ok)
		cfg_fail(c, "\"%s\": empty (leave it out for all)", key);
	json_array_foreach(v, i, e) {
		if (!json_is_string(e) || json_string_length(e) == 0)
			cfg_fail(c, "\"%s\": expected an array of non-empty "
			    "strings, got %s", key, json_is_string(e) ?
			    "\"\"" : json_kind_a(e));
	}
	*n = json_array_size(v);
	out = xcalloc(*n + 1, sizeof(*out));
	json_array_foreach(v, i, e)
		out[i] = xstrdup(json_string_value(e));
	return out;
}

static struct team *
team_new(struct assign *a, const char *name)
{
	struct team *t;
	void **slot;
	int existed;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->bmap = hmap_new();
	slot = hmap_put(a->tmap, name, strlen(name), &existed);
	*slot = t;
	a->teams = xreallocarray(a->teams, a->nteams + 1, sizeof(*a->teams));
	a->teams[a->nteams++] = t;
	return t;
}

static struct agent *
agent_put(struct assign *a, const char *id, int *existed)
{
	struct agent *ag;
	void **slot;

	slot = hmap_put(a->amap, id, strlen(id), existed);
	if (*existed)
		return *slot;
	ag = xcalloc(1, sizeof(*ag));
	ag->id = xstrdup(id);
	*slot = ag;
	a->agents = xreallocarray(a->agents, a->nagents + 1,
	    sizeof(*a->agents));
	a->agents[a->nagents++] = ag;
	return ag;
}

void
assign_add_team(struct assign *a, const char *team, const json_t *agents,
    const char *file, const char *text, size_t len)
{
	struct cfg c = { file, text, len, { "teams", team, "agents" }, "", 3,
	    team, 0 };
	const json_t *ag, *v;
	struct agent *g;
	struct team *t;
	const char *key;
	json_int_t cap;
	size_t i;
	int existed;

	if (hmap_get(a->tmap, team, strlen(team)) != NULL)
		cfg_fail(&c, "team given twice");
	t = team_new(a, team);
	if (agents == NULL)
		return;
	if (!json_is_array(agents))
		cfg_fail(&c, "\"agents\": expected an array, got %s",
		    json_kind_a(agents));
	json_array_foreach(agents, i, ag) {
		snprintf(c.idx, sizeof(c.idx), "[%zu]", i);
		c.steps[3] = c.idx;
		c.nsteps = 4;
		c.n = i + 1;
		if (!json_is_object(ag))
			cfg_fail(&c, "expected an object, got %s",
			    json_kind_a(ag));
		json_object_foreach((json_t *)ag, key, v) {
			if (strcmp(key, "id") != 0 && strcmp(key, "name") != 0 &&
			    strcmp(key, "languages") != 0 &&
			    strcmp(key, "skills") != 0 &&
			    strcmp(key, "capacity") != 0) {
				c.steps[4] = key;
				c.nsteps = 5;
				cfg_fail(&c, "unknown key \"%s\" (one of: id, "
				    "name, languages, skills, capacity)", key);
			}
		}
		v = json_object_get(ag, "id");
		c.steps[4] = "id";
		c.nsteps = v != NULL ? 5 : 4;
		if (v == NULL)
			cfg_fail(&c, "missing \"id\"");
		if (!json_is_string(v) || json_string_length(v) == 0)
			cfg_fail(&c, "\"id\": expected a non-empty string, "
			    "got %s", json_is_string(v) ? "\"\"" :
			    json_kind_a(v));
		g = agent_put(a, json_string_value(v), &existed);
		if (existed)
			cfg_fail(&c, "\"id\": \"%s\" already used in team "
			    "\"%s\"", g->id, g->team->name);
		g->team = t;
		t->agents = xreallocarray(t->agents, t->nagents + 1,
		    sizeof(*t->agents));
		t->agents[t->nagents++] = g;
		if ((v = json_object_get(ag, "name")) != NULL) {
			c.steps[4] = "name";
			c.nsteps = 5;
			if (!json_is_string(v) || json_string_length(v) == 0)
				cfg_fail(&c, "\"name\": expected a non-empty "
				    "string, got %s", json_is_string(v) ?
				    "\"\"" : json_kind_a(v));
			g->name = xstrdup(json_string_value(v));
		} else
			g->name = xstrdup(g->id);
		if ((v = json_object_get(ag, "languages")) != NULL) {
			c.steps[4] = "languages";
			c.nsteps = 5;
			g->langs = cfg_strings(&c, v, "languages", 0,
			    &g->nlangs);
		}
		if ((v = json_object_get(ag, "skills")) != NULL) {
			c.steps[4] = "skills";
			c.nsteps = 5;
			g->skills = cfg_strings(&c, v, "skills", 1,
			    &g->nskills);
		}
		v = json_object_get(ag, "capacity");
		c.steps[4] = "capacity";
		c.nsteps = v != NULL ? 5 : 4;
		if (v == NULL)
			cfg_fail(&c, "missing \"capacity\"");
		if (!json_is_integer(v) || (cap = json_integer_value(v)) < 1 ||
		    cap > ASSIGN_CAPACITY_MAX)
			cfg_fail(&c, "\"capacity\": expected a whole number 1 "
			    "to %d, got %s", ASSIGN_CAPACITY_MAX,
			    json_is_integer(v) ? "another" : json_kind_a(v));
		g->capacity = (long)cap;
		a->active = 1;
	}
}

/* The value of key (NULL: none) in m, or NULL. */
static void *
lookup(const struct hmap *m, const char *key)
{
	void **slot;

	if (key == NULL)
		return NULL;
	slot = hmap_get(m, key, strlen(key));
	return slot != NULL ? *slot : NULL;
}

static struct team *
team_get(const struct assign *a, const char *name)
{
	return lookup(a->tmap, name);
}

static struct agent *
agent_find(const struct assign *a, const char *id)
{
	return lookup(a->amap, id);
}

int
assign_has_agents(const struct assign *a, const char *team)
{
	const struct team *t = team_get(a, team);

	return t != NULL && t->nagents > 0;
}

int
assign_active(const struct assign *a)
{
	return a->active;
}

/* ---- who can take what ------------------------------------------------ */

static int
has(char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int
can_take(const struct agent *g, const char *lang, const char *skill)
{
	if (lang != NULL && g->nlangs > 0 && !has(g->langs, g->nlangs, lang))
		return 0;
	if (skill != NULL && !has(g->skills, g->nskills, skill))
		return 0;
	return 1;
}

/* The order of agents for a new conversation: a before b. */
static int
better(const struct agent *x, const struct agent *y)
{
	if (x->open != y->open)
		return x->open < y->open;
	return x->last < y->last;	/* never (0) first; config order kept */
}

/* ---- the waiting queue ------------------------------------------------ */

static int
wless(const struct wentry *x, const struct wentry *y)
{
	if (x->since != y->since)
		return x->since < y->since;
	return x->wseq < y->wseq;
}

static void
heap_push(struct bucket *b, struct wentry e)
{
	size_t i, p;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->h = xreallocarray(b->h, b->cap, sizeof(*b->h));
	}
	i = b->n++;
	while (i > 0 && wless(&e, &b->h[p = (i - 1) / 2])) {
		b->h[i] = b->h[p];
		i = p;
	}
	b->h[i] = e;
}

static void
heap_pop(struct bucket *b)
{
	struct wentry e;
	size_t i = 0, l;

	e = b->h[--b->n];
	for (;;) {
		l = 2 * i + 1;
		if (l >= b->n)
			break;
		if (l + 1 < b->n && wless(&b->h[l + 1], &b->h[l]))
			l++;
		if (!wless(&b->h[l], &e))
			break;
		b->h[i] = b->h[l];
		i = l;
	}
	if (b->n > 0)
		b->h[i] = e;
}

/* The oldest conversation still waiting in b, or NULL; drops stale ones. */
static struct wentry *
heap_top(struct bucket *b)
{
	struct wentry *e;

	while (b->n > 0) {
		e = &b->h[0];
		if (e->c->open && e->c->agent == NULL && e->c->wseq == e->wseq)
			return e;
		heap_pop(b);
	}
	return NULL;
}

static struct bucket *
bucket_get(struct team *t, const char *lang, const char *skill)
{
	struct buf k = BUF_INIT;
	struct bucket *b;
	void **slot;
	int existed;

	/* "\1" marks NULL so that NULL and "" differ. */
	buf_adds(&k, lang != NULL ? lang : "\1");
	buf_addc(&k, '\0');
	buf_adds(&k, skill != NULL ? skill : "\1");
	slot = hmap_put(t->bmap, k.s, k.len, &existed);
	buf_free(&k);
	if (existed)
		return *slot;
	b = xcalloc(1, sizeof(*b));
	b->lang = lang != NULL ? xstrdup(lang) : NULL;
	b->skill = skill != NULL ? xstrdup(skill) : NULL;
	*slot = b;
	t->buckets = xreallocarray(t->buckets, t->nbuckets + 1,
	    sizeof(*t->buckets));
	t->buckets[t->nbuckets++] = b;
	return b;
}

/* Put waiting conversation c in its team's queue, if it has one. */
static void
enqueue(struct assign *a, struct conv *c)
{
	struct team *t;
	struct wentry e;

	if ((t = team_get(a, c->team)) == NULL || t->nagents == 0)
		return;		/* nobody to wait for, until configured */
	e.since = c->since;
	e.wseq = c->wseq;
	e.c = c;
	heap_push(bucket_get(t, c->lang, c->skill), e);
}

static void
wait_conv(struct assign *a, struct conv *c)
{
	c->agent = NULL;
	c->wseq = ++a->wseq;
	enqueue(a, c);
}

static void
give(struct assign *a, struct conv *c, struct agent *g)
{
	c->agent = g;
	c->wseq = 0;
	g->open++;
	g->last = ++a->seq;
}

static void
note_handoff(struct assign *a, const struct conv *c)
{
	struct handoff *h;

	if (a->nh == a->hcap) {
		a->hcap = a->hcap ? a->hcap * 2 : 4;
		a->h = xreallocarray(a->h, a->hcap, sizeof(*a->h));
	}
	h = &a->h[a->nh++];
	h->post = xstrdup(c->post);
	h->conv = xstrdup(c->id);
	h->agent = xstrdup(c->agent->id);
}

/* Agent g has room: let them take what waits longest, while room lasts. */
static void
drain(struct assign *a, struct agent *g, int report)
{
	struct wentry *e, *best;
	struct bucket *b, *bb;
	struct conv *c;
	size_t i;

	if (g->team == NULL)
		return;
	while (g->open < g->capacity) {
		best = NULL;
		bb = NULL;
		for (i = 0; i < g->team->nbuckets; i++) {
			b = g->team->buckets[i];
			if (!can_take(g, b->lang, b->skill) ||
			    (e = heap_top(b)) == NULL)
				continue;
			if (best == NULL || wless(e, best)) {
				best = e;
				bb = b;
			}
		}
		if (best == NULL)
			return;
		c = best->c;
		heap_pop(bb);
		give(a, c, g);
		if (report)
			note_handoff(a, c);
	}
}

/* ---- conversations ---------------------------------------------------- */

static struct conv *
conv_new(struct assign *a, const char *id, void **slot)
{
	struct conv *c;

	c = xcalloc(1, sizeof(*c));
	c->id = xstrdup(id);
	c->due = ASSIGN_NO_DUE;
	c->answered = NONE;
	*slot = c;
	a->convs = xreallocarray(a->convs, a->nconvs + 1, sizeof(*a->convs));
	a->convs[a->nconvs++] = c;
	return c;
}

static int
forgotten_conv(const struct assign *a, const struct conv *c)
{
	return !c->open && a->any_applied && c->last < a->newest - ASSIGN_KEEP;
}

static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s != NULL ? xstrdup(s) : NULL;
}

static void
open_conv(struct conv *c, const struct assign_post *p)
{
	c->open = 1;
	set_str(&c->post, p->id);
	set_str(&c->team, p->team);
	set_str(&c->lang, p->lang);
	set_str(&c->skill, p->skill);
	c->since = p->created_at;
	c->due = p->due;
}

static json_t *
agent_json(const struct assign *a, const char *id)
{
	const struct agent *g;

	if (id == NULL)
		return json_null();
	g = agent_find(a, id);
	return json_pack("{s:s,s:s}", "id", id, "name",
	    g != NULL && g->name != NULL ? g->name : id);
}

static json_t *
handoffs_json(const struct assign *a, const struct handoff *h, size_t n)
{
	json_t *arr;
	size_t i;

	if (n == 0)
		return NULL;
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s,s:s,s:o}", "post",
		    h[i].post, "conversation", h[i].conv, "agent",
		    agent_json(a, h[i].agent)));
	return arr;
}

/* What a post did. */
enum { NOOP, CHANGED };

/*
 * The effect of a post on the conversations: NOOP when it touched nothing,
 * else CHANGED; its agent in *gp.
 */
static int
apply(struct assign *a, const struct assign_post *p, struct agent **gp)
{
	const char *cid = p->conversation != NULL ? p->conversation : p->id;
	struct agent *g, *best;
	struct team *t;
	struct conv *c;
	void **slot;
	size_t i;
	int existed;

	*gp = NULL;
	slot = hmap_get(a->cmap, cid, strlen(cid));
	c = slot != NULL ? *slot : NULL;
	if (c != NULL && forgotten_conv(a, c)) {
		c->agent = NULL;
		c->wseq = 0;
		c->answered = NONE;
	}
	t = team_get(a, p->team);
	if (p->from_brand) {
		/*
		 * Remembered even with nothing to close: the posts it
		 * answers may come after it (sc-fetch pages newest first).
		 */
		if (c == NULL)
			c = conv_new(a, cid, hmap_put(a->cmap, cid,
			    strlen(cid), &existed));
		if (c->last < p->created_at)
			c->last = p->created_at;
		if (c->answered < p->created_at)
			c->answered = p->created_at;
		/* An answer older than the opening post closes nothing. */
		if (!c->open || p->created_at < c->since)
			return CHANGED;
		c->open = 0;
		c->wseq = 0;
		if ((g = c->agent) != NULL) {
			g->open--;
			drain(a, g, 1);
		}
		return CHANGED;
	}
	if (c == NULL || (c->agent == NULL && !c->open)) {
		if (t == NULL || t->nagents == 0)
			return NOOP;	/* a team without agents */
		if (c == NULL)
			c = conv_new(a, cid, hmap_put(a->cmap, cid,
			    strlen(cid), &existed));
	}
	if (c->last < p->created_at)
		c->last = p->created_at;
	if (p->created_at <= c->answered) {
		/* Answered before we learnt of it: nothing to open. */
		*gp = c->agent;
		return CHANGED;
	}
	if (c->open && p->created_at < c->since) {
		/* An older post of an open conversation: it opened it. */
		set_str(&c->post, p->id);
		c->since = p->created_at;
		c->due = p->due;
		if (c->agent == NULL) {
			c->wseq = ++a->wseq;
			enqueue(a, c);
		}
	}
	if (c->agent != NULL) {
		/* Stickiness, even at full capacity. */
		if (!c->open) {
			open_conv(c, p);
			if (c->agent->team != NULL)
				set_str(&c->team, c->agent->team->name);
			c->agent->open++;
			c->agent->last = ++a->seq;
		}
		*gp = c->agent;
		return CHANGED;
	}
	if (c->open)
		return CHANGED;		/* it waits already */
	open_conv(c, p);
	best = NULL;
	for (i = 0; i < t->nagents; i++) {
		g = t->agents[i];
		if (g->open < g->capacity && can_take(g, p->lang, p->skill) &&
		    (best == NULL || better(g, best)))
			best = g;
	}
	if (best != NULL)
		give(a, c, best);
	else
		wait_conv(a, c);
	*gp = best;
	return CHANGED;
}

static void
free_handoffs(struct handoff *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(h[i].post);
		free(h[i].conv);
		free(h[i].agent);
	}
}

/* Whether a post gets a route.agent at all. */
static int
for_agents(const struct assign *a, const struct assign_post *p,
    const char *agent, size_t nh)
{
	if (p->from_brand)
		return nh > 0 || assign_has_agents(a, p->team);
	return agent != NULL || assign_has_agents(a, p->team);
}

int
assign_post(struct assign *a, const struct assign_post *p, json_t **agent,
    json_t **assigned)
{
	struct applied *ap;
	struct agent *g;
	void **slot;
	int existed;

	*agent = *assigned = NULL;
	slot = hmap_get(a->pmap, p->id, strlen(p->id));
	if (slot != NULL) {
		/* Applied before: the same answer, no change. */
		ap = *slot;
		if (!for_agents(a, p, ap->agent, ap->nh))
			return ASSIGN_SKIP;
		*agent = agent_json(a, ap->agent);
		*assigned = handoffs_json(a, ap->h, ap->nh);
		return ASSIGN_DONE;
	}
	if (a->any_applied && p->created_at < a->newest - ASSIGN_KEEP) {
		/* Too old to assign, and too old to remember. */
		if (!for_agents(a, p, NULL, 0))
			return ASSIGN_SKIP;
		*agent = json_null();
		return ASSIGN_DONE;
	}
	a->nh = 0;
	if (!a->any_applied || a->newest < p->created_at)
		a->newest = p->created_at;
	a->any_applied = 1;
	/*
	 * Remembered even when it changed nothing: applied again later, on
	 * another state, it might (a brand post closing a conversation that
	 * a later post reopened).
	 */
	(void)apply(a, p, &g);
	ap = xcalloc(1, sizeof(*ap));
	ap->t = p->created_at;
	ap->agent = g != NULL ? xstrdup(g->id) : NULL;
	if (a->nh > 0) {
		ap->h = xreallocarray(NULL, a->nh, sizeof(*ap->h));
		memcpy(ap->h, a->h, a->nh * sizeof(*ap->h));
		ap->nh = a->nh;
		a->nh = 0;
	}
	slot = hmap_put(a->pmap, p->id, strlen(p->id), &existed);
	*slot = ap;
	if (!for_agents(a, p, ap->agent, ap->nh))
		return ASSIGN_SKIP;
	*agent = agent_json(a, ap->agent);
	*assigned = handoffs_json(a, ap->h, ap->nh);
	return ASSIGN_DONE;
}

/* ---- the state -------------------------------------------------------- */

static int
by_conv(const void *x, const void *y)
{
	return strcmp((*(struct conv *const *)x)->id,
	    (*(struct conv *const *)y)->id);
}

static int
by_agent(const void *x, const void *y)
{
	return strcmp((*(struct agent *const *)x)->id,
	    (*(struct agent *const *)y)->id);
}

struct pentry {
	const char		*id;
	const struct applied	*ap;
};

static int
by_post(const void *x, const void *y)
{
	return strcmp(((const struct pentry *)x)->id,
	    ((const struct pentry *)y)->id);
}

struct pcollect {
	struct pentry	*v;
	size_t		 n;
	int64_t		 horizon;
	int		 prune;
};

static void
collect_post(const char *key, size_t klen, void *val, void *ctx)
{
	struct pcollect *pc = ctx;
	const struct applied *ap = val;

	(void)klen;
	if (pc->prune && ap->t < pc->horizon)
		return;
	pc->v[pc->n].id = key;
	pc->v[pc->n].ap = ap;
	pc->n++;
}

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
assign_save(const struct assign *a)
{
	struct pcollect pc;
	struct agent **ags;
	struct conv **cv;
	json_t *doc, *arr, *o, *h;
	const struct applied *ap;
	const struct conv *c;
	size_t i, j, n;

	doc = json_pack("{s:s,s:i,s:I,s:I}", "format", ASSIGN_FORMAT,
	    "version", ASSIGN_VERSION, "seq", (json_int_t)a->seq, "wait",
	    (json_int_t)a->wseq);
	json_object_set_new(doc, "newest", a->any_applied ?
	    json_integer(a->newest) : json_null());

	ags = xreallocarray(NULL, a->nagents + 1, sizeof(*ags));
	for (i = n = 0; i < a->nagents; i++)
		if (a->agents[i]->team != NULL || a->agents[i]->open > 0)
			ags[n++] = a->agents[i];
	qsort(ags, n, sizeof(*ags), by_agent);
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s,s:s,s:I}", "id",
		    ags[i]->id, "name", ags[i]->name, "last",
		    (json_int_t)ags[i]->last));
	json_object_set_new(doc, "agents", arr);
	free(ags);

	cv = xreallocarray(NULL, a->nconvs + 1, sizeof(*cv));
	for (i = n = 0; i < a->nconvs; i++) {
		c = a->convs[i];
		if (c->open || ((c->agent != NULL || c->answered != NONE) &&
		    !forgotten_conv(a, c)))
			cv[n++] = a->convs[i];
	}
	qsort(cv, n, sizeof(*cv), by_conv);
	arr = json_array();
	for (i = 0; i < n; i++) {
		c = cv[i];
		o = json_pack("{s:s,s:b,s:o,s:I,s:o}", "id", c->id, "open",
		    c->open, "agent", str_or_null(c->agent != NULL ?
		    c->agent->id : NULL), "last", (json_int_t)c->last,
		    "answered", c->answered == NONE ? json_null() :
		    json_integer(c->answered));
		if (c->open) {
			json_object_set_new(o, "post", json_string(c->post));
			json_object_set_new(o, "team", str_or_null(c->team));
			json_object_set_new(o, "lang", str_or_null(c->lang));
			json_object_set_new(o, "skill", str_or_null(c->skill));
			json_object_set_new(o, "since",
			    json_integer(c->since));
			json_object_set_new(o, "due", c->due == ASSIGN_NO_DUE ?
			    json_null() : json_integer(c->due));
			json_object_set_new(o, "wait",
			    json_integer((json_int_t)c->wseq));
		}
		json_array_append_new(arr, o);
	}
	json_object_set_new(doc, "conversations", arr);
	free(cv);

	pc.v = xreallocarray(NULL, hmap_count(a->pmap) + 1, sizeof(*pc.v));
	pc.n = 0;
	pc.prune = a->any_applied;
	pc.horizon = a->newest - ASSIGN_KEEP;
	hmap_each(a->pmap, collect_post, &pc);
	qsort(pc.v, pc.n, sizeof(*pc.v), by_post);
	arr = json_array();
	for (i = 0; i < pc.n; i++) {
		ap = pc.v[i].ap;
		o = json_pack("[s,I,o]", pc.v[i].id, (json_int_t)ap->t,
		    str_or_null(ap->agent));
		if (ap->nh > 0) {
			h = json_array();
			for (j = 0; j < ap->nh; j++)
				json_array_append_new(h, json_pack("[s,s,s]",
				    ap->h[j].post, ap->h[j].conv,
				    ap->h[j].agent));
			json_array_append_new(o, h);
		}
		json_array_append_new(arr, o);
	}
	json_object_set_new(doc, "posts", arr);
	free(pc.v);
	return doc;
}

/* Where the loader stands, for messages: "conversations[3].since". */
struct ld {
	char		*err;
	size_t		 errlen;
	char		 where[128];
};

static int __attribute__((format(printf, 2, 3)))
ld_fail(struct ld *l, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (l->where[0] != '\0')
		snprintf(l->err, l->errlen, "%s: %s", l->where, msg);
	else
		snprintf(l->err, l->errlen, "%s", msg);
	return -1;
}

static void
ld_at(struct ld *l, const char *list, size_t i, const char *key)
{
	if (list == NULL)
		snprintf(l->where, sizeof(l->where), "%s", key);
	else if (key == NULL)
		snprintf(l->where, sizeof(l->where), "%s[%zu]", list, i);
	else
		snprintf(l->where, sizeof(l->where), "%s[%zu].%s", list, i,
		    key);
}

/* Member key of o as an integer in [min, max]. */
static int
ld_int(struct ld *l, const json_t *v, int64_t min, int64_t max,
    int64_t *out)
{
	if (v == NULL)
		return ld_fail(l, "missing");
	if (!json_is_integer(v))
		return ld_fail(l, "expected an integer, got %s",
		    json_kind_a(v));
	if (json_integer_value(v) < min || json_integer_value(v) > max)
		return ld_fail(l, "out of range: %" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
	*out = json_integer_value(v);
	return 0;
}

/* A string (non-empty), or NULL when null is allowed. */
static int
ld_str(struct ld *l, const json_t *v, int null_ok, const char **out)
{
	if (v == NULL)
		return ld_fail(l, "missing");
	if (json_is_null(v) && null_ok) {
		*out = NULL;
		return 0;
	}
	if (!json_is_string(v))
		return ld_fail(l, "expected a string%s, got %s",
		    null_ok ? " or null" : "", json_kind_a(v));
	if (json_string_length(v) == 0 ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return ld_fail(l, "empty string or NUL byte");
	*out = json_string_value(v);
	return 0;
}

static int
ld_keys(struct ld *l, const json_t *o, const char *const *keys)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach((json_t *)o, key, v) {
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(keys[i], key) == 0)
				break;
		if (keys[i] == NULL)
			return ld_fail(l, "unknown key \"%s\"", key);
	}
	return 0;
}

#define TIME_MIN	(-62135596800LL)	/* 0001-01-01 */
#define TIME_MAX	253402300799LL		/* 9999-12-31T23:59:59 */

static int
ld_agents(struct assign *a, struct ld *l, const json_t *arr, int64_t seq)
{
	static const char *const keys[] = { "id", "name", "last", NULL };
	const char *id, *name;
	struct hmap *seen;
	struct agent *g;
	const json_t *o;
	int64_t last;
	size_t i;
	int existed, rc = -1;

	seen = hmap_new();
	json_array_foreach(arr, i, o) {
		ld_at(l, "agents", i, NULL);
		if (!json_is_object(o)) {
			ld_fail(l, "expected an object, got %s",
			    json_kind_a(o));
			goto out;
		}
		if (ld_keys(l, o, keys) == -1)
			goto out;
		ld_at(l, "agents", i, "id");
		if (ld_str(l, json_object_get(o, "id"), 0, &id) == -1)
			goto out;
		(void)hmap_put(seen, id, strlen(id), &existed);
		if (existed) {
			ld_fail(l, "\"%s\" given twice", id);
			goto out;
		}
		ld_at(l, "agents", i, "name");
		if (ld_str(l, json_object_get(o, "name"), 0, &name) == -1)
			goto out;
		ld_at(l, "agents", i, "last");
		if (ld_int(l, json_object_get(o, "last"), 0, seq, &last) == -1)
			goto out;
		g = agent_put(a, id, &existed);
		if (g->name == NULL)
			g->name = xstrdup(name);	/* not configured */
		g->last = (uint64_t)last;
	}
	rc = 0;
out:
	hmap_free(seen);
	return rc;
}

static int
ld_convs(struct assign *a, struct ld *l, const json_t *arr, int64_t wmax)
{
	static const char *const keys[] = { "id", "open", "agent", "last",
	    "answered", "post", "team", "lang", "skill", "since", "due", "wait", NULL };
	const char *id, *agent, *post, *team, *lang, *skill;
	int64_t last, since, due, wait, answered;
	const json_t *o, *v, *w;
	struct conv *c;
	struct agent *g;
	void **slot;
	size_t i;
	int existed;

	json_array_foreach(arr, i, o) {
		ld_at(l, "conversations", i, NULL);
		if (!json_is_object(o))
			return ld_fail(l, "expected an object, got %s",
			    json_kind_a(o));
		if (ld_keys(l, o, keys) == -1)
			return -1;
		ld_at(l, "conversations", i, "id");
		if (ld_str(l, json_object_get(o, "id"), 0, &id) == -1)
			return -1;
		ld_at(l, "conversations", i, "open");
		if (!json_is_boolean(v = json_object_get(o, "open")))
			return ld_fail(l, "expected true or false, got %s",
			    json_kind_a(v));
		ld_at(l, "conversations", i, "agent");
		if (ld_str(l, json_object_get(o, "agent"), 1, &agent) == -1)
			return -1;
		if (agent != NULL && (g = agent_find(a, agent)) == NULL)
			return ld_fail(l, "\"%s\" is not in \"agents\"", agent);
		g = agent_find(a, agent);
		ld_at(l, "conversations", i, "last");
		if (ld_int(l, json_object_get(o, "last"), TIME_MIN, TIME_MAX,
		    &last) == -1)
			return -1;
		ld_at(l, "conversations", i, "answered");
		w = json_object_get(o, "answered");
		if (w != NULL && json_is_null(w))
			answered = NONE;
		else if (ld_int(l, w, TIME_MIN, TIME_MAX, &answered) == -1)
			return -1;
		slot = hmap_put(a->cmap, id, strlen(id), &existed);
		if (existed) {
			ld_at(l, "conversations", i, "id");
			return ld_fail(l, "\"%s\" given twice", id);
		}
		c = conv_new(a, id, slot);
		c->agent = g;
		c->last = last;
		c->answered = answered;
		if (!json_is_true(v)) {
			if (json_object_size(o) != 5) {
				ld_at(l, "conversations", i, NULL);
				return ld_fail(l, "a closed conversation has "
				    "only id, open, agent, last and answered");
			}
			continue;
		}
		c->open = 1;
		ld_at(l, "conversations", i, "post");
		if (ld_str(l, json_object_get(o, "post"), 0, &post) == -1)
			return -1;
		ld_at(l, "conversations", i, "team");
		if (ld_str(l, json_object_get(o, "team"), 1, &team) == -1)
			return -1;
		ld_at(l, "conversations", i, "lang");
		if (ld_str(l, json_object_get(o, "lang"), 1, &lang) == -1)
			return -1;
		ld_at(l, "conversations", i, "skill");
		if (ld_str(l, json_object_get(o, "skill"), 1, &skill) == -1)
			return -1;
		ld_at(l, "conversations", i, "since");
		if (ld_int(l, json_object_get(o, "since"), TIME_MIN, TIME_MAX,
		    &since) == -1)
			return -1;
		ld_at(l, "conversations", i, "due");
		v = json_object_get(o, "due");
		if (v != NULL && json_is_null(v))
			due = ASSIGN_NO_DUE;
		else if (ld_int(l, v, TIME_MIN, TIME_MAX, &due) == -1)
			return -1;
		ld_at(l, "conversations", i, "wait");
		if (ld_int(l, json_object_get(o, "wait"), 0, wmax, &wait) == -1)
			return -1;
		if ((g == NULL) != (wait != 0))
			return ld_fail(l, "%s", g == NULL ?
			    "0 for a conversation that waits" :
			    "not 0 for a conversation with an agent");
		c->post = xstrdup(post);
		c->team = team != NULL ? xstrdup(team) : NULL;
		c->lang = lang != NULL ? xstrdup(lang) : NULL;
		c->skill = skill != NULL ? xstrdup(skill) : NULL;
		c->since = since;
		c->due = due;
		c->wseq = (uint64_t)wait;
		if (g != NULL)
			g->open++;
		else
			enqueue(a, c);
	}
	return 0;
}

static int
ld_posts(struct assign *a, struct ld *l, const json_t *arr)
{
	const json_t *e, *h, *x;
	const char *id, *agent, *s[3];
	struct applied *ap;
	int64_t t;
	void **slot;
	size_t i, j, k;
	int existed;

	json_array_foreach(arr, i, e) {
		ld_at(l, "posts", i, NULL);
		if (!json_is_array(e) || json_array_size(e) < 3 ||
		    json_array_size(e) > 4)
			return ld_fail(l, "expected [id, time, agent] or "
			    "[id, time, agent, assigned], got %s",
			    json_kind_a(e));
		if (ld_str(l, json_array_get(e, 0), 0, &id) == -1 ||
		    ld_int(l, json_array_get(e, 1), TIME_MIN, TIME_MAX,
		    &t) == -1 ||
		    ld_str(l, json_array_get(e, 2), 1, &agent) == -1)
			return -1;
		h = json_array_get(e, 3);
		if (h != NULL && (!json_is_array(h) ||
		    json_array_size(h) == 0))
			return ld_fail(l, "assigned: expected a non-empty "
			    "array, got %s", json_kind_a(h));
		slot = hmap_put(a->pmap, id, strlen(id), &existed);
		if (existed)
			return ld_fail(l, "post \"%s\" given twice", id);
		ap = xcalloc(1, sizeof(*ap));
		*slot = ap;
		ap->t = t;
		ap->agent = agent != NULL ? xstrdup(agent) : NULL;
		if (h == NULL)
			continue;
		ap->h = xcalloc(json_array_size(h), sizeof(*ap->h));
		json_array_foreach(h, j, x) {
			if (!json_is_array(x) || json_array_size(x) != 3)
				return ld_fail(l, "assigned[%zu]: expected "
				    "[post, conversation, agent], got %s", j,
				    json_kind_a(x));
			for (k = 0; k < 3; k++)
				if (ld_str(l, json_array_get(x, k), 0,
				    &s[k]) == -1)
					return -1;
			ap->h[j].post = xstrdup(s[0]);
			ap->h[j].conv = xstrdup(s[1]);
			ap->h[j].agent = xstrdup(s[2]);
			ap->nh++;
		}
	}
	return 0;
}

int
assign_load(struct assign *a, const json_t *st, char *err, size_t errlen)
{
	static const char *const keys[] = { "format", "version", "seq",
	    "wait", "newest", "agents", "conversations", "posts", NULL };
	static const char *const lists[] = { "agents", "conversations",
	    "posts" };
	struct ld l = { err, errlen, "" };
	const json_t *v;
	const char *f;
	int64_t seq, wait, newest, ver;
	size_t i;

	if (!json_is_object(st))
		return ld_fail(&l, "expected an object, got %s",
		    json_kind_a(st));
	v = json_object_get(st, "format");
	f = json_is_string(v) ? json_string_value(v) : NULL;
	if (f == NULL || strcmp(f, ASSIGN_FORMAT) != 0)
		return ld_fail(&l, "not an sc-route state file (\"format\" "
		    "is not \"%s\")", ASSIGN_FORMAT);
	ld_at(&l, NULL, 0, "version");
	if (ld_int(&l, json_object_get(st, "version"), 1, INT64_MAX,
	    &ver) == -1)
		return -1;
	if (ver != ASSIGN_VERSION)
		return ld_fail(&l, "%lld, but this sc-route reads version %d",
		    (long long)ver, ASSIGN_VERSION);
	l.where[0] = '\0';
	if (ld_keys(&l, st, keys) == -1)
		return -1;
	ld_at(&l, NULL, 0, "seq");
	if (ld_int(&l, json_object_get(st, "seq"), 0, INT64_MAX, &seq) == -1)
		return -1;
	ld_at(&l, NULL, 0, "wait");
	if (ld_int(&l, json_object_get(st, "wait"), 0, INT64_MAX,
	    &wait) == -1)
		return -1;
	ld_at(&l, NULL, 0, "newest");
	v = json_object_get(st, "newest");
	if (v != NULL && json_is_null(v))
		a->any_applied = 0;
	else if (ld_int(&l, v, TIME_MIN, TIME_MAX, &newest) == -1)
		return -1;
	else {
		a->any_applied = 1;
		a->newest = newest;
	}
	for (i = 0; i < 3; i++) {
		ld_at(&l, NULL, 0, lists[i]);
		v = json_object_get(st, lists[i]);
		if (!json_is_array(v))
			return ld_fail(&l, "expected an array, got %s",
			    json_kind_a(v));
	}
	a->seq = (uint64_t)seq;
	a->wseq = (uint64_t)wait;
	if (ld_agents(a, &l, json_object_get(st, "agents"), seq) == -1 ||
	    ld_convs(a, &l, json_object_get(st, "conversations"), wait) == -1 ||
	    ld_posts(a, &l, json_object_get(st, "posts")) == -1)
		return -1;
	return 0;
}

void
assign_settle(struct assign *a)
{
	struct conv *c;
	size_t i, j;

	for (i = 0; i < a->nconvs; i++) {
		c = a->convs[i];
		if (c->agent == NULL || c->agent->team != NULL)
			continue;
		/* The agent left the configuration. */
		if (c->open) {
			c->agent->open--;
			wait_conv(a, c);
		} else
			c->agent = NULL;
	}
	for (i = 0; i < a->nteams; i++)
		for (j = 0; j < a->teams[i]->nagents; j++)
			drain(a, a->teams[i]->agents[j], 0);
}

/* ---- the queue -------------------------------------------------------- */

static int
queue_order(const void *x, const void *y)
{
	const struct conv *c = *(struct conv *const *)x;
	const struct conv *d = *(struct conv *const *)y;

	if ((c->agent == NULL) != (d->agent == NULL))
		return c->agent == NULL ? -1 : 1;
	if (c->since != d->since)
		return c->since < d->since ? -1 : 1;
	if (c->agent == NULL && c->wseq != d->wseq)
		return c->wseq < d->wseq ? -1 : 1;
	return strcmp(c->id, d->id);
}

static json_t *
time_json(int64_t t)
{
	char s[TIME_STRLEN];

	if (t == ASSIGN_NO_DUE)
		return json_null();
	time_format(t, s);
	return json_string(s);
}

json_t *
assign_queue(const struct assign *a)
{
	struct conv **cv;
	const struct conv *c;
	json_t *rows;
	size_t i, n;

	cv = xreallocarray(NULL, a->nconvs + 1, sizeof(*cv));
	for (i = n = 0; i < a->nconvs; i++)
		if (a->convs[i]->open)
			cv[n++] = a->convs[i];
	qsort(cv, n, sizeof(*cv), queue_order);
	rows = json_array();
	for (i = 0; i < n; i++) {
		c = cv[i];
		json_array_append_new(rows, json_pack("{s:s,s:s,s:o,s:o,s:o,"
		    "s:o}", "post", c->post, "conversation", c->id, "team",
		    str_or_null(c->team), "agent", agent_json(a, c->agent ?
		    c->agent->id : NULL), "since", time_json(c->since),
		    "first_response_due", time_json(c->due)));
	}
	free(cv);
	return rows;
}

/* ---- release ---------------------------------------------------------- */

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
free_applied(const char *key, size_t klen, void *val, void *ctx)
{
	struct applied *ap = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free_handoffs(ap->h, ap->nh);
	free(ap->h);
	free(ap->agent);
	free(ap);
}

void
assign_free(struct assign *a)
{
	struct team *t;
	struct conv *c;
	size_t i, j;

	if (a == NULL)
		return;
	for (i = 0; i < a->nteams; i++) {
		t = a->teams[i];
		for (j = 0; j < t->nbuckets; j++) {
			free(t->buckets[j]->lang);
			free(t->buckets[j]->skill);
			free(t->buckets[j]->h);
			free(t->buckets[j]);
		}
		free(t->buckets);
		hmap_free(t->bmap);
		free(t->agents);
		free(t->name);
		free(t);
	}
	free(a->teams);
	for (i = 0; i < a->nagents; i++) {
		free(a->agents[i]->id);
		free(a->agents[i]->name);
		free_strings(a->agents[i]->langs, a->agents[i]->nlangs);
		free_strings(a->agents[i]->skills, a->agents[i]->nskills);
		free(a->agents[i]);
	}
	free(a->agents);
	for (i = 0; i < a->nconvs; i++) {
		c = a->convs[i];
		free(c->id);
		free(c->post);
		free(c->team);
		free(c->lang);
		free(c->skill);
		free(c);
	}
	free(a->convs);
	hmap_each(a->pmap, free_applied, NULL);
	hmap_free(a->pmap);
	hmap_free(a->tmap);
	hmap_free(a->amap);
	hmap_free(a->cmap);
	free_handoffs(a->h, a->nh);
	free(a->h);
	free(a);
}
