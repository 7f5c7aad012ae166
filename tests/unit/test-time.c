/*
 * test-time - sctime.h: every form time_parse() accepts, the strict RFC 3339
 * parser, calendar checks, time_format() round trips and relative times.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sctime.h"
#include "tap.h"

#define T_2026	INT64_C(1795342500)	/* 2026-11-22T10:15:00Z */

static void
parses(const char *s, int64_t want)
{
	int64_t t = -7;
	int rc;

	rc = time_parse(s, &t);
	if (!ok(rc == 0 && t == want, "time_parse \"%s\"", s))
		printf("#   rc %d, got %lld, want %lld\n", rc, (long long)t,
		    (long long)want);
}

static void
rejects(const char *s)
{
	int64_t t = 12345;

	ok(time_parse(s, &t) == -1 && t == 12345, "time_parse rejects \"%s\"",
	    s);
}

static void
strict_parses(const char *s, int64_t want)
{
	int64_t t = -7;
	int rc;

	rc = time_parse_rfc3339(s, &t);
	if (!ok(rc == 0 && t == want, "rfc3339 \"%s\"", s))
		printf("#   rc %d, got %lld, want %lld\n", rc, (long long)t,
		    (long long)want);
}

static void
strict_rejects(const char *s)
{
	int64_t t;

	ok(time_parse_rfc3339(s, &t) == -1, "rfc3339 rejects \"%s\"", s);
}

static void
formats(int64_t t, const char *want)
{
	char out[TIME_STRLEN];

	memset(out, 'x', sizeof(out));
	time_format(t, out);
	is_str(out, want, "time_format %lld", (long long)t);
}

static void
test_iso(void)
{
	parses("2026-11-22T10:15:00Z", T_2026);
	parses("2026-11-22t10:15:00z", T_2026);
	parses("2026-11-22 10:15:00", T_2026);
	parses("2026-11-22T10:15:00", T_2026);
	parses("2026-11-22T10:15", T_2026);
	parses("2026-11-22T10:15Z", T_2026);
	parses("2026-11-22 10:15:00 UTC", T_2026);
	parses("  2026-11-22T10:15:00Z", T_2026);
	/* Fractions are dropped, never rounded up. */
	parses("2026-11-22T10:15:00.999999Z", T_2026);
	parses("2026-11-22T10:15:00.1Z", T_2026);
	parses("2026-11-22T10:15:00,5Z", T_2026);
	parses("2026-11-22T11:15:00.123+01:00", T_2026);
	/* Offsets in every spelling. */
	parses("2026-11-22T11:15:00+01:00", T_2026);
	parses("2026-11-22T11:15:00+0100", T_2026);
	parses("2026-11-22T11:15:00+01", T_2026);
	parses("2026-11-22T10:15:00+00:00", T_2026);
	parses("2026-11-22T10:15:00-00:00", T_2026);
	parses("2026-11-22T10:15:00+0000", T_2026);
	parses("2026-11-22T05:45:00-04:30", T_2026);
	parses("2026-11-22T05:45:00-0430", T_2026);
	parses("2026-11-22T15:45:00+05:30", T_2026);
	parses("2026-11-23T00:00:00+13:45", T_2026);
	parses("2026-11-22T00:15:00-10:00", T_2026);
	/* Offsets carry over day, month and year boundaries. */
	parses("2027-01-01T00:30:00+01:00", INT64_C(1798759800));
	parses("2026-12-31T22:30:00-01:00", INT64_C(1798759800));
	parses("2014-08-20T11:02:50+0000", INT64_C(1408532570));
	/* A leap second is the midnight after it, never a second early. */
	parses("2016-12-31T23:59:60Z", INT64_C(1483228800));
	parses("2017-01-01T00:59:60+01:00", INT64_C(1483228800));
	parses("Sat Dec 31 23:59:60 +0000 2016", INT64_C(1483228800));
	rejects("2026-11-22T10:15:60Z");
	rejects("2016-12-31T23:59:60+01:00");
	parses("1970-01-01T00:00:00Z", 0);
	parses("1969-12-31T23:59:59Z", -1);
	parses("1900-03-01T00:00:00Z", INT64_C(-2203891200));
	parses("0001-01-01T00:00:00Z", INT64_C(-62135596800));
	parses("0000-01-01T00:00:00Z", INT64_C(-62167219200));
	parses("9999-12-31T23:59:59Z", INT64_C(253402300799));
}

