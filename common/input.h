/*
 * input.h - lines from files or standard input, gzip read transparently.
 *
 * An input walks its operands in order ("-" or none: standard input) and
 * hands out one line at a time, without its newline (a trailing CR is kept;
 * callers that care strip it).  Lines may be of any length up to a limit;
 * a longer line is skipped whole and reported as INPUT_LONG so the caller
 * can reject it.  gzip members are detected by their magic bytes, so plain
 * and compressed files (and concatenations of gzip members) mix freely.
 *
 * The line pointer stays valid until the next input_next() call.  Names
 * and line numbers are for messages: "<stdin>" for standard input.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>

#define INPUT_MAXLINE_DEFAULT	(16UL * 1024 * 1024)

enum {
	INPUT_EOF = 0,		/* no more input */
	INPUT_LINE = 1,		/* *line, *len hold one line */
	INPUT_LONG = 2,		/* the line was over the limit and skipped */
	INPUT_ERROR = 3		/* read error (reported); the file is left */
};

struct input;

/* files[0..nfiles-1]; nfiles 0 means standard input.  Never NULL. */
struct input	*input_open(char *const *files, int nfiles, size_t maxline);
int		 input_next(struct input *in, const char **line, size_t *len);
const char	*input_name(const struct input *in);	/* current file */
unsigned long	 input_lineno(const struct input *in);	/* current line */
/* Any read error seen so far (each already reported). */
int		 input_failed(const struct input *in);
void		 input_close(struct input *in);
/*
 * fn receives the bytes of each overlong line as it is skipped, in pieces,
 * then (NULL, 0) at its end, so nothing need be lost.
 */
void		 input_set_spill(struct input *in,
		    void (*fn)(const char *p, size_t n, void *ctx), void *ctx);

#endif
