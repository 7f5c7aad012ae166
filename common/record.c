#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "jscan.h"
#include "jsonw.h"
#include "post.h"
#include "record.h"
#include "samefile.h"
#include "sc.h"
#include "xmem.h"

struct recin {
	struct input	*in;
	int		 strict;
	const char	*rejects_path;
	FILE		*rejects;
	const char	*line;
	size_t		 len;
	unsigned long	 nrejected;
	int		 current_rejected;
	int		 spilled;
	size_t		 maxline;
	unsigned long	 lineno;	/* of the current record, 0: input's */
};

/* An overlong line streams into the rejects file as it is skipped. */
static void
spill(const char *p, size_t n, void *ctx)
{
	struct recin *r = ctx;

	if (r->rejects == NULL)
		return;
	if ((p != NULL && fwrite(p, 1, n, r->rejects) != n) ||
	    (p == NULL && putc('\n', r->rejects) == EOF))
		die(SC_EXIT_FATAL, "%s: write error: %s", r->rejects_path,
		    strerror(errno));
}

struct recin *
rec_open(const struct sc_common *c, char *const *files, int nfiles)
{
	struct recin *r;
	FILE *rejects = NULL;

	/* First, so that failing here leaks nothing (ASan). */
	samefile_check(c->output, "output file", files, nfiles);
	samefile_check(c->rejects, "rejects file", files, nfiles);
	if (c->rejects != NULL && (rejects = fopen(c->rejects, "a")) == NULL)
		die(SC_EXIT_FATAL, "%s: %s", c->rejects, strerror(errno));
	r = xcalloc(1, sizeof(*r));
	r->in = input_open(files, nfiles, c->maxline);
	r->strict = c->strict;
	r->maxline = c->maxline ? c->maxline : INPUT_MAXLINE_DEFAULT;
	input_set_spill(r->in, spill, r);
	r->rejects_path = c->rejects;
	r->rejects = rejects;
	return r;
}

static void
save_rejected(struct recin *r)
{
	if (r->rejects == NULL || r->spilled)
		return;
	if (fwrite(r->line, 1, r->len, r->rejects) != r->len ||
	    putc('\n', r->rejects) == EOF || fflush(r->rejects) == EOF)
		die(SC_EXIT_FATAL, "%s: write error: %s", r->rejects_path,
		    strerror(errno));
}

static void
vreject(struct recin *r, const char *fmt, va_list ap)
{
	vwarnat(input_name(r->in), rec_lineno(r), fmt, ap);
	save_rejected(r);
	r->nrejected++;
	r->current_rejected = 1;
	output_set_status(SC_EXIT_REJECT);
	if (r->strict) {
		output_close_last();
		warnmsg("stopping at the first bad record (--strict)");
		exit(SC_EXIT_FATAL);
	}
}

void
rec_reject(struct recin *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject(r, fmt, ap);
	va_end(ap);
}

