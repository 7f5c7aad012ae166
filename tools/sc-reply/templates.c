/*
 * templates.c - the templates file: checked and parsed once at start-up
 * into literal and variable parts, and indexed by (intent, lang,
 * platform) so that choosing a template costs a few hash look-ups.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "hmap.h"
#include "jsonpos.h"
#include "jsonw.h"
#include "pii.h"
#include "post.h"
#include "reply.h"
#include "sc.h"
#include "xmem.h"

enum { P_LIT, P_VAR, P_ASK, P_IF, P_ELSE, P_END };

struct part {
	int	 kind;		/* P_* */
	int	 src;		/* P_VAR, P_IF: V_* */
	char	*s;		/* literal bytes, the path, the field's name */
	size_t	 n;
	char	*def;		/* P_VAR: the default after '|', NULL: none;
				   P_IF: the value after '=', NULL: none */
	size_t	 defn;
	int	 neg;		/* P_IF: {{#if !path}} */
	int	 mask;		/* P_VAR: mask personal data in the value */
	size_t	 jump;		/* P_IF: its P_ELSE or P_END; P_ELSE: P_END */
};

struct tmpl {
	char		*id;
	char		*intent;
	char		*lang;
	char		*platform;	/* NULL: any platform */
	struct part	*parts;
	size_t		 nparts;
	size_t		 pos;		/* index in the file, for messages */
	int		 autosend;	/* "auto": true */
};

/* The templates that share an intent, a language and a platform. */
struct variants {
	const struct tmpl	**v;
	size_t			  n;
};

struct tmpls {
	struct tmpl	*v;
	size_t		 n;
	struct hmap	*index;		/* "intent\0lang\0platform" -> variants */
	char		*agent;
	char		**fields;	/* "fields": paths posts may have */
	size_t		 nfields;
	char		**forbid;	/* "forbid": phrases, for --lint */
	size_t		 nforbid;
	char		**want;		/* top-level members the texts read */
	size_t		 nwant;
	struct buf	 key;
};

/* What an error message needs while a file is loaded. */
struct loader {
	const char	*path;
	char		*text;
	size_t		 len;
	json_t		*root;
	struct tmpls	*ts;
	struct hmap	*ids;
	char		 idx[32];	/* "[N]" of the current template */
	struct buf	 label;		/* template "ID", or templates[N] */
};

/* "path:line: msg" for the value at jp, then exit 2. */
static void __attribute__((noreturn, format(printf, 4, 5)))
fail(struct loader *l, const char *const *jp, int njp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(l->path, (unsigned long)jsonpos_line(l->text, l->len, jp,
	    njp), fmt, ap);
	va_end(ap);
	exit(SC_EXIT_FATAL);
}

/*
 * The string at key of the current template, or NULL when it is absent
 * and not required.  Empty strings are refused: they can only be slips.
 */
static const char *
field(struct loader *l, const json_t *obj, const char *key, int required,
    size_t *len)
{
	const char *jp[3] = { "templates", l->idx, key };
	const json_t *v;

	v = json_object_get(obj, key);
	if (v == NULL) {
		if (required)
			fail(l, jp, 2, "%s: missing key \"%s\"",
			    buf_str(&l->label), key);
		return NULL;
	}
	if (!json_is_string(v))
		fail(l, jp, 3, "%s: \"%s\": expected a string, got %s",
		    buf_str(&l->label), key, json_kind_a(v));
	if (json_string_length(v) == 0)
		fail(l, jp, 3, "%s: \"%s\": empty string",
		    buf_str(&l->label), key);
	if (len != NULL)
		*len = json_string_length(v);
	return json_string_value(v);
}

/* The line of an earlier template, found only when a message needs it. */
static int
template_line(const struct loader *l, const struct tmpl *t)
{
	char idx[32];
	const char *jp[2] = { "templates", idx };

	snprintf(idx, sizeof(idx), "[%zu]", t->pos);
	return jsonpos_line(l->text, l->len, jp, 2);
}

static void
add_part(struct tmpl *t, const struct part *p)
{
	t->parts = xreallocarray(t->parts, t->nparts + 1, sizeof(*p));
	t->parts[t->nparts++] = *p;
}

