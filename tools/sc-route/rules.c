/*
 * Loading and checking a rules file.  Everything that can be wrong with
 * the rules is found here, once, and reported with the file and the line
 * of the offending value; the record loop then trusts what it is given.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "diag.h"
#include "fold.h"
#include "hmap.h"
#include "jload.h"
#include "jsonw.h"
#include "post.h"
#include "rules.h"
#include "sc.h"
#include "xmem.h"

#define MAXDEPTH	32	/* conditions nested in conditions */
#define SLA_MAX		SLA_MAX_MINUTES

static const char *const default_priorities[] = {
	"urgent", "high", "normal", "low", NULL
};

static const struct {
	const char	*name;
	enum rule_op	 op;
} ops[] = {
	{ "eq",		OP_EQ },
	{ "ne",		OP_NE },
	{ "in",		OP_IN },
	{ "nin",	OP_NIN },
	{ "gt",		OP_GT },
	{ "gte",	OP_GTE },
	{ "lt",		OP_LT },
	{ "lte",	OP_LTE },
	{ "exists",	OP_EXISTS },
	{ "contains",	OP_CONTAINS },
	{ "matches",	OP_MATCHES },
	{ "nonempty",	OP_NONEMPTY }
};

/*
 * Where the loader stands in the document (jload.h) and what it
 * is loading ("rule \"x\": "), for messages.
 */
struct loader {
	struct jload	 j;
	const json_t	*sla;		/* the "sla" table, or NULL */
	struct hmap	*names;
	const struct rule *catchall;	/* the first rule deciding all */
	int		 depth;
	struct ruleset	*rs;
};

static void
quoted(struct buf *b, const char *name)
{
	jload_quoted(b, name);
}

static void
set_who(struct loader *ld, const char *prefix, const char *name)
{
	jload_who(&ld->j, prefix, name);
}

static void
push(struct loader *ld, const char *step)
{
	jload_push(&ld->j, step);
}

static void
push_index(struct loader *ld, size_t i)
{
	jload_push_index(&ld->j, i);
}

static void
pop(struct loader *ld)
{
	jload_pop(&ld->j);
}

/* "FILE:LINE: rule \"x\": why" for the value the loader stands on. */
static void __attribute__((noreturn, format(printf, 2, 3)))
fail(struct loader *ld, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jload_vfail(&ld->j, fmt, ap);
}

static int
is_literal(const json_t *j)
{
	return json_is_string(j) || json_is_number(j) || json_is_boolean(j) ||
	    json_is_null(j);
}

/* Minutes in an SLA: a whole number from 1 to SLA_MAX. */
static long
minutes(struct loader *ld, const char *what, const char *key,
    const json_t *v)
{
	if (!json_is_integer(v) || json_integer_value(v) < 1 ||
	    json_integer_value(v) > SLA_MAX) {
		push(ld, key);
		fail(ld, "%s\"%s\": expected a whole number of minutes "
		    "from 1 to %d", what, key, SLA_MAX);
	}
	return (long)json_integer_value(v);
}

/* The keys of an SLA object; what is absent is left as it was. */
static void
sla_times(struct loader *ld, const char *what, const json_t *obj, long *fr,
    long *res)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)obj, key, v) {
		if (strcmp(key, "first_response") == 0)
			*fr = minutes(ld, what, key, v);
		else if (strcmp(key, "resolve") == 0)
			*res = minutes(ld, what, key, v);
		else {
			push(ld, key);
			fail(ld, "%sunknown key \"%s\"", what, key);
		}
	}
}

static void
load_sla(struct loader *ld, const json_t *sla)
{
	const char *key;
	json_t *v;
	long fr, res;

	if (!json_is_object(sla))
		fail(ld, "\"sla\": expected an object, got %s",
		    json_kind_a(sla));
	if (json_object_size(sla) == 0)
		fail(ld, "\"sla\": no priorities");
	json_object_foreach((json_t *)sla, key, v) {
		push(ld, key);
		if (*key == '\0')
			fail(ld, "\"sla\": empty priority name");
		set_who(ld, "sla ", key);
		if (!json_is_false(v)) {
			if (!json_is_object(v))
				fail(ld, "expected an object or false, got %s",
				    json_kind_a(v));
			fr = res = 0;
			sla_times(ld, "", v, &fr, &res);
			if (fr == 0)
				fail(ld, "missing \"first_response\"");
			if (res > 0 && res < fr) {
				push(ld, "resolve");
				fail(ld, "\"resolve\" (%ld minutes) shorter "
				    "than \"first_response\" (%ld)", res, fr);
			}
		}
		buf_reset(&ld->j.who);
		pop(ld);
	}
	ld->sla = sla;
}