void
rec_warn(struct recin *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(input_name(r->in), rec_lineno(r), fmt, ap);
	va_end(ap);
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
rec_next_raw(struct recin *r, const char **line, size_t *len)
{
	int rc;

	for (;;) {
		r->current_rejected = 0;
		r->lineno = 0;
		rc = input_next(r->in, &r->line, &r->len);
		if (rc == INPUT_EOF)
			return 0;
		if (rc == INPUT_ERROR)
			continue;
		if (rc == INPUT_LONG) {
			/* The raw line already went to the rejects file. */
			r->line = "";
			r->len = 0;
			r->spilled = 1;
			rec_reject(r, "line too long (over %zu bytes; "
			    "see --max-line)", r->maxline);
			r->spilled = 0;
			continue;
		}
		*line = r->line;
		*len = r->len;
		return 1;
	}
}

void
rec_set_current(struct recin *r, const char *raw, size_t len,
    unsigned long lineno)
{
	r->line = raw;
	r->len = len;
	r->lineno = lineno;
}

/* The current line as JSON: an object, or NULL after rejecting it. */
static json_t *
parse_current(struct recin *r)
{
	json_error_t err;
	json_t *j;

	j = json_loadb(r->line, r->len, JSON_DECODE_ANY, &err);
	if (j == NULL) {
		if (strncmp(err.text, "unable to decode byte", 21) == 0)
			rec_reject(r, "invalid UTF-8 at byte %d", err.position);
		else
			rec_reject(r, "invalid JSON at byte %d: %s",
			    err.position, err.text);
		return NULL;
	}
	if (!json_is_object(j)) {
		rec_reject(r, "expected an object, got %s", json_kind_a(j));
		json_decref(j);
		return NULL;
	}
	return j;
}

/* The next line that is not blank; 0 at the end of all input. */
static int
next_line(struct recin *r)
{
	do {
		if (!rec_next_raw(r, &r->line, &r->len))
			return 0;
	} while (blank(r->line, r->len));
	return 1;
}

json_t *
rec_next(struct recin *r)
{
	json_t *j;

	while (next_line(r))
		if ((j = parse_current(r)) != NULL)
			return j;
	return NULL;
}

const char *
rec_line(const struct recin *r, size_t *len)
{
	if (len != NULL)
		*len = r->len;
	return r->line;
}

const char *
rec_name(const struct recin *r)
{
	return input_name(r->in);
}

unsigned long
rec_lineno(const struct recin *r)
{
	return r->lineno ? r->lineno : input_lineno(r->in);
}

unsigned long
rec_rejected(const struct recin *r)
{
	return r->nrejected;
}

int
rec_status(const struct recin *r)
{
	if (input_failed(r->in))
		return SC_EXIT_FATAL;
	return r->nrejected ? SC_EXIT_REJECT : SC_EXIT_OK;
}

void
rec_close(struct recin *r)
{
	if (r == NULL)
		return;
	input_close(r->in);
	if (r->rejects != NULL && fclose(r->rejects) == EOF)
		die(SC_EXIT_FATAL, "%s: write error: %s", r->rejects_path,
		    strerror(errno));
	free(r);
}

int
rec_filter(const struct sc_common *c, char *const *files, int nfiles,
    rec_filter_fn fn, void *ctx)
{
	struct recin *r;
	struct output *o;
	json_t *post;
	int status;

	/* rec_open() first: it refuses an output that is also an input. */
	r = rec_open(c, files, nfiles);
	o = output_open(c->output, c->gzip, c->unbuffered, OUTPUT_TRUNC);
	while ((post = rec_next(r)) != NULL) {
		if (fn(r, post, ctx) == 0)
			output_json(o, post);
		json_decref(post);
	}
	status = rec_status(r);
	rec_close(r);
	output_set_status(status);
	output_close(o);
	return status;
}

/*
 * Is the key k[0..n) (no NUL in it) in want: WANT_WHOLE, WANT_PART when
 * only "k.x" members of it are, else 0.
 */
#define WANT_WHOLE	2
#define WANT_PART	1

static int
wanted(const char *const *want, const char *k, size_t n)
{
	const char *w;
	int part = 0;

	for (; (w = *want) != NULL; want++)
		if (n == 0 ? 1 : w[0] == k[0] && strncmp(w, k, n) == 0) {
			if (w[n] == '\0')
				return WANT_WHOLE;
			if (w[n] == '.')
				part = WANT_PART;
		}
	return part;
}

/*
 * The object at v[0..vn), member k[0..kn) of the line, with only the
 * members "k.x" of want in it; a value jscan declines, or not an
 * object, whole.
 */
static json_t *
pick_part(const char *v, size_t vn, const char *k, size_t kn,
    const char *const *want)
{
	struct jscan_member m[REC_MEMBERS];
	const char *const *w;
	json_t *o, *x;
	size_t nm, close, i;

	if (*v != '{' || jscan_object(v, vn, m, REC_MEMBERS, &nm, &close) == -1)
		return jscan_json(v, vn);
	o = json_object();
	for (i = 0; i < nm; i++) {
		for (w = want; *w != NULL; w++)
			if ((*w)[0] == k[0] && strncmp(*w, k, kn) == 0 &&
			    (*w)[kn] == '.' && m[i].keylen > 0 &&
			    (*w)[kn + 1] == v[m[i].key] &&
			    strncmp(*w + kn + 1, v + m[i].key,
			    m[i].keylen) == 0 &&
			    (*w)[kn + 1 + m[i].keylen] == '\0')
				break;
		if (*w == NULL)
			continue;
		x = jscan_json(v + m[i].val, m[i].vallen);
		if (x == NULL || json_object_setn_new_nocheck(o, v + m[i].key,
		    m[i].keylen, x) == -1) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

/*
 * The members of the scanned line named in want, parsed, as an object; or
 * NULL if one does not parse (jscan and jansson disagree: never seen, but
 * then the whole line goes to jansson).  jscan_json() builds the plain
 * ones (a text without escapes, the author object) without parsing them
 * again.
 */
static json_t *
pick(const char *s, const struct jscan_member *m, size_t nm,
    const char *const *want)
{
	json_t *post, *v;
	size_t i;

	post = json_object();
	for (i = 0; i < nm; i++) {
		switch (wanted(want, s + m[i].key, m[i].keylen)) {
		case 0:
			continue;
		case WANT_PART:
			v = pick_part(s + m[i].val, m[i].vallen, s + m[i].key,
			    m[i].keylen, want);
			break;
		default:
			v = jscan_json(s + m[i].val, m[i].vallen);
		}
		if (v == NULL || json_object_setn_new_nocheck(post,
		    s + m[i].key, m[i].keylen, v) == -1) {
			json_decref(post);
			return NULL;
		}
	}
	return post;
}

/*
 * The scanned line s with member key set to v (or to the JSON text
 * raw[0..rawlen) when raw is not NULL): in place of its old value, or
 * added at the end; other bytes are copied as they came.
 */
static void
splice(struct buf *b, const char *s, const struct jscan_member *m,
    size_t nm, size_t close, const char *key, const json_t *v,
    const char *raw, size_t rawlen)
{
	size_t rest;
	int at;

	buf_reset(b);
	at = jscan_find(s, m, nm, key, strlen(key));
	if (v == NULL && raw == NULL) {
		buf_add(b, s, close + 1);
	} else if (at >= 0) {
		buf_add(b, s, m[at].val);
		if (raw != NULL)
			buf_add(b, raw, rawlen);
		else
			jsonw(b, v);
		rest = m[at].val + m[at].vallen;
		buf_add(b, s + rest, close + 1 - rest);
	} else {
		buf_add(b, s, close);
		if (nm > 0)
			buf_addc(b, ',');
		jsonw_string(b, key, strlen(key));
		buf_addc(b, ':');
		if (raw != NULL)
			buf_add(b, raw, rawlen);
		else
			jsonw(b, v);
		buf_addc(b, '}');
	}
	buf_addc(b, '\n');
}

json_t *
rec_next_keys(struct recin *r, const char *const *want)
{
	struct jscan_member m[REC_MEMBERS];
	json_t *post;
	size_t nm, close;

	while (next_line(r)) {
		if (jscan_object(r->line, r->len, m, REC_MEMBERS, &nm,
		    &close) == 0 && (post = pick(r->line, m, nm, want)) != NULL)
			return post;
		if ((post = parse_current(r)) != NULL)
			return post;
	}
	return NULL;
}

static int
filter_keys(const struct sc_common *c, char *const *files, int nfiles,
    const char *const *want, const char *key, rec_filter_fn fn,
    rec_raw_fn raw, void *ctx)
{
	struct jscan_member m[REC_MEMBERS];
	struct recin *r;
	struct output *o;
	struct buf b = BUF_INIT, val = BUF_INIT;
	json_t *post;
	size_t nm, close;
	int status;

	/* rec_open() first: it refuses an output that is also an input. */
	r = rec_open(c, files, nfiles);
	o = output_open(c->output, c->gzip, c->unbuffered, OUTPUT_TRUNC);
	while (next_line(r)) {
		if (jscan_object(r->line, r->len, m, REC_MEMBERS, &nm,
		    &close) == -1 ||
		    (post = pick(r->line, m, nm, want)) == NULL) {
			if ((post = parse_current(r)) == NULL)
				continue;
			if (fn(r, post, ctx) == 0)
				output_json(o, post);
		} else if (raw != NULL) {
			buf_reset(&val);
			if (raw(r, post, &val, ctx) == 0) {
				splice(&b, r->line, m, nm, close, key, NULL,
				    val.s != NULL ? val.s : "", val.len);
				output_write(o, b.s, b.len);
				output_end_record(o);
			}
		} else if (fn(r, post, ctx) == 0) {
			splice(&b, r->line, m, nm, close, key,
			    json_object_get(post, key), NULL, 0);
			output_write(o, b.s, b.len);
			output_end_record(o);
		}
		json_decref(post);
	}
	buf_free(&b);
	buf_free(&val);
	status = rec_status(r);
	rec_close(r);
	output_set_status(status);
	output_close(o);
	return status;
}

int
rec_filter_keys(const struct sc_common *c, char *const *files, int nfiles,
    const char *const *want, const char *key, rec_filter_fn fn, void *ctx)
{
	return filter_keys(c, files, nfiles, want, key, fn, NULL, ctx);
}

int
rec_filter_keys_raw(const struct sc_common *c, char *const *files,
    int nfiles, const char *const *want, const char *key, rec_filter_fn fn,
    rec_raw_fn raw, void *ctx)
{
	return filter_keys(c, files, nfiles, want, key, fn, raw, ctx);
}
