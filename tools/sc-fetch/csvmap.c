#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvmap.h"
#include "hmap.h"
#include "normalize.h"
#include "post.h"
#include "xmem.h"

struct entry {
	char	*field;
	char	*column;	/* NULL: bound by name (no --map) */
	int	 negate;
	size_t	 col;		/* index in the header, once bound */
};

struct csvmap {
	int		 spec;		/* entries came from --map */
	struct entry	*e;
	size_t		 n;
	size_t		 cap;
};

/* The fields a column can give; "metrics." takes any name as well. */
static const char *const fields[] = {
	"id", "platform", "created_at", "text", "lang", "url", "channel",
	"from_brand", "in_reply_to", "conversation_id", "author.id",
	"author.handle", "author.name", "author.followers", "author.verified",
	"metrics.likes", "metrics.reposts", "metrics.replies", NULL
};
static const char *const required[] = { "id", "created_at", "text", NULL };

static int
known_field(const char *f, size_t n)
{
	size_t i;

	for (i = 0; fields[i] != NULL; i++)
		if (strlen(fields[i]) == n && memcmp(fields[i], f, n) == 0)
			return 1;
	if (n <= 8 || memcmp(f, "metrics.", 8) != 0)
		return 0;
	for (i = 8; i < n; i++)
		if (!(f[i] >= 'a' && f[i] <= 'z') && f[i] != '_' &&
		    !(f[i] >= '0' && f[i] <= '9'))
			return 0;
	return 1;
}

static int
boolean_field(const char *f)
{
	return strcmp(f, "from_brand") == 0 ||
	    strcmp(f, "author.verified") == 0;
}

static struct entry *
add(struct csvmap *m)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->e = xreallocarray(m->e, m->cap, sizeof(*m->e));
	}
	memset(&m->e[m->n], 0, sizeof(m->e[0]));
	return &m->e[m->n++];
}

static struct entry *
find(const struct csvmap *m, const char *field)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->e[i].field, field) == 0)
			return &m->e[i];
	return NULL;
}

struct csvmap *
csvmap_new(const char *spec, char *err, size_t errlen)
{
	struct csvmap *m;
	struct entry *e;
	const char *p, *end, *eq;
	char *field;
	size_t i;

	m = xcalloc(1, sizeof(*m));
	if (spec == NULL)
		return m;
	m->spec = 1;
	for (p = spec;; p = end + 1) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq == NULL || eq == p || eq + 1 == end ||
		    (eq[1] == '!' && eq + 2 == end)) {
			snprintf(err, errlen, "--map: expected FIELD=COLUMN, "
			    "got \"%.*s\"", (int)(end - p), p);
			goto bad;
		}
		if (!known_field(p, (size_t)(eq - p))) {
			snprintf(err, errlen, "--map: unknown field \"%.*s\"",
			    (int)(eq - p), p);
			goto bad;
		}
		field = xstrndup(p, (size_t)(eq - p));
		if (find(m, field) != NULL) {
			snprintf(err, errlen, "--map: field \"%s\" given twice",
			    field);
			free(field);
			goto bad;
		}
		e = add(m);
		e->field = field;
		e->negate = eq[1] == '!';
		e->column = xstrndup(eq + 1 + e->negate,
		    (size_t)(end - eq - 1 - e->negate));
		if (e->negate && !boolean_field(field)) {
			snprintf(err, errlen, "--map: \"%s=!%s\": only "
			    "from_brand and author.verified can be negated",
			    field, e->column);
			goto bad;
		}
		if (*end == '\0')
			break;
	}
	for (i = 0; required[i] != NULL; i++)
		if (find(m, required[i]) == NULL) {
			snprintf(err, errlen, "--map: no column for \"%s\"",
			    required[i]);
			goto bad;
		}
	return m;
bad:
	csvmap_free(m);
	return NULL;
}

void
csvmap_free(struct csvmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->e[i].field);
		free(m->e[i].column);
	}
	free(m->e);
	free(m);
}

int
csvmap_bind(struct csvmap *m, const struct csv *h, char *err,
    size_t errlen)
{
	struct hmap *cols;
	const char *name;
	void **slot;
	size_t i, len;
	int existed, rc = -1;

	cols = hmap_new();
	for (i = 0; i < csv_nfields(h); i++) {
		name = csv_field(h, i, &len);
		slot = hmap_put(cols, name, len, &existed);
		if (!existed)		/* the first of equal names wins */
			*slot = (void *)(uintptr_t)(i + 1);
	}
	if (!m->spec) {
		for (i = 0; i < m->n; i++)
			free(m->e[i].field);
		m->n = 0;
		for (i = 0; i < csv_nfields(h); i++) {
			name = csv_field(h, i, &len);
			if (!known_field(name, len) ||
			    strlen(name) != len ||
			    (uintptr_t)*hmap_get(cols, name, len) != i + 1)
				continue;
			add(m)->field = xstrndup(name, len);
			m->e[m->n - 1].col = i;
		}
	} else {
		for (i = 0; i < m->n; i++) {
			slot = hmap_get(cols, m->e[i].column,
			    strlen(m->e[i].column));
			if (slot == NULL) {
				snprintf(err, errlen, "--map: no column \"%s\" "
				    "in the header", m->e[i].column);
				goto out;
			}
			m->e[i].col = (size_t)(uintptr_t)*slot - 1;
		}
	}
	for (i = 0; required[i] != NULL; i++)
		if (find(m, required[i]) == NULL) {
			snprintf(err, errlen, "no column gives \"%s\" (see "
			    "--map)", required[i]);
			goto out;
		}
	rc = 0;
out:
	hmap_free(cols);
	return rc;
}

json_t *
csvmap_row(const struct csvmap *m, const struct csv *row, char *err,
    size_t errlen)
{
	const struct entry *e;
	const char *s;
	char q[256];
	json_t *o, *v;
	size_t i, len;
	int b;

	o = json_object();
	for (i = 0; i < m->n; i++) {
		e = &m->e[i];
		s = csv_field(row, e->col, &len);
		if (len == 0)
			continue;
		if (e->negate) {
			if (norm_boolish(s, len, &b) == -1) {
				norm_quote(q, sizeof(q), s, len);
				snprintf(err, errlen, "\"%s\": expected true or "
				    "false, got %s", e->field, q);
				json_decref(o);
				return NULL;
			}
			v = json_boolean(!b);
		} else if ((v = json_stringn(s, len)) == NULL) {
			snprintf(err, errlen, "\"%s\": not UTF-8", e->field);
			json_decref(o);
			return NULL;
		}
		json_path_set_new(o, e->field, v);
	}
	return o;
}
