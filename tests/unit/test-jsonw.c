/*
 * test-jsonw - jsonw.h: the one compact JSON form sc writes.  Escapes and
 * control characters, UTF-8 kept, keys in insertion order, integers to
 * INT64_MIN, and reals in the shortest form that reads back to the same
 * double.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "jsonw.h"
#include "tap.h"

#define S(lit)	lit, sizeof(lit) - 1

static void
str_is(const char *s, size_t n, const char *want, const char *what)
{
	struct buf b = BUF_INIT;

	jsonw_string(&b, s, n);
	is_str(buf_str(&b), want, "string: %s", what);
	buf_free(&b);
}

static void
real_is(double d, const char *want)
{
	struct buf b = BUF_INIT;

	jsonw_real(&b, d);
	is_str(buf_str(&b), want, "real %s", want);
	buf_free(&b);
}

/* jsonw of the value parsed from text. */
static void
value_is(const char *text, const char *want)
{
	struct buf b = BUF_INIT;
	json_error_t err;
	json_t *j;

	j = json_loads(text, JSON_DECODE_ANY, &err);
	if (j == NULL) {
		ok(0, "parse %s: %s", text, err.text);
		return;
	}
	jsonw(&b, j);
	is_str(buf_str(&b), want, "jsonw %s", text);
	json_decref(j);
	buf_free(&b);
}