/* A dotted path of [A-Za-z0-9_-] names: author.name, class.intent. */
static int
good_path(const char *s, size_t n)
{
	size_t i, seg = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (seg == 0)
				return 0;
			seg = 0;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    s[i] == '-') {
			seg++;
		} else {
			return 0;
		}
	}
	return seg > 0;
}

/*
 * The fields a post can have: sc-post(5) and the keys sc-classify and
 * sc-route write.  A name ending in ".*" opens everything below it.
 */
static const char *const post_fields[] = {
	"id", "platform", "created_at", "text", "author", "author.id",
	"author.handle", "author.name", "author.followers", "author.verified",
	"from_brand", "conversation_id", "in_reply_to", "in_reply_to_brand",
	"channel", "lang", "url", "metrics", "metrics.likes",
	"metrics.reposts", "metrics.replies", "raw", "raw.*",
	"class", "class.intent", "class.sentiment", "class.sentiment_score",
	"class.lang", "class.confidence", "class.confidence.*", "class.model",
	"class.pii", "class.sensitive", "class.influencer", "class.brand",
	"class.urgency", "class.service_related", "class.complainer",
	"class.auto_reply_ok", "class.irony",
	"route", "route.queue", "route.priority", "route.rule",
	"route.assign", "route.tags", "route.agent", "route.team",
	"route.sla", "route.sla.first_response_minutes",
	"route.sla.first_response_due", "route.sla.resolve_minutes",
	"route.sla.resolve_due",
	NULL
};

/* Fields that are public handles or ids, never masked. */
static const char *const unmasked[] = {
	"id", "platform", "created_at", "author.id", "author.handle",
	"conversation_id", "in_reply_to", "channel", "lang", "url", NULL
};

/* What sc-reply itself gives, besides the post's fields. */
static const struct {
	const char	*name;
	int		 src;
} specials[] = {
	{ "agent", V_AGENT }, { "agent.name", V_AGENT },
	{ "agent.initials", V_INITIALS }, { "first_name", V_FIRST },
	{ "kb.answer", V_KB_ANSWER }, { "kb.id", V_KB_ID },
	{ "private", V_PRIVATE }, { "ongoing", V_ONGOING },
};

static int
listed(const char *const *list, size_t nlist, const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < nlist && list[i] != NULL; i++) {
		k = strlen(list[i]);
		if (k == n && memcmp(list[i], p, n) == 0)
			return 1;
		/* "raw.*" opens raw.anything. */
		if (k >= 2 && list[i][k - 1] == '*' && list[i][k - 2] == '.' &&
		    n > k - 1 && memcmp(list[i], p, k - 1) == 0)
			return 1;
	}
	return 0;
}

/* A declared field opens its own subtree: "custom" allows custom.x. */
static int
declared(const struct tmpls *ts, const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < ts->nfields; i++) {
		k = strlen(ts->fields[i]);
		if (n >= k && memcmp(ts->fields[i], p, k) == 0 &&
		    (n == k || p[k] == '.'))
			return 1;
	}
	return 0;
}

/*
 * Resolve the name in p[0..n) to its source; -1 with the reason in err
 * when no post can ever have it.
 */
static int
resolve(const struct tmpls *ts, struct part *pt, const char *p, size_t n,
    struct buf *err)
{
	size_t i;

	if (!good_path(p, n)) {
		buf_printf(err, "bad variable name \"%.*s\"", (int)n, p);
		return -1;
	}
	for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
		if (strlen(specials[i].name) == n &&
		    memcmp(specials[i].name, p, n) == 0) {
			pt->src = specials[i].src;
			return 0;
		}
	if (n > 6 && memcmp(p, "agent.", 6) == 0) {
		buf_printf(err, "no variable \"%.*s\" (agent.name and "
		    "agent.initials are)", (int)n, p);
		return -1;
	}
	if (n > 3 && memcmp(p, "kb.", 3) == 0) {
		buf_printf(err, "no variable \"%.*s\" (kb.answer and kb.id "
		    "are)", (int)n, p);
		return -1;
	}
	if (!(listed(post_fields, SIZE_MAX, p, n) || declared(ts, p, n))) {
		buf_printf(err, "no post has \"%.*s\" (add it to \"fields\" "
		    "if yours do)", (int)n, p);
		return -1;
	}
	pt->src = V_POST;
	pt->mask = !listed(unmasked, SIZE_MAX, p, n);
	return 0;
}

