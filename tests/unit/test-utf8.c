/*
 * test-utf8 - utf8.h: RFC 3629 validity (overlongs, surrogates, past
 * U+10FFFF, truncated sequences), decoding and encoding, lengths and
 * boundary-safe prefixes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "utf8.h"

#define S(lit)	lit, sizeof(lit) - 1

static void
valid(const char *s, size_t n, const char *what)
{
	ok(utf8_valid(s, n) && utf8_invalid_at(s, n) == (size_t)-1,
	    "valid: %s", what);
}

static void
invalid(const char *s, size_t n, size_t at, const char *what)
{
	size_t got = utf8_invalid_at(s, n);

	if (!ok(!utf8_valid(s, n) && got == at, "invalid at %zu: %s", at,
	    what))
		printf("#   utf8_invalid_at says %zu\n", got);
}

static void
decodes(const char *s, size_t n, int32_t want, size_t adv, const char *what)
{
	const char *p = s;
	int32_t cp;

	cp = utf8_decode(&p, s + n);
	if (!ok(cp == want && (size_t)(p - s) == adv, "decode %s", what))
		printf("#   got %ld, moved %zu\n", (long)cp, (size_t)(p - s));
}

static void
test_valid(void)
{
	valid(S(""), "empty");
	valid(S("plain ascii ~\x7f"), "ASCII incl. DEL");
	valid(S("a\0b"), "NUL byte inside");
	valid(S("\xc2\x80"), "U+0080, the first two-byte");
	valid(S("\xc3\xa9"), "U+00E9");
	valid(S("\xdf\xbf"), "U+07FF, the last two-byte");
	valid(S("\xe0\xa0\x80"), "U+0800, the first three-byte");
	valid(S("\xe2\x82\xac"), "U+20AC euro sign");
	valid(S("\xed\x9f\xbf"), "U+D7FF, just below the surrogates");
	valid(S("\xee\x80\x80"), "U+E000, just above the surrogates");
	valid(S("\xef\xbf\xbd"), "U+FFFD");
	valid(S("\xef\xbf\xbf"), "U+FFFF");
	valid(S("\xf0\x90\x80\x80"), "U+10000, the first four-byte");
	valid(S("\xf0\x9f\x98\x80"), "U+1F600 emoji");
	valid(S("\xf4\x8f\xbf\xbf"), "U+10FFFF, the last code point");
	valid(S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e and \xc3\xa9"),
	    "mixed text");
}

static void
test_invalid(void)
{
	invalid(S("\x80"), 0, "lone continuation byte");
	invalid(S("ab\xbf"), 2, "continuation byte after ASCII");
	invalid(S("\xc0\x80"), 0, "overlong NUL (C0 80)");
	invalid(S("\xc1\xbf"), 0, "overlong two-byte (C1 BF)");
	invalid(S("\xe0\x80\x80"), 0, "overlong three-byte (E0 80 80)");
	invalid(S("\xe0\x9f\xbf"), 0, "overlong three-byte (E0 9F BF)");
	invalid(S("\xf0\x80\x80\x80"), 0, "overlong four-byte (F0 80 80 80)");
	invalid(S("\xf0\x8f\xbf\xbf"), 0, "overlong four-byte (F0 8F BF BF)");
	invalid(S("x\xed\xa0\x80"), 1, "surrogate U+D800");
	invalid(S("\xed\xbf\xbf"), 0, "surrogate U+DFFF");
	invalid(S("\xed\xa0\xbd\xed\xb8\x80"), 0, "CESU-8 surrogate pair");
	invalid(S("\xf4\x90\x80\x80"), 0, "U+110000");
	invalid(S("\xf5\x80\x80\x80"), 0, "F5 lead byte");
	invalid(S("\xf7\xbf\xbf\xbf"), 0, "F7 lead byte (U+1FFFFF)");
	invalid(S("\xf8\x88\x80\x80\x80"), 0, "five-byte form");
	invalid(S("\xfc\x84\x80\x80\x80\x80"), 0, "six-byte form");
	invalid(S("\xfe"), 0, "FE");
	invalid(S("\xff"), 0, "FF");
	invalid(S("abc\xc3"), 3, "truncated two-byte at the end");
	invalid(S("abc\xe2\x82"), 3, "truncated three-byte at the end");
	invalid(S("\xf0\x9f\x98"), 0, "truncated four-byte at the end");
	invalid(S("\xe2\x82z"), 0, "truncated three-byte before ASCII");
	invalid(S("\xc3\xc3\xa9"), 0, "lead byte followed by a lead byte");
	invalid(S("ok \xc3\xa9 \xe2\x28\xa1"), 6, "bad second byte");
	/* A valid sequence cut by n must not read past n. */
	ok(!utf8_valid("\xc3\xa9", 1), "n cuts a two-byte sequence");
	ok(!utf8_valid("\xf0\x9f\x98\x80", 3), "n cuts a four-byte sequence");
	ok(utf8_valid("\xc3\xa9\xff", 2), "n stops before a bad byte");
}