/* Significant digits of a number's text: "0.0025" 2, "100.0" 1. */
static int
sig_digits(const char *s)
{
	char d[40];
	int n = 0, first;

	for (; *s && *s != 'e' && n < 39; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = *s;
	while (n > 0 && d[n - 1] == '0')
		n--;
	for (first = 0; first < n && d[first] == '0'; first++)
		continue;
	return n - first;
}

static void
test_strings(void)
{
	char all[32], want[256];
	int i;

	str_is(S(""), "\"\"", "empty");
	str_is(S("plain"), "\"plain\"", "plain");
	str_is(S("say \"hi\""), "\"say \\\"hi\\\"\"", "quotes");
	str_is(S("a\\b"), "\"a\\\\b\"", "backslash");
	str_is(S("a/b"), "\"a/b\"", "slash not escaped");
	str_is(S("l1\nl2\r\t\b\f"), "\"l1\\nl2\\r\\t\\b\\f\"", "short escapes");
	str_is(S("\x01\x1f"), "\"\\u0001\\u001f\"", "other controls");
	str_is(S("a\0b"), "\"a\\u0000b\"", "NUL inside");
	str_is(S("\x7f"), "\"\x7f\"", "DEL kept");
	str_is(S("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80"),
	    "\"caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80\"", "UTF-8 kept");
	str_is(S("\xe2\x80\xa8"), "\"\xe2\x80\xa8\"", "U+2028 kept");

	/* Every control character, in one string. */
	for (i = 0; i < 32; i++)
		all[i] = (char)i;
	strcpy(want, "\"");
	for (i = 0; i < 32; i++) {
		switch (i) {
		case '\b': strcat(want, "\\b"); break;
		case '\t': strcat(want, "\\t"); break;
		case '\n': strcat(want, "\\n"); break;
		case '\f': strcat(want, "\\f"); break;
		case '\r': strcat(want, "\\r"); break;
		default:
			snprintf(want + strlen(want), 7, "\\u%04x", i);
		}
	}
	strcat(want, "\"");
	str_is(all, 32, want, "all 32 control characters");
}

static void
test_reals(void)
{
	struct buf b = BUF_INIT;
	uint64_t x = 0x9e3779b97f4a7c15ULL, bits;
	double d, back;
	int i, p, digits, good_trip = 1, good_short = 1;
	char tmp[40];

	real_is(0.1, "0.1");
	real_is(0.6, "0.6");
	real_is(0.1 + 0.2, "0.30000000000000004");
	real_is(1.0 / 3, "0.3333333333333333");
	real_is(2.0 / 3, "0.6666666666666666");
	real_is(1.0, "1.0");
	real_is(-1.0, "-1.0");
	real_is(0.0, "0.0");
	real_is(-0.0, "-0.0");
	real_is(1.5, "1.5");
	real_is(100.0, "100.0");
	real_is(123456789012345.0, "123456789012345.0");
	real_is(1e15, "1e+15");
	real_is(1e16, "1e+16");
	real_is(1e300, "1e+300");
	real_is(-1e300, "-1e+300");
	real_is(1e-7, "1e-07");
	real_is(9007199254740993.0, "9007199254740992.0");
	real_is(DBL_MAX, "1.7976931348623157e+308");
	real_is(DBL_MIN, "2.2250738585072014e-308");
	real_is(HUGE_VAL, "null");
	real_is(-HUGE_VAL, "null");
	real_is(NAN, "null");

	/*
	 * The smallest subnormal is 5e-324: one digit reads back to it, but
	 * 15 digits are printed.  Shortest form means the fewest digits.
	 */
	jsonw_real(&b, 4.9406564584124654e-324);
	if (!ok(strcmp(buf_str(&b), "5e-324") == 0,
	    "BUG: shortest form of a subnormal: 5e-324"))
		printf("#   got \"%s\"\n", buf_str(&b));
	buf_reset(&b);
	jsonw_real(&b, 1e-320);
	if (!ok(strcmp(buf_str(&b), "1e-320") == 0,
	    "BUG: shortest form of a subnormal: 1e-320"))
		printf("#   got \"%s\"\n", buf_str(&b));

	/*
	 * Random bit patterns: the text reads back to the same double (bit
	 * for bit), and no fewer digits would have done.
	 */
	for (i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		bits = x;
		memcpy(&d, &bits, sizeof(d));
		if (!isfinite(d))
			continue;
		buf_reset(&b);
		jsonw_real(&b, d);
		back = strtod(buf_str(&b), NULL);
		if (memcmp(&back, &d, sizeof(d)) != 0) {
			if (good_trip)
				printf("# %a -> %s\n", d, buf_str(&b));
			good_trip = 0;
		}
		if (fabs(d) < DBL_MIN)
			continue;	/* subnormals: see above */
		digits = sig_digits(buf_str(&b));
		for (p = 1; p <= 17; p++) {
			snprintf(tmp, sizeof(tmp), "%.*g", p, d);
			if (strtod(tmp, NULL) == d)
				break;
		}
		if (digits > p) {
			if (good_short)
				printf("# %a -> %s (%d digits, %d will do)\n",
				    d, buf_str(&b), digits, p);
			good_short = 0;
		}
	}
	ok(good_trip, "200000 random doubles read back bit for bit");
	ok(good_short, "and are printed with as few digits as will do");

	/* jansson reads them back as reals, -0.0 included. */
	{
		json_t *j;

		buf_reset(&b);
		jsonw_real(&b, -0.0);
		j = json_loads(buf_str(&b), JSON_DECODE_ANY, NULL);
		ok(json_is_real(j) && json_real_value(j) == 0 &&
		    signbit(json_real_value(j)), "-0.0 reads back as -0.0");
		json_decref(j);
		buf_reset(&b);
		jsonw_real(&b, 1.0);
		j = json_loads(buf_str(&b), JSON_DECODE_ANY, NULL);
		ok(json_is_real(j), "1.0 reads back as a real");
		json_decref(j);
	}
	buf_free(&b);
}

static void
test_values(void)
{
	struct buf b = BUF_INIT;
	json_t *o, *a, *back;

	value_is("0", "0");
	value_is("-1", "-1");
	value_is("42", "42");
	value_is("9223372036854775807", "9223372036854775807");
	value_is("-9223372036854775808", "-9223372036854775808");
	value_is("1.0", "1.0");
	value_is("1e2", "100.0");
	value_is("2.5E-3", "0.0025");
	value_is("true", "true");
	value_is("false", "false");
	value_is("null", "null");
	value_is("\"\\u00e9\\/\"", "\"\xc3\xa9/\"");
	value_is("\"\\ud83d\\ude00\"", "\"\xf0\x9f\x98\x80\"");
	value_is("{}", "{}");
	value_is("[]", "[]");
	value_is("[[],{},[{}]]", "[[],{},[{}]]");
	value_is(" { \"b\" : 1 , \"a\" : [ 1 , 2.5 , \"x\" ] } ",
	    "{\"b\":1,\"a\":[1,2.5,\"x\"]}");
	value_is("{\"z\":1,\"y\":2,\"x\":3,\"w\":4,\"v\":5,\"u\":6,\"t\":7,"
	    "\"s\":8,\"r\":9}", "{\"z\":1,\"y\":2,\"x\":3,\"w\":4,\"v\":5,"
	    "\"u\":6,\"t\":7,\"s\":8,\"r\":9}");
	value_is("{\"k\\\"ey\\n\":\"v\"}", "{\"k\\\"ey\\n\":\"v\"}");

	/* Keys in insertion order, also when a key is replaced. */
	o = json_object();
	json_object_set_new(o, "id", json_string("x:1"));
	json_object_set_new(o, "text", json_string("hi"));
	json_object_set_new(o, "class", json_string("old"));
	json_object_set_new(o, "metrics", json_pack("{s:I,s:f}", "likes",
	    (json_int_t)INT64_MIN, "score", 0.6));
	json_object_set_new(o, "class", json_string("new"));
	json_object_set_new(o, "aaa", json_null());
	jsonw(&b, o);
	is_str(buf_str(&b), "{\"id\":\"x:1\",\"text\":\"hi\",\"class\":\"new\","
	    "\"metrics\":{\"likes\":-9223372036854775808,\"score\":0.6},"
	    "\"aaa\":null}",
	    "object keys in insertion order, replaced in place");

	/* jsonw appends; the text reads back equal. */
	buf_reset(&b);
	buf_adds(&b, "prefix ");
	a = json_pack("[O,s#,i,b]", o, "a\0b", (size_t)3, 7, 1);
	jsonw(&b, a);
	ok(strncmp(buf_str(&b), "prefix [{", 9) == 0, "jsonw appends");
	back = json_loads(buf_str(&b) + 7, JSON_ALLOW_NUL, NULL);
	ok(back != NULL && json_equal(back, a), "the text reads back equal");
	ok(b.len > 7 && memchr(b.s + 7, ' ', b.len - 7) == NULL,
	    "no spaces in the text");
	json_decref(back);
	json_decref(a);
	json_decref(o);
	buf_free(&b);
}

int
main(void)
{
	test_strings();
	test_reals();
	test_values();
	return tap_done();
}
