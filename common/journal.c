/*
 * journal.c - the send journal (see journal.h).
 *
 * Choices made here:
 *
 *  - One line, one write(2) on an O_APPEND descriptor, then fsync(2).  A
 *    short write (a full disk) is finished or reported; a line that did
 *    reach the file only in part is what the next open cuts as torn.
 *
 *  - The file is read whole at open: a journal holds two or three lines
 *    per reply sent, small beside the records themselves.
 *
 *  - The file is created 0600: it names the posts answered and the ids.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "hmap.h"
#include "journal.h"
#include "sctime.h"
#include "state.h"
#include "xmem.h"

struct journal {
	int		 fd;
	int		 lockfd;
	int		 torn;
	struct hmap	*keys;		/* key -> struct jentry * */
};

static const char *const ops[] = {
	"intent", "sent", "failed", "unsent", "unknown", NULL
};
enum { OP_INTENT, OP_SENT, OP_FAILED, OP_UNSENT, OP_UNKNOWN };

static struct jentry *
entry(struct journal *j, const char *key)
{
	void **slot;
	int existed;

	slot = hmap_put(j->keys, key, strlen(key), &existed);
	if (*slot == NULL)
		*slot = xcalloc(1, sizeof(struct jentry));
	return *slot;
}

static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s != NULL ? xstrdup(s) : NULL;
}

/* Apply one line; 0, or -1 with why set when it is no journal line. */
static int
apply(struct journal *j, const json_t *o, const char **why)
{
	const char *op, *key, *at, *v;
	struct jentry *e;
	int64_t t;
	int k;

	if (!json_is_object(o)) {
		*why = "expected an object";
		return -1;
	}
	op = json_string_value(json_object_get(o, "op"));
	key = json_string_value(json_object_get(o, "key"));
	at = json_string_value(json_object_get(o, "at"));
	if (op == NULL || key == NULL || *key == '\0' || at == NULL) {
		*why = "expected \"op\", \"key\" and \"at\" strings";
		return -1;
	}
	for (k = 0; ops[k] != NULL; k++)
		if (strcmp(ops[k], op) == 0)
			break;
	if (ops[k] == NULL) {
		*why = "unknown \"op\"";
		return -1;
	}
	if (time_parse(at, &t) == -1) {
		*why = "\"at\": not a time";
		return -1;
	}
	e = entry(j, key);
	e->at = t;
	v = json_string_value(json_object_get(o, k == OP_SENT ? "id" :
	    k == OP_INTENT ? "idem" : "error"));
	switch (k) {
	case OP_INTENT:
		e->state = J_PENDING;
		e->intent_at = t;
		e->tries++;
		set_str(&e->idem, v);
		break;
	case OP_SENT:
		e->state = J_SENT;
		set_str(&e->id, v);
		break;
	case OP_FAILED:
		e->state = J_FAILED;
		set_str(&e->error, v);
		break;
	case OP_UNSENT:
		e->state = J_NEW;
		set_str(&e->error, v);
		break;
	case OP_UNKNOWN:
		e->state = J_UNKNOWN;
		set_str(&e->error, v);
		break;
	}
	return 0;
}

static void
free_entry(const char *key, size_t klen, void *val, void *ctx)
{
	struct jentry *e = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free(e->idem);
	free(e->id);
	free(e->error);
	free(e);
}

void
journal_close(struct journal *j)
{
	if (j == NULL)
		return;
	if (j->fd != -1)
		close(j->fd);
	if (j->lockfd >= 0)
		close(j->lockfd);
	hmap_each(j->keys, free_entry, NULL);
	hmap_free(j->keys);
	free(j);
}

