/*
 * Matching records against compiled rules, and the route written for the
 * rule that matched.  Nothing here allocates except the route itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "jsonw.h"
#include "post.h"
#include "rules.h"
#include "sctime.h"
#include "xmem.h"

#define TIME_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */

/* JSON equality of literals; numbers by value, 1 equals 1.0. */
static int
literal_eq(const json_t *a, const json_t *b)
{
	if (json_is_string(a) && json_is_string(b))
		return json_string_length(a) == json_string_length(b) &&
		    memcmp(json_string_value(a), json_string_value(b),
		    json_string_length(a)) == 0;
	if (json_is_integer(a) && json_is_integer(b))
		return json_integer_value(a) == json_integer_value(b);
	if (json_is_number(a) && json_is_number(b))
		return json_number_value(a) == json_number_value(b);
	return json_typeof(a) == json_typeof(b) &&
	    (json_is_boolean(a) || json_is_null(a));
}

static int
in_list(const json_t *list, const json_t *v)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (literal_eq(json_array_get(list, i), v))
			return 1;
	return 0;
}

/* Order v against arg: -1, 0, 1, or 2 when they do not compare. */
static int
compare(const json_t *v, const json_t *arg)
{
	json_int_t i, j;
	double x, y;
	size_t n, m;
	int c;

	if (json_is_integer(v) && json_is_integer(arg)) {
		i = json_integer_value(v);
		j = json_integer_value(arg);
		return (i > j) - (i < j);
	}
	if (json_is_number(v) && json_is_number(arg)) {
		x = json_number_value(v);
		y = json_number_value(arg);
		return (x > y) - (x < y);
	}
	if (json_is_string(v) && json_is_string(arg)) {
		n = json_string_length(v);
		m = json_string_length(arg);
		c = memcmp(json_string_value(v), json_string_value(arg),
		    n < m ? n : m);
		if (c == 0)
			return (n > m) - (n < m);
		return c < 0 ? -1 : 1;
	}
	return 2;
}

/*
 * v folded as FOLD_MATCH, from the record's cache: several "contains" on
 * one field fold it once.  NULL for text fold() refuses.
 */
static const char *
folded(struct rule_hits *h, const json_t *v, size_t *len)
{
	struct fold_memo *m;
	size_t i, off;

	for (i = 0; i < h->nmemo; i++)
		if (h->memo[i].v == v) {
			*len = h->memo[i].len;
			return h->memo[i].ok ? h->fold.s + h->memo[i].off : NULL;
		}
	off = h->fold.len;
	i = h->nmemo < RULE_MEMO ? h->nmemo++ : RULE_MEMO - 1;
	m = &h->memo[i];
	m->v = v;
	m->off = off;
	m->ok = fold(json_string_value(v), json_string_length(v),
	    FOLD_MATCH | FOLD_LUMP, &h->fold) != -1;
	m->len = *len = h->fold.len - off;
	return m->ok ? h->fold.s + off : NULL;
}

static int
contains(const struct rule_cond *c, const json_t *v, struct rule_hits *h)
{
	const json_t *e;
	const char *f;
	size_t i, n;

	if (json_is_string(v))
		return (f = folded(h, v, &n)) != NULL &&
		    fold_find_word(f, n, c->needle, c->nlen, 0) != (size_t)-1;
	if (!json_is_array(v))
		return 0;
	for (i = 0; i < json_array_size(v); i++) {
		e = json_array_get(v, i);
		if (json_is_string(e) && (f = folded(h, e, &n)) != NULL &&
		    n == c->nlen && memcmp(f, c->needle, n) == 0)
			return 1;
	}
	return 0;
}

static int
nonempty(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		return json_string_length(v) > 0;
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_OBJECT:
		return json_object_size(v) > 0;
	default:
		return 0;
	}
}

/* v is NULL when the field is missing. */
static int
holds(const struct rule_cond *c, const json_t *v, struct rule_hits *h)
{
	int cmp;

	if (v == NULL)
		return c->op == OP_NE || c->op == OP_NIN ||
		    (c->op == OP_EXISTS && !c->flag);
	switch (c->op) {
	case OP_EQ:
		return literal_eq(c->arg, v);
	case OP_NE:
		return !literal_eq(c->arg, v);
	case OP_IN:
		return in_list(c->arg, v);
	case OP_NIN:
		return !in_list(c->arg, v);
	case OP_GT:
		return compare(v, c->arg) == 1;
	case OP_GTE:
		cmp = compare(v, c->arg);
		return cmp == 0 || cmp == 1;
	case OP_LT:
		return compare(v, c->arg) == -1;
	case OP_LTE:
		cmp = compare(v, c->arg);
		return cmp == 0 || cmp == -1;
	case OP_EXISTS:
		return c->flag;
	case OP_CONTAINS:
		return contains(c, v, h);
	case OP_MATCHES:
		/* Jansson strings are valid UTF-8: no need to check again.
		 * Past the match limit counts as no match. */
		return json_is_string(v) && pcre2_match(c->re,
		    (PCRE2_SPTR)json_string_value(v), json_string_length(v),
		    0, PCRE2_NO_UTF_CHECK, c->md, NULL) >= 0;
	case OP_NONEMPTY:
		return nonempty(v) == c->flag;
	}
	return 0;
}

