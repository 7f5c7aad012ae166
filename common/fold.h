/*
 * fold.h - text folded for matching: one definition of "the same words"
 * for every program that compares what people typed with a list.
 *
 * fold() writes s[0..n) (UTF-8) in the forms the flags ask for, one
 * after the other, all by utf8proc:
 *
 *   FOLD_NFKC   compatibility normalization, NFKC: "ﬁ" -> "fi", full-width
 *               "ＡＢＣ" -> "ABC", "①" -> "1", precomposed letters kept
 *   FOLD_CASE   full case folding (Unicode CaseFolding.txt, C+F):
 *               "Straße" and "STRASSE" -> "strasse", "ΣΑΣ" -> "σασ"
 *   FOLD_STRIP  diacritics dropped, but only from Latin, Greek and Cyrillic
 *               letters: the nonspacing marks that follow such a letter
 *               once decomposed ("é" -> "e", "Łódź" -> "łodz", "й" ->
 *               "и"); elsewhere (Devanagari, Arabic, Hebrew, kana) marks
 *               write vowels or voicing and stay
 *   FOLD_LUMP   punctuation and spaces to their ASCII look-alikes (curly
 *               quotes, dashes, no-break space) and default-ignorable
 *               characters (soft hyphen, zero-width joiner) dropped
 *   FOLD_KEY    letters and digits only, all else dropped: "Sky-Lark" ->
 *               "skylark" with FOLD_CASE (names, handles, hashtags)
 *
 * FOLD_MATCH (NFKC, case, diacritics) is the usual choice for matching a
 * term against a text: fold both alike, then compare bytes, or look for
 * whole words with fold_find_word().  The result is always composed
 * (NFC) and valid UTF-8.
 *
 * Memory: fold() appends to a caller's struct buf (buf.h) and uses the
 * buffer's spare room as its scratch, so it keeps no state and is safe to
 * call from anywhere; a buffer reused from call to call grows to the
 * longest text and stays there.  fold_into() writes to a caller's fixed
 * array.  fold_u32() hands back code points in a caller-owned array it
 * grows.  No function here keeps a pointer to its input.
 *
 * Text in ASCII takes a short path (no utf8proc): what these flags do to
 * ASCII is lower-casing and, for FOLD_KEY, dropping non-alphanumerics.
 */
#ifndef FOLD_H
#define FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum {
	FOLD_NFKC = 1 << 0,
	FOLD_CASE = 1 << 1,
	FOLD_STRIP = 1 << 2,
	FOLD_LUMP = 1 << 3,
	FOLD_KEY = 1 << 4
};
#define FOLD_MATCH	(FOLD_NFKC | FOLD_CASE | FOLD_STRIP)

/*
 * Append s[0..n) folded as flags say to out.  1 when the folded text
 * differs from s, 0 when it is the same bytes, -1 when s is not valid
 * UTF-8 (nothing appended).
 */
int	fold(const char *s, size_t n, int flags, struct buf *out);
/*
 * The same into out[0..cap): the length written, cut at a character
 * boundary when the folded text is longer; 0 for invalid UTF-8.
 */
size_t	fold_into(const char *s, size_t n, int flags, char *out, size_t cap);
/*
 * The same as code points in *cp (grown with xmem; *acp its room, both
 * zero at first, freed by the caller); their count, 0 for invalid UTF-8.
 */
size_t	fold_u32(const char *s, size_t n, int flags, int32_t **cp,
	    size_t *acp);

/*
 * The full case folding of one code point into f (room for 3 or more);
 * the count, at least 1 (a code point without folding is itself).
 * Cached for U+0000..U+07FF, the hot path of a tokenizer.
 */
int	fold_cp(int32_t c, int32_t *f);
/*
 * Is s[0..n) surely unchanged by FOLD_NFKC?  A table look-up a character,
 * far cheaper than folding: most posts in Latin, Cyrillic, Chinese or
 * Arabic letters with emoji are.  0 means "perhaps not".
 */
int	fold_nfkc_quick(const char *s, size_t n);
/*
 * Might FOLD_STRIP change s[0..n)?  0 means surely not (no decomposable
 * Latin, Greek or Cyrillic letter, no combining diacritic): a quick look
 * before folding each word.
 */
int	fold_may_strip(const char *s, size_t n);

/* Letters, digits and marks make words (utf8proc categories L, N, M). */
int	fold_is_wordch(int32_t c);
/*
 * The first place at or after s + from where w[0..m) occurs in s[0..n)
 * as whole words: not glued to a letter, digit or mark on either side
 * (a Han or kana character next to it is a boundary: those scripts do
 * not space their words).  Its offset, or (size_t)-1.  Fold s and w
 * alike first; an empty w is never found.
 */
size_t	fold_find_word(const char *s, size_t n, const char *w, size_t m,
	    size_t from);

#endif
