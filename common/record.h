/*
 * record.h - sc-post(5) records in, the shared error policy, records out.
 *
 * A record reader wraps an input: it skips blank lines, parses each line
 * as JSON and hands out objects.  A line that is not a JSON object (or is
 * not UTF-8, or is too long) is rejected: reported as
 *
 *	sc-route: posts.ndjson:17: expected an object, got an array
 *
 * its raw bytes appended to the --rejects file when one is set, and the
 * run goes on; at the end the program exits 1.  With --strict the first
 * rejected record is fatal (exit 2) after what came before was written.
 * Programs reject records of their own (a field missing, a bad time) with
 * rec_reject(), which applies the same policy to the current line.
 *
 * rec_next() returns a new reference the caller must json_decref().
 * rec_open() first refuses (exit 2, see samefile.h) an -o or --rejects
 * file that is also one of the inputs, so call it before output_open().
 */
#ifndef RECORD_H
#define RECORD_H

#include <stdarg.h>
#include <stddef.h>
#include <jansson.h>

#include "buf.h"
#include "cli.h"
#include "output.h"

struct recin;

struct recin	*rec_open(const struct sc_common *c, char *const *files,
		    int nfiles);
/* Next object, or NULL at the end of all input. */
json_t		*rec_next(struct recin *r);
/*
 * For programs that read another format (CSV): the next raw line, with
 * overlong lines already rejected; 1, or 0 at the end of all input.
 */
int		 rec_next_raw(struct recin *r, const char **line, size_t *len);
/*
 * Make raw[0..len) starting at line lineno the current record, for a
 * record that spans several lines; rec_reject() then names that line and
 * keeps those bytes.  raw must stay valid until the next rec_reject().
 */
void		 rec_set_current(struct recin *r, const char *raw, size_t len,
		    unsigned long lineno);
/* Raw bytes of the current line (valid until the next rec_next). */
const char	*rec_line(const struct recin *r, size_t *len);
const char	*rec_name(const struct recin *r);
unsigned long	 rec_lineno(const struct recin *r);
/* Reject the current record for the reason given. */
void		 rec_reject(struct recin *r, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Warn about the current record without rejecting it. */
void		 rec_warn(struct recin *r, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
unsigned long	 rec_rejected(const struct recin *r);
/* SC_EXIT_OK, SC_EXIT_REJECT, or SC_EXIT_FATAL after a read error. */
int		 rec_status(const struct recin *r);
void		 rec_close(struct recin *r);

/*
 * A filter: read records, let fn change each in place, write it.  fn
 * returns 0 to write the record, -1 after it has called rec_reject(), 1
 * to leave it out without rejecting it.
 * The whole loop, output included; returns main's exit status.
 */
typedef int	(*rec_filter_fn)(struct recin *r, json_t *post, void *ctx);
int		 rec_filter(const struct sc_common *c, char *const *files,
		    int nfiles, rec_filter_fn fn, void *ctx);

/*
 * rec_filter() for a program that reads only the top-level members named
 * in want (a NULL-terminated list) and sets only the member key.  A line
 * that jscan.h finds to be a plain object with at most REC_MEMBERS members
 * is not parsed whole: post holds just the wanted members it has, and the
 * line is written as it came with fn's value of key in place of the old
 * one (or added at the end).  Other lines, and lines the checker declines,
 * take rec_filter()'s path, so a bad line is rejected with the same
 * message either way.  fn must change nothing in post but key.
 * A name "a.b" in want asks for member b of the object a: post's a then
 * holds only the members so named (when jscan.h finds a plain; else, or
 * when a is no object, all of it).
 */
#define REC_MEMBERS	64
/*
 * rec_next() for a program that reads only the top-level members named in
 * want (NULL-terminated): a line that jscan.h finds plain is not parsed
 * whole, and the object returned holds just the wanted members it has;
 * other lines are parsed whole (and may hold more).  Bad lines are
 * rejected with rec_next()'s messages.
 */
json_t		*rec_next_keys(struct recin *r, const char *const *want);
int		 rec_filter_keys(const struct sc_common *c,
		    char *const *files, int nfiles, const char *const *want,
		    const char *key, rec_filter_fn fn, void *ctx);
/*
 * rec_filter_keys() for a program that can write key's value itself:
 * on a line taken apart by jscan.h, raw is called instead of fn; it
 * returns as fn does and, on 0, has appended to val the JSON text of the
 * value, which must be the bytes jsonw.h would write for the value fn
 * sets.  fn still serves the lines parsed whole.
 */
typedef int	(*rec_raw_fn)(struct recin *r, json_t *post, struct buf *val,
		    void *ctx);
int		 rec_filter_keys_raw(const struct sc_common *c,
		    char *const *files, int nfiles, const char *const *want,
		    const char *key, rec_filter_fn fn, rec_raw_fn raw,
		    void *ctx);

#endif