static const char *
trim(const char **a, const char *b)
{
	while (*a < b && (**a == ' ' || **a == '\t'))
		(*a)++;
	while (b > *a && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	return b;
}

static int
is_tag(const char *a, const char *b, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(b - a) >= n && memcmp(a, word, n) == 0 &&
	    ((size_t)(b - a) == n || a[n] == ' ' || a[n] == '\t');
}

#define MAX_DEPTH	16

/*
 * Split s[0..n) into literal text, {{variables|default}}, {{?fields}}
 * for the agent and {{#if}}...{{else}}...{{/if}} sections.  Returns 0,
 * or -1 with the reason in err.
 */
static int
parse_text(const struct tmpls *ts, struct tmpl *t, const char *s, size_t n,
    struct buf *err)
{
	struct part p;
	const char *end = s + n, *open, *close, *bar, *a, *b, *eq;
	size_t stack[MAX_DEPTH], depth = 0;

	while (s < end) {
		for (open = s; open + 1 < end; open++)
			if (open[0] == '{' && open[1] == '{')
				break;
		if (open + 1 >= end)
			open = end;
		if (open > s) {
			memset(&p, 0, sizeof(p));
			p.kind = P_LIT;
			p.s = xstrndup(s, (size_t)(open - s));
			p.n = (size_t)(open - s);
			add_part(t, &p);
		}
		if (open == end)
			break;
		for (close = open + 2; close + 1 < end; close++)
			if (close[0] == '}' && close[1] == '}')
				break;
		if (close + 1 >= end) {
			buf_adds(err, "unclosed \"{{\"");
			return -1;
		}
		a = open + 2;
		for (b = a; b + 1 < close; b++)
			if (b[0] == '{' && b[1] == '{') {
				buf_adds(err, "\"{{\" inside a variable");
				return -1;
			}
		s = close + 2;
		memset(&p, 0, sizeof(p));
		b = trim(&a, close);
		if (is_tag(a, b, "#if")) {
			if (depth == MAX_DEPTH) {
				buf_printf(err, "sections nested more than %d "
				    "deep", MAX_DEPTH);
				return -1;
			}
			a += 3;
			b = trim(&a, b);
			p.kind = P_IF;
			if (a < b && *a == '!') {
				p.neg = 1;
				a++;
			}
			for (eq = a; eq < b && *eq != '='; eq++)
				;
			if (eq < b) {
				p.def = xstrndup(eq + 1, (size_t)(b - eq - 1));
				p.defn = (size_t)(b - eq - 1);
			}
			if (resolve(ts, &p, a, (size_t)(eq - a), err) == -1) {
				free(p.def);
				return -1;
			}
			p.s = xstrndup(a, (size_t)(eq - a));
			p.n = (size_t)(eq - a);
			stack[depth++] = t->nparts;
			add_part(t, &p);
			continue;
		}
		if (b - a == 4 && memcmp(a, "else", 4) == 0) {
			if (depth == 0 || t->parts[stack[depth - 1]].kind !=
			    P_IF) {
				buf_adds(err, depth == 0 ? "{{else}} outside "
				    "{{#if}}" : "two {{else}} in one {{#if}}");
				return -1;
			}
			p.kind = P_ELSE;
			t->parts[stack[depth - 1]].jump = t->nparts;
			stack[depth - 1] = t->nparts;
			add_part(t, &p);
			continue;
		}
		if (b - a == 3 && memcmp(a, "/if", 3) == 0) {
			if (depth == 0) {
				buf_adds(err, "{{/if}} without {{#if}}");
				return -1;
			}
			p.kind = P_END;
			t->parts[stack[--depth]].jump = t->nparts;
			add_part(t, &p);
			continue;
		}
		if (a < b && *a == '?') {
			a++;
			if (!good_path(a, (size_t)(b - a))) {
				buf_printf(err, "bad field name \"%.*s\"",
				    (int)(b - a), a);
				return -1;
			}
			p.kind = P_ASK;
			p.s = xstrndup(a, (size_t)(b - a));
			p.n = (size_t)(b - a);
			add_part(t, &p);
			continue;
		}
		a = open + 2;
		for (bar = a; bar < close && *bar != '|'; bar++)
			;
		b = trim(&a, bar);
		if (a == b) {
			buf_adds(err, "empty variable name");
			return -1;
		}
		p.kind = P_VAR;
		if (resolve(ts, &p, a, (size_t)(b - a), err) == -1)
			return -1;
		p.s = xstrndup(a, (size_t)(b - a));
		p.n = (size_t)(b - a);
		if (bar < close) {
			p.def = xstrndup(bar + 1, (size_t)(close - bar - 1));
			p.defn = (size_t)(close - bar - 1);
		}
		add_part(t, &p);
	}
	if (depth > 0) {
		buf_adds(err, "{{#if}} without {{/if}}");
		return -1;
	}
	return 0;
}

/* The index key; lang is compared without regard to case. */
static void
make_key(struct buf *k, const char *intent, const char *lang, size_t llen,
    const char *platform)
{
	size_t i;

	buf_reset(k);
	buf_adds(k, intent);
	buf_addc(k, '\0');
	for (i = 0; i < llen; i++)
		buf_addc(k, tolower((unsigned char)lang[i]));
	buf_addc(k, '\0');
	if (platform != NULL)
		buf_adds(k, platform);
}

/* Note the top-level member a post path reads, once. */
static void
want_member(struct tmpls *ts, const char *path)
{
	size_t n = strcspn(path, "."), i;

	for (i = 0; i < ts->nwant; i++)
		if (strlen(ts->want[i]) == n &&
		    memcmp(ts->want[i], path, n) == 0)
			return;
	ts->want = xreallocarray(ts->want, ts->nwant + 1, sizeof(char *));
	ts->want[ts->nwant++] = xstrndup(path, n);
}

static void
load_one(struct loader *l, const json_t *obj, size_t i)
{
	static const char *const known[] = { "id", "intent", "lang",
	    "platform", "text", "auto", NULL };
	const char *jp[3] = { "templates", l->idx, NULL };
	struct tmpl *t = &l->ts->v[i];
	struct buf err = BUF_INIT;
	struct variants *vs;
	const char *key, *id, *text;
	const json_t *v;
	struct tmpl *other;
	size_t k, textlen;
	void **slot;
	int existed;

	snprintf(l->idx, sizeof(l->idx), "[%zu]", i);
	buf_reset(&l->label);
	buf_printf(&l->label, "templates[%zu]", i);
	t->pos = i;
	if (!json_is_object(obj))
		fail(l, jp, 2, "%s: expected an object, got %s",
		    buf_str(&l->label), json_kind_a(obj));
	if ((id = json_string_value(json_object_get(obj, "id"))) != NULL &&
	    *id != '\0') {
		buf_reset(&l->label);
		buf_printf(&l->label, "template \"%s\"", id);
	}
	json_object_foreach((json_t *)obj, key, v) {
		for (k = 0; known[k] != NULL; k++)
			if (strcmp(key, known[k]) == 0)
				break;
		if (known[k] == NULL) {
			jp[2] = key;
			fail(l, jp, 3, "%s: unknown key \"%s\"",
			    buf_str(&l->label), key);
		}
	}
	id = field(l, obj, "id", 1, NULL);
	slot = hmap_put(l->ids, id, strlen(id), &existed);
	if (existed) {
		other = *slot;
		jp[2] = "id";
		fail(l, jp, 3, "duplicate id \"%s\" (first at line %d)", id,
		    template_line(l, other));
	}
	*slot = t;
	t->id = xstrdup(id);
	text = field(l, obj, "text", 1, &textlen);
	t->intent = xstrdup(field(l, obj, "intent", 1, NULL));
	t->lang = xstrdup(field(l, obj, "lang", 1, NULL));
	if ((key = field(l, obj, "platform", 0, NULL)) != NULL)
		t->platform = xstrdup(key);
	if ((v = json_object_get(obj, "auto")) != NULL) {
		if (!json_is_boolean(v)) {
			jp[2] = "auto";
			fail(l, jp, 3, "%s: \"auto\": expected true or false, "
			    "got %s", buf_str(&l->label), json_kind_a(v));
		}
		t->autosend = json_is_true(v);
	}
	if (parse_text(l->ts, t, text, textlen, &err) == -1) {
		jp[2] = "text";
		fail(l, jp, 3, "%s: \"text\": %s", buf_str(&l->label),
		    buf_str(&err));
	}
	buf_free(&err);
	for (k = 0; k < t->nparts; k++)
		if ((t->parts[k].kind == P_VAR || t->parts[k].kind == P_IF) &&
		    t->parts[k].src == V_POST)
			want_member(l->ts, t->parts[k].s);

	/* Templates of one intent, language and platform are variants. */
	make_key(&l->ts->key, t->intent, t->lang, strlen(t->lang),
	    t->platform);
	slot = hmap_put(l->ts->index, l->ts->key.s, l->ts->key.len,
	    &existed);
	if (!existed)
		*slot = xcalloc(1, sizeof(struct variants));
	vs = *slot;
	vs->v = xreallocarray(vs->v, vs->n + 1, sizeof(*vs->v));
	vs->v[vs->n++] = t;
}

/* An array of non-empty strings at key, copied; exit 2 on anything else. */
static void
strings(struct loader *l, const char *key, char ***dest, size_t *n)
{
	const char *jp[2] = { key, NULL };
	char idx[32], **out;
	json_t *v, *e;
	size_t i;

	*n = 0;
	*dest = NULL;
	if ((v = json_object_get(l->root, key)) == NULL)
		return;
	if (!json_is_array(v))
		fail(l, jp, 1, "\"%s\": expected an array, got %s", key,
		    json_kind_a(v));
	/* Reachable from the loader before anything can fail. */
	out = *dest = xcalloc(json_array_size(v) + 1, sizeof(char *));
	json_array_foreach(v, i, e) {
		snprintf(idx, sizeof(idx), "[%zu]", i);
		jp[1] = idx;
		if (!json_is_string(e) || json_string_length(e) == 0)
			fail(l, jp, 2, "\"%s\"[%zu]: expected a non-empty "
			    "string, got %s", key, i, json_is_string(e) ?
			    "an empty one" : json_kind_a(e));
		out[(*n)++] = xstrdup(json_string_value(e));
	}
}

struct tmpls *
tmpls_load(const char *path)
{
	static const char *const jp_agent[] = { "agent" };
	static const char *const jp_list[] = { "templates" };
	static const char *const top[] = { "agent", "templates", "fields",
	    "forbid", NULL };
	struct loader l;
	json_error_t err;
	const char *key;
	json_t *v, *list;
	size_t i, k;

	memset(&l, 0, sizeof(l));
	l.path = path;
	l.text = xslurp(path, &l.len);
	l.root = json_loadb(l.text, l.len, JSON_REJECT_DUPLICATES, &err);
	if (l.root == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path,
		    err.line > 0 ? err.line : 1, err.text);
	if (!json_is_object(l.root))
		fail(&l, NULL, 0, "expected an object, got %s",
		    json_kind_a(l.root));
	json_object_foreach(l.root, key, v) {
		for (k = 0; top[k] != NULL && strcmp(key, top[k]) != 0; k++)
			;
		if (top[k] == NULL)
			fail(&l, &key, 1, "unknown key \"%s\"", key);
	}
	l.ts = xcalloc(1, sizeof(*l.ts));
	l.ts->index = hmap_new();
	l.ids = hmap_new();
	v = json_object_get(l.root, "agent");
	if (v != NULL && !json_is_string(v))
		fail(&l, jp_agent, 1, "\"agent\": expected a string, got %s",
		    json_kind_a(v));
	if (v != NULL)
		l.ts->agent = xstrdup(json_string_value(v));
	strings(&l, "fields", &l.ts->fields, &l.ts->nfields);
	for (i = 0; i < l.ts->nfields; i++)
		if (!good_path(l.ts->fields[i], strlen(l.ts->fields[i]))) {
			const char *jp[2] = { "fields", NULL };
			char idx[32];

			snprintf(idx, sizeof(idx), "[%zu]", i);
			jp[1] = idx;
			fail(&l, jp, 2, "\"fields\": bad name \"%s\"",
			    l.ts->fields[i]);
		}
	strings(&l, "forbid", &l.ts->forbid, &l.ts->nforbid);
	list = json_object_get(l.root, "templates");
	if (list == NULL)
		fail(&l, NULL, 0, "missing key \"templates\"");
	if (!json_is_array(list))
		fail(&l, jp_list, 1, "\"templates\": expected an array, "
		    "got %s", json_kind_a(list));
	if (json_array_size(list) == 0)
		fail(&l, jp_list, 1, "\"templates\": empty list");
	l.ts->n = json_array_size(list);
	l.ts->v = xcalloc(l.ts->n, sizeof(*l.ts->v));
	for (i = 0; i < l.ts->n; i++)
		load_one(&l, json_array_get(list, i), i);
	l.ts->want = xreallocarray(l.ts->want, l.ts->nwant + 1,
	    sizeof(char *));
	l.ts->want[l.ts->nwant] = NULL;
	hmap_free(l.ids);
	buf_free(&l.label);
	json_decref(l.root);
	free(l.text);
	return l.ts;
}

const char *
tmpls_agent(const struct tmpls *ts)
{
	return ts->agent;
}

const char *const *
tmpls_want(const struct tmpls *ts)
{
	return (const char *const *)ts->want;
}

const char *const *
tmpls_forbid(const struct tmpls *ts, size_t *n)
{
	*n = ts->nforbid;
	return (const char *const *)ts->forbid;
}

static const struct variants *
lookup(struct tmpls *ts, const char *intent, const char *lang, size_t llen,
    const char *platform)
{
	void **v;

	make_key(&ts->key, intent, lang, llen, platform);
	v = hmap_get(ts->index, ts->key.s, ts->key.len);
	return v != NULL ? *v : NULL;
}

const struct tmpl *const *
tmpls_select(struct tmpls *ts, const char *intent, const char *lang,
    const char *platform, const char *fallback, struct buf *why, size_t *nv)
{
	const char *langs[3];
	const struct variants *vs;
	size_t lens[3], n = 0, i, j, primary;

	/* The post's language, its primary subtag (pt-BR: pt), fallback. */
	if (lang != NULL && *lang != '\0') {
		langs[n] = lang;
		lens[n++] = strlen(lang);
		primary = strcspn(lang, "-_");
		if (lang[primary] != '\0' && primary > 0) {
			langs[n] = lang;
			lens[n++] = primary;
		}
	}
	langs[n] = fallback;
	lens[n] = strlen(fallback);
	for (j = 0; j < n; j++)
		if (lens[j] == lens[n] &&
		    strncasecmp(langs[j], fallback, lens[n]) == 0)
			break;
	if (j == n)
		n++;

	for (i = 0; i < n; i++) {
		if ((intent != NULL && platform != NULL &&
		    (vs = lookup(ts, intent, langs[i], lens[i], platform))) ||
		    (intent != NULL &&
		    (vs = lookup(ts, intent, langs[i], lens[i], NULL))) ||
		    (platform != NULL &&
		    (vs = lookup(ts, "*", langs[i], lens[i], platform))) ||
		    (vs = lookup(ts, "*", langs[i], lens[i], NULL))) {
			*nv = vs->n;
			return vs->v;
		}
	}

	if (intent != NULL)
		buf_printf(why, "no template for intent \"%s\" in ", intent);
	else
		buf_adds(why, "no template for a post without class.intent "
		    "in ");
	for (i = 0; i < n; i++)
		buf_printf(why, "%s%.*s", i == 0 ? "" : i + 1 < n ? ", " :
		    " or ", (int)lens[i], langs[i]);
	*nv = 0;
	return NULL;
}

static void
free_variants(const char *key, size_t klen, void *val, void *ctx)
{
	struct variants *vs = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free(vs->v);
	free(vs);
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
tmpls_free(struct tmpls *ts)
{
	struct tmpl *t;
	size_t i, k;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->n; i++) {
		t = &ts->v[i];
		for (k = 0; k < t->nparts; k++) {
			free(t->parts[k].s);
			free(t->parts[k].def);
		}
		free(t->parts);
		free(t->id);
		free(t->intent);
		free(t->lang);
		free(t->platform);
	}
	free(ts->v);
	hmap_each(ts->index, free_variants, NULL);
	hmap_free(ts->index);
	free(ts->agent);
	free_list(ts->fields, ts->nfields);
	free_list(ts->forbid, ts->nforbid);
	free_list(ts->want, ts->nwant);
	buf_free(&ts->key);
	free(ts);
}

const char *
tmpl_id(const struct tmpl *t)
{
	return t->id;
}

const char *
tmpl_lang(const struct tmpl *t)
{
	return t->lang;
}

int
tmpl_auto(const struct tmpl *t)
{
	return t->autosend;
}

/* Append v's text; 0 when it counts as missing (null, "", objects). */
static int
add_value(struct buf *out, const json_t *v)
{
	double d;

	if (v == NULL)
		return 0;
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (json_string_length(v) == 0)
			return 0;
		buf_add(out, json_string_value(v), json_string_length(v));
		return 1;
	case JSON_INTEGER:
		buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 1;
	case JSON_REAL:
		/* 4.0 reads as "4" in a sentence; 0.5 stays as it is. */
		d = json_real_value(v) + 0.0;	/* -0.0 becomes 0 */
		if (d == floor(d) && fabs(d) < 9007199254740992.0)
			buf_printf(out, "%.0f", d);
		else
			jsonw_real(out, d);
		return 1;
	case JSON_TRUE:
		buf_adds(out, "true");
		return 1;
	case JSON_FALSE:
		buf_adds(out, "false");
		return 1;
	default:
		return 0;
	}
}

