/*
 * test-textlen - textlen.h: grapheme clusters after NFC (ZWJ sequences,
 * skin tones, flags, keycaps, combining marks, Hangul), X's weights (CJK,
 * emoji, punctuation ranges, URLs with and without a scheme) and
 * Mastodon's count (URLs, remote mentions).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "tap.h"
#include "textlen.h"

#define S(lit)	lit, sizeof(lit) - 1

#define FAMILY	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
		"\xf0\x9f\x91\xa7"			/* 👨‍👩‍👧 */
#define THUMB	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"	/* 👍🏽 */
#define FLAG_DE	"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"	/* 🇩🇪 */
#define KEYCAP	"1\xef\xb8\x8f\xe2\x83\xa3"		/* 1️⃣ */
#define HEART	"\xe2\x9d\xa4\xef\xb8\x8f"		/* ❤️ */
#define E_ACUTE	"e\xcc\x81"				/* e + U+0301 */

static void
x(const char *s, size_t want, const char *what)
{
	size_t got = textlen_x(s, strlen(s));

	if (!ok(got == want, "x %zu: %s", want, what))
		printf("#   got %zu\n", got);
}

static void
g(const char *s, size_t want, const char *what)
{
	size_t got = textlen_graphemes(s, strlen(s));

	if (!ok(got == want, "graphemes %zu: %s", want, what))
		printf("#   got %zu\n", got);
}

static void
m(const char *s, size_t want, const char *what)
{
	size_t got = textlen_mastodon(s, strlen(s));

	if (!ok(got == want, "mastodon %zu: %s", want, what))
		printf("#   got %zu\n", got);
}

int
main(void)
{
	struct buf b = BUF_INIT;
	char big[1024];
	size_t i;

	g("", 0, "empty");
	g("hello", 5, "ASCII");
	g(FAMILY, 1, "a ZWJ family is one cluster");
	g(THUMB, 1, "a skin tone joins its emoji");
	g(FLAG_DE FLAG_DE, 2, "two flags");
	g("\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa\xf0\x9f\x87\xab", 2,
	    "three regional indicators: a flag and one alone");
	g(KEYCAP, 1, "a keycap");
	g(E_ACUTE "t" E_ACUTE, 3, "combining marks");
	g("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 1, "Hangul jamo L V T");
	g("a\r\nb", 3, "CR LF is one");
	g("\xff\xfe", 2, "bad bytes count one each");

	x("", 0, "empty");
	x("hello", 5, "ASCII");
	x("caf\xc3\xa9", 4, "U+00E9");
	x("caf" E_ACUTE, 4, "e + U+0301 is NFC U+00E9");
	x("\xe1\x83\xbf", 1, "U+10FF");
	x("\xe1\x84\x80", 2, "U+1100");
	x("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6, "CJK weigh 2");
	x("\xed\x95\x9c\xea\xb5\xad", 4, "Hangul weighs 2");
	x("\xe2\x80\x94", 1, "U+2014 em dash");
	x("\xe2\x80\x9c\xe2\x80\x9d", 2, "U+201C U+201D");
	x("\xe2\x80\xa6", 2, "U+2026 ellipsis");
	x("\xe2\x80\xb2", 1, "U+2032 prime");
	x("\xe2\x80\xb8", 2, "U+2038");
	x("\xf0\x9f\x98\x80", 2, "an emoji");
	x(FAMILY, 2, "a ZWJ family weighs 2");
	x(THUMB, 2, "an emoji with a skin tone weighs 2");
	x(FLAG_DE, 2, "a flag weighs 2");
	x(KEYCAP, 2, "a keycap weighs 2");
	x(HEART, 2, "a heart with VS16 weighs 2");
	x("\xc2\xa9", 1, "a bare copyright sign is text");
	x("https://example.com/a/very/long/path/that/goes/on?q=1", 23,
	    "a URL weighs 23");
	x("http://x.co", 23, "a short URL too");
	x("see https://x.co and http://example.org/z", 4 + 23 + 5 + 23,
	    "two URLs");
	x("bit.ly/x", 23, "a URL without a scheme");
	x("go to example.com.", 6 + 23 + 1, "a bare domain, the full stop "
	    "outside");
	x("www.skylark.travel/bags?id=1", 23, "a gTLD");
	x("(http://x.co)", 25, "a URL after \"(\"");
	x("see http://x.co.", 28, "trailing punctuation is text");
	x("ana@example.com", 15, "an address is not a URL");
	x("e.g. node.js file.txt", 21, "no known TLD, no URL");
	x("xhttps://a.b", 12, "no URL inside a word");
	x("ftp://example.com", 17, "no URL after a /");
	x("line\nhttps://example.com/\xe6\x97\xa5", 5 + 23,
	    "a URL ends at a space, not at CJK");
	for (i = 0; i < 140; i++)
		memcpy(big + i * 3, "\xe6\x97\xa5", 3);
	ok(textlen_x(big, 420) == 280, "140 CJK characters weigh 280");
	ok(textlen_x("https://example.com", 5) == 5,
	    "a URL cut by n is not a URL");
	ok(textlen_x("\xff", 1) == 1, "a bad byte weighs 1");

	m("see https://example.com/a/very/long/path?query=1&x=2 ok", 30,
	    "a URL is 23");
	m("hi @ana@mastodon.social and @bob", 16, "a remote mention is @ana");
	m(FAMILY " " E_ACUTE " " FLAG_DE "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7",
	    6, "clusters");
	m("bit.ly/x", 8, "Mastodon counts bare domains as text");

	ok(textlen_nfc(S(E_ACUTE), &b) == 0 && strcmp(b.s, "\xc3\xa9") == 0,
	    "NFC composes");
	buf_reset(&b);
	ok(textlen_nfc(S("a\xffz"), &b) == -1 && b.len == 3,
	    "not UTF-8: copied");
	buf_free(&b);
	return tap_done();
}