static void
test_decode(void)
{
	const char *p, *s;
	int32_t cp;

	decodes(S("A"), 'A', 1, "ASCII");
	decodes(S("\xc3\xa9x"), 0xe9, 2, "U+00E9");
	decodes(S("\xe2\x82\xac"), 0x20ac, 3, "U+20AC");
	decodes(S("\xf0\x9f\x98\x80"), 0x1f600, 4, "U+1F600");
	decodes(S("\xf4\x8f\xbf\xbf"), 0x10ffff, 4, "U+10FFFF");
	decodes(S("\xc0\x80"), -1, 1, "overlong moves one byte");
	decodes(S("\xed\xa0\x80"), -1, 1, "surrogate moves one byte");
	decodes(S("\xf4\x90\x80\x80"), -1, 1, "U+110000 moves one byte");
	decodes(S("\xe2\x82"), -1, 1, "truncated moves one byte");
	decodes(S("\x80"), -1, 1, "continuation moves one byte");
	s = "x";
	p = s;
	cp = utf8_decode(&p, s);
	ok(cp == -1 && p == s, "decode at the end: -1, no move");

	/* Walk a mixed string. */
	s = "a\xc3\xa9\xff\xe2\x82\xac";
	p = s;
	ok(utf8_decode(&p, s + 7) == 'a' && utf8_decode(&p, s + 7) == 0xe9 &&
	    utf8_decode(&p, s + 7) == -1 && utf8_decode(&p, s + 7) == 0x20ac &&
	    p == s + 7, "decode walks a string with a bad byte in it");
}

static void
test_encode(void)
{
	char out[4];
	const char *p;
	int32_t cp, bad = -1;
	size_t n, want;

	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = utf8_encode(cp, out);
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		p = out;
		if (n != want || !utf8_valid(out, n) ||
		    utf8_decode(&p, out + n) != cp || p != out + n) {
			bad = cp;
			break;
		}
	}
	if (!ok(bad == -1, "encode/decode round trip, U+0000 to U+10FFFF"))
		printf("#   first failure U+%04lX\n", (long)bad);
	n = utf8_encode(0x20ac, out);
	ok(n == 3 && memcmp(out, "\xe2\x82\xac", 3) == 0, "encode U+20AC");
	n = utf8_encode(0x1f600, out);
	ok(n == 4 && memcmp(out, "\xf0\x9f\x98\x80", 4) == 0,
	    "encode U+1F600");
}

