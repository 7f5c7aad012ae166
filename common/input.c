/*
 * Lines are cut out of a large buffer filled by gzread(), which passes
 * plain files through untouched, so there is one code path for both.
 * A line that spans a refill is moved to the front of the buffer; the
 * buffer grows up to the line limit, and a line past it is skipped to its
 * newline without being stored.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "input.h"
#include "xmem.h"

#define CHUNK	(256 * 1024)

struct input {
	char *const	*files;
	int		 nfiles;
	int		 next;		/* index of the next operand */
	size_t		 maxline;
	gzFile		 gz;		/* NULL between files */
	const char	*name;
	unsigned long	 lineno;
	int		 failed;
	int		 readerr;	/* the current file ended in an error */
	int		 eof;		/* current file fully read */
	char		*buf;
	size_t		 cap;
	size_t		 start;		/* first unconsumed byte */
	size_t		 end;		/* one past the last valid byte */
	void		(*spill)(const char *, size_t, void *);
	void		*spill_ctx;
};

void
input_set_spill(struct input *in, void (*fn)(const char *, size_t, void *),
    void *ctx)
{
	in->spill = fn;
	in->spill_ctx = ctx;
}

static void
spill(struct input *in, const char *p, size_t n)
{
	if (in->spill != NULL)
		in->spill(p, n, in->spill_ctx);
}

struct input *
input_open(char *const *files, int nfiles, size_t maxline)
{
	struct input *in;

	in = xcalloc(1, sizeof(*in));
	in->files = files;
	in->nfiles = nfiles;
	in->maxline = maxline ? maxline : INPUT_MAXLINE_DEFAULT;
	in->cap = CHUNK * 2;
	in->buf = xmalloc(in->cap);
	in->name = nfiles > 0 ? files[0] : "<stdin>";
	return in;
}

static void
close_current(struct input *in)
{
	int err;

	if (in->gz == NULL)
		return;
	err = gzclose(in->gz);
	in->gz = NULL;
	if (err != Z_OK && err != Z_BUF_ERROR && !in->failed) {
		warnat(in->name, 0, "read error");
		in->failed = 1;
	}
}

/* Open the next operand; 0 when there is none left. */
static int
open_next(struct input *in)
{
	const char *f;
	int fd;

	for (;;) {
		if (in->nfiles == 0 && in->next == 0)
			f = "-";
		else if (in->next < in->nfiles)
			f = in->files[in->next];
		else
			return 0;
		in->next++;
		in->lineno = 0;
		in->eof = 0;
		in->readerr = 0;
		in->start = in->end = 0;
		if (strcmp(f, "-") == 0) {
			in->name = "<stdin>";
			fd = dup(STDIN_FILENO);
		} else {
			in->name = f;
			fd = open(f, O_RDONLY);
		}
		if (fd == -1) {
			warnmsg("%s: %s", in->name, strerror(errno));
			in->failed = 1;
			if (in->nfiles == 0)
				return 0;
			continue;
		}
		if ((in->gz = gzdopen(fd, "rb")) == NULL) {
			close(fd);
			warnmsg("%s: out of memory", in->name);
			in->failed = 1;
			continue;
		}
		gzbuffer(in->gz, CHUNK);
		return 1;
	}
}

/* Read more bytes after in->end; 0 at end of file or on error. */
static int
fill(struct input *in)
{
	const char *msg;
	int n, errnum;

	if (in->start > 0 && in->start == in->end)
		in->start = in->end = 0;
	if (in->cap - in->end < CHUNK) {
		if (in->start > 0) {
			memmove(in->buf, in->buf + in->start,
			    in->end - in->start);
			in->end -= in->start;
			in->start = 0;
		}
		if (in->cap - in->end < CHUNK) {
			in->cap = in->end + CHUNK * 2;
			in->buf = xrealloc(in->buf, in->cap);
		}
	}
	n = gzread(in->gz, in->buf + in->end, CHUNK);
	if (n > 0) {
		in->end += (size_t)n;
		return 1;
	}
	msg = gzerror(in->gz, &errnum);
	if (n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END)) {
		if (errnum == Z_BUF_ERROR)
			warnat(in->name, in->lineno + 1,
			    "unexpected end of compressed data "
			    "(truncated gzip file?)");
		else if (errnum == Z_ERRNO)
			warnat(in->name, in->lineno + 1, "read error: %s",
			    strerror(errno));
		else
			warnat(in->name, in->lineno + 1,
			    "corrupt compressed data: %s", msg);
		in->failed = 1;
		in->readerr = 1;
	}
	in->eof = 1;
	return 0;
}

int
input_next(struct input *in, const char **line, size_t *len)
{
	char *nl;
	size_t scanned = 0, n;
	int toolong = 0;

	for (;;) {
		if (in->gz == NULL) {
			if (!open_next(in))
				return INPUT_EOF;
			scanned = 0;
		}
		nl = memchr(in->buf + in->start + scanned, '\n',
		    in->end - in->start - scanned);
		if (nl != NULL) {
			n = (size_t)(nl - (in->buf + in->start));
			in->lineno++;
			if (toolong || n > in->maxline) {
				spill(in, in->buf + in->start, n);
				spill(in, NULL, 0);
				in->start += n + 1;
				return INPUT_LONG;
			}
			*line = in->buf + in->start;
			*len = n;
			*nl = '\0';
			in->start += n + 1;
			return INPUT_LINE;
		}
		scanned = in->end - in->start;
		if (scanned > in->maxline) {
			/* Drop what we have of an overlong line. */
			spill(in, in->buf + in->start, scanned);
			toolong = 1;
			in->start = in->end = 0;
			scanned = 0;
		}
		if (in->eof || !fill(in)) {
			n = in->end - in->start;
			if (in->readerr && !toolong) {
				/* What is left was cut short: no line. */
				in->readerr = 0;
				in->start = in->end;
				return INPUT_ERROR;
			}
			if (n == 0 && !toolong) {
				close_current(in);
				continue;
			}
			/* A last line without a newline. */
			in->lineno++;
			if (toolong || n > in->maxline) {
				spill(in, in->buf + in->start, n);
				spill(in, NULL, 0);
				in->start = in->end;
				return INPUT_LONG;
			}
			if (in->end == in->cap)
				in->buf = xrealloc(in->buf, ++in->cap);
			in->buf[in->end] = '\0';
			*line = in->buf + in->start;
			*len = n;
			in->start = in->end;
			return INPUT_LINE;
		}
	}
}

const char *
input_name(const struct input *in)
{
	return in->name;
}

unsigned long
input_lineno(const struct input *in)
{
	return in->lineno;
}

int
input_failed(const struct input *in)
{
	return in->failed;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	close_current(in);
	free(in->buf);
	free(in);
}
