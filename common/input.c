/*
 * Lines are cut out of a large buffer filled from the file, through
 * inflate() when the file starts with the gzip magic bytes, so there is
 * one code path for both.  A line that spans a refill is moved to the
 * front of the buffer; the buffer grows up to the line limit, and a line
 * past it is skipped to its newline without being stored.
 *
 * The gzip decoding is ours, not zlib's gzread(): gzread() takes another
 * member after the first one, but drops anything else after the last
 * member without a word, and a file with plain lines appended to its gzip
 * data lost those lines with exit 0.  Here such data is an error naming
 * the file and the byte where it starts, as gzip -d has it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "input.h"
#include "sc.h"
#include "xmem.h"

#define CHUNK	(256 * 1024)
#define RAWCHUNK	(64 * 1024)

struct input {
	char *const	*files;
	int		 nfiles;
	int		 next;		/* index of the next operand */
	size_t		 maxline;
	int		 fd;		/* -1 between files */
	int		 started;	/* the first bytes were looked at */
	int		 gzip;		/* the current file is gzip */
	int		 member_end;	/* after a member's trailer */
	int		 zinit;		/* zs is initialised */
	z_stream	 zs;		/* next_in/avail_in: raw bytes unused */
	unsigned char	*raw;
	int		 raweof;	/* read() said end of file */
	unsigned long long rawpos;	/* bytes read from fd so far */
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
	in->raw = xmalloc(RAWCHUNK);
	in->fd = -1;
	in->name = nfiles > 0 ? files[0] : "<stdin>";
	return in;
}

static void
close_current(struct input *in)
{
	if (in->fd == -1)
		return;
	close(in->fd);
	in->fd = -1;
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
		in->fd = fd;
		in->started = in->gzip = in->member_end = in->raweof = 0;
		in->zs.avail_in = 0;
		in->rawpos = 0;
		return 1;
	}
}

/* read(2), again after a signal. */
static ssize_t
xread(int fd, void *p, size_t n)
{
	ssize_t r;

	while ((r = read(fd, p, n)) == -1 && errno == EINTR)
		;
	return r;
}

/*
 * At least want raw bytes unused (fewer only at end of file); 0, or -1
 * on a read error (errno set).
 */
static int
raw_need(struct input *in, size_t want)
{
	ssize_t r;

	while (in->zs.avail_in < want && !in->raweof) {
		if (in->zs.avail_in > 0)
			memmove(in->raw, in->zs.next_in, in->zs.avail_in);
		in->zs.next_in = in->raw;
		r = xread(in->fd, in->raw + in->zs.avail_in,
		    RAWCHUNK - in->zs.avail_in);
		if (r == -1)
			return -1;
		if (r == 0)
			in->raweof = 1;
		in->zs.avail_in += (uInt)r;
		in->rawpos += (unsigned long long)r;
	}
	return 0;
}

static int
is_magic(const struct input *in)
{
	return in->zs.avail_in >= 2 && in->zs.next_in[0] == 0x1f &&
	    in->zs.next_in[1] == 0x8b;
}

/* The file ends in an error (reported here); what is buffered is cut. */
static int
read_failed(struct input *in, const char *what, const char *detail)
{
	warnat(in->name, in->lineno + 1, "%s%s", what, detail);
	in->failed = 1;
	in->readerr = 1;
	in->eof = 1;
	return 0;
}

/* Up to room decompressed bytes at dst; their number, 0 at the end. */
static int
fill_gzip(struct input *in, char *dst, size_t room, size_t *got)
{
	int rc;

	for (;;) {
		if (in->member_end) {
			/* Another member, the end, or data that is neither. */
			if (raw_need(in, 2) == -1)
				return read_failed(in, "read error: ",
				    strerror(errno));
			if (in->zs.avail_in == 0)
				return 0;
			if (!is_magic(in)) {
				warnat(in->name, 0, "data after the end of "
				    "the gzip stream, at byte %llu; not read",
				    in->rawpos - in->zs.avail_in);
				in->failed = 1;
				return 0;
			}
			if (inflateReset(&in->zs) != Z_OK)
				die(SC_EXIT_FATAL, "out of memory");
			in->member_end = 0;
		}
		if (in->zs.avail_in == 0 && raw_need(in, 1) == -1)
			return read_failed(in, "read error: ",
			    strerror(errno));
		if (in->zs.avail_in == 0)
			return read_failed(in, "unexpected end of compressed "
			    "data (truncated gzip file?)", "");
		in->zs.next_out = (unsigned char *)dst;
		in->zs.avail_out = (uInt)room;
		rc = inflate(&in->zs, Z_NO_FLUSH);
		*got = room - in->zs.avail_out;
		switch (rc) {
		case Z_STREAM_END:
			in->member_end = 1;
			break;
		case Z_OK:
			break;
		case Z_MEM_ERROR:
			die(SC_EXIT_FATAL, "out of memory");
		case Z_BUF_ERROR:
			/* No progress without more input: read some. */
			if (in->zs.avail_in == 0)
				break;
			/* FALLTHROUGH */
		default:
			*got = 0;
			return read_failed(in, "corrupt compressed data: ",
			    in->zs.msg != NULL ? in->zs.msg : "bad data");
		}
		if (*got > 0)
			return 1;
	}
}

/* Read more bytes after in->end; 0 at end of file or on error. */
static int
fill(struct input *in)
{
	size_t got = 0;
	ssize_t r;
	char *dst;

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
	dst = in->buf + in->end;
	if (!in->started) {
		in->started = 1;
		if (raw_need(in, 2) == -1)
			return read_failed(in, "read error: ",
			    strerror(errno));
		if ((in->gzip = is_magic(in))) {
			if (!in->zinit) {
				/* 16 + 15: gzip only, the largest window. */
				if (inflateInit2(&in->zs, 16 + 15) != Z_OK)
					die(SC_EXIT_FATAL, "out of memory");
				in->zinit = 1;
			} else if (inflateReset(&in->zs) != Z_OK)
				die(SC_EXIT_FATAL, "out of memory");
		}
	}
	if (in->gzip) {
		if (fill_gzip(in, dst, CHUNK, &got) == 0) {
			in->eof = 1;
			return 0;
		}
		in->end += got;
		return 1;
	}
	if (in->zs.avail_in > 0) {
		/* The bytes looked at for the magic. */
		got = in->zs.avail_in;
		memcpy(dst, in->zs.next_in, got);
		in->zs.avail_in = 0;
		in->end += got;
		return 1;
	}
	if ((r = xread(in->fd, dst, CHUNK)) == -1)
		return read_failed(in, "read error: ", strerror(errno));
	if (r == 0) {
		in->eof = 1;
		return 0;
	}
	in->end += (size_t)r;
	return 1;
}

/* A UTF-8 byte order mark opening a file is no part of its first line. */
static void
skip_bom(const struct input *in, const char **line, size_t *len)
{
	if (in->lineno == 1 && *len >= 3 && memcmp(*line, "\xef\xbb\xbf",
	    3) == 0) {
		*line += 3;
		*len -= 3;
	}
}

int
input_next(struct input *in, const char **line, size_t *len)
{
	char *nl;
	size_t scanned = 0, n;
	int toolong = 0;

	for (;;) {
		if (in->fd == -1) {
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
			skip_bom(in, line, len);
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
			skip_bom(in, line, len);
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
	if (in->zinit)
		inflateEnd(&in->zs);
	free(in->raw);
	free(in->buf);
	free(in);
}