static int
test_holds(const struct rule_test *t, const json_t *post, struct rule_hits *h)
{
	const json_t *v = post;
	size_t j;

	for (j = 0; j < t->npath && v != NULL; j++)
		v = json_object_get(v, t->path[j]);
	for (j = 0; j < t->nconds; j++)
		if (!holds(&t->conds[j], v, h))
			return 0;
	return 1;
}

static int
node_holds(const struct rule_node *n, const json_t *post, struct rule_hits *h)
{
	size_t i;

	switch (n->kind) {
	case COND_TEST:
		return test_holds(&n->test, post, h);
	case COND_ALL:
		for (i = 0; i < n->nkids; i++)
			if (!node_holds(&n->kids[i], post, h))
				return 0;
		return 1;
	case COND_ANY:
		for (i = 0; i < n->nkids; i++)
			if (node_holds(&n->kids[i], post, h))
				return 1;
		return 0;
	case COND_NOT:
		return !node_holds(&n->kids[0], post, h);
	}
	return 0;
}

/* --explain: what decided, in words. */

static const char *const opnames[] = {
	"eq", "ne", "in", "nin", "gt", "gte", "lt", "lte", "exists",
	"contains", "matches", "nonempty"
};

#define WHY_VALUE	60	/* bytes of a value quoted in a reason */

/* "class.lang eq \"pl\" (got \"en\")" for condition c of test t. */
static json_t *
describe(const struct rule_test *t, const struct rule_cond *c,
    const json_t *v)
{
	struct buf b = BUF_INIT, val = BUF_INIT;
	size_t n;
	json_t *s;

	buf_printf(&b, "%s %s ", t->field, opnames[c->op]);
	jsonw(&b, c->arg);
	if (v == NULL) {
		buf_adds(&b, " (missing)");
	} else {
		jsonw(&val, v);
		n = val.len;
		if (n > WHY_VALUE) {
			n = WHY_VALUE;
			/* Not inside a UTF-8 sequence. */
			while (n > 0 && (val.s[n] & 0xc0) == 0x80)
				n--;
		}
		buf_adds(&b, " (got ");
		buf_add(&b, val.s, n);
		buf_adds(&b, n < val.len ? "...)" : ")");
	}
	s = json_stringn(b.s, b.len);
	buf_free(&b);
	buf_free(&val);
	return s;
}

/*
 * Whether n holds, with the tests that made it so appended to why: all of
 * a holding "all", the first failing member of a failing one; the first
 * holding member of an "any", all of a failing one.
 */
static int
node_why(const struct rule_node *n, const json_t *post, struct rule_hits *h,
    json_t *why)
{
	const struct rule_test *t;
	const json_t *v;
	json_t *sub, *keep = NULL, *e;
	size_t i, j;
	int held, r;

	switch (n->kind) {
	case COND_TEST:
		t = &n->test;
		v = post;
		for (j = 0; j < t->npath && v != NULL; j++)
			v = json_object_get(v, t->path[j]);
		for (j = 0; j < t->nconds; j++)
			if (!holds(&t->conds[j], v, h)) {
				json_array_append_new(why,
				    describe(t, &t->conds[j], v));
				return 0;
			}
		for (j = 0; j < t->nconds; j++)
			json_array_append_new(why, describe(t, &t->conds[j],
			    v));
		return 1;
	case COND_NOT:
		sub = json_array();
		r = !node_why(&n->kids[0], post, h, sub);
		json_array_foreach(sub, i, e)
			json_array_append_new(why, json_sprintf("not: %s",
			    json_string_value(e)));
		json_decref(sub);
		return r;
	case COND_ALL:
	case COND_ANY:
		held = n->kind == COND_ALL;
		for (i = 0; i < n->nkids; i++) {
			sub = json_array();
			r = node_why(&n->kids[i], post, h, sub);
			if (r != held) {
				/* Decides: this member alone says why. */
				json_array_extend(why, sub);
				json_decref(sub);
				json_decref(keep);
				return r;
			}
			if (keep == NULL)
				keep = json_array();
			json_array_extend(keep, sub);
			json_decref(sub);
		}
		if (keep != NULL)
			json_array_extend(why, keep);
		json_decref(keep);
		return held;
	}
	return 0;
}

static json_t *
rule_why(const struct rule *r, const json_t *post, struct rule_hits *h)
{
	json_t *why = json_array();

	if (r->cond != NULL)
		node_why(r->cond, post, h, why);
	return json_pack("{s:s, s:o}", "rule", r->name, "because", why);
}

