/*
 * textlen.h - a text's length as the platforms count it.
 *
 * Every count is taken on the text's NFC form (utf8proc), as the
 * platforms normalize before they count.  A grapheme cluster is what
 * Unicode's extended grapheme cluster rules (UAX #29, as utf8proc
 * implements them) make one: "é" written e + U+0301, 👍🏽 (a skin tone),
 * 👨‍👩‍👧 (joined by ZWJ), 🇩🇪 (a flag pair), 1️⃣ (a keycap).
 *
 * X (twitter-text 3): an emoji cluster weighs 2; other code points weigh
 * 1 in U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and U+2032-U+2037, 2
 * elsewhere (CJK among them); every URL weighs 23, with a scheme
 * (https://...) or without one when its host ends in a known top-level
 * domain (bit.ly/x, example.com).  Mastodon: clusters, every http(s) URL
 * 23, a mention @user@domain counted as @user.  Bluesky: clusters.
 *
 * Text that is not UTF-8 is counted one code point (or bad byte) each.
 * Nothing here keeps state between calls; buffers are the caller's.
 */
#ifndef TEXTLEN_H
#define TEXTLEN_H

#include <stddef.h>

struct buf;

/* The NFC form of s[0..n) appended to out; 0, or -1 (copied as is)
 * when s is not UTF-8. */
int	textlen_nfc(const char *s, size_t n, struct buf *out);
/* Grapheme clusters in s[0..n). */
size_t	textlen_graphemes(const char *s, size_t n);
/* X's weighted length of s[0..n). */
size_t	textlen_x(const char *s, size_t n);
/* Mastodon's length of s[0..n). */
size_t	textlen_mastodon(const char *s, size_t n);
/*
 * Bytes of the URL starting at p, with or without a scheme, or 0; s is
 * where the text starts (a URL starts at a word boundary).
 */
size_t	textlen_url_at(const char *s, const char *p, const char *end);
/* The end of the grapheme cluster that starts at s[at] (n at the end). */
size_t	textlen_next_cluster(const char *s, size_t n, size_t at);

#endif
