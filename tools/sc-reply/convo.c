/*
 * convo.c - the last reply text of each conversation, so that variants
 * never give a conversation the same text twice in a row; see reply.h.
 *
 * An entry holds the digest of the newest text and of the one before it,
 * and the post the newest was drafted for: drafting that post again (a
 * re-run over the same inbox) compares with the text before it, so a
 * re-run chooses what the first run chose.  With --history the entries
 * live in a state file (common/state.c: locked for the run, replaced
 * atomically at its end) and are dropped 90 days after their last use.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
#include "hmap.h"
#include "post.h"
#include "reply.h"
#include "sc.h"
#include "state.h"
#include "xmem.h"

#define KEEP_SECONDS	(90 * 86400)

struct entry {
	char		*post;
	uint64_t	 last, prev;
	int64_t		 at;
};

struct convos {
	struct hmap	*map;
	const char	*path;
	int		 lockfd;
	int64_t		 now;
};

static uint64_t
hex64(const char *s)
{
	char *end;
	uint64_t v;

	if (s == NULL)
		return 0;
	errno = 0;
	v = strtoull(s, &end, 16);
	return errno == 0 && *end == '\0' && end != s ? v : 0;
}

struct convos *
convos_open(const char *path)
{
	struct convos *c;
	struct entry *e;
	const char *key;
	json_t *root, *v, *list;
	void **slot;
	int missing, existed;

	c = xcalloc(1, sizeof(*c));
	c->map = hmap_new();
	c->path = path;
	c->lockfd = -1;
	c->now = (int64_t)time(NULL);
	if (path == NULL)
		return c;
	if ((c->lockfd = state_lock(path)) == -2)
		die(SC_EXIT_TEMPFAIL, "%s: locked by another run", path);
	if (c->lockfd == -1)
		die(SC_EXIT_FATAL, "%s.lock: %s", path, strerror(errno));
	if ((root = state_read_json(path, &missing)) == NULL) {
		if (!missing)
			exit(SC_EXIT_FATAL);
		return c;
	}
	list = json_object_get(root, "conversations");
	if (!json_is_object(root) || !json_is_object(list))
		die(SC_EXIT_FATAL, "%s: not a sc-reply history file (no "
		    "\"conversations\" object)", path);
	json_object_foreach(list, key, v) {
		if (!json_is_object(v))
			continue;
		slot = hmap_put(c->map, key, strlen(key), &existed);
		e = xcalloc(1, sizeof(*e));
		e->post = xstrdup(json_path_str(v, "post") != NULL ?
		    json_path_str(v, "post") : "");
		e->last = hex64(json_path_str(v, "last"));
		e->prev = hex64(json_path_str(v, "prev"));
		e->at = json_integer_value(json_object_get(v, "at"));
		*slot = e;
	}
	json_decref(root);
	return c;
}

uint64_t
convos_prev(struct convos *c, const char *conv, const char *post)
{
	void **slot;
	struct entry *e;

	if (conv == NULL || (slot = hmap_get(c->map, conv,
	    strlen(conv))) == NULL)
		return 0;
	e = *slot;
	return post != NULL && strcmp(e->post, post) == 0 ? e->prev : e->last;
}

void
convos_note(struct convos *c, const char *conv, const char *post,
    uint64_t h)
{
	struct entry *e;
	void **slot;
	int existed;

	if (conv == NULL || post == NULL)
		return;
	slot = hmap_put(c->map, conv, strlen(conv), &existed);
	if (!existed)
		*slot = xcalloc(1, sizeof(struct entry));
	e = *slot;
	if (e->post == NULL || strcmp(e->post, post) != 0) {
		free(e->post);
		e->post = xstrdup(post);
		e->prev = e->last;
	}
	e->last = h;
	e->at = c->now;
}

static void
add_entry(const char *key, size_t klen, void *val, void *ctx)
{
	struct convos *c;
	struct entry *e = val;
	json_t *list = ((void **)ctx)[0], *o;
	char hex[17];

	c = ((void **)ctx)[1];
	if (e->at < c->now - KEEP_SECONDS)
		return;
	o = json_object();
	json_object_set_new(o, "post", json_string(e->post));
	snprintf(hex, sizeof(hex), "%016" PRIx64, e->last);
	json_object_set_new(o, "last", json_string(hex));
	snprintf(hex, sizeof(hex), "%016" PRIx64, e->prev);
	json_object_set_new(o, "prev", json_string(hex));
	json_object_set_new(o, "at", json_integer(e->at));
	json_object_setn_new(list, key, klen, o);
}

static void
free_entry(const char *key, size_t klen, void *val, void *ctx)
{
	struct entry *e = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free(e->post);
	free(e);
}

int
convos_close(struct convos *c)
{
	json_t *root, *list;
	void *ctx[2];
	int rc = 0;

	if (c->path != NULL) {
		root = json_object();
		list = json_object();
		ctx[0] = list;
		ctx[1] = c;
		hmap_each(c->map, add_entry, ctx);
		json_object_set_new(root, "version", json_integer(1));
		json_object_set_new(root, "conversations", list);
		if (state_write_json(c->path, root) == -1) {
			warnmsg("%s: %s", c->path, strerror(errno));
			rc = -1;
		}
		json_decref(root);
		if (c->lockfd >= 0)
			close(c->lockfd);
	}
	hmap_each(c->map, free_entry, NULL);
	hmap_free(c->map);
	free(c);
	return rc;
}

uint64_t
body_digest(const char *s, size_t n)
{
	const char *e = s + n;
	uint64_t h;

	for (;;) {
		while (s < e && (*s == ' ' || *s == '\n'))
			s++;
		if (s == e || *s != '@')
			break;
		while (s < e && *s != ' ' && *s != '\n')
			s++;
	}
	h = hmap_fnv1a(s, (size_t)(e - s));
	return h != 0 ? h : 1;
}
