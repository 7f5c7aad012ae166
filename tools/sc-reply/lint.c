/*
 * lint.c - --lint: what a person should look at before a reply goes out.
 *
 * Each reply with text that is not rejected or already sent is checked
 * for: {{?fields}} (or any "{{") left in the text; a language other than
 * the post's; the same words (leading @mentions aside) as an earlier
 * reply in the input to another customer on the same day; a phrase the
 * templates file's "forbid" list names (folded, as a part of the text);
 * personal data (pii.h).  Sent replies are read only as earlier replies.
 * The memory of earlier replies grows with the distinct texts of each
 * day in the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fold.h"
#include "hmap.h"
#include "pii.h"
#include "post.h"
#include "record.h"
#include "reply.h"
#include "sc.h"
#include "xmem.h"

struct seen {
	char	*customer;
	char	*post;
	int	 sent;
};

struct lint {
	char		**forbid;	/* folded */
	size_t		  nforbid;
	struct hmap	 *texts;	/* day \0 digest -> struct seen */
	struct buf	  fold;
	struct buf	  key;
	size_t		  findings;
};

struct lint *
lint_new(const struct tmpls *ts)
{
	const char *const *f;
	struct lint *l;
	size_t i, n = 0;

	l = xcalloc(1, sizeof(*l));
	l->texts = hmap_new();
	f = ts != NULL ? tmpls_forbid(ts, &n) : NULL;
	l->forbid = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		buf_reset(&l->fold);
		fold(f[i], strlen(f[i]), FOLD_MATCH, &l->fold);
		l->forbid[l->nforbid++] = xstrdup(buf_str(&l->fold));
	}
	return l;
}

static void
finding(struct lint *l, struct recin *r, const char *id, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
finding(struct lint *l, struct recin *r, const char *id, const char *fmt,
    ...)
{
	va_list ap;

	fprintf(stderr, "%s:%lu: %s: ", rec_name(r), rec_lineno(r), id);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	l->findings++;
}

/* The primary subtag's length: "pt-BR" gives 2. */
static size_t
primary(const char *tag)
{
	return strcspn(tag, "-_");
}

static const char *
str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

static void
check_same(struct lint *l, struct recin *r, const json_t *post,
    const json_t *reply, const char *id, const char *text, int sent,
    int linted)
{
	const char *day, *customer;
	struct seen *s;
	void **slot;
	int existed;

	if ((day = str(reply, "sent_at")) == NULL &&
	    (day = str(post, "created_at")) == NULL)
		return;
	if ((customer = json_path_str(post, "author.id")) == NULL &&
	    (customer = json_path_str(post, "author.handle")) == NULL)
		customer = id;
	buf_reset(&l->key);
	buf_printf(&l->key, "%.10s%c%016llx", day, 0, (unsigned long long)
	    body_digest(text, strlen(text)));
	slot = hmap_put(l->texts, l->key.s, l->key.len, &existed);
	if (!existed) {
		s = xcalloc(1, sizeof(*s));
		s->customer = xstrdup(customer);
		s->post = xstrdup(id);
		s->sent = sent;
		*slot = s;
		return;
	}
	s = *slot;
	if (linted && strcmp(s->customer, customer) != 0)
		finding(l, r, id, "the same text as the reply %s %s, to "
		    "another customer the same day", s->sent ? "sent for" :
		    "drafted for", s->post);
}

static void
check(struct lint *l, struct recin *r, const json_t *post)
{
	const json_t *reply, *class;
	const char *id, *text, *status, *rl, *pl, *p, *q;
	size_t i, pos, a, b;
	unsigned kind, kinds = 0;
	int sent;

	reply = json_object_get(post, "reply");
	if (!json_is_object(reply) || (text = str(reply, "text")) == NULL)
		return;
	if ((id = str(post, "id")) == NULL)
		id = "(no id)";
	status = str(reply, "status");
	if (status != NULL && strcasecmp(status, "rejected") == 0)
		return;
	sent = status != NULL && (strcasecmp(status, "sent") == 0 ||
	    strcasecmp(status, "posted") == 0);
	check_same(l, r, post, reply, id, text, sent, !sent);
	if (sent || (status != NULL && (strcasecmp(status, "failed") == 0 ||
	    strcasecmp(status, "unknown") == 0)))
		return;

	for (p = text; (p = strstr(p, "{{")) != NULL; p = q) {
		if ((q = strstr(p, "}}")) == NULL)
			q = p + strlen(p);
		if (p[2] == '?')
			finding(l, r, id, "unfilled field %.*s", (int)(q +
			    (*q != '\0' ? 2 : 0) - p), p);
		else
			finding(l, r, id, "template text left in the reply");
		if (*q != '\0')
			q += 2;
	}
	class = json_object_get(post, "class");
	if ((pl = str(class, "lang")) == NULL)
		pl = str(post, "lang");
	rl = str(reply, "lang");
	if (pl != NULL && rl != NULL && strcmp(pl, "und") != 0 &&
	    (primary(pl) != primary(rl) ||
	    strncasecmp(pl, rl, primary(pl)) != 0))
		finding(l, r, id, "the reply is in %s, the post in %s", rl,
		    pl);
	buf_reset(&l->fold);
	fold(text, strlen(text), FOLD_MATCH, &l->fold);
	for (i = 0; i < l->nforbid; i++)
		if (strstr(buf_str(&l->fold), l->forbid[i]) != NULL)
			finding(l, r, id, "a forbidden phrase: \"%s\"",
			    l->forbid[i]);
	pos = 0;
	while ((kind = pii_next(text, strlen(text), &pos, &a, &b)) != 0)
		kinds |= kind;
	for (i = 0; i < PII_NKINDS; i++)
		if (kinds & (1u << i))
			finding(l, r, id, "personal data in the text (%s)",
			    pii_name((int)i));
}

int
lint_run(struct lint *l, const struct sc_common *c, char *const *files,
    int nfiles)
{
	struct recin *r;
	json_t *post;
	int status;

	r = rec_open(c, files, nfiles);
	while ((post = rec_next(r)) != NULL) {
		check(l, r, post);
		json_decref(post);
	}
	status = rec_status(r);
	rec_close(r);
	return sc_worse(status, l->findings > 0 ? SC_EXIT_REJECT :
	    SC_EXIT_OK);
}

static void
free_seen(const char *key, size_t klen, void *val, void *ctx)
{
	struct seen *s = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free(s->customer);
	free(s->post);
	free(s);
}

void
lint_free(struct lint *l)
{
	size_t i;

	for (i = 0; i < l->nforbid; i++)
		free(l->forbid[i]);
	free(l->forbid);
	hmap_each(l->texts, free_seen, NULL);
	hmap_free(l->texts);
	buf_free(&l->fold);
	buf_free(&l->key);
	free(l);
}