/* The path "class.intent" as keys; no step may be empty. */
static void
compile_path(struct loader *ld, const char *field, struct rule_test *t)
{
	char *p;
	size_t n;

	t->keys = xstrdup(field);
	for (n = 1, p = t->keys; *p; p++)
		n += *p == '.';
	t->path = xcalloc(n, sizeof(*t->path));
	t->path[0] = t->keys;
	t->npath = 1;
	for (p = t->keys; *p; p++)
		if (*p == '.') {
			*p = '\0';
			t->path[t->npath++] = p + 1;
		}
	for (n = 0; n < t->npath; n++)
		if (*t->path[n] == '\0')
			fail(ld, "empty step in path \"%s\"", field);
}

static void
check_list(struct loader *ld, const char *what, const json_t *list)
{
	size_t i;

	for (i = 0; i < json_array_size(list); i++)
		if (!is_literal(json_array_get(list, i))) {
			push_index(ld, i);
			fail(ld, "\"%s\": expected strings, numbers, true, "
			    "false or null in the list, got %s", what,
			    json_kind_a(json_array_get(list, i)));
		}
}

static void
compile_op(struct loader *ld, const char *name, const json_t *a,
    struct rule_cond *c)
{
	char eb[256];
	const char *s;
	PCRE2_SIZE off;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(name, ops[i].name) == 0)
			break;
	if (i == sizeof(ops) / sizeof(ops[0]))
		fail(ld, "unknown operator \"%s\"", name);
	c->arg = a;
	switch (ops[i].op) {
	case OP_EQ:
	case OP_NE:
		if (!is_literal(a))
			fail(ld, "\"%s\": expected a string, number, true, "
			    "false or null, got %s", name, json_kind_a(a));
		break;
	case OP_IN:
	case OP_NIN:
		if (!json_is_array(a))
			fail(ld, "\"%s\": expected an array, got %s", name,
			    json_kind_a(a));
		check_list(ld, name, a);
		if (ops[i].op == OP_IN && json_array_size(a) == 0)
			fail(ld, "\"in\": empty list (can never match)");
		break;
	case OP_GT:
	case OP_GTE:
	case OP_LT:
	case OP_LTE:
		if (!json_is_number(a) && !json_is_string(a))
			fail(ld, "\"%s\": expected a number or a string, "
			    "got %s", name, json_kind_a(a));
		break;
	case OP_EXISTS:
	case OP_NONEMPTY:
		if (!json_is_boolean(a))
			fail(ld, "\"%s\": expected true or false, got %s",
			    name, json_kind_a(a));
		c->flag = json_is_true(a);
		break;
	case OP_CONTAINS:
		if (!json_is_string(a))
			fail(ld, "\"%s\": expected a string, got %s", name,
			    json_kind_a(a));
		if (json_string_length(a) == 0)
			fail(ld, "\"%s\": empty string", name);
		buf_reset(&ld->j.tmp);
		if (fold(json_string_value(a), json_string_length(a),
		    FOLD_MATCH | FOLD_LUMP, &ld->j.tmp) == -1 ||
		    ld->j.tmp.len == 0)
			fail(ld, "\"%s\": nothing to look for in \"%s\"", name,
			    json_string_value(a));
		c->nlen = ld->j.tmp.len;
		c->needle = xstrndup(ld->j.tmp.s, ld->j.tmp.len);
		c->op = OP_CONTAINS;
		return;
	case OP_MATCHES:
		if (!json_is_string(a))
			fail(ld, "\"%s\": expected a string, got %s", name,
			    json_kind_a(a));
		s = json_string_value(a);
		c->re = pcre2_compile((PCRE2_SPTR)s, json_string_length(a),
		    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &rc, &off, NULL);
		if (c->re == NULL) {
			pcre2_get_error_message(rc, (PCRE2_UCHAR *)eb,
			    sizeof(eb));
			fail(ld, "\"%s\": bad regular expression \"%s\": %s "
			    "(at offset %zu)", name, s, eb, (size_t)off);
		}
		/* Faster where the platform has a JIT; fine without. */
		(void)pcre2_jit_compile(c->re, PCRE2_JIT_COMPLETE);
		c->md = pcre2_match_data_create_from_pattern(c->re, NULL);
		if (c->md == NULL)
			die(SC_EXIT_FATAL, "out of memory");
		/* Only now does the condition own a compiled pattern. */
		c->op = OP_MATCHES;
		return;
	}
	c->op = ops[i].op;
}

