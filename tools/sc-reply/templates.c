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
#include "post.h"
#include "reply.h"
#include "sc.h"
#include "xmem.h"

struct part {
	char	*s;		/* literal bytes, or the variable's path */
	size_t	 n;
	char	*def;		/* the default after '|', NULL: none */
	size_t	 defn;
	int	 var;
	int	 agent;		/* {{agent}} */
};

struct tmpl {
	char		*id;
	char		*intent;
	char		*lang;
	char		*platform;	/* NULL: any platform */
	struct part	*parts;
	size_t		 nparts;
	size_t		 pos;		/* index in the file, for messages */
};

struct tmpls {
	struct tmpl	*v;
	size_t		 n;
	struct hmap	*index;		/* "intent\0lang\0platform" -> tmpl */
	char		*agent;
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
 * Split s[0..n) into literal and {{variable|default}} parts.  Returns 0,
 * or -1 with the reason in err.
 */
static int
parse_text(struct tmpl *t, const char *s, size_t n, struct buf *err)
{
	struct part p;
	const char *end = s + n, *open, *close, *bar, *a, *b;

	while (s < end) {
		for (open = s; open + 1 < end; open++)
			if (open[0] == '{' && open[1] == '{')
				break;
		if (open + 1 >= end)
			open = end;
		if (open > s) {
			memset(&p, 0, sizeof(p));
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
		for (bar = a; bar < close && *bar != '|'; bar++)
			;
		b = bar;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (a == b) {
			buf_adds(err, "empty variable name");
			return -1;
		}
		if (!good_path(a, (size_t)(b - a))) {
			buf_printf(err, "bad variable name \"%.*s\"",
			    (int)(b - a), a);
			return -1;
		}
		memset(&p, 0, sizeof(p));
		p.var = 1;
		p.s = xstrndup(a, (size_t)(b - a));
		p.n = (size_t)(b - a);
		p.agent = strcmp(p.s, "agent") == 0;
		if (bar < close) {
			p.def = xstrndup(bar + 1, (size_t)(close - bar - 1));
			p.defn = (size_t)(close - bar - 1);
		}
		add_part(t, &p);
		s = close + 2;
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

static void
load_one(struct loader *l, const json_t *obj, size_t i)
{
	static const char *const known[] = { "id", "intent", "lang",
	    "platform", "text", NULL };
	const char *jp[3] = { "templates", l->idx, NULL };
	struct tmpl *t = &l->ts->v[i];
	struct buf err = BUF_INIT;
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
	if (parse_text(t, text, textlen, &err) == -1) {
		jp[2] = "text";
		fail(l, jp, 3, "%s: \"text\": %s", buf_str(&l->label),
		    buf_str(&err));
	}
	buf_free(&err);

	make_key(&l->ts->key, t->intent, t->lang, strlen(t->lang),
	    t->platform);
	slot = hmap_put(l->ts->index, l->ts->key.s, l->ts->key.len,
	    &existed);
	if (existed) {
		other = *slot;
		fail(l, jp, 2, "%s: same intent, lang and platform as "
		    "template \"%s\" (line %d)", buf_str(&l->label),
		    other->id, template_line(l, other));
	}
	*slot = t;
}

struct tmpls *
tmpls_load(const char *path)
{
	static const char *const jp_agent[] = { "agent" };
	static const char *const jp_list[] = { "templates" };
	struct loader l;
	json_error_t err;
	const char *key;
	json_t *v, *list;
	size_t i;

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
	json_object_foreach(l.root, key, v)
		if (strcmp(key, "agent") != 0 && strcmp(key, "templates") != 0)
			fail(&l, &key, 1, "unknown key \"%s\"", key);
	l.ts = xcalloc(1, sizeof(*l.ts));
	l.ts->index = hmap_new();
	l.ids = hmap_new();
	v = json_object_get(l.root, "agent");
	if (v != NULL && !json_is_string(v))
		fail(&l, jp_agent, 1, "\"agent\": expected a string, got %s",
		    json_kind_a(v));
	if (v != NULL)
		l.ts->agent = xstrdup(json_string_value(v));
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

static const struct tmpl *
lookup(struct tmpls *ts, const char *intent, const char *lang, size_t llen,
    const char *platform)
{
	void **v;

	make_key(&ts->key, intent, lang, llen, platform);
	v = hmap_get(ts->index, ts->key.s, ts->key.len);
	return v != NULL ? *v : NULL;
}

const struct tmpl *
tmpls_select(struct tmpls *ts, const char *intent, const char *lang,
    const char *platform, const char *fallback, struct buf *why)
{
	const char *langs[3];
	const struct tmpl *t;
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
		if (intent != NULL && platform != NULL &&
		    (t = lookup(ts, intent, langs[i], lens[i], platform)))
			return t;
		if (intent != NULL &&
		    (t = lookup(ts, intent, langs[i], lens[i], NULL)))
			return t;
		if (platform != NULL &&
		    (t = lookup(ts, "*", langs[i], lens[i], platform)))
			return t;
		if ((t = lookup(ts, "*", langs[i], lens[i], NULL)))
			return t;
	}

	if (intent != NULL)
		buf_printf(why, "no template for intent \"%s\" in ", intent);
	else
		buf_adds(why, "no template for a post without class.intent "
		    "in ");
	for (i = 0; i < n; i++)
		buf_printf(why, "%s%.*s", i == 0 ? "" : i + 1 < n ? ", " :
		    " or ", (int)lens[i], langs[i]);
	return NULL;
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
	hmap_free(ts->index);
	free(ts->agent);
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

void
tmpl_render(const struct tmpl *t, const json_t *post, const char *agent,
    struct buf *out)
{
	const struct part *p;
	size_t i;
	int have;

	for (i = 0; i < t->nparts; i++) {
		p = &t->parts[i];
		if (!p->var) {
			buf_add(out, p->s, p->n);
			continue;
		}
		if (p->agent) {
			have = *agent != '\0';
			if (have)
				buf_adds(out, agent);
		} else {
			have = add_value(out, json_path(post, p->s));
		}
		if (!have && p->def != NULL)
			buf_add(out, p->def, p->defn);
	}
}
