/*
 * fuzz-input - the line reader (input.h) over arbitrary file contents,
 * plain or gzip, with a line limit taken from the input.  The first two
 * bytes choose the limit, the third whether the file is read twice (two
 * operands); the rest is the file.
 *
 * For a plain file there is an exact oracle: the lines handed out, and the
 * bytes of the overlong ones handed to the spill callback, each with its
 * newline, are the file again; no line is over the limit and none that is
 * skipped is within it; line numbers count up from 1 in each file.  A
 * UTF-8 byte order mark opening a file is skipped (sc-post(5)): it is put
 * back before the first line when it was there.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "input.h"

#define BOM	"\xef\xbb\xbf"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct spilled {
	struct buf	 b;
	int		 ends;
};

static void
spill(const char *p, size_t n, void *ctx)
{
	struct spilled *s = ctx;

	if (p == NULL)
		s->ends++;
	else
		buf_add(&s->b, p, n);
}

/* An unlinked temporary file, reached by its /proc/self/fd name. */
static int fd = -1;
static char fdpath[64];

static void
setup(void)
{
	const char *t = getenv("TMPDIR");
	char tmpl[4096];

	snprintf(tmpl, sizeof(tmpl), "%s/fuzz-input.XXXXXX",
	    t && *t ? t : "/tmp");
	if ((fd = mkstemp(tmpl)) == -1)
		abort();
	unlink(tmpl);
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf got = BUF_INIT, want = BUF_INIT;
	struct spilled sp = { BUF_INIT, 0 };
	struct input *in;
	char *files[2];
	const char *line, *body;
	size_t maxline, len, blen;
	unsigned long expect = 0;
	int rc, twice, plain, k;

	if (size < 3 || size > (1 << 20))
		return 0;
	if (fd == -1)
		setup();
	maxline = 1 + ((size_t)data[0] | (size_t)data[1] << 8) % 600000;
	twice = data[2] & 1;
	body = (const char *)data + 3;
	blen = size - 3;
	if (ftruncate(fd, 0) == -1 ||
	    pwrite(fd, body, blen, 0) != (ssize_t)blen)
		abort();
	plain = blen < 2 || (unsigned char)body[0] != 0x1f ||
	    (unsigned char)body[1] != 0x8b;

	files[0] = files[1] = fdpath;
	in = input_open(files, twice ? 2 : 1, maxline);
	input_set_spill(in, spill, &sp);
	while ((rc = input_next(in, &line, &len)) != INPUT_EOF) {
		if (rc == INPUT_ERROR) {
			if (plain)
				abort();
			continue;
		}
		if (plain) {
			/* Numbers restart at 1 for the second operand. */
			if (input_lineno(in) != expect + 1 &&
			    input_lineno(in) != 1)
				abort();
			expect = input_lineno(in);
		}
		if (rc == INPUT_LINE) {
			if (len > maxline || sp.b.len != 0 || sp.ends != 0)
				abort();
			/* The byte order mark the reader skipped. */
			if (plain && input_lineno(in) == 1 && blen >= 3 &&
			    memcmp(body, BOM, 3) == 0)
				buf_add(&got, BOM, 3);
			buf_add(&got, line, len);
		} else {
			if (sp.ends != 1 || sp.b.len <= maxline)
				abort();
			buf_add(&got, sp.b.s, sp.b.len);
			buf_reset(&sp.b);
			sp.ends = 0;
		}
		buf_addc(&got, '\n');
	}
	if (plain && input_failed(in))
		abort();
	input_close(in);

	if (plain) {
		for (k = 0; k < (twice ? 2 : 1); k++) {
			buf_add(&want, body, blen);
			if (blen > 0 && body[blen - 1] != '\n')
				buf_addc(&want, '\n');
		}
		if (got.len != want.len || (got.len &&
		    memcmp(got.s, want.s, got.len) != 0))
			abort();
	}
	buf_free(&got);
	buf_free(&want);
	buf_free(&sp.b);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