/* One field's condition: a literal, a list, or operators. */
static void
compile_test(struct loader *ld, const char *field, const json_t *v,
    struct rule_test *t)
{
	const char *name;
	json_t *a;

	if (is_literal(v)) {
		t->conds = xcalloc(1, sizeof(*t->conds));
		t->conds[0].op = OP_EQ;
		t->conds[0].arg = v;
		t->nconds = 1;
		return;
	}
	if (json_is_array(v)) {
		check_list(ld, field, v);
		if (json_array_size(v) == 0)
			fail(ld, "\"%s\": empty list (can never match)",
			    field);
		t->conds = xcalloc(1, sizeof(*t->conds));
		t->conds[0].op = OP_IN;
		t->conds[0].arg = v;
		t->nconds = 1;
		return;
	}
	if (json_object_size(v) == 0)
		fail(ld, "\"%s\": no operator", field);
	t->conds = xcalloc(json_object_size(v), sizeof(*t->conds));
	json_object_foreach((json_t *)v, name, a) {
		push(ld, name);
		/* Counted first so that rules_free() sees it. */
		compile_op(ld, name, a, &t->conds[t->nconds++]);
		pop(ld);
	}
}

void
rules_add_member(struct ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->nmembers; i++)
		if (strcmp(rs->members[i], name) == 0)
			return;
	rs->members = xreallocarray(rs->members, rs->nmembers + 2,
	    sizeof(*rs->members));
	rs->members[rs->nmembers++] = name;
	rs->members[rs->nmembers] = NULL;
}

static void compile_cond(struct loader *, const json_t *, struct rule_node *);

/* "all" or "any": a non-empty array of condition objects. */
static void
compile_list(struct loader *ld, const char *key, const json_t *v,
    struct rule_node *n)
{
	size_t i;

	n->kind = strcmp(key, "all") == 0 ? COND_ALL : COND_ANY;
	if (!json_is_array(v))
		fail(ld, "\"%s\": expected an array of conditions, got %s",
		    key, json_kind_a(v));
	if (json_array_size(v) == 0)
		fail(ld, "\"%s\": empty (%s)", key, n->kind == COND_ANY ?
		    "the rule could never match" : "it would say nothing");
	n->kids = xcalloc(json_array_size(v), sizeof(*n->kids));
	for (i = 0; i < json_array_size(v); i++) {
		push_index(ld, i);
		if (!json_is_object(json_array_get(v, i)))
			fail(ld, "\"%s\": expected objects, got %s", key,
			    json_kind_a(json_array_get(v, i)));
		n->nkids++;
		compile_cond(ld, json_array_get(v, i), &n->kids[i]);
		pop(ld);
	}
}

/*
 * A condition object: every member must hold.  "all", "any" and "not"
 * are combinators; every other key is the path of a field.
 */
