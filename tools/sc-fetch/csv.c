/*
 * The parser is a four-state machine kept across lines: at the start of a
 * field, inside an unquoted field, inside quotes, and just after a quote
 * inside quotes (the end of the field, or the first half of "").  Runs of
 * ordinary bytes are found with memchr() and copied whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "xmem.h"

enum {
	ST_FIELD,	/* at the start of a field */
	ST_PLAIN,	/* inside an unquoted field */
	ST_QUOTED,	/* inside quotes */
	ST_QUOTE	/* a quote seen inside quotes */
};

struct field {
	size_t	off;	/* in data */
	size_t	len;
};

struct csv {
	size_t		 maxrecord;
	int		 st;
	int		 open;		/* a record continues on the next line */
	int		 discard;	/* skipping the rest of a long record */
	struct buf	 raw;
	struct buf	 data;		/* field bytes, each followed by NUL */
	size_t		 fstart;	/* the current field's start in data */
	struct field	*fields;
	size_t		 nfields;
	size_t		 cap;
	char		 err[96];
};

struct csv *
csv_new(size_t maxrecord)
{
	struct csv *c;

	c = xcalloc(1, sizeof(*c));
	c->maxrecord = maxrecord;
	return c;
}

void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	buf_free(&c->raw);
	buf_free(&c->data);
	free(c->fields);
	free(c);
}

static void
start_record(struct csv *c)
{
	buf_reset(&c->raw);
	buf_reset(&c->data);
	c->fstart = 0;
	c->nfields = 0;
	c->st = ST_FIELD;
	c->err[0] = '\0';
}

void
csv_reset(struct csv *c)
{
	start_record(c);
	c->open = 0;
	c->discard = 0;
}

static void
end_field(struct csv *c)
{
	if (c->nfields == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->fields = xreallocarray(c->fields, c->cap,
		    sizeof(*c->fields));
	}
	c->fields[c->nfields].off = c->fstart;
	c->fields[c->nfields].len = c->data.len - c->fstart;
	c->nfields++;
	buf_addc(&c->data, '\0');
	c->fstart = c->data.len;
}

/* Follow the quotes of a line of an overlong record without keeping it. */
static int
skip_line(struct csv *c, const char *p, size_t n)
{
	const char *q;
	size_t i;

	for (i = 0; i < n; i++) {
		switch (c->st) {
		case ST_FIELD:
			if (p[i] == '"')
				c->st = ST_QUOTED;
			else if (p[i] != ',')
				c->st = ST_PLAIN;
			break;
		case ST_PLAIN:
			if (p[i] == ',')
				c->st = ST_FIELD;
			break;
		case ST_QUOTED:
			if ((q = memchr(p + i, '"', n - i)) == NULL)
				return CSV_MORE;
			i = (size_t)(q - p);
			c->st = ST_QUOTE;
			break;
		case ST_QUOTE:
			if (p[i] == '"')
				c->st = ST_QUOTED;
			else
				c->st = p[i] == ',' ? ST_FIELD : ST_PLAIN;
			break;
		}
	}
	if (c->st == ST_QUOTED)
		return CSV_MORE;
	c->discard = 0;
	c->open = 0;
	c->st = ST_FIELD;
	return CSV_NONE;
}

int
csv_feed(struct csv *c, const char *p, size_t n)
{
	const char *q;
	size_t i, run;
	int cr = 0;

	if (c->discard)
		return skip_line(c, p, n);
	if (!c->open) {
		start_record(c);
		if (n == 0 || (n == 1 && p[0] == '\r'))
			return CSV_NONE;
	} else if (c->maxrecord != 0 && (n >= c->maxrecord ||
	    c->raw.len >= c->maxrecord - n)) {
		snprintf(c->err, sizeof(c->err), "record too long (over %zu "
		    "bytes; see --max-line)", c->maxrecord);
		c->discard = 1;
		skip_line(c, p, n);
		return CSV_ERROR;
	} else
		buf_addc(&c->raw, '\n');
	buf_add(&c->raw, p, n);
	c->open = 1;
	if (n > 0 && p[n - 1] == '\r') {
		cr = 1;
		n--;
	}
	for (i = 0; i < n; i++) {
		switch (c->st) {
		case ST_FIELD:
			if (p[i] == '"') {
				c->st = ST_QUOTED;
				break;
			}
			c->st = ST_PLAIN;
			/* FALLTHROUGH */
		case ST_PLAIN:
			q = memchr(p + i, ',', n - i);
			run = (q ? (size_t)(q - p) : n) - i;
			buf_add(&c->data, p + i, run);
			i += run;
			if (q != NULL) {
				end_field(c);
				c->st = ST_FIELD;
			}
			break;
		case ST_QUOTED:
			q = memchr(p + i, '"', n - i);
			run = (q ? (size_t)(q - p) : n) - i;
			buf_add(&c->data, p + i, run);
			i += run;
			if (q != NULL)
				c->st = ST_QUOTE;
			break;
		case ST_QUOTE:
			if (p[i] == '"') {
				buf_addc(&c->data, '"');
				c->st = ST_QUOTED;
			} else if (p[i] == ',') {
				end_field(c);
				c->st = ST_FIELD;
			} else {
				snprintf(c->err, sizeof(c->err), "field %zu: "
				    "text after the closing quote",
				    c->nfields + 1);
				c->open = 0;
				return CSV_ERROR;
			}
			break;
		}
	}
	if (c->st == ST_QUOTED) {
		if (cr)
			buf_addc(&c->data, '\r');
		buf_addc(&c->data, '\n');
		return CSV_MORE;
	}
	end_field(c);
	c->open = 0;
	return CSV_RECORD;
}

int
csv_end(struct csv *c)
{
	int rc = CSV_NONE;

	if (c->open && !c->discard) {
		snprintf(c->err, sizeof(c->err), "field %zu: unterminated "
		    "quote at the end of the input", c->nfields + 1);
		rc = CSV_ERROR;
	}
	c->open = 0;
	c->discard = 0;
	c->st = ST_FIELD;
	return rc;
}

int
csv_busy(const struct csv *c)
{
	return c->open;
}

int
csv_skipping(const struct csv *c)
{
	return c->discard;
}

size_t
csv_nfields(const struct csv *c)
{
	return c->nfields;
}

const char *
csv_field(const struct csv *c, size_t i, size_t *len)
{
	*len = c->fields[i].len;
	return c->data.s + c->fields[i].off;
}

const char *
csv_raw(const struct csv *c, size_t *len)
{
	*len = c->raw.len;
	return buf_str(&c->raw);
}

const char *
csv_error(const struct csv *c)
{
	return c->err;
}