json_t *
rules_why(const struct ruleset *rs, struct rule_hits *h, const json_t *post)
{
	json_t *why, *passed, *cont;
	size_t i, end;

	passed = json_array();
	cont = json_array();
	end = h->decided != NULL ? h->decided->index : rs->nrules;
	for (i = 0; i < end; i++) {
		if (rs->rules[i].cont && rules_rule_matches(&rs->rules[i],
		    post, h))
			json_array_append_new(cont, rule_why(&rs->rules[i],
			    post, h));
		else
			json_array_append_new(passed, rule_why(&rs->rules[i],
			    post, h));
	}
	why = h->decided != NULL ? rule_why(h->decided, post, h) :
	    json_pack("{s:n, s:[]}", "rule", "because");
	json_object_set_new(why, "continued", cont);
	json_object_set_new(why, "passed", passed);
	return why;
}

int
rules_rule_matches(const struct rule *r, const json_t *post,
    struct rule_hits *h)
{
	return r->cond == NULL || node_holds(r->cond, post, h);
}

struct rule_hits *
rules_hits_new(const struct ruleset *rs)
{
	struct rule_hits *h;

	h = xcalloc(1, sizeof(*h));
	h->cont = xcalloc(rs->nrules + 1, sizeof(*h->cont));
	return h;
}

void
rules_hits_free(struct rule_hits *h)
{
	if (h == NULL)
		return;
	free(h->cont);
	buf_free(&h->fold);
	free(h);
}

const struct rule *
rules_match(const struct ruleset *rs, const json_t *post,
    struct rule_hits *h)
{
	const struct rule *r;
	size_t i;

	h->ncont = 0;
	h->decided = NULL;
	h->nmemo = 0;
	buf_reset(&h->fold);
	for (i = 0; i < rs->nrules; i++) {
		r = &rs->rules[i];
		if (!rules_rule_matches(r, post, h))
			continue;
		if (!r->cont)
			return h->decided = r;
		h->cont[h->ncont++] = r;
	}
	return NULL;
}

static void
add_due(json_t *sla, const char *mkey, const char *dkey, long min,
    int64_t due)
{
	char s[TIME_STRLEN];

	time_format(due, s);
	json_object_set_new(sla, mkey, json_integer(min));
	json_object_set_new(sla, dkey, json_string(s));
}

/* Tags of the "continue" rules that matched, then the deciding rule's. */
static void
merge_tags(json_t *route, const struct rule_hits *h)
{
	const json_t *tags, *t;
	json_t *all;
	size_t i, j, k;

	all = json_array();
	for (i = 0; i <= h->ncont; i++) {
		tags = i < h->ncont ? h->cont[i]->tags :
		    h->decided != NULL ? h->decided->tags : NULL;
		for (j = 0; j < json_array_size(tags); j++) {
			t = json_array_get(tags, j);
			for (k = 0; k < json_array_size(all); k++)
				if (json_equal(json_array_get(all, k),
				    (json_t *)t))
					break;
			if (k == json_array_size(all))
				json_array_append(all, (json_t *)t);
		}
	}
	json_object_set_new(route, "tags", all);
}

/* created + min business minutes of cal (NULL: calendar minutes). */
static int64_t
due_time(const struct calendar *cal, int64_t created, long min)
{
	if (cal == NULL)
		return created + (int64_t)min * 60;
	return cal_add(cal, created, (int64_t)min * 60);
}

json_t *
rules_route(const struct ruleset *rs, const struct rule_hits *h,
    const json_t *post, char *err, size_t errlen)
{
	const struct rule *r = h->decided;
	const struct calendar *cal;
	json_t *route, *sla;
	int64_t t, fr, res = 0;

	if (r == NULL) {
		if (h->ncont == 0)
			return json_incref(rs->nomatch);
		route = json_copy(rs->nomatch);
		merge_tags(route, h);
		return route;
	}
	if (!r->has_sla) {
		if (h->ncont == 0)
			return json_incref(r->route);
		route = json_copy(r->route);
		merge_tags(route, h);
		return route;
	}
	if (post_created_at(post, &t) == -1) {
		if (post_check(post, POST_CREATED_AT, err, errlen) == 0)
			snprintf(err, errlen, "\"created_at\": not a time");
		return NULL;
	}
	cal = r->team != NULL ? r->team->cal : NULL;
	if ((fr = due_time(cal, t, r->first_response)) > TIME_MAX ||
	    (r->resolve > 0 &&
	    (res = due_time(cal, t, r->resolve)) > TIME_MAX)) {
		snprintf(err, errlen, "\"created_at\": SLA due time after the "
		    "year 9999");
		return NULL;
	}
	sla = json_object();
	add_due(sla, "first_response_minutes", "first_response_due",
	    r->first_response, fr);
	if (r->resolve > 0)
		add_due(sla, "resolve_minutes", "resolve_due", r->resolve, res);
	route = json_copy(r->route);
	if (h->ncont > 0)
		merge_tags(route, h);
	json_object_set_new(route, "sla", sla);
	return route;
}