static void
compile_cond(struct loader *ld, const json_t *obj, struct rule_node *n)
{
	const char *key;
	struct rule_node *k;
	json_t *v;

	if (++ld->depth > MAXDEPTH)
		fail(ld, "conditions nested more than %d deep", MAXDEPTH);
	n->kind = COND_ALL;
	n->kids = xcalloc(json_object_size(obj) + 1, sizeof(*n->kids));
	json_object_foreach((json_t *)obj, key, v) {
		push(ld, key);
		k = &n->kids[n->nkids++];
		if (strcmp(key, "all") == 0 || strcmp(key, "any") == 0) {
			compile_list(ld, key, v, k);
		} else if (strcmp(key, "not") == 0) {
			k->kind = COND_NOT;
			if (!json_is_object(v))
				fail(ld, "\"not\": expected a condition "
				    "object, got %s", json_kind_a(v));
			k->kids = xcalloc(1, sizeof(*k->kids));
			k->nkids = 1;
			compile_cond(ld, v, &k->kids[0]);
		} else {
			k->kind = COND_TEST;
			compile_path(ld, key, &k->test);
			k->test.field = key;
			/* The first step of keys, which the ruleset keeps. */
			rules_add_member(ld->rs, k->test.path[0]);
			compile_test(ld, key, v, &k->test);
		}
		pop(ld);
	}
	ld->depth--;
}

/* Static analysis for unreachable rules: holds for every record. */
static int
always(const struct rule_node *n)
{
	size_t i;

	if (n == NULL)
		return 1;
	switch (n->kind) {
	case COND_TEST:
		return 0;
	case COND_ALL:
		for (i = 0; i < n->nkids; i++)
			if (!always(&n->kids[i]))
				return 0;
		return 1;
	case COND_ANY:
		for (i = 0; i < n->nkids; i++)
			if (always(&n->kids[i]))
				return 1;
		return 0;
	case COND_NOT:
		return 0;
	}
	return 0;
}

/* A field test that no value, and no missing field, can pass. */
static int
test_never(const struct rule_test *t)
{
	const struct rule_cond *c, *d;
	int absent_ok = 1, present_ok = 1;
	size_t i, j;

	for (i = 0; i < t->nconds; i++) {
		c = &t->conds[i];
		/* What a missing field does, as holds() in match.c. */
		if (!(c->op == OP_NE || c->op == OP_NIN ||
		    (c->op == OP_EXISTS && !c->flag)))
			absent_ok = 0;
		if (c->op == OP_EXISTS && !c->flag)
			present_ok = 0;
		for (j = 0; j < t->nconds; j++) {
			d = &t->conds[j];
			if (c->op == OP_EQ && d->op == OP_NE &&
			    json_equal((json_t *)c->arg, (json_t *)d->arg))
				present_ok = 0;
			if (c->op == OP_EQ && d->op == OP_EQ &&
			    !json_equal((json_t *)c->arg, (json_t *)d->arg))
				present_ok = 0;
		}
	}
	return !absent_ok && !present_ok;
}

/* Holds for no record at all. */
static int
never(const struct rule_node *n)
{
	size_t i;

	if (n == NULL)
		return 0;
	switch (n->kind) {
	case COND_TEST:
		return test_never(&n->test);
	case COND_ALL:
		for (i = 0; i < n->nkids; i++)
			if (never(&n->kids[i]))
				return 1;
		return 0;
	case COND_ANY:
		for (i = 0; i < n->nkids; i++)
			if (!never(&n->kids[i]))
				return 0;
		return 1;
	case COND_NOT:
		return always(&n->kids[0]);
	}
	return 0;
}

static int
known_priority(const struct loader *ld, const char *p)
{
	size_t i;

	if (ld->sla != NULL)
		return json_object_get(ld->sla, p) != NULL;
	for (i = 0; default_priorities[i] != NULL; i++)
		if (strcmp(p, default_priorities[i]) == 0)
			return 1;
	return 0;
}

static void __attribute__((noreturn))
unknown_priority(struct loader *ld, const char *p)
{
	struct buf list = BUF_INIT;
	const char *key;
	json_t *v;
	size_t i;

	if (ld->sla != NULL)
		json_object_foreach((json_t *)ld->sla, key, v)
			buf_printf(&list, "%s%s", list.len ? ", " : "", key);
	else
		for (i = 0; default_priorities[i] != NULL; i++)
			buf_printf(&list, "%s%s", list.len ? ", " : "",
			    default_priorities[i]);
	push(ld, "priority");
	/* list is still reachable from here when fail() exits. */
	fail(ld, "unknown priority \"%s\" (one of: %s)", p, buf_str(&list));
}

