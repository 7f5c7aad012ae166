/*
 * fold.c - text folded for matching; see fold.h.
 *
 * Every form goes through one pass: utf8proc decomposes (with the
 * compatibility mappings, case folding and lumping the flags ask for),
 * a loop drops the marks and characters FOLD_STRIP and FOLD_KEY do not
 * keep, and utf8proc composes again.  ASCII text, which none of that
 * changes but for case, takes a short path.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "utf8.h"
#include "xmem.h"

/*
 * Letters whose marks are diacritics: Latin, Greek, Cyrillic (with their
 * extended blocks).
 */
static int
strips_marks(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= 0xc0 && c < 0x250) || (c >= 0x370 && c < 0x530) ||
	    (c >= 0x1e00 && c < 0x2000) || (c >= 0x2c60 && c < 0x2c80) ||
	    (c >= 0xa720 && c < 0xa800);
}

static int
is_key(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		return 1;
	default:
		return 0;
	}
}

/*
 * s[0..n) folded into cp[0..acp): the count of code points; more than
 * acp when cp is too small (call again with that room), -1 for invalid
 * UTF-8.
 */
static utf8proc_ssize_t
fold32(const char *s, size_t n, int flags, int32_t *cp, size_t acp)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
	utf8proc_ssize_t len, i, j;
	int32_t base = 0;

	if (n > (size_t)INT32_MAX)
		return -1;
	if (flags & FOLD_NFKC)
		opt |= UTF8PROC_COMPAT;
	if (flags & FOLD_CASE)
		opt |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_LUMP)
		opt |= UTF8PROC_LUMP | UTF8PROC_IGNORE;
	len = utf8proc_decompose((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, cp, (utf8proc_ssize_t)acp, opt);
	if (len < 0 || (size_t)len > acp)
		return len;
	if (flags & (FOLD_STRIP | FOLD_KEY)) {
		for (i = j = 0; i < len; i++) {
			if (flags & FOLD_KEY) {
				if (!is_key(cp[i]))
					continue;
			} else if (utf8proc_category(cp[i]) ==
			    UTF8PROC_CATEGORY_MN) {
				if (strips_marks(base))
					continue;
			} else
				base = cp[i];
			cp[j++] = cp[i];
		}
		len = j;
	}
	return utf8proc_normalize_utf32(cp, len, UTF8PROC_STABLE |
	    UTF8PROC_COMPOSE);
}

