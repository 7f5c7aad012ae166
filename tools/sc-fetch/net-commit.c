/*
 * net-commit.c - output and state committed together, so that a run
 * killed at any moment (kill -9 included) and run again leaves every post
 * in -o FILE exactly once.
 *
 * The state file (--state) is one JSON object:
 *
 *	{"version": 1,
 *	 "queries": {"x search acme": {
 *		"position": "1790011199988877766",	polls done up to
 *		"poll": {"cursor": "b26v8...", "newest": "17900..."},
 *							a poll under way
 *		"recent": ["x:1790011199988877766", ...],
 *		"updated": "2026-11-24T10:15:00Z"}},
 *	 "outputs": {"/home/me/inbox.ndjson": {
 *		"length": 123456, "device": 2049, "inode": 393217,
 *		"open": true}}}
 *
 * After each page: the records are flushed and fsynced, the file's length
 * is taken, and the state - position, cursor, recent ids and that length
 * - replaces the old one atomically (state.h).  A kill before the state
 * is replaced leaves the old state, whose length ends before the page's
 * records and whose cursor points at that page: the next run cuts the
 * file back to that length (the records of the page go, torn or whole)
 * and fetches the page again.
 *
 * "open" is true from the start of a run until its end: only a run that
 * did not end leaves a tail to cut.  After a clean end the file may grow
 * by other hands (another source with a state of its own appending to
 * the same file) and must not be cut.  The same file (device and inode)
 * is checked too, so a rotated file is left alone.  While a run writes
 * -o FILE it holds an flock on it: two runs never interleave their
 * records in one file.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "hmap.h"
#include "net-run.h"
#include "output.h"
#include "post.h"
#include "sc.h"
#include "sctime.h"
#include "state.h"
#include "xmem.h"

static json_t *
query(struct net *n)
{
	json_t *qs, *q;

	if ((qs = json_object_get(n->run->state, "queries")) == NULL ||
	    !json_is_object(qs)) {
		qs = json_object();
		json_object_set_new(n->run->state, "queries", qs);
	}
	if ((q = json_object_get(qs, n->run->key)) == NULL ||
	    !json_is_object(q)) {
		q = json_object();
		json_object_set_new(qs, n->run->key, q);
	}
	return q;
}

static char *
dup_str(const json_t *j)
{
	return json_is_string(j) ? xstrdup(json_string_value(j)) : NULL;
}

/*
 * A state file this run cannot trust ends the run (exit 2) naming the
 * field: a wrong type read as 0 once made the output cut to 0 bytes.
 */
static void __attribute__((noreturn))
bad_field(const char *path, const struct buf *field, const char *want,
    const json_t *got)
{
	char num[64];
	const char *g = json_kind_a(got);

	if (json_is_real(got)) {
		snprintf(num, sizeof(num), "%.17g", json_real_value(got));
		g = num;
	} else if (json_is_integer(got)) {
		snprintf(num, sizeof(num), "%lld",
		    (long long)json_integer_value(got));
		g = num;
	}
	die(SC_EXIT_FATAL, "%s: %s: expected %s, got %s; not a state file "
	    "sc-fetch wrote (fix or delete it)", path, buf_str(field), want,
	    g);
}

/* field + "key" (or [i] when key is NULL) into b. */
static void
field_at(struct buf *b, const char *field, const char *key, size_t i)
{
	buf_reset(b);
	buf_adds(b, field);
	if (key == NULL) {
		buf_printf(b, "[%zu]", i);
		return;
	}
	if (*field != '\0')
		buf_addc(b, '.');
	buf_printf(b, "\"%s\"", key);
}

/* o[key]: absent (NULL, when optional), else of the type check says. */
static json_t *
member(const char *path, const json_t *o, const char *field,
    const char *key, int (*check)(const json_t *), const char *want,
    int optional)
{
	struct buf b = BUF_INIT;
	json_t *v;

	v = json_object_get(o, key);
	if ((v == NULL && optional) || (v != NULL && check(v))) {
		buf_free(&b);
		return v;
	}
	field_at(&b, field, key, 0);
	bad_field(path, &b, want, v);
}

static int is_object(const json_t *j) { return json_is_object(j); }
static int is_array(const json_t *j) { return json_is_array(j); }
static int is_string(const json_t *j) { return json_is_string(j); }
static int is_bool(const json_t *j) { return json_is_boolean(j); }
static int is_int(const json_t *j) { return json_is_integer(j); }
static int is_str_or_null(const json_t *j)
{
	return json_is_string(j) || json_is_null(j);
}
static int is_length(const json_t *j)
{
	return json_is_integer(j) && json_integer_value(j) >= 0;
}
static int is_version(const json_t *j)
{
	return json_is_integer(j) && json_integer_value(j) == 1;
}

