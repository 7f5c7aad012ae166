/*
 * test-jscan - jscan.h: valid objects are accepted with their members'
 * bytes; invalid JSON and what jscan is not sure of are declined; and,
 * over many random mutations of real-looking records, nothing jscan
 * accepts is parsed differently (or refused) by jansson.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jscan-agree.h"
#include "jscan.h"
#include "tap.h"

#define S(lit)	lit, sizeof(lit) - 1

static void
accepts(const char *s, size_t n, size_t want_nm)
{
	struct jscan_member m[8];
	size_t nm = 99, close = 0;
	int acc;

	ok(jscan_object(s, n, m, 8, &nm, &close) == 0 && nm == want_nm &&
	    s[close] == '}' && jscan_agrees(s, n, &acc) && acc,
	    "accepts %.*s", (int)n, s);
}

static void
declines(const char *s, size_t n, const char *why)
{
	struct jscan_member m[8];
	size_t nm, close;

	ok(jscan_object(s, n, m, 8, &nm, &close) == -1, "declines %s", why);
}

static const char *const seeds[] = {
	"{\"id\":\"x:1\",\"platform\":\"x\",\"text\":\"Flight delayed \\u00e9 "
	    "3h \xf0\x9f\x98\xa1 still waiting\",\"author\":{\"id\":\"u1\","
	    "\"followers\":12000,\"verified\":false},\"metrics\":{\"likes\":"
	    "-1.5e3,\"reposts\":0},\"tags\":[\"a\",[],{},null,true]}",
	"{\"text\":\"\\\"quoted\\\" \\ud83d\\ude00 \xd0\xb7\xd0\xb0\xd0\xb4"
	    "\xd0\xb5\xd1\x80\xd0\xb6\xd0\xba\xd0\xb0\",\"class\":{\"intent\":"
	    "\"complaint\",\"confidence\":{\"intent\":0.91}},\"n\":0}",
	"  { \"a\" : [ 1 , 2.5 , -0 , 1E+2 ] , \"b\" : { } }\r",
};

/* A mutation of s into out (room for n + 8 bytes); its length. */
static size_t
mutate(const char *s, size_t n, char *out)
{
	static const char pick[] = "{}[]\",:\\u0eE.-+ \x80\xc3\xed\xf4\x01";
	size_t at, len = n;
	int k;

	memcpy(out, s, n);
	for (k = rand() % 3; k >= 0; k--) {
		at = len ? (size_t)rand() % len : 0;
		switch (rand() % 4) {
		case 0:		/* replace a byte */
			if (len)
				out[at] = pick[rand() % (sizeof(pick) - 1)];
			break;
		case 1:		/* insert a byte */
			if (len < n + 8) {
				memmove(out + at + 1, out + at, len - at);
				out[at] = pick[rand() % (sizeof(pick) - 1)];
				len++;
			}
			break;
		case 2:		/* delete a byte */
			if (len) {
				memmove(out + at, out + at + 1, len - at - 1);
				len--;
			}
			break;
		default:	/* cut the end */
			len = at;
		}
	}
	return len;
}

