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
#include "diag.h"
#include "hmap.h"
#include "jsonpos.h"
#include "post.h"
#include "rules.h"
#include "sc.h"
#include "xmem.h"

#define MAXSTEPS	8	/* rules [i] any [j] field op [k] */
#define SLA_MAX		525600	/* minutes in a year */

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
 * Where the loader stands in the document (for jsonpos_line) and what it
 * is loading ("rule \"x\": "), for messages.
 */
struct loader {
	const char	*file;
	char		*text;
	size_t		 len;
	const char	*steps[MAXSTEPS];
	char		 idx[MAXSTEPS][24];
	int		 nsteps;
	struct buf	 who;
	const json_t	*sla;		/* the "sla" table, or NULL */
	struct hmap	*names;
	const struct rule *catchall;	/* the first rule matching all */
	struct ruleset	*rs;
};

static void
push(struct loader *ld, const char *step)
{
	if (ld->nsteps < MAXSTEPS)
		ld->steps[ld->nsteps] = step;
	ld->nsteps++;
}

static void
push_index(struct loader *ld, size_t i)
{
	if (ld->nsteps < MAXSTEPS) {
		snprintf(ld->idx[ld->nsteps], sizeof(ld->idx[0]), "[%zu]", i);
		ld->steps[ld->nsteps] = ld->idx[ld->nsteps];
	}
	ld->nsteps++;
}

static void
pop(struct loader *ld)
{
	ld->nsteps--;
}

/* "FILE:LINE: rule \"x\": why" for the value the loader stands on. */
static void __attribute__((noreturn, format(printf, 2, 3)))
fail(struct loader *ld, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int line;

	line = jsonpos_line(ld->text, ld->len, ld->steps,
	    ld->nsteps < MAXSTEPS ? ld->nsteps : MAXSTEPS);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warnat(ld->file, (unsigned long)line, "%s%s", buf_str(&ld->who), msg);
	exit(SC_EXIT_FATAL);
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
		buf_reset(&ld->who);
		buf_printf(&ld->who, "sla \"%s\": ", key);
		if (!json_is_false(v)) {
			if (!json_is_object(v))
				fail(ld, "expected an object or false, got %s",
				    json_kind_a(v));
			fr = res = 0;
			sla_times(ld, "", v, &fr, &res);
			if (fr == 0)
				fail(ld, "missing \"first_response\"");
		}
		buf_reset(&ld->who);
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
		if ((c->nlen = json_string_length(a)) == 0)
			fail(ld, "\"%s\": empty string", name);
		c->needle = xmalloc(c->nlen + 1);
		s = json_string_value(a);
		for (i = 0; i <= c->nlen; i++)
			c->needle[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i]);
		c->op = OP_CONTAINS;
		return;
	case OP_MATCHES:
		if (!json_is_string(a))
			fail(ld, "\"%s\": expected a string, got %s", name,
			    json_kind_a(a));
		s = json_string_value(a);
		rc = regcomp(&c->re, s, REG_EXTENDED | REG_ICASE | REG_NOSUB);
		if (rc != 0) {
			regerror(rc, &c->re, eb, sizeof(eb));
			fail(ld, "\"%s\": bad regular expression \"%s\": %s",
			    name, s, eb);
		}
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

static void
compile_clause(struct loader *ld, const json_t *obj, struct rule_clause *cl)
{
	const char *field;
	json_t *v;
	struct rule_test *t;

	cl->tests = xcalloc(json_object_size(obj) + 1, sizeof(*cl->tests));
	json_object_foreach((json_t *)obj, field, v) {
		push(ld, field);
		t = &cl->tests[cl->ntests++];
		compile_path(ld, field, t);
		compile_test(ld, field, v, t);
		pop(ld);
	}
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
	const json_t *v;

	if ((v = json_object_get(r, key)) == NULL) {
		if (required)
			fail(ld, "missing \"%s\"", key);
		return NULL;
	}
	push(ld, key);
	if (!json_is_string(v))
		fail(ld, "\"%s\": expected a string, got %s", key,
		    json_kind_a(v));
	if (json_string_length(v) == 0)
		fail(ld, "\"%s\": empty", key);
	pop(ld);
	return v;
}