int
journal_open(const char *path, struct journal **jp, char *err, size_t errlen)
{
	struct journal *j;
	struct buf b = BUF_INIT;
	const char *p, *end, *nl, *why;
	unsigned long line = 0;
	json_error_t e;
	json_t *o;
	off_t keep;
	int lk;

	*jp = NULL;
	if ((lk = state_lock(path)) == -2)
		return -2;
	if (lk == -1) {
		snprintf(err, errlen, "%s.lock: %s", path, strerror(errno));
		return -1;
	}
	j = xcalloc(1, sizeof(*j));
	j->lockfd = lk;
	j->keys = hmap_new();
	if ((j->fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC,
	    0600)) == -1 || buf_readfile(&b, path) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	p = b.s != NULL ? b.s : "";
	end = p + b.len;
	for (; p < end; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		o = nl != NULL ? json_loadb(p, (size_t)(nl - p), 0, &e) : NULL;
		if (o == NULL && (nl == NULL || nl + 1 == end)) {
			/* The last line, cut short by a kill: drop it. */
			keep = (off_t)(p - (b.s != NULL ? b.s : p));
			if (ftruncate(j->fd, keep) == -1 || fsync(j->fd) ==
			    -1) {
				snprintf(err, errlen, "%s: %s", path,
				    strerror(errno));
				goto fail;
			}
			j->torn = 1;
			break;
		}
		if (o == NULL) {
			snprintf(err, errlen, "%s:%lu: %s", path, line,
			    e.text);
			goto fail;
		}
		if (apply(j, o, &why) == -1) {
			json_decref(o);
			snprintf(err, errlen, "%s:%lu: %s", path, line, why);
			goto fail;
		}
		json_decref(o);
	}
	buf_free(&b);
	*jp = j;
	return 0;
fail:
	buf_free(&b);
	journal_close(j);
	return -1;
}

const struct jentry *
journal_get(const struct journal *j, const char *key)
{
	void **slot = hmap_get(j->keys, key, strlen(key));

	return slot != NULL ? *slot : NULL;
}

int
journal_torn(const struct journal *j)
{
	return j->torn;
}

/* Write the line {op, key, at, name: value}, fsync it, apply it. */
static int
put(struct journal *j, int op, const char *key, const char *name,
    const char *value)
{
	char at[TIME_STRLEN];
	const char *why;
	char *s, *p;
	size_t len;
	ssize_t w;
	json_t *o, *v;
	int rc = 0;

	time_format((int64_t)time(NULL), at);
	o = json_pack("{ssssss}", "op", ops[op], "key", key, "at", at);
	if (o == NULL) {
		errno = EINVAL;	/* key not UTF-8 */
		return -1;
	}
	if (value != NULL) {
		if ((v = json_string(value)) == NULL)
			v = json_string("(not UTF-8)");
		json_object_set_new(o, name, v);
	}
	if ((s = json_dumps(o, JSON_COMPACT)) == NULL) {
		json_decref(o);
		errno = ENOMEM;
		return -1;
	}
	len = strlen(s);
	s = xrealloc(s, len + 1 + 1);
	s[len++] = '\n';
	for (p = s; len > 0; p += w, len -= (size_t)w)
		if ((w = write(j->fd, p, len)) == -1) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			rc = -1;
			break;
		}
	if (rc == 0 && fsync(j->fd) == -1)
		rc = -1;
	if (rc == 0)
		apply(j, o, &why);
	free(s);
	json_decref(o);
	return rc;
}

int
journal_intent(struct journal *j, const char *key, const char *idem)
{
	return put(j, OP_INTENT, key, "idem", idem);
}

int
journal_sent(struct journal *j, const char *key, const char *id)
{
	return put(j, OP_SENT, key, "id", id);
}

int
journal_failed(struct journal *j, const char *key, const char *error)
{
	return put(j, OP_FAILED, key, "error", error);
}

int
journal_unsent(struct journal *j, const char *key, const char *error)
{
	return put(j, OP_UNSENT, key, "error", error);
}

int
journal_unknown(struct journal *j, const char *key, const char *error)
{
	return put(j, OP_UNKNOWN, key, "error", error);
}
