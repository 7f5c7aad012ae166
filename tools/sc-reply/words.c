/*
 * words.c - text folded for comparison, and the digests of texts; see
 * reply.h.
 *
 * sc-classify's folding is being moved to common/fold.c; until sc-reply
 * can call it, this is the one place sc-reply folds, with utf8proc:
 * NFKC, full case folding, and combining marks dropped after canonical
 * decomposition.
 */
#include <stdlib.h>

#include <utf8proc.h>

#include "buf.h"
#include "reply.h"

void
words_fold(const char *s, size_t n, struct buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {
		/* ASCII folds to its lower case. */
		buf_grow(out, n);
		for (i = 0; i < n; i++)
			out->s[out->len + i] = s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 32) : s[i];
		out->len += n;
		out->s[out->len] = '\0';
		return;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (len < 0) {
		/* Not UTF-8: fold ASCII only. */
		for (i = 0; i < n; i++)
			buf_addc(out, s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] + 32 : s[i]);
		return;
	}
	buf_add(out, dst, (size_t)len);
	free(dst);
}

uint64_t
digest64(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t
body_digest(const char *s, size_t n)
{
	const char *e = s + n;
	uint64_t h;

	for (;;) {
		while (s < e && (*s == ' ' || *s == '\n'))
			s++;
		if (s == e || *s != '@')
			break;
		while (s < e && *s != ' ' && *s != '\n')
			s++;
	}
	h = digest64(s, (size_t)(e - s));
	return h != 0 ? h : 1;
}