static void
test_calendar(void)
{
	/* Leap years: every 4th, not every 100th, but every 400th. */
	parses("2024-02-29T12:00:00Z", INT64_C(1709208000));
	parses("2000-02-29T00:00:00Z", INT64_C(951782400));
	rejects("1900-02-29T00:00:00Z");
	rejects("2026-02-29T00:00:00Z");
	rejects("2100-02-29T00:00:00Z");
	parses("2400-02-29T00:00:00Z", INT64_C(13574563200));
	rejects("2026-02-30T00:00:00Z");
	rejects("2024-02-30T00:00:00Z");
	rejects("2026-04-31T00:00:00Z");
	rejects("2026-06-31T00:00:00Z");
	rejects("2026-09-31T00:00:00Z");
	rejects("2026-11-31T00:00:00Z");
	parses("2026-12-31T00:00:00Z", INT64_C(1798675200));
	parses("2026-01-31T00:00:00Z", INT64_C(1769817600));
	rejects("2026-00-10T00:00:00Z");
	rejects("2026-13-01T00:00:00Z");
	rejects("2026-01-00T00:00:00Z");
	rejects("2026-01-32T00:00:00Z");
	rejects("2026-11-22T24:00:00Z");
	rejects("2026-11-22T10:60:00Z");
	rejects("2026-11-22T10:15:61Z");
	rejects("2026-11-22T10:15:00+24:00");
	rejects("2026-11-22T10:15:00+01:60");
}

static void
test_malformed(void)
{
	rejects("");
	rejects(" ");
	parses("2026", 2026);	/* epoch seconds, not a year */
	rejects("2026-");
	rejects("2026-11");
	rejects("2026-11-22");
	rejects("2026-11-22T");
	rejects("2026-11-22T10");
	rejects("2026-11-22T10:");
	rejects("2026-11-22T10:1");
	rejects("2026-11-22T10:15:0");
	rejects("2026-11-22X10:15:00Z");
	rejects("2026/11/22T10:15:00Z");
	rejects("26-11-22T10:15:00Z");
	rejects("2026-1-22T10:15:00Z");
	rejects("2026-11-22T10:15:00.Z");
	rejects("2026-11-22T10:15:00ZZ");
	rejects("2026-11-22T10:15:00Z ");
	rejects("2026-11-22T10:15:00 ");
	rejects("2026-11-22T10:15:00+");
	rejects("2026-11-22T10:15:00+1");
	rejects("2026-11-22T10:15:00+01:");
	rejects("2026-11-22T10:15:00+01:0");
	rejects("2026-11-22T10:15:00+010");
	rejects("2026-11-22T10:15:00+01000");
	rejects("2026-11-22T10:15:00 GMT");
	rejects("2026-11-22T10:15:00 utc");
	rejects("+2026-11-22T10:15:00Z");
	rejects("2026-11-22T-1:15:00Z");
	rejects("yesterday");
	rejects("now");
}

static void
test_twitter(void)
{
	static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char s[64], iso[64];
	int64_t a, b;
	int i, good = 1;

	parses("Tue Oct 31 22:10:10 +0000 2017", INT64_C(1509487810));
	parses("Tue Oct 31 23:10:10 +0100 2017", INT64_C(1509487810));
	parses("Tue Oct 31 18:10:10 -0400 2017", INT64_C(1509487810));
	parses("tue oct 31 22:10:10 +0000 2017", INT64_C(1509487810));
	parses("TUE OCT 31 22:10:10 +0000 2017", INT64_C(1509487810));
	parses("Sun Nov 22 10:15:00 +0000 2026", T_2026);
	for (i = 0; i < 12; i++) {
		snprintf(s, sizeof(s), "Mon %s 05 01:02:03 +0000 2021",
		    months[i]);
		snprintf(iso, sizeof(iso), "2021-%02d-05T01:02:03Z", i + 1);
		if (time_parse(s, &a) != 0 || time_parse(iso, &b) != 0 ||
		    a != b) {
			printf("# month %s\n", months[i]);
			good = 0;
		}
	}
	ok(good, "twitter form: all twelve month names");
	rejects("Tue Oct 31 22:10:10 +0000 17");
	rejects("Tue Oct 31 22:10:10 0000 2017");
	rejects("Tue Oct 31 22:10:10 +00:00 2017");
	rejects("Tue Okt 31 22:10:10 +0000 2017");
	rejects("Tue anf 31 22:10:10 +0000 2017");
	rejects("Tue Feb 30 22:10:10 +0000 2017");
	rejects("Tue Oct 31 22:10:10 +0000 2017 ");
	rejects("Tue Oct 31 22:10 +0000 2017");
	rejects("Tue Oct  1 22:10:10 +0000 2017");
	rejects("Tue Oct 31 22:10:10 +0000 2017x");
	rejects("Tue Oct 3122:10:10 +0000 2017 ");
}