/* A string member that must be there and must not be empty. */
static const json_t *
need_string(struct loader *ld, const json_t *r, const char *key, int required)
{
	return jload_string(&ld->j, r, key, required);
}

static void
check_rule_keys(struct loader *ld, const json_t *r)
{
	static const char *const known[] = {
		"name", "if", "any", "all", "not", "queue", "priority", "sla",
		"assign", "tags", "team", "skill", "continue", "skip",
		"comment", NULL
	};
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach((json_t *)r, key, v) {
		for (i = 0; known[i] != NULL; i++)
			if (strcmp(key, known[i]) == 0)
				break;
		if (known[i] == NULL) {
			push(ld, key);
			fail(ld, "unknown key \"%s\"", key);
		}
	}
}

/*
 * The rule's condition: "if" (an object), "any" and "all" (arrays of
 * objects) and "not" (an object), all of which must hold.
 */
static void
load_conditions(struct loader *ld, const json_t *r, struct rule *ru)
{
	static const char *const keys[] = { "if", "any", "all", "not", NULL };
	struct rule_node *n, *k;
	const json_t *v;
	size_t i;

	n = ru->cond = xcalloc(1, sizeof(*ru->cond));
	n->kind = COND_ALL;
	n->kids = xcalloc(4, sizeof(*n->kids));
	for (i = 0; keys[i] != NULL; i++) {
		if ((v = json_object_get(r, keys[i])) == NULL)
			continue;
		push(ld, keys[i]);
		k = &n->kids[n->nkids++];
		ld->depth = 0;
		if (i == 1 || i == 2) {
			compile_list(ld, keys[i], v, k);
		} else {
			if (!json_is_object(v))
				fail(ld, "\"%s\": expected an object, got %s",
				    keys[i], json_kind_a(v));
			if (i == 0) {
				compile_cond(ld, v, k);
			} else {
				k->kind = COND_NOT;
				k->kids = xcalloc(1, sizeof(*k->kids));
				k->nkids = 1;
				compile_cond(ld, v, &k->kids[0]);
			}
		}
		pop(ld);
	}
}

static void
load_rule_sla(struct loader *ld, const json_t *r, const char *priority,
    struct rule *ru)
{
	const json_t *p, *v;

	p = ld->sla != NULL && priority != NULL ?
	    json_object_get(ld->sla, priority) : NULL;
	ru->first_response = ru->resolve = 0;
	if (json_is_object(p)) {
		sla_times(ld, "", p, &ru->first_response, &ru->resolve);
		ru->has_sla = 1;
	}
	if ((v = json_object_get(r, "sla")) == NULL)
		return;
	push(ld, "sla");
	if (json_is_false(v)) {
		ru->has_sla = 0;
	} else if (json_is_object(v)) {
		sla_times(ld, "\"sla\": ", v, &ru->first_response,
		    &ru->resolve);
		if (ru->first_response == 0)
			fail(ld, "\"sla\": missing \"first_response\" "
			    "(priority \"%s\" has none)", priority);
		if (ru->resolve > 0 && ru->resolve < ru->first_response)
			fail(ld, "\"sla\": \"resolve\" (%ld minutes) shorter "
			    "than \"first_response\" (%ld)", ru->resolve,
			    ru->first_response);
		ru->has_sla = 1;
	} else {
		fail(ld, "\"sla\": expected an object or false, got %s",
		    json_kind_a(v));
	}
	pop(ld);
}

static const json_t *
load_tags(struct loader *ld, const json_t *r)
{
	const json_t *v;
	size_t i;

	if ((v = json_object_get(r, "tags")) == NULL)
		return NULL;
	push(ld, "tags");
	if (!json_is_array(v))
		fail(ld, "\"tags\": expected an array of strings, got %s",
		    json_kind_a(v));
	for (i = 0; i < json_array_size(v); i++)
		if (!json_is_string(json_array_get(v, i))) {
			push_index(ld, i);
			fail(ld, "\"tags\": expected an array of strings, got "
			    "%s in it", json_kind_a(json_array_get(v, i)));
		}
	pop(ld);
	return v;
}