static void
check_rule_keys(struct loader *ld, const json_t *r)
{
	static const char *const known[] = {
		"name", "if", "any", "queue", "priority", "sla", "assign",
		"tags", "comment", NULL
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

static void
load_conditions(struct loader *ld, const json_t *r, struct rule *ru)
{
	const json_t *v, *e;
	size_t i, n;

	if ((v = json_object_get(r, "if")) != NULL) {
		push(ld, "if");
		if (!json_is_object(v))
			fail(ld, "\"if\": expected an object, got %s",
			    json_kind_a(v));
		ru->has_if = 1;
		compile_clause(ld, v, &ru->cond_if);
		pop(ld);
	}
	if ((v = json_object_get(r, "any")) != NULL) {
		push(ld, "any");
		if (!json_is_array(v))
			fail(ld, "\"any\": expected an array, got %s",
			    json_kind_a(v));
		if ((n = json_array_size(v)) == 0)
			fail(ld, "\"any\": empty (the rule could never match)");
		ru->any = xcalloc(n, sizeof(*ru->any));
		for (i = 0; i < n; i++) {
			e = json_array_get(v, i);
			push_index(ld, i);
			if (!json_is_object(e))
				fail(ld, "\"any\": expected objects, got %s",
				    json_kind_a(e));
			ru->nany++;
			compile_clause(ld, e, &ru->any[i]);
			pop(ld);
		}
		pop(ld);
	}
}

static void
load_rule_sla(struct loader *ld, const json_t *r, const char *priority,
    struct rule *ru)
{
	const json_t *p, *v;

	p = ld->sla != NULL ? json_object_get(ld->sla, priority) : NULL;
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
		ru->has_sla = 1;
	} else {
		fail(ld, "\"sla\": expected an object or false, got %s",
		    json_kind_a(v));
	}
	pop(ld);
}

/* The part of the route that is the same for every record. */
static json_t *
route_base(struct loader *ld, const json_t *r, const json_t *queue,
    const json_t *priority, const json_t *name)
{
	const json_t *v;
	json_t *route;
	size_t i;

	route = json_object();
	json_object_set(route, "queue", (json_t *)queue);
	json_object_set(route, "priority", (json_t *)priority);
	json_object_set(route, "rule", (json_t *)name);
	if ((v = need_string(ld, r, "assign", 0)) != NULL)
		json_object_set(route, "assign", (json_t *)v);
	if ((v = json_object_get(r, "tags")) != NULL) {
		push(ld, "tags");
		if (!json_is_array(v))
			fail(ld, "\"tags\": expected an array of strings, "
			    "got %s", json_kind_a(v));
		for (i = 0; i < json_array_size(v); i++)
			if (!json_is_string(json_array_get(v, i))) {
				push_index(ld, i);
				fail(ld, "\"tags\": expected an array of "
				    "strings, got %s in it",
				    json_kind_a(json_array_get(v, i)));
			}
		json_object_set(route, "tags", (json_t *)v);
		pop(ld);
	}
	return route;
}

/* Matches every record: no condition, or only empty ones. */
static int
catch_all(const struct rule *ru)
{
	size_t i;

	if (ru->has_if && ru->cond_if.ntests > 0)
		return 0;
	if (ru->nany == 0)
		return 1;
	for (i = 0; i < ru->nany; i++)
		if (ru->any[i].ntests == 0)
			return 1;
	return 0;
}

static void
load_rule(struct loader *ld, size_t i, const json_t *r)
{
	struct ruleset *rs = ld->rs;
	struct rule *ru = &rs->rules[i];
	const json_t *name, *queue, *priority;
	const char *p;
	void **slot;
	int existed;

	buf_reset(&ld->who);
	buf_printf(&ld->who, "rule %zu: ", i + 1);
	if (!json_is_object(r))
		fail(ld, "expected an object, got %s", json_kind_a(r));
	name = need_string(ld, r, "name", 1);
	ru->name = json_string_value(name);
	buf_reset(&ld->who);
	buf_printf(&ld->who, "rule \"%s\": ", ru->name);
	slot = hmap_put(ld->names, ru->name, strlen(ru->name), &existed);
	if (existed) {
		push(ld, "name");
		fail(ld, "name already used by rule %zu",
		    (size_t)(uintptr_t)*slot);
	}
	*slot = (void *)(uintptr_t)(i + 1);
	check_rule_keys(ld, r);
	if (ld->catchall != NULL)
		fail(ld, "never reached: rule \"%s\" before it matches "
		    "every record", ld->catchall->name);
	queue = need_string(ld, r, "queue", 1);
	priority = need_string(ld, r, "priority", 1);
	p = json_string_value(priority);
	if (!known_priority(ld, p))
		unknown_priority(ld, p);
	load_conditions(ld, r, ru);
	load_rule_sla(ld, r, p, ru);
	ru->route = route_base(ld, r, queue, priority, name);
	if (catch_all(ru))
		ld->catchall = ru;
}

struct ruleset *
rules_load(const char *path)
{
	/* Static, so what was built stays reachable if fail() exits. */
	static struct loader ld;
	json_error_t err;
	const json_t *rules;
	const char *key;
	json_t *v;
	size_t i, n;

	memset(&ld, 0, sizeof(ld));
	ld.file = path;
	ld.text = xslurp(path, &ld.len);
	ld.rs = xcalloc(1, sizeof(*ld.rs));
	ld.rs->doc = json_loadb(ld.text, ld.len, JSON_REJECT_DUPLICATES, &err);
	if (ld.rs->doc == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path, err.line > 0 ? err.line :
		    1, err.text);
	if (!json_is_object(ld.rs->doc))
		fail(&ld, "expected an object, got %s",
		    json_kind_a(ld.rs->doc));
	json_object_foreach(ld.rs->doc, key, v)
		if (strcmp(key, "rules") != 0 && strcmp(key, "sla") != 0 &&
		    strcmp(key, "comment") != 0) {
			push(&ld, key);
			fail(&ld, "unknown key \"%s\"", key);
		}
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
	ld.names = hmap_new();
	ld.rs->rules = xcalloc(n, sizeof(*ld.rs->rules));
	for (i = 0; i < n; i++) {
		push_index(&ld, i);
		ld.rs->nrules++;
		load_rule(&ld, i, json_array_get(rules, i));
		pop(&ld);
	}
	ld.rs->nomatch = json_pack("{s:n, s:n, s:n}", "queue", "priority",
	    "rule");
	hmap_free(ld.names);
	buf_free(&ld.who);
	free(ld.text);
	return ld.rs;
}

static void
free_clause(struct rule_clause *cl)
{
	struct rule_test *t;
	size_t i, j;

	for (i = 0; i < cl->ntests; i++) {
		t = &cl->tests[i];
		for (j = 0; j < t->nconds; j++) {
			free(t->conds[j].needle);
			if (t->conds[j].op == OP_MATCHES)
				regfree(&t->conds[j].re);
		}
		free(t->conds);
		free(t->path);
		free(t->keys);
	}
	free(cl->tests);
}

void
rules_free(struct ruleset *rs)
{
	struct rule *ru;
	size_t i, j;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->nrules; i++) {
		ru = &rs->rules[i];
		free_clause(&ru->cond_if);
		for (j = 0; j < ru->nany; j++)
			free_clause(&ru->any[j]);
		free(ru->any);
		json_decref(ru->route);
	}
	free(rs->rules);
	json_decref(rs->nomatch);
	json_decref(rs->doc);
	free(rs);
}
