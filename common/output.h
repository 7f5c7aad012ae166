/*
 * output.h - where records go: standard output or a file, optionally
 * gzip-compressed, optionally flushed after each record.
 *
 * Every write error is fatal: the program says what failed and exits 2, so
 * "sc-route >/dev/full" fails loudly.  A closed pipe (EPIPE) ends the
 * program quietly with the status it has so far (output_set_status).
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stddef.h>
#include <jansson.h>

enum {
	OUTPUT_TRUNC = 0,	/* -o FILE replaces FILE */
	OUTPUT_APPEND = 1	/* -o FILE appends to FILE */
};

struct output;

/* path NULL or "-": standard output. */
struct output	*output_open(const char *path, int gzip, int unbuffered,
		    int mode);
/* One compact JSON object and a newline (see jsonw.h for the form). */
void		 output_json(struct output *o, const json_t *j);
/* Raw bytes; "end of record" is the caller's newline. */
void		 output_write(struct output *o, const void *p, size_t n);
void		 output_puts(struct output *o, const char *s);
/* After a record: flushes when unbuffered. */
void		 output_end_record(struct output *o);
void		 output_flush(struct output *o);
/* The status main would return now, used if a closed pipe ends the run. */
void		 output_set_status(int status);
/* Flush, close, and die on any error. */
void		 output_close(struct output *o);
/*
 * Close the output opened last, if it is still open: for an early exit
 * (--strict) that must not lose what was written, a gzip trailer say.
 */
void		 output_close_last(void);

#endif
