/*
 * csv.h - RFC 4180 records, fed one line at a time.
 *
 * A struct csv takes the lines of a CSV text in order, without their
 * newlines (as input.h hands them out), and says when a record is
 * complete.  A quoted field may hold commas, doubled quotes ("") and line
 * breaks, so one record may take several lines; csv_busy() tells that a
 * record is still open.  The record's raw bytes (its lines joined with
 * '\n', carriage returns kept) stay available for messages and --rejects.
 *
 * Every byte is looked at once and runs inside quotes are copied in one
 * go, so the work is linear in the input however many quotes or fields it
 * holds; memory is bounded by the record limit given to csv_new().
 *
 * Beyond RFC 4180: lines may end in LF or CRLF; a quote inside an
 * unquoted field is an ordinary character; blank lines between records
 * are skipped.  Errors: text after a closing quote (the record then ends
 * with its line), a record over the limit (the rest of it is skipped,
 * quotes still followed), and a quote still open at the end of the input
 * (csv_end()).
 *
 * Field pointers, the raw text and the error stay valid until the next
 * csv_feed(), csv_end() or csv_reset().  Fields are NUL-terminated, but
 * may hold NUL bytes of their own: use the length.
 */
#ifndef CSV_H
#define CSV_H

#include <stddef.h>

enum {
	CSV_NONE = 0,	/* nothing to report: a blank line, or the end of
			   a record already reported as too long */
	CSV_MORE,	/* the record goes on: feed the next line */
	CSV_RECORD,	/* a complete record: csv_nfields(), csv_field() */
	CSV_ERROR	/* a bad record: csv_error() says why */
};

struct csv;

/* maxrecord: the most raw bytes one record may take (0: no limit). */
struct csv	*csv_new(size_t maxrecord);
void		 csv_free(struct csv *c);
/* Forget any open record, e.g. at the start of another file. */
void		 csv_reset(struct csv *c);
/* One line without its newline; returns a CSV_ value. */
int		 csv_feed(struct csv *c, const char *line, size_t len);
/* At the end of the input: CSV_ERROR if a quote is still open. */
int		 csv_end(struct csv *c);
/* A record is open: the next line continues it. */
int		 csv_busy(const struct csv *c);
/* The open record is the rest of one already reported as too long. */
int		 csv_skipping(const struct csv *c);

size_t		 csv_nfields(const struct csv *c);
/* Field i (0-based, < csv_nfields()) and its length. */
const char	*csv_field(const struct csv *c, size_t i, size_t *len);
/* The raw bytes of the current (or last) record. */
const char	*csv_raw(const struct csv *c, size_t *len);
/* Why the last CSV_ERROR. */
const char	*csv_error(const struct csv *c);

#endif