/* A special's text; 0 when it has none. */
static int
special(const struct render *rc, int src, struct buf *out)
{
	const char *s = NULL;

	switch (src) {
	case V_AGENT:
		s = rc->agent;
		break;
	case V_INITIALS:
		s = rc->initials;
		break;
	case V_FIRST:
		s = rc->first_name;
		break;
	case V_KB_ANSWER:
		s = rc->kb_answer;
		break;
	case V_KB_ID:
		s = rc->kb_id;
		break;
	case V_PRIVATE:
		s = rc->private_channel ? "true" : NULL;
		break;
	case V_ONGOING:
		s = rc->ongoing ? "true" : NULL;
		break;
	}
	if (s == NULL || *s == '\0')
		return 0;
	buf_adds(out, s);
	return 1;
}

/* Does the value equal want, or (an array) hold it? */
static int
value_is(const json_t *v, const char *want, size_t n, struct buf *tmp)
{
	const json_t *e;
	size_t i;

	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			if (value_is(e, want, n, tmp))
				return 1;
		return 0;
	}
	buf_reset(tmp);
	return add_value(tmp, v) && tmp->len == n &&
	    memcmp(tmp->s, want, n) == 0;
}

static int
truth(const struct part *p, const struct render *rc)
{
	const json_t *v;
	int t;

	buf_reset(rc->tmp);
	if (p->src != V_POST) {
		t = special(rc, p->src, rc->tmp);
		if (t && p->def != NULL)
			t = rc->tmp->len == p->defn &&
			    memcmp(rc->tmp->s, p->def, p->defn) == 0;
	} else {
		v = json_path(rc->post, p->s);
		if (p->def != NULL)
			t = v != NULL && value_is(v, p->def, p->defn, rc->tmp);
		else if (v == NULL || json_is_null(v) || json_is_false(v))
			t = 0;
		else if (json_is_array(v))
			t = json_array_size(v) > 0;
		else if (json_is_object(v))
			t = json_object_size(v) > 0;
		else if (json_is_number(v))
			t = json_number_value(v) != 0;
		else
			t = add_value(rc->tmp, v);
	}
	return p->neg ? !t : t;
}