int
main(void)
{
	struct jscan_member m[8];
	size_t nm, close, i, n, agreed = 0, accepted = 0, tries = 0;
	char buf[1024], key[] = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}";
	int acc;

	accepts(S("{}"), 0);
	accepts(S(" {\"a\":1} "), 1);
	accepts(S("{\"a\":\"\",\"\":null,\"c\":[[[]]]}"), 3);
	accepts(S("{\"n\":[0,-0,1.25,-3e-7,1E99,123456789012345678]}"), 1);
	/* Reals with more digits than an integer may have (fuzz-jscan). */
	accepts(S("{\"a\":400000000000000000000000000000.0008,"
	    "\"b\":-99999999999999999999e-5}"), 2);
	accepts(S("{\"s\":\"\\/\\b\\f\\n\\r\\t\\\\\\\"\\uFFFF\"}"), 1);
	accepts(S("{\"k\":{\"x\\ny\":1}}"), 1);

	declines(S(""), "empty");
	declines(S("[1]"), "an array");
	declines(S("\"s\""), "a string");
	declines(S("{\"a\":1"), "no closing brace");
	declines(S("{\"a\":1}x"), "trailing bytes");
	declines(S("{\"a\":1,}"), "trailing comma");
	declines(S("{\"a\":[1,]}"), "trailing comma in array");
	declines(S("{\"a\" 1}"), "missing colon");
	declines(S("{\"a\":01}"), "leading zero");
	declines(S("{\"a\":1.}"), "bare decimal point");
	declines(S("{\"a\":.5}"), "no integer part");
	declines(S("{\"a\":+1}"), "plus sign");
	declines(S("{\"a\":1e}"), "empty exponent");
	declines(S("{\"a\":1e999}"), "exponent of three digits");
	declines(S("{\"a\":1234567890123456789}"), "19-digit integer");
	declines(S("{\"a\":tru}"), "cut literal");
	declines(S("{\"a\":True}"), "capital literal");
	declines(S("{\"a\":\"x\ty\"}"), "control character in a string");
	declines(S("{\"a\":\"\\x\"}"), "unknown escape");
	declines(S("{\"a\":\"\\u12\"}"), "short \\u escape");
	declines(S("{\"a\":\"\\u0000\"}"), "\\u0000");
	declines(S("{\"a\":\"\\ud800\"}"), "lone high surrogate");
	declines(S("{\"a\":\"\\udc00\"}"), "lone low surrogate");
	declines(S("{\"a\":\"\\ud800\\u0041\"}"), "high surrogate, no low");
	declines(S("{\"a\":\"\xc0\xaf\"}"), "overlong UTF-8");
	declines(S("{\"a\":\"\xed\xa0\x80\"}"), "UTF-8 surrogate");
	declines(S("{\"a\":\"\xf4\x90\x80\x80\"}"), "past U+10FFFF");
	declines(S("{\"a\":\"\xe2\x82\"}"), "cut UTF-8 sequence");
	declines(S("{\"a\":\"\xff\"}"), "byte 0xff");
	declines(S("{\"a\\u0062\":1}"), "escape in a top-level key");
	declines(S("{\"a\":1,\"a\":2}"), "repeated top-level key");
	declines(S("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,"
	    "\"g\":7,\"h\":8,\"i\":9}"), "more members than room");

	/* Deeper than JSCAN_DEPTH: declined; as deep: accepted. */
	for (n = 0; n < 2; n++) {
		size_t depth = JSCAN_DEPTH + n, len = 0;
		char *deep = malloc(2 * depth + 16);

		len += (size_t)sprintf(deep, "{\"a\":");
		for (i = 0; i < depth; i++)
			deep[len++] = '[';
		for (i = 0; i < depth; i++)
			deep[len++] = ']';
		deep[len++] = '}';
		ok((jscan_object(deep, len, m, 8, &nm, &close) == 0) ==
		    (n == 0), "nesting %zu deep %s", depth,
		    n == 0 ? "accepted" : "declined");
		free(deep);
	}

	/* Members' offsets. */
	ok(jscan_object(S(key), m, 8, &nm, &close) == 0 && nm == 4 &&
	    m[2].keylen == 1 && key[m[2].key] == 'c' && m[2].vallen == 1 &&
	    key[m[2].val] == '3' && close == sizeof(key) - 2 &&
	    jscan_find(key, m, nm, "d", 1) == 3 &&
	    jscan_find(key, m, nm, "e", 1) == -1, "members and their bytes");

	/* Seeds are accepted; no mutation of them makes the two differ. */
	srand(1);
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		ok(jscan_agrees(seeds[i], strlen(seeds[i]), &acc) && acc,
		    "seed %zu accepted and agreed", i);
		for (n = 0; n < 20000; n++, tries++) {
			size_t len = mutate(seeds[i], strlen(seeds[i]), buf);

			agreed += jscan_agrees(buf, len, &acc);
			accepted += acc;
		}
	}
	ok(agreed == tries, "%zu of %zu mutations agree (%zu accepted)",
	    agreed, tries, accepted);
	return tap_done();
}