/* The part of the route that is the same for every record. */
static json_t *
route_base(struct loader *ld, const json_t *r, const struct rule *ru,
    const json_t *queue, const json_t *priority, const json_t *name)
{
	const json_t *v;
	json_t *route;

	route = json_object();
	if (ru->team != NULL)
		json_object_set_new(route, "team",
		    json_string(ru->team->name));
	json_object_set(route, "queue", queue ? (json_t *)queue : json_null());
	json_object_set(route, "priority", priority ? (json_t *)priority :
	    json_null());
	json_object_set(route, "rule", (json_t *)name);
	if ((v = need_string(ld, r, "assign", 0)) != NULL)
		json_object_set(route, "assign", (json_t *)v);
	if (ru->tags != NULL)
		json_object_set(route, "tags", (json_t *)ru->tags);
	if (ru->skip)
		json_object_set_new(route, "skip", json_true());
	return route;
}

static int
flag(struct loader *ld, const json_t *r, const char *key)
{
	const json_t *v;

	if ((v = json_object_get(r, key)) == NULL)
		return 0;
	if (!json_is_boolean(v)) {
		push(ld, key);
		fail(ld, "\"%s\": expected true or false, got %s", key,
		    json_kind_a(v));
	}
	return json_is_true(v);
}

/* A rule with "continue" or "skip" may not have these keys. */
static void
refuse_keys(struct loader *ld, const json_t *r, const char *why,
    const char *const *keys)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (json_object_get(r, keys[i]) != NULL) {
			push(ld, keys[i]);
			fail(ld, "\"%s\" with %s", keys[i], why);
		}
}

static void
load_team_ref(struct loader *ld, const json_t *r, struct rule *ru)
{
	const json_t *v;

	if ((v = need_string(ld, r, "team", 0)) != NULL) {
		ru->team = teams_get(&ld->rs->tm, json_string_value(v),
		    json_string_length(v));
		if (ru->team == NULL) {
			push(ld, "team");
			quoted(&ld->j.tmp, json_string_value(v));
			fail(ld, "unknown team %s%s", buf_str(&ld->j.tmp),
			    ld->rs->tm.n == 0 ? " (there is no \"teams\")" :
			    "");
		}
	}
	if ((v = need_string(ld, r, "skill", 0)) != NULL) {
		if (ru->team == NULL) {
			push(ld, "skill");
			fail(ld, "\"skill\" without \"team\"");
		}
		ru->skill = json_string_value(v);
	}
}

static void
load_rule(struct loader *ld, size_t i, const json_t *r)
{
	static const char *const cont_no[] = { "queue", "priority", "sla",
	    "assign", "team", "skill", "skip", NULL };
	static const char *const skip_no[] = { "sla", "team", "skill",
	    NULL };
	struct ruleset *rs = ld->rs;
	struct rule *ru = &rs->rules[i];
	const json_t *name, *queue, *priority;
	const char *p;
	void **slot;
	int existed;

	buf_reset(&ld->j.who);
	buf_printf(&ld->j.who, "rule %zu: ", i + 1);
	if (!json_is_object(r))
		fail(ld, "expected an object, got %s", json_kind_a(r));
	name = need_string(ld, r, "name", 1);
	ru->name = json_string_value(name);
	ru->index = i;
	set_who(ld, "rule ", ru->name);
	slot = hmap_put(ld->names, ru->name, strlen(ru->name), &existed);
	if (existed) {
		push(ld, "name");
		fail(ld, "name already used by rule %zu",
		    (size_t)(uintptr_t)*slot);
	}
	*slot = (void *)(uintptr_t)(i + 1);
	check_rule_keys(ld, r);
	if (ld->catchall != NULL) {
		quoted(&ld->j.tmp, ld->catchall->name);
		fail(ld, "never reached: rule %s before it matches every "
		    "record", buf_str(&ld->j.tmp));
	}
	ru->cont = flag(ld, r, "continue");
	ru->skip = flag(ld, r, "skip");
	if (ru->cont) {
		refuse_keys(ld, r, "\"continue\" (such a rule only adds its "
		    "tags)", cont_no);
		if (json_object_get(r, "tags") == NULL)
			fail(ld, "\"continue\" without \"tags\" (the rule "
			    "would do nothing)");
		rs->has_continue = 1;
	}
	if (ru->skip)
		refuse_keys(ld, r, "\"skip\" (a skipped post has no team "
		    "and no SLA)", skip_no);
	queue = need_string(ld, r, "queue", !ru->cont && !ru->skip);
	priority = need_string(ld, r, "priority", !ru->cont && !ru->skip);
	p = priority != NULL ? json_string_value(priority) : NULL;
	if (p != NULL && !known_priority(ld, p))
		unknown_priority(ld, p);
	load_team_ref(ld, r, ru);
	load_conditions(ld, r, ru);
	if (never(ru->cond))
		fail(ld, "never reached: its condition can never match");
	if (!ru->cont && !ru->skip)
		load_rule_sla(ld, r, p, ru);
	ru->tags = load_tags(ld, r);
	ru->route = route_base(ld, r, ru, queue, priority, name);
	if (always(ru->cond) && !ru->cont)
		ld->catchall = ru;
}