static void
test_len(void)
{
	ok(utf8_len(S("")) == 0, "len of empty");
	ok(utf8_len(S("abc")) == 3, "len of ASCII");
	ok(utf8_len(S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")) == 4,
	    "len counts code points");
	ok(utf8_len(S("a\xff" "b")) == 3, "a bad byte counts one");
	ok(utf8_len(S("\xe2\x82")) == 2,
	    "a truncated sequence counts per byte");
	ok(utf8_len(S("\xc0\x80")) == 2, "an overlong counts per byte");
	ok(utf8_len("\xc3\xa9\xc3\xa9", 3) == 2, "len stops at n");
	ok(utf8_width(S("abc")) == 3, "width of ASCII");
	ok(utf8_width(S("\xe4\xb8\xad\xe6\x96\x87")) == 4,
	    "width: two CJK ideographs take four columns");
	ok(utf8_width(S("e\xcc\x81")) == 1,
	    "width: a combining accent takes none");
	ok(utf8_width(S("\xef\xbc\xa1")) == 2, "width: full-width A is 2");
	ok(utf8_width(S("a\tb\xff")) == 4,
	    "width: a tab and a bad byte take one each");
}

static size_t
url(const char *s)
{
	return utf8_url_at(s, s + strlen(s));
}

static void
test_url_at(void)
{
	ok(url("https://x.co/a b") == 14, "url_at stops at a space");
	ok(url("http://x.co/a\tb") == 13,
	    "url_at stops at a control character");
	ok(url("http://x.co/\xe6\x97\xa5") == 15, "url_at takes non-ASCII in");
	ok(url("https://") == 0, "url_at: a bare scheme is no URL");
	ok(url("https:// x") == 0, "url_at: nor a scheme and a space");
	ok(url("ftp://x.co") == 0, "url_at: http and https only");
	ok(url("http:/x.co") == 0, "url_at: http:/ is no URL");
	ok(utf8_url_at("https://x.co", "https://x.co" + 4) == 0,
	    "url_at stops at end");
}

static void
test_prefix(void)
{
	ok(utf8_prefix(S("abc"), 3) == 3, "prefix: all fits");
	ok(utf8_prefix(S("abc"), 10) == 3, "prefix: max past the end");
	ok(utf8_prefix(S("abcdef"), 3) == 3, "prefix: ASCII cut");
	ok(utf8_prefix(S("abcdef"), 0) == 0, "prefix: max 0");
	ok(utf8_prefix(S("a\xc3\xa9"), 2) == 1, "prefix: not inside U+00E9");
	ok(utf8_prefix(S("\xe2\x82\xac\xe2\x82\xac"), 5) == 3,
	    "prefix: not inside U+20AC");
	ok(utf8_prefix(S("\xe2\x82\xac\xe2\x82\xac"), 3) == 3,
	    "prefix: exactly one U+20AC");
	ok(utf8_prefix(S("\xf0\x9f\x98\x80z"), 3) == 0,
	    "prefix: not inside an emoji");
	ok(utf8_prefix(S("\xf0\x9f\x98\x80z"), 4) == 4,
	    "prefix: the whole emoji");
	ok(utf8_valid("a\xc3\xa9\xe2\x82\xac",
	    utf8_prefix(S("a\xc3\xa9\xe2\x82\xac"), 5)),
	    "prefix of valid text stays valid");
}

static void
test_bytes(void)
{
	uint64_t x;

	memcpy(&x, "plain tx", 8);
	ok(BYTES_HIGH(x) == 0, "bytes: ASCII has no high byte");
	ok(BYTES_LESS(x, 0x20) == 0, "bytes: no control byte in text");
	ok(BYTES_ZERO(x ^ (BYTES_ONES * '"')) == 0, "bytes: no quote");
	memcpy(&x, "pla\"n tx", 8);
	ok(BYTES_ZERO(x ^ (BYTES_ONES * '"')) != 0, "bytes: a quote found");
	memcpy(&x, "plain\ttx", 8);
	ok(BYTES_LESS(x, 0x20) != 0, "bytes: a tab is below 0x20");
	memcpy(&x, "pla\xc3\xb3n t", 8);
	ok(BYTES_HIGH(x) != 0, "bytes: UTF-8 has high bytes");
	memcpy(&x, "\0lain tx", 8);
	ok(BYTES_ZERO(x) != 0, "bytes: a zero byte, first");
	memcpy(&x, "plain t\0", 8);
	ok(BYTES_ZERO(x) != 0, "bytes: a zero byte, last");
}

int
main(void)
{
	test_valid();
	test_invalid();
	test_decode();
	test_encode();
	test_len();
	test_url_at();
	test_prefix();
	test_bytes();
	return tap_done();
}
