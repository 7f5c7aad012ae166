/*
 * words.c - text folded for comparison; see reply.h.
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