struct ruleset *
rules_load(const char *path)
{
	/* Static, so what was built stays reachable if fail() exits. */
	static struct loader ld;
	static const char *const top[] = { "rules", "sla", "calendars",
	    "teams", "comment", NULL };
	const json_t *rules;
	const char *key;
	json_t *v;
	size_t i, n;

	memset(&ld, 0, sizeof(ld));
	ld.rs = xcalloc(1, sizeof(*ld.rs));
	ld.rs->doc = jload_open(&ld.j, path);
	json_object_foreach(ld.rs->doc, key, v) {
		for (i = 0; top[i] != NULL; i++)
			if (strcmp(key, top[i]) == 0)
				break;
		if (top[i] == NULL) {
			push(&ld, key);
			fail(&ld, "unknown key \"%s\"", key);
		}
	}
	ld.names = hmap_new();
	teams_load(&ld.rs->tm, &ld.j, ld.rs->doc);
	if ((v = json_object_get(ld.rs->doc, "sla")) != NULL) {
		push(&ld, "sla");
		load_sla(&ld, v);
		pop(&ld);
	}
	if ((rules = json_object_get(ld.rs->doc, "rules")) == NULL)
		fail(&ld, "missing \"rules\"");
	push(&ld, "rules");
	if (!json_is_array(rules))
		fail(&ld, "\"rules\": expected an array, got %s",
		    json_kind_a(rules));
	if ((n = json_array_size(rules)) == 0)
		fail(&ld, "\"rules\": no rules");
	ld.rs->rules = xcalloc(n, sizeof(*ld.rs->rules));
	for (i = 0; i < n; i++) {
		push_index(&ld, i);
		ld.rs->nrules++;
		load_rule(&ld, i, json_array_get(rules, i));
		pop(&ld);
	}
	ld.rs->nomatch = json_pack("{s:n, s:n, s:n}", "queue", "priority",
	    "rule");
	rules_add_member(ld.rs, "created_at");
	hmap_free(ld.names);
	jload_close(&ld.j);
	return ld.rs;
}

static void
free_node(struct rule_node *n)
{
	struct rule_test *t = &n->test;
	size_t j;

	for (j = 0; j < n->nkids; j++)
		free_node(&n->kids[j]);
	free(n->kids);
	if (n->kind != COND_TEST)
		return;
	for (j = 0; j < t->nconds; j++) {
		free(t->conds[j].needle);
		pcre2_match_data_free(t->conds[j].md);
		pcre2_code_free(t->conds[j].re);
	}
	free(t->conds);
	free(t->path);
	free(t->keys);
}

void
rules_free(struct ruleset *rs)
{
	struct rule *ru;
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->nrules; i++) {
		ru = &rs->rules[i];
		if (ru->cond != NULL) {
			free_node(ru->cond);
			free(ru->cond);
		}
		json_decref(ru->route);
	}
	free(rs->rules);
	free(rs->members);
	teams_free(&rs->tm);
	json_decref(rs->nomatch);
	json_decref(rs->doc);
	free(rs);
}
