/*
 * test-fold - fold.h: NFKC, full case folding, diacritics of Latin, Greek
 * and Cyrillic only, lumping, name keys, the ASCII short path agreeing with
 * the long one, appending to a buffer, cutting at a character boundary,
 * code points, and whole-word search.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "tap.h"

static void
folds(const char *in, int flags, const char *want, int changed)
{
	struct buf b = BUF_INIT;
	int r;

	r = fold(in, strlen(in), flags, &b);
	is_str(buf_str(&b), want, "fold %#x \"%s\"", (unsigned)flags, in);
	if (!ok(r == changed, "fold %#x \"%s\" says %d", (unsigned)flags, in,
	    changed))
		printf("#   said %d\n", r);
	buf_free(&b);
}

static void
keyed(const char *in, size_t cap, const char *want)
{
	char out[64];
	size_t n;

	n = fold_into(in, strlen(in), FOLD_NFKC | FOLD_CASE | FOLD_KEY, out,
	    cap);
	ok(n <= cap, "fold_into stays within %zu", cap);
	out[n] = '\0';
	is_str(out, want, "fold_into \"%s\" cap %zu", in, cap);
}

static void
word(const char *s, const char *w, size_t want)
{
	size_t at = fold_find_word(s, strlen(s), w, strlen(w), 0);

	if (!ok(at == want, "find word \"%s\" in \"%s\"", w, s))
		printf("#   got %zd, want %zd\n", (ssize_t)at, (ssize_t)want);
}

int
main(void)
{
	struct buf b = BUF_INIT;
	int32_t *cp = NULL, f[4];
	size_t acp = 0, n, i;
	char *big;

	/* NFKC alone keeps case and diacritics. */
	folds("\xef\xac\x81ne", FOLD_NFKC, "fine", 1);	/* U+FB01 ligature */
	folds("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", FOLD_NFKC, "ABC", 1);
	folds("Caf\xc3\xa9", FOLD_NFKC, "Caf\xc3\xa9", 0);
	folds("Cafe\xcc\x81", FOLD_NFKC, "Caf\xc3\xa9", 1);	/* composed */
	folds("\xe2\x91\xa0", FOLD_NFKC, "1", 1);		/* circled 1 */
	folds("plain ascii", FOLD_NFKC, "plain ascii", 0);
	/* Full case folding. */
	folds("Stra\xc3\x9f" "e", FOLD_CASE, "strasse", 1);
	folds("STRASSE", FOLD_CASE, "strasse", 1);
	folds("\xce\xa3\xce\x91\xce\xa3", FOLD_CASE,
	    "\xcf\x83\xce\xb1\xcf\x83", 1);			/* ΣΑΣ */
	folds("\xd0\x9f\xd0\xa0\xd0\x98\xd0\x92\xd0\x95\xd0\xa2", FOLD_CASE,
	    "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", 1);	/* ПРИВЕТ */
	folds("already lower", FOLD_CASE, "already lower", 0);
	/* Diacritics: Latin, Greek, Cyrillic; not Devanagari or Arabic. */
	folds("tr\xc3\xa8s bien", FOLD_STRIP, "tres bien", 1);
	folds("\xc5\x81\xc3\xb3" "d\xc5\xba", FOLD_MATCH, "\xc5\x82odz", 1);
	folds("\xd0\xb9\xd1\x91", FOLD_STRIP, "\xd0\xb8\xd0\xb5", 1);	/* йё */
	folds("\xce\xac", FOLD_STRIP, "\xce\xb1", 1);			/* ά */
	folds("\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82", FOLD_MATCH,
	    "\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82", 0);		/* हिं */
	folds("\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e", FOLD_MATCH,
	    "\xd9\x83\xd9\x8e\xd8\xaa\xd9\x8e\xd8\xa8\xd9\x8e", 0);	/* كَتَبَ */
	folds("Vi\xe1\xbb\x87t", FOLD_MATCH, "viet", 1);	/* Việt */
	folds("na\xc3\xafve CAF\xc3\x89", FOLD_MATCH, "naive cafe", 1);
	/* Lumping: curly quotes, dashes, no-break space, soft hyphen. */
	folds("don\xe2\x80\x99t \xe2\x80\x93 ok", FOLD_LUMP, "don't - ok", 1);
	folds("a\xc2\xa0" "b", FOLD_LUMP, "a b", 1);
	folds("co\xc2\xad" "op", FOLD_LUMP, "coop", 1);
	/* Keys: letters and digits only. */
	folds("Sky-Lark 24/7", FOLD_CASE | FOLD_KEY, "skylark247", 1);
	folds("\xef\xbc\xb3\xef\xbc\xab\xef\xbc\xb9 l\xc3\xa0rk",
	    FOLD_NFKC | FOLD_CASE | FOLD_KEY, "skylark", 1);
	keyed("Sky-Lark", 64, "skylark");
	keyed("\xc5\x81\xc3\xb3" "d\xc5\xba", 64, "\xc5\x82odz");
	/* Cut at a character boundary: "ł" is 2 bytes. */
	keyed("\xc5\x81\xc3\xb3" "d\xc5\xba", 3, "\xc5\x82o");
	keyed("\xc5\x81\xc3\xb3" "d\xc5\xba", 1, "");
	keyed("Sky-Lark", 3, "sky");
	/* Invalid UTF-8: -1 and nothing appended. */
	buf_adds(&b, "kept");
	ok(fold("a\xff" "b\xc3", 4, FOLD_MATCH, &b) == -1 &&
	    strcmp(buf_str(&b), "kept") == 0, "invalid UTF-8: -1, nothing added");
	/* Appends after what the buffer holds, also when it must grow. */
	ok(fold(" \xc3\x89T\xc3\x89", 7, FOLD_MATCH, &b) == 1 &&
	    strcmp(buf_str(&b), "kept ete") == 0, "appends to the buffer");
	big = malloc(30001);
	for (i = 0; i < 10000; i++)
		memcpy(big + 3 * i, "\xc3\x89" "A", 3);
	big[30000] = '\0';
	buf_reset(&b);
	buf_adds(&b, "x");
	fold(big, 30000, FOLD_MATCH, &b);
	for (i = 1; i < b.len && b.s[i] == (i % 2 ? 'e' : 'a'); i++)
		continue;
	ok(b.len == 20001 && i == b.len, "a long text folds whole (%zu)",
	    b.len);
	free(big);
	buf_free(&b);
	/* Code points. */
	n = fold_u32("\xc3\x89t\xc3\xa9 \xef\xac\x81", 9, FOLD_MATCH, &cp,
	    &acp);
	ok(n == 6 && cp[0] == 'e' && cp[1] == 't' && cp[2] == 'e' &&
	    cp[4] == 'f' && cp[5] == 'i', "fold_u32: code points");
	ok(fold_u32("\xff", 1, FOLD_MATCH, &cp, &acp) == 0,
	    "fold_u32: 0 for invalid UTF-8");
	free(cp);
	/* One code point at a time. */
	ok(fold_cp('Q', f) == 1 && f[0] == 'q', "fold_cp ASCII");
	ok(fold_cp(0xdf, f) == 2 && f[0] == 's' && f[1] == 's',
	    "fold_cp sharp s");
	ok(fold_cp(0x410, f) == 1 && f[0] == 0x430, "fold_cp Cyrillic A");
	ok(fold_cp(0x1e9e, f) == 2 && f[0] == 's', "fold_cp capital sharp s");
	ok(fold_cp(0x4e2d, f) == 1 && f[0] == 0x4e2d, "fold_cp Han is itself");
	/* The quick looks agree with folding. */
	ok(fold_nfkc_quick("plain \xd0\xbf\xe4\xb8\xad \xf0\x9f\x98\x80", 16),
	    "quick NFKC: Latin, Cyrillic, Han, emoji");
	ok(!fold_nfkc_quick("\xef\xac\x81", 3), "quick NFKC: not a ligature");
	ok(!fold_nfkc_quick("e\xcc\x81", 3), "quick NFKC: not a combining mark");
	ok(fold_may_strip("caf\xc3\xa9", 5), "may strip: é");
	ok(fold_may_strip("Vi\xe1\xbb\x87t", 6), "may strip: ệ");
	ok(!fold_may_strip("\xd0\xbf\xd1\x80\xd0\xb8", 6), "may not strip: при");
	ok(!fold_may_strip("\xc5\x82" "adny", 6), "may not strip: ł");
	/* Whole words. */
	word("still not working", "not working", 6);
	word("nothing works", "not", (size_t)-1);
	word("cannot, not now", "not", 8);
	word("not", "not", 0);
	word("it's broken!", "broken", 5);
	word("unbroken", "broken", (size_t)-1);
	word("caf\xc3\xa9s", "caf", (size_t)-1);
	word("\xe4\xb8\x8d\xe5\xa5\xbd\xe5\x90\x83", "\xe5\xa5\xbd", 3);
	word("x", "", (size_t)-1);
	ok(fold_find_word("no no no", 8, "no", 2, 1) == 3,
	    "find word from an offset");
	return tap_done();
}
