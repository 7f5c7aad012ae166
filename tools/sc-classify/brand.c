/*
 * brand.c - brand names in a post; see brand.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "brand.h"
#include "fold.h"
#include "text.h"
#include "xmem.h"

#define WINDOW	3		/* word tokens per window, at most */

static const char *const hows[] = {
	NULL, "misspelled", "name", "hashtag", "handle"
};

const char *
brand_how_name(int how)
{
	return hows[how];
}

void
brand_init(struct brand *b)
{
	memset(b, 0, sizeof(*b));
}

void
brand_free(struct brand *b)
{
	size_t i;

	for (i = 0; i < b->nname; i++)
		free(b->name[i].key);
	for (i = 0; i < b->nhandle; i++)
		free(b->handle[i]);
	free(b->name);
	free(b->handle);
}

size_t
brand_fold(const char *s, size_t n, char *out, size_t cap)
{
	return fold_into(s, n, FOLD_NFKC | FOLD_CASE | FOLD_KEY, out, cap);
}

int
brand_distance(const char *a, size_t na, const char *b, size_t nb, int k)
{
	/* Three rows of the table; cells outside the band are "far". */
	int r0[BRAND_FOLDMAX + 1], r1[BRAND_FOLDMAX + 1];
	int r2[BRAND_FOLDMAX + 1];
	int *pp = r0, *p = r1, *c = r2, *t;
	int far = k + 1, best, v;
	size_t i, j, lo, hi;

	if (na > BRAND_FOLDMAX || nb > BRAND_FOLDMAX ||
	    (na > nb ? na - nb : nb - na) > (size_t)k)
		return far;
	for (j = 0; j <= nb; j++)
		p[j] = pp[j] = j <= (size_t)k ? (int)j : far;
	for (i = 1; i <= na; i++) {
		lo = i > (size_t)k ? i - (size_t)k : 1;
		hi = i + (size_t)k < nb ? i + (size_t)k : nb;
		for (j = 0; j <= nb; j++)
			c[j] = far;
		c[0] = i <= (size_t)k ? (int)i : far;
		best = c[0];
		for (j = lo; j <= hi; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v > far ? far : v;
			if (c[j] < best)
				best = c[j];
		}
		if (best > k)
			return far;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[nb] > far ? far : p[nb];
}

void
brand_add_name(struct brand *b, struct text *scratch, const char *s)
{
	struct brandname *bn;
	size_t n = strlen(s), letters;

	text_tokenize(scratch, s, n);
	if (scratch->ntok == 0)
		return;
	b->name = xrealloc(b->name, (b->nname + 1) * sizeof(*b->name));
	bn = &b->name[b->nname++];
	bn->flen = brand_fold(s, n, bn->fold, sizeof(bn->fold));
	bn->ntok = (unsigned)scratch->ntok;
	bn->klen = scratch->tok[scratch->ntok - 1].off +
	    scratch->tok[scratch->ntok - 1].len - scratch->tok[0].off;
	bn->key = xmalloc(bn->klen + 1);
	memcpy(bn->key, text_tok(scratch, 0), bn->klen);
	bn->key[bn->klen] = '\0';
	/* Letters, not bytes: a code point of Cyrillic is two bytes. */
	letters = 0;
	for (n = 0; n < bn->flen; n++)
		if (((unsigned char)bn->fold[n] & 0xc0) != 0x80)
			letters++;
	bn->maxd = letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
}

void
brand_add_handle(struct brand *b, const char *s)
{
	char *h;
	size_t i;

	if (*s == '@')
		s++;
	h = xstrdup(s);
	for (i = 0; h[i] != '\0'; i++)
		if (h[i] >= 'A' && h[i] <= 'Z')
			h[i] += 'a' - 'A';
	b->handle = xrealloc(b->handle, (b->nhandle + 1) *
	    sizeof(*b->handle));
	b->handle[b->nhandle++] = h;
}

int
brand_is_handle(const struct brand *b, const char *h, size_t n)
{
	char f[BRAND_FOLDMAX];
	size_t i, fl;

	for (i = 0; i < b->nhandle; i++)
		if (strlen(b->handle[i]) == n &&
		    strncasecmp(b->handle[i], h, n) == 0)
			return 1;
	fl = brand_fold(h, n, f, sizeof(f));
	for (i = 0; i < b->nname; i++)
		if (fl == b->name[i].flen && b->name[i].flen > 0 &&
		    memcmp(f, b->name[i].fold, fl) == 0)
			return 1;
	return 0;
}

static int
is_word(const struct tok *k)
{
	return k->type == TOK_WORD || k->type == TOK_NUM;
}

int
brand_match(const struct brand *b, const struct text *t)
{
	char f[BRAND_FOLDMAX + 8];
	const struct brandname *bn;
	size_t i, j, end, nb, fl, words;
	int best = BRAND_NONE, d;

	for (i = 0; i < t->ntok; i++) {
		if (!is_word(&t->tok[i]))
			continue;
		for (nb = 0; nb < b->nname; nb++) {
			bn = &b->name[nb];
			if (t->tok[i].flags & TF_HASHTAG) {
				fl = brand_fold(text_tok(t, i), t->tok[i].len,
				    f, sizeof(f));
				if (fl == bn->flen &&
				    memcmp(f, bn->fold, fl) == 0)
					return BRAND_HASHTAG;
			}
			if (i + bn->ntok <= t->ntok) {
				end = t->tok[i + bn->ntok - 1].off +
				    t->tok[i + bn->ntok - 1].len;
				if (end - t->tok[i].off == bn->klen &&
				    memcmp(text_tok(t, i), bn->key,
				    bn->klen) == 0) {
					best = BRAND_NAME;
					continue;
				}
			}
			if (best >= BRAND_MISSPELLED)
				continue;
			/* Windows of up to WINDOW words from token i. */
			fl = 0;
			for (j = i, words = 0; j < t->ntok && words < WINDOW;
			    j++) {
				if (t->tok[j].type == TOK_PUNCT) {
					if (j == i || t->tok[j].len != 1 ||
					    !strchr("-._'&", *text_tok(t, j)))
						break;
					continue;
				}
				if (!is_word(&t->tok[j]))
					break;
				words++;
				fl += brand_fold(text_tok(t, j),
				    t->tok[j].len, f + fl, sizeof(f) - fl);
				if (fl > bn->flen + (size_t)bn->maxd)
					break;
				d = brand_distance(f, fl, bn->fold, bn->flen,
				    bn->maxd);
				/* Only diacritics apart: the name itself. */
				if (d == 0 && words == bn->ntok) {
					best = BRAND_NAME;
					break;
				}
				if (d <= bn->maxd) {
					best = BRAND_MISSPELLED;
					break;
				}
			}
		}
	}
	return best;
}