void
tmpl_render(const struct tmpl *t, struct render *rc, struct buf *out)
{
	const struct part *p;
	size_t i;
	int have;

	rc->asks = 0;
	for (i = 0; i < t->nparts; i++) {
		p = &t->parts[i];
		switch (p->kind) {
		case P_LIT:
			buf_add(out, p->s, p->n);
			break;
		case P_ASK:
			buf_adds(out, "{{?");
			buf_add(out, p->s, p->n);
			buf_adds(out, "}}");
			rc->asks++;
			break;
		case P_IF:
			if (!truth(p, rc))
				i = p->jump;	/* its else (then on) or end */
			break;
		case P_ELSE:
			i = p->jump;		/* the then part was taken */
			break;
		case P_END:
			break;
		case P_VAR:
			buf_reset(rc->tmp);
			if (p->src != V_POST)
				have = special(rc, p->src, rc->tmp);
			else
				have = add_value(rc->tmp,
				    json_path(rc->post, p->s));
			if (!have) {
				if (p->def != NULL)
					buf_add(out, p->def, p->defn);
			} else if (p->mask || p->src == V_FIRST) {
				rc->masked += pii_mask(rc->tmp->s,
				    rc->tmp->len, out, MASK);
			} else {
				buf_add(out, rc->tmp->s, rc->tmp->len);
			}
			break;
		}
	}
}