static void
test_epoch(void)
{
	parses("0", 0);
	parses("1700000000", INT64_C(1700000000));
	parses("1700000000.5", INT64_C(1700000000));
	parses("1700000000.999", INT64_C(1700000000));
	parses("1700000000000", INT64_C(1700000000));
	parses("1700000000999", INT64_C(1700000000));
	parses("999999999999", INT64_C(999999999999));
	parses("000000000001", 1);
	parses(" 1700000000", INT64_C(1700000000));
	rejects("-1700000000");
	rejects("+1700000000");
	rejects("1700000000.");
	rejects("1700000000.5.5");
	rejects("1700000000000.5");
	rejects("17000000000000");
	rejects("170000000000000000000");
	rejects("1700000000 ");
	rejects("1700000000s");
	rejects(".5");
	rejects("1e9");
	rejects("0x10");
}

static void
test_strict(void)
{
	strict_parses("2026-11-22T10:15:00Z", T_2026);
	strict_parses("2026-11-22t10:15:00z", T_2026);
	strict_parses("2026-11-22T10:15:00.123Z", T_2026);
	strict_parses("2026-11-22T11:15:00+01:00", T_2026);
	strict_parses("2026-11-22T05:45:00-04:30", T_2026);
	strict_parses("2026-11-22T10:15:00-00:00", T_2026);
	strict_parses("2016-12-31T23:59:60Z", INT64_C(1483228800));
	strict_rejects("2016-12-31T22:59:60Z");
	strict_rejects("2026-11-22T11:15:00+0100");
	strict_rejects("2026-11-22T11:15:00+01");
	strict_rejects("2026-11-22T10:15:00");
	strict_rejects("2026-11-22T10:15Z");
	strict_rejects("2026-11-22T10:15:00,5Z");
	strict_rejects("2026-11-22 10:15:00 UTC");
	strict_rejects(" 2026-11-22T10:15:00Z");
	strict_rejects("2026-11-22T10:15:00Z ");
	strict_rejects("2026-02-30T10:15:00Z");
	strict_rejects("Tue Oct 31 22:10:10 +0000 2017");
	strict_rejects("1700000000");
	strict_rejects("");
}

