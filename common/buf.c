#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "sc.h"
#include "xmem.h"

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - b->len - 1)
		die(SC_EXIT_FATAL, "out of memory");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
buf_add_csv(struct buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
buf_detach(struct buf *b)
{
	char *s;

	s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
buf_str(const struct buf *b)
{
	return b->s ? b->s : "";
}

int
buf_readfile_max(struct buf *b, const char *path, size_t max)
{
	struct stat st;
	FILE *fp;
	size_t n, got = 0, want;
	int saved;

	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		errno = EISDIR;
		return -1;
	}
	do {
		/* One byte past max tells "exactly max" from "more". */
		want = max - got + 1 < 8192 ? max - got + 1 : 8192;
		buf_grow(b, want);
		n = fread(b->s + b->len, 1, want, fp);
		got += n;
		if (got > max) {
			b->s[b->len + n - 1] = '\0';
			b->len += n - 1;
			fclose(fp);
			errno = EFBIG;
			return -1;
		}
		b->len += n;
		b->s[b->len] = '\0';
	} while (n > 0);
	if (ferror(fp)) {
		saved = errno;
		fclose(fp);
		errno = saved;
		return -1;
	}
	fclose(fp);
	return 0;
}

int
buf_readfile(struct buf *b, const char *path)
{
	return buf_readfile_max(b, path, SC_FILE_MAX);
}

/* "64 MiB", "1 KiB", "100 bytes": a limit in words. */
static void
size_words(char *s, size_t n, size_t v)
{
	if (v >= 1024 * 1024 && v % (1024 * 1024) == 0)
		snprintf(s, n, "%zu MiB", v / (1024 * 1024));
	else if (v >= 1024 && v % 1024 == 0)
		snprintf(s, n, "%zu KiB", v / 1024);
	else
		snprintf(s, n, "%zu bytes", v);
}

char *
xslurp_max(const char *path, size_t max, size_t *len)
{
	struct buf b = BUF_INIT;
	char lim[64];

	if (buf_readfile_max(&b, path, max) == -1) {
		buf_free(&b);
		if (errno == EFBIG) {
			size_words(lim, sizeof(lim), max);
			die(SC_EXIT_FATAL, "%s: larger than %s", path, lim);
		}
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	}
	*len = b.len;
	return buf_detach(&b);
}

char *
xslurp(const char *path, size_t *len)
{
	return xslurp_max(path, SC_FILE_MAX, len);
}