/* Every field net-commit.c reads, of the type it writes. */
static void
check_state(const char *path, const json_t *st)
{
	struct buf f = BUF_INIT, g = BUF_INIT;
	const char *key;
	json_t *qs, *q, *poll, *recent, *outs, *o, *v;
	size_t i;

	if (!json_is_object(st)) {
		buf_adds(&f, "the whole file");
		bad_field(path, &f, "an object", st);
	}
	member(path, st, "", "version", is_version, "1", 0);
	if ((qs = member(path, st, "", "queries", is_object, "an object",
	    1)) != NULL) {
		json_object_foreach(qs, key, q) {
			field_at(&f, "\"queries\"", key, 0);
			if (!json_is_object(q))
				bad_field(path, &f, "an object", q);
			member(path, q, buf_str(&f), "position", is_string,
			    "a string", 1);
			member(path, q, buf_str(&f), "updated", is_string,
			    "a string", 1);
			if ((poll = member(path, q, buf_str(&f), "poll",
			    is_object, "an object", 1)) != NULL) {
				field_at(&g, buf_str(&f), "poll", 0);
				member(path, poll, buf_str(&g), "cursor",
				    is_str_or_null, "a string or null", 1);
				member(path, poll, buf_str(&g), "newest",
				    is_str_or_null, "a string or null", 1);
			}
			if ((recent = member(path, q, buf_str(&f), "recent",
			    is_array, "an array", 1)) == NULL)
				continue;
			field_at(&g, buf_str(&f), "recent", 0);
			json_array_foreach(recent, i, v) {
				if (json_is_string(v))
					continue;
				field_at(&f, buf_str(&g), NULL, i);
				bad_field(path, &f, "a string", v);
			}
		}
	}
	if ((outs = member(path, st, "", "outputs", is_object, "an object",
	    1)) != NULL) {
		json_object_foreach(outs, key, o) {
			field_at(&f, "\"outputs\"", key, 0);
			if (!json_is_object(o))
				bad_field(path, &f, "an object", o);
			member(path, o, buf_str(&f), "length", is_length,
			    "a whole number of bytes, 0 or more", 0);
			member(path, o, buf_str(&f), "device", is_int,
			    "a whole number", 0);
			member(path, o, buf_str(&f), "inode", is_int,
			    "a whole number", 0);
			member(path, o, buf_str(&f), "open", is_bool,
			    "true or false", 0);
		}
	}
	buf_free(&f);
	buf_free(&g);
}

static void
read_state(struct net *n)
{
	struct net_run *r = n->run;
	const char *path = r->state_path;
	json_t *q, *poll, *v;
	size_t i;
	int missing;

	if ((r->lockfd = state_lock(path)) == -2)
		die(SC_EXIT_TEMPFAIL, "%s: locked by another run", path);
	if (r->lockfd == -1)
		die(SC_EXIT_FATAL, "%s.lock: %s", path, strerror(errno));
	r->state = state_read_json(path, &missing);
	if (r->state == NULL && !missing)
		exit(SC_EXIT_FATAL);	/* state_read_json() said why */
	if (r->state == NULL)
		r->state = json_pack("{si}", "version", 1);
	check_state(path, r->state);
	q = query(n);
	r->position = dup_str(json_object_get(q, "position"));
	if (json_is_object(poll = json_object_get(q, "poll"))) {
		r->polling = 1;
		r->cursor = dup_str(json_object_get(poll, "cursor"));
		r->newest = dup_str(json_object_get(poll, "newest"));
	}
	if (!json_is_array(r->recent = json_object_get(q, "recent"))) {
		r->recent = json_array();
		json_object_set_new(q, "recent", r->recent);
	}
	json_array_foreach(r->recent, i, v)
		if (json_is_string(v))
			hmap_put(r->seen, json_string_value(v),
			    json_string_length(v), NULL);
}

/*
 * Before the tail after len is cut: the length a run commits always ends
 * a record (after a newline) and is never past the end of the file.  A
 * state that says otherwise was not written for this file as it is now
 * (edited, or the file was cut or replaced by other hands): cutting would
 * lose posts whose ids are in "recent" and would never be fetched again.
 */
static void
check_tail(struct net *n, const char *path, json_int_t len,
    const struct stat *st)
{
	char c;

	if (len > (json_int_t)st->st_size)
		die(SC_EXIT_FATAL, "%s: %lld bytes, but the state %s says a "
		    "killed run had written %lld: the file changed since; "
		    "nothing cut (check the file, then delete \"outputs\" "
		    "from the state)", path, (long long)st->st_size,
		    n->run->state_path, (long long)len);
	if (len == 0)
		return;
	if (pread(n->run->out_fd, &c, 1, (off_t)len - 1) != 1 || c != '\n')
		die(SC_EXIT_FATAL, "%s: the state %s says a killed run had "
		    "written %lld bytes, which is not the end of a record: "
		    "nothing cut (check the file, then delete \"outputs\" "
		    "from the state)", path, n->run->state_path,
		    (long long)len);
}