static void
test_format(void)
{
	char out[TIME_STRLEN], prev[TIME_STRLEN] = "";
	int64_t t, back, days, y;
	unsigned m, d;
	int good, ordered;

	formats(0, "1970-01-01T00:00:00Z");
	formats(-1, "1969-12-31T23:59:59Z");
	formats(-86400, "1969-12-31T00:00:00Z");
	formats(-86401, "1969-12-30T23:59:59Z");
	formats(T_2026, "2026-11-22T10:15:00Z");
	formats(INT64_C(951782400), "2000-02-29T00:00:00Z");
	formats(INT64_C(-2203891200), "1900-03-01T00:00:00Z");
	formats(INT64_C(-62167219200), "0000-01-01T00:00:00Z");
	formats(INT64_C(-62135596800), "0001-01-01T00:00:00Z");
	formats(INT64_C(253402300799), "9999-12-31T23:59:59Z");
	formats(INT64_C(4102444800), "2100-01-01T00:00:00Z");
	formats(INT64_C(2147483647), "2038-01-19T03:14:07Z");
	formats(INT64_C(2147483648), "2038-01-19T03:14:08Z");
	ok(strlen("2026-11-22T10:15:00Z") + 1 == TIME_STRLEN,
	    "TIME_STRLEN fits the form and its NUL");

	/*
	 * Round trips over the whole range, negative times included, with
	 * a stride that is no multiple of a day or an hour.
	 */
	good = 1;
	ordered = 1;
	for (t = INT64_C(-62167219200); t <= INT64_C(253402300799);
	    t += INT64_C(86399) * 37 + 13) {
		time_format(t, out);
		if (time_parse_rfc3339(out, &back) != 0 || back != t ||
		    time_parse(out, &back) != 0 || back != t) {
			if (good)
				printf("# %lld -> %s\n", (long long)t, out);
			good = 0;
		}
		if (strcmp(prev, out) >= 0)
			ordered = 0;
		memcpy(prev, out, sizeof(out));
	}
	ok(good, "time_format/time_parse round trip, years 0000-9999");
	ok(ordered, "formatted times sort as the times do");

	good = 1;
	for (t = -100000; t <= 100000; t += 7) {
		time_format(t, out);
		if (time_parse_rfc3339(out, &back) != 0 || back != t)
			good = 0;
	}
	ok(good, "round trip every 7 s around the epoch");

	/* Days and civil dates, both ways, over +-800 years. */
	good = 1;
	for (days = -292000; days <= 292000; days++) {
		time_civil_from_days(days, &y, &m, &d);
		if (time_days_from_civil(y, m, d) != days || m < 1 ||
		    m > 12 || d < 1 || d > 31)
			good = 0;
	}
	ok(good, "time_civil_from_days/time_days_from_civil agree");
	ok(time_days_from_civil(1970, 1, 1) == 0, "day 0 is 1970-01-01");
	ok(time_days_from_civil(2000, 3, 1) == 11017, "2000-03-01");
	ok(time_days_from_civil(1969, 12, 31) == -1, "1969-12-31");
	time_civil_from_days(-719468, &y, &m, &d);
	ok(y == 0 && m == 3 && d == 1, "day -719468 is 0000-03-01");
}

static void
test_relative(void)
{
	int64_t now = T_2026, t;

	ok(time_parse_relative("-2h", now, &t) == 0 && t == now - 7200,
	    "relative -2h");
	ok(time_parse_relative("-7d", now, &t) == 0 && t == now - 7 * 86400,
	    "relative -7d");
	ok(time_parse_relative("-30m", now, &t) == 0 && t == now - 1800,
	    "relative -30m");
	ok(time_parse_relative("-45s", now, &t) == 0 && t == now - 45,
	    "relative -45s");
	ok(time_parse_relative("-1w", now, &t) == 0 && t == now - 604800,
	    "relative -1w");
	ok(time_parse_relative("-0s", now, &t) == 0 && t == now,
	    "relative -0s");
	ok(time_parse_relative("-999999999w", now, &t) == 0 &&
	    t == now - INT64_C(999999999) * 604800, "relative, 9 digits");
	ok(time_parse_relative("-1234567890s", now, &t) == -1,
	    "relative, 10 digits rejected");
	ok(time_parse_relative("2026-11-22T10:15:00Z", 0, &t) == 0 &&
	    t == T_2026, "relative falls back to absolute times");
	ok(time_parse_relative("1700000000", 0, &t) == 0 &&
	    t == 1700000000, "relative falls back to epoch seconds");
	ok(time_parse_relative("-", now, &t) == -1, "relative \"-\"");
	ok(time_parse_relative("-h", now, &t) == -1, "relative \"-h\"");
	ok(time_parse_relative("-2", now, &t) == -1, "relative \"-2\"");
	ok(time_parse_relative("-2y", now, &t) == -1, "relative \"-2y\"");
	ok(time_parse_relative("-2H", now, &t) == -1, "relative \"-2H\"");
	ok(time_parse_relative("-2hh", now, &t) == -1, "relative \"-2hh\"");
	ok(time_parse_relative("-2h ", now, &t) == -1, "relative \"-2h \"");
	ok(time_parse_relative("--2h", now, &t) == -1, "relative \"--2h\"");
	ok(time_parse_relative("+2h", now, &t) == -1, "relative \"+2h\"");
	ok(time_parse_relative("2h", now, &t) == -1, "relative \"2h\"");
	ok(time_parse_relative("", now, &t) == -1, "relative \"\"");
}

int
main(void)
{
	test_iso();
	test_calendar();
	test_malformed();
	test_twitter();
	test_epoch();
	test_strict();
	test_format();
	test_relative();
	return tap_done();
}