static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* The ASCII short path: lower case, and only [a-z0-9] for FOLD_KEY. */
static size_t
fold_ascii(const char *s, size_t n, int flags, char *out, size_t cap)
{
	size_t i, o = 0;
	int c;

	for (i = 0; i < n && o < cap; i++) {
		c = (unsigned char)s[i];
		if ((flags & FOLD_CASE) && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((flags & FOLD_KEY) && !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			continue;
		out[o++] = (char)c;
	}
	return o;
}

int
fold(const char *s, size_t n, int flags, struct buf *out)
{
	size_t start = out->len, room, pad, i, w;
	utf8proc_ssize_t len;
	int32_t *cp;

	if (is_ascii(s, n)) {
		buf_grow(out, n);
		out->len += fold_ascii(s, n, flags, out->s + start, n);
		out->s[out->len] = '\0';
	} else if (flags == FOLD_NFKC && fold_nfkc_quick(s, n)) {
		buf_add(out, s, n);
		return 0;
	} else {
		/*
		 * The code points go in out's spare room, 4-byte aligned;
		 * their UTF-8 is written over them from the front (never
		 * ahead of what is still to be read) and moved to start.
		 */
		room = n + 16;
		for (;;) {
			buf_grow(out, 3 + room * sizeof(int32_t));
			pad = (size_t)(-(uintptr_t)(out->s + start) & 3);
			cp = (int32_t *)(void *)(out->s + start + pad);
			len = fold32(s, n, flags, cp, room);
			if (len < 0) {
				out->s[start] = '\0';
				return -1;
			}
			if ((size_t)len <= room)
				break;
			room = (size_t)len;
		}
		for (i = w = 0; i < (size_t)len; i++) {
			int32_t c = cp[i];

			w += utf8_encode(c, out->s + start + pad + w);
		}
		memmove(out->s + start, out->s + start + pad, w);
		out->len = start + w;
		out->s[out->len] = '\0';
	}
	return out->len - start != n || memcmp(out->s + start, s, n) != 0;
}

size_t
fold_into(const char *s, size_t n, int flags, char *out, size_t cap)
{
	static struct buf scratch;	/* grows to the longest text */

	if (is_ascii(s, n))
		return fold_ascii(s, n, flags, out, cap);
	buf_reset(&scratch);
	if (fold(s, n, flags, &scratch) < 0)
		return 0;
	n = utf8_prefix(scratch.s, scratch.len, cap);
	memcpy(out, scratch.s, n);
	return n;
}

size_t
fold_u32(const char *s, size_t n, int flags, int32_t **cp, size_t *acp)
{
	utf8proc_ssize_t len;

	for (;;) {
		len = fold32(s, n, flags, *cp, *acp);
		if (len < 0)
			return 0;
		if ((size_t)len <= *acp)
			return (size_t)len;
		free(*cp);
		*acp = (size_t)len + 64;
		*cp = xreallocarray(NULL, *acp, sizeof(**cp));
	}
}

/*
 * Case folding of U+0000..U+07FF (Latin, Greek, Cyrillic, ...), asked of
 * utf8proc once: the letter folded to, or -1 when it folds to several.
 */
#define FOLD_CACHED	0x800
static int32_t fold1[FOLD_CACHED];
static int fold_ready;

static void
fold_init(void)
{
	utf8proc_int32_t f[4];
	utf8proc_ssize_t n;
	int32_t c;
	int lb = 0;

	for (c = 0; c < FOLD_CACHED; c++) {
		n = utf8proc_decompose_char(c, f, 4, UTF8PROC_CASEFOLD, &lb);
		fold1[c] = n == 1 ? f[0] : n < 1 ? c : -1;
	}
	fold_ready = 1;
}

int
fold_cp(int32_t c, int32_t *f)
{
	utf8proc_int32_t g[4];
	utf8proc_ssize_t n, i;
	int lb = 0;

	if (c < 0x80) {
		f[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
		return 1;
	}
	if (c < FOLD_CACHED) {
		if (!fold_ready)
			fold_init();
		if (fold1[c] >= 0) {
			f[0] = fold1[c];
			return 1;
		}
	}
	/* Full folding gives at most three code points. */
	n = utf8proc_decompose_char(c, g, 4, UTF8PROC_CASEFOLD, &lb);
	if (n < 1 || n > 3) {
		f[0] = c;
		return 1;
	}
	for (i = 0; i < n; i++)
		f[i] = g[i];
	return (int)n;
}

int
fold_nfkc_quick(const char *s, size_t n)
{
	const utf8proc_property_t *pr;
	const char *p = s, *e = s + n;
	int32_t c;

	while (p < e) {
		if ((unsigned char)*p < 0x80) {
			uint64_t x;

			/* ASCII, eight bytes at a time. */
			while (e - p >= 8) {
				memcpy(&x, p, 8);
				if (BYTES_HIGH(x))
					break;
				p += 8;
			}
			if (p < e && (unsigned char)*p < 0x80)
				p++;
			continue;
		}
		/*
		 * Indic vowel signs and Hangul jamo compose although their
		 * class is 0; outside the BMP only emoji are known safe.
		 */
		if ((c = utf8_decode(&p, e)) < 0 ||
		    (c >= 0x900 && c < 0x1c00) ||
		    (c >= 0x10000 && (c < 0x1f000 || c >= 0x1fb00)))
			return 0;
		pr = utf8proc_get_property(c);
		if (pr->combining_class != 0)
			return 0;
		/* Precomposed Latin and Cyrillic letters are their own NFC. */
		if (pr->decomp_seqindex != UINT16_MAX && (pr->decomp_type != 0 ||
		    pr->comp_exclusion || !((c >= 0xc0 && c < 0x370) ||
		    (c >= 0x400 && c < 0x500) || (c >= 0x1e00 && c < 0x1f00))))
			return 0;
	}
	return 1;
}

/*
 * Which letters of U+00C0..U+04FF have a mark to strip, found by asking
 * utf8proc once: most Cyrillic letters, say, have none, and looking that
 * up is much cheaper than decomposing every word.
 */
#define STRIP_LO	0xc0
#define STRIP_HI	0x500
static unsigned char strip_map[(STRIP_HI - STRIP_LO + 7) / 8];
static int strip_ready;

static void
strip_init(void)
{
	utf8proc_int32_t d[4];
	utf8proc_ssize_t nd, i;
	int32_t c;
	int lb = 0;

	for (c = STRIP_LO; c < STRIP_HI; c++) {
		nd = utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, &lb);
		for (i = 1; i < nd && i < 4; i++)
			if (utf8proc_category(d[i]) == UTF8PROC_CATEGORY_MN)
				strip_map[(c - STRIP_LO) / 8] |=
				    (unsigned char)(1 << ((c - STRIP_LO) % 8));
	}
	strip_ready = 1;
}

int
fold_may_strip(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;
	int32_t c;

	if (!strip_ready)
		strip_init();
	for (i = 0; i < n; i++) {
		if (p[i] < 0xc3)
			continue;
		if (i + 1 < n) {
			/*
			 * Combining marks U+1AB0.., U+1DC0.., Latin Extended
			 * Additional and Greek Extended; U+20D0..; U+FE20..
			 */
			if (p[i] == 0xe1 && (p[i + 1] == 0xaa ||
			    p[i + 1] == 0xab || p[i + 1] >= 0xb7))
				return 1;
			if ((p[i] == 0xe2 && p[i + 1] == 0x83) ||
			    (p[i] == 0xef && p[i + 1] == 0xb8))
				return 1;
		}
		if (p[i] > 0xd3 || i + 1 >= n)
			continue;
		c = (int32_t)((p[i] & 0x1f) << 6 | (p[i + 1] & 0x3f));
		if (c >= STRIP_LO && c < STRIP_HI &&
		    (strip_map[(c - STRIP_LO) / 8] & (1 << ((c - STRIP_LO) % 8))))
			return 1;
		if (c >= 0x300 && c <= 0x36f)
			return 1;
	}
	return 0;
}

int
fold_is_wordch(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Han and kana, written without spaces between words. */
static int
unspaced(int32_t c)
{
	return (c >= 0x3040 && c < 0x3100) || (c >= 0x31f0 && c < 0x3200) ||
	    (c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000) ||
	    (c >= 0xf900 && c < 0xfb00) || (c >= 0x20000 && c < 0x30000);
}

/* May c (outside the match) and e (its edge inside) be apart? */
static int
boundary(int32_t c, int32_t e)
{
	return c < 0 || !fold_is_wordch(c) || !fold_is_wordch(e) ||
	    unspaced(c) || unspaced(e);
}

size_t
fold_find_word(const char *s, size_t n, const char *w, size_t m,
    size_t from)
{
	const char *p, *q, *end = s + n;
	int32_t first, last, c;
	size_t i;

	if (m == 0 || m > n)
		return (size_t)-1;
	q = w;
	first = utf8_decode(&q, w + m);
	for (i = m - 1; i > 0 && ((unsigned char)w[i] & 0xc0) == 0x80; i--)
		continue;
	q = w + i;
	last = utf8_decode(&q, w + m);
	for (i = from; i + m <= n; i++) {
		if (s[i] != w[0] || memcmp(s + i, w, m) != 0)
			continue;
		if (i > 0) {
			size_t k = i - 1;

			while (k > 0 && i - k < 4 &&
			    ((unsigned char)s[k] & 0xc0) == 0x80)
				k--;
			p = s + k;
			c = utf8_decode(&p, end);
			if (!boundary(c, first))
				continue;
		}
		if (i + m < n) {
			p = s + i + m;
			c = utf8_decode(&p, end);
			if (!boundary(c, last))
				continue;
		}
		return i;
	}
	return (size_t)-1;
}