/* -o FILE: lock it, cut what a killed run left after its last commit. */
static void
open_file(struct net *n, const char *path)
{
	struct net_run *r = n->run;
	struct stat st;
	json_t *rec;
	json_int_t len;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/null, a FIFO: nothing to cut or to sync */
		r->out = output_open(path, r->c.gzip, r->c.unbuffered,
		    OUTPUT_APPEND);
		return;
	}
	if ((r->out_fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0666))
	    == -1)
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	if (flock(r->out_fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			die(SC_EXIT_TEMPFAIL, "%s: written by another run",
			    path);
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	}
	if (fstat(r->out_fd, &st) == -1 ||
	    (r->out_real = realpath(path, NULL)) == NULL)
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	/* check_state() vouched for the types of rec's fields. */
	if (r->state != NULL && (rec = json_object_get(json_object_get(
	    r->state, "outputs"), r->out_real)) != NULL &&
	    json_is_true(json_object_get(rec, "open")) &&
	    json_integer_value(json_object_get(rec, "device")) ==
	    (json_int_t)st.st_dev &&
	    json_integer_value(json_object_get(rec, "inode")) ==
	    (json_int_t)st.st_ino &&
	    (len = json_integer_value(json_object_get(rec, "length"))) !=
	    (json_int_t)st.st_size) {
		check_tail(n, path, len, &st);
		if (truncate(path, (off_t)len) == -1)
			die(SC_EXIT_FATAL, "%s: cannot cut the tail a killed "
			    "run left: %s", path, strerror(errno));
		if (n->verbose)
			warnmsg("%s: cut %lld bytes a killed run left", path,
			    (long long)(st.st_size - len));
	}
	r->out = output_open(path, r->c.gzip, r->c.unbuffered, OUTPUT_APPEND);
}

void
net_state_open(struct net *n)
{
	struct net_run *r = n->run;
	const char *o = r->c.output;

	if (r->state_path != NULL)
		read_state(n);
	if (o != NULL && strcmp(o, "-") != 0)
		open_file(n, o);
	else
		r->out = output_open(NULL, r->c.gzip, r->c.unbuffered,
		    OUTPUT_APPEND);
	/* The output's length before anything is written, and "open". */
	if (r->state != NULL && r->out_real != NULL)
		net_commit(n, 0);
}

void
net_state_recent(struct net *n, const char *id)
{
	if (n->run->recent != NULL)
		json_array_append_new(n->run->recent, json_string(id));
}

/* Keep the last NET_RECENT ids. */
static void
trim_recent(struct net_run *r)
{
	json_t *keep;
	size_t i, size, from;

	size = json_array_size(r->recent);
	if (size <= NET_RECENT)
		return;
	keep = json_array();
	for (from = size - NET_RECENT, i = from; i < size; i++)
		json_array_append(keep, json_array_get(r->recent, i));
	json_array_clear(r->recent);
	json_array_extend(r->recent, keep);
	json_decref(keep);
}

static void
set_or_del(json_t *o, const char *key, const char *s)
{
	if (s != NULL)
		json_object_set_new(o, key, json_string(s));
	else
		json_object_del(o, key);
}

void
net_commit(struct net *n, int final)
{
	struct net_run *r = n->run;
	char tb[TIME_STRLEN];
	struct stat st;
	json_t *q, *outs;

	memset(&st, 0, sizeof(st));
	output_flush(r->out);
	if (r->out_fd != -1) {
		if (fsync(r->out_fd) == -1 && errno != EINVAL)
			die(SC_EXIT_FATAL, "%s: %s", r->c.output,
			    strerror(errno));
		if (fstat(r->out_fd, &st) == -1)
			die(SC_EXIT_FATAL, "%s: %s", r->c.output,
			    strerror(errno));
	}
	if (r->state == NULL)
		return;
	q = query(n);
	set_or_del(q, "position", r->position);
	if (r->polling)
		json_object_set_new(q, "poll", json_pack("{s:o,s:o}",
		    "cursor", r->cursor ? json_string(r->cursor) : json_null(),
		    "newest", r->newest ? json_string(r->newest) :
		    json_null()));
	else
		json_object_del(q, "poll");
	trim_recent(r);
	time_format((int64_t)time(NULL), tb);
	json_object_set_new(q, "updated", json_string(tb));
	if (r->out_real != NULL) {
		if (!json_is_object(outs = json_object_get(r->state,
		    "outputs"))) {
			outs = json_object();
			json_object_set_new(r->state, "outputs", outs);
		}
		json_object_set_new(outs, r->out_real, json_pack(
		    "{sI,sI,sI,sb}", "length", (json_int_t)st.st_size,
		    "device", (json_int_t)st.st_dev,
		    "inode", (json_int_t)st.st_ino, "open", !final));
	}
	if (state_write_json(r->state_path, r->state) == -1)
		die(SC_EXIT_FATAL, "%s: cannot save the state: %s",
		    r->state_path, strerror(errno));
}

void
net_state_close(struct net *n)
{
	struct net_run *r = n->run;

	if (r->out_fd != -1)
		close(r->out_fd);
	if (r->lockfd != -1)
		close(r->lockfd);
	r->out_fd = r->lockfd = -1;
}
