/*
 * test-calendar - calendar.h: day keys, periods, overlaps; business time
 * added and counted across lunch breaks, midnight, holidays, outside
 * hours, exactly at opening and closing, and both 2026 daylight-saving
 * changes in Europe/Warsaw and America/New_York; then cal_add() and
 * cal_between() against a minute-by-minute count made with libc's
 * localtime_r() on random calendars, cal_between() also between instants
 * to the second (as first-response times are).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "sctime.h"
#include "tap.h"
#include "tz.h"

#define MON	0x01u
#define TUE	0x02u
#define SAT	0x20u
#define SUN	0x40u
#define MONFRI	0x1fu

static int64_t
at(int y, unsigned mo, unsigned d, int h, int mi)
{
	return time_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static struct calendar *
mkcal(const char *zone)
{
	char err[256];
	struct tz *z;

	if ((z = tz_load(zone, err, sizeof(err))) == NULL) {
		printf("# %s\n", err);
		exit(1);
	}
	return cal_new(z);
}

/* Add "HH:MM-HH:MM" on mask; must succeed. */
static void
period(struct calendar *c, unsigned mask, const char *s)
{
	char err[256];
	int a, b;

	if (cal_parse_period(s, &a, &b, err, sizeof(err)) == -1 ||
	    cal_add_period(c, mask, a, b, err, sizeof(err)) == -1)
		ok(0, "period %s: %s", s, err);
}

static void
finish(struct calendar *c)
{
	char err[256];

	if (cal_finish(c, err, sizeof(err)) == -1)
		ok(0, "cal_finish: %s", err);
}

static void
due_is(const struct calendar *c, int64_t t, long min, int64_t want,
    const char *what)
{
	char g[TIME_STRLEN], w[TIME_STRLEN];
	int64_t got = cal_add(c, t, (int64_t)min * 60);

	if (got == INT64_MAX)
		strcpy(g, "never");
	else
		time_format(got, g);
	time_format(want, w);
	if (!ok(got == want, "%s", what))
		printf("#   got %s, want %s\n", g, w);
}

static void
day_keys(void)
{
	static const struct {
		const char	*key;
		unsigned	 mask;
	} good[] = {
		{ "mon", MON }, { "tue", TUE }, { "sun", SUN },
		{ "mon-fri", MONFRI }, { "sat-sun", SAT | SUN },
		{ "mon-sun", CAL_ALLDAYS }, { "fri-mon", 0x10 | SAT | SUN | MON },
		{ "wed-thu", 0x0c }
	};
	static const char *const bad[] = {
		"Mon", "monday", "mon-", "-fri", "mon-mon", "", "mon-fri-sat",
		"mon,tue", "xyz", "mo", "mon - fri", "weekdays"
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(cal_parse_days(good[i].key) == good[i].mask,
		    "day key \"%s\"", good[i].key);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(cal_parse_days(bad[i]) == 0, "bad day key \"%s\"", bad[i]);
}

static void
periods(void)
{
	static const char *const bad[] = {
		"9:00-17:00", "09:00-17:60", "24:00-01:00", "09:00-09:00",
		"25:00-26:00", "09:00 - 17:00", "09:00-17:00 ", "09.00-17.00",
		"", "00:00-00:00", "09:00-24:01"
	};
	char err[256];
	int a, b;
	size_t i;

	ok(cal_parse_period("09:00-17:30", &a, &b, err, sizeof(err)) == 0 &&
	    a == 540 && b == 1050, "period 09:00-17:30");
	ok(cal_parse_period("22:00-02:00", &a, &b, err, sizeof(err)) == 0 &&
	    a == 1320 && b == 1560, "period 22:00-02:00 crosses midnight");
	ok(cal_parse_period("00:00-24:00", &a, &b, err, sizeof(err)) == 0 &&
	    a == 0 && b == 1440, "period 00:00-24:00");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(cal_parse_period(bad[i], &a, &b, err, sizeof(err)) == -1,
		    "bad period \"%s\" (%s)", bad[i], err);
	ok(cal_parse_period("10:00-10:00", &a, &b, err, sizeof(err)) == -1 &&
	    strstr(err, "empty") != NULL, "an empty period says so");
}

static void
overlaps(void)
{
	struct calendar *c = mkcal("Europe/Warsaw");
	char err[256] = "";
	int64_t d;

	period(c, MONFRI, "09:00-13:00");
	period(c, MON, "13:00-13:30");
	ok(cal_add_period(c, MON, 12 * 60, 14 * 60, err, sizeof(err)) == -1 &&
	    strcmp(err, "mon 12:00-14:00 overlaps mon 09:00-13:00") == 0,
	    "overlapping periods (%s)", err);
	ok(cal_add_period(c, SUN, 22 * 60, 34 * 60, err, sizeof(err)) == -1 &&
	    strstr(err, "overlaps mon 09:00-13:00") != NULL,
	    "sun 22:00-10:00 reaches into Monday, across the week's end (%s)",
	    err);
	ok(cal_add_period(c, SUN, 22 * 60, 26 * 60, err, sizeof(err)) == 0,
	    "sun 22:00-02:00 does not reach mon 09:00");
	ok(cal_add_period(c, MON, 60, 120, err, sizeof(err)) == -1 &&
	    strcmp(err, "mon 01:00-02:00 overlaps sun 22:00-02:00") == 0,
	    "mon 01:00-02:00 overlaps the end of sunday's night (%s)", err);
	cal_free(c);
	c = mkcal("Europe/Warsaw");
	ok(cal_finish(c, err, sizeof(err)) == -1, "no hours at all: %s", err);
	cal_free(c);
	ok(cal_parse_date("2026-12-24", &d) == 0 &&
	    d == time_days_from_civil(2026, 12, 24), "date 2026-12-24");
	ok(cal_parse_date("2028-02-29", &d) == 0, "date 2028-02-29");
	ok(cal_parse_date("2026-02-29", &d) == -1, "no date 2026-02-29");
	ok(cal_parse_date("2026-13-01", &d) == -1, "no month 13");
	ok(cal_parse_date("24.12.2026", &d) == -1, "not a date: 24.12.2026");
	ok(cal_parse_date("2026-12-24T00:00", &d) == -1, "not a date: time");
}

static void
warsaw(void)
{
	struct calendar *c = mkcal("Europe/Warsaw");
	int64_t d;

	period(c, MONFRI, "09:00-13:00");
	period(c, MONFRI, "13:30-18:00");
	cal_parse_date("2026-11-11", &d);
	cal_add_holiday(c, d);
	cal_parse_date("2026-12-24", &d);
	cal_add_holiday(c, d);
	cal_parse_date("2026-12-25", &d);
	cal_add_holiday(c, d);
	cal_parse_date("2026-12-31", &d);
	cal_add_holiday(c, d);
	cal_parse_date("2027-01-01", &d);
	cal_add_holiday(c, d);
	finish(c);
	/* Fri 2026-10-23 17:55 CEST; the clocks go back on Sunday. */
	due_is(c, at(2026, 10, 23, 15, 55), 15, at(2026, 10, 26, 8, 10),
	    "Warsaw: Friday 17:55 CEST + 15 min is Monday 09:10 CET");
	due_is(c, at(2026, 3, 27, 16, 55), 15, at(2026, 3, 30, 7, 10),
	    "Warsaw: Friday 17:55 CET + 15 min is Monday 09:10 CEST");
	due_is(c, at(2026, 10, 23, 15, 55), 5, at(2026, 10, 23, 16, 0),
	    "Warsaw: 17:55 + 5 min is due at closing, 18:00");
	due_is(c, at(2026, 12, 2, 11, 55), 15, at(2026, 12, 2, 12, 40),
	    "Warsaw: lunch break: 12:55 + 15 min is 13:40");
	due_is(c, at(2026, 12, 2, 12, 10), 15, at(2026, 12, 2, 12, 45),
	    "Warsaw: a post during lunch waits for 13:30");
	due_is(c, at(2026, 12, 7, 8, 0), 15, at(2026, 12, 7, 8, 15),
	    "Warsaw: exactly at opening, 09:00 + 15 min is 09:15");
	due_is(c, at(2026, 12, 7, 17, 0), 15, at(2026, 12, 8, 8, 15),
	    "Warsaw: exactly at closing, 18:00 + 15 min is 09:15 next day");
	due_is(c, at(2026, 12, 7, 5, 30), 15, at(2026, 12, 7, 8, 15),
	    "Warsaw: before opening, 06:30 waits for 09:00");
	due_is(c, at(2026, 12, 5, 11, 0), 15, at(2026, 12, 7, 8, 15),
	    "Warsaw: Saturday waits for Monday");
	due_is(c, at(2026, 11, 10, 16, 55), 15, at(2026, 11, 12, 8, 10),
	    "Warsaw: the 11 November holiday is skipped");
	/* 48 business hours from Wed 23 Dec 10:00: 23 Dec gives 7.5 h
	 * (10:00-13:00, 13:30-18:00), then 28, 29, 30 Dec and Mon 4 Jan
	 * 8.5 h each (34 h in all), 6.5 h on Tue 5 Jan: 16:00 CET. */
	due_is(c, at(2026, 12, 23, 9, 0), 48 * 60, at(2027, 1, 5, 15, 0),
	    "Warsaw: 48 business hours over Christmas and New Year");
	ok(cal_between(c, at(2026, 12, 23, 9, 0), at(2027, 1, 5, 15, 0)) ==
	    48 * 3600, "Warsaw: and back: 48 business hours between them");
	ok(cal_between(c, at(2026, 10, 23, 15, 55), at(2026, 10, 26, 8, 10))
	    == 900, "Warsaw: 15 business minutes Friday 17:55 to Monday 09:10");
	ok(cal_between(c, at(2026, 12, 7, 8, 0), at(2026, 12, 7, 8, 0)) == 0,
	    "cal_between of an empty interval is 0");
	ok(cal_open(c, at(2026, 12, 7, 8, 0)) &&
	    !cal_open(c, at(2026, 12, 7, 17, 0)) &&
	    !cal_open(c, at(2026, 12, 7, 12, 15)),
	    "open at 09:00, closed at 18:00 and 13:15 local");
	ok(cal_add(c, at(9999, 12, 31, 12, 0), 60 * 60 * 24) == INT64_MAX,
	    "past the year 9999: INT64_MAX");
	cal_free(c);
}

static void
new_york(void)
{
	struct calendar *c = mkcal("America/New_York"), *n;

	period(c, MONFRI, "09:00-17:00");
	finish(c);
	due_is(c, at(2026, 3, 6, 21, 55), 15, at(2026, 3, 9, 13, 10),
	    "New York: Friday 16:55 EST + 15 min is Monday 09:10 EDT");
	due_is(c, at(2026, 10, 30, 20, 55), 15, at(2026, 11, 2, 14, 10),
	    "New York: Friday 16:55 EDT + 15 min is Monday 09:10 EST");
	cal_free(c);
	/* A night shift on the nights the clocks change. */
	n = mkcal("America/New_York");
	period(n, SAT | SUN, "00:00-04:00");
	finish(n);
	ok(cal_between(n, at(2026, 3, 8, 0, 0), at(2026, 3, 8, 12, 0)) ==
	    3 * 3600, "New York: Sunday 00:00-04:00 lasts 3 h on 8 March");
	ok(cal_between(n, at(2026, 11, 1, 0, 0), at(2026, 11, 1, 12, 0)) ==
	    5 * 3600, "New York: Sunday 00:00-04:00 lasts 5 h on 1 November");
	due_is(n, at(2026, 11, 1, 4, 0), 4 * 60 + 30, at(2026, 11, 1, 8, 30),
	    "New York: 4.5 h from midnight EDT is 03:30 EST");
	cal_free(n);
	n = mkcal("Europe/Warsaw");
	period(n, SUN, "00:00-04:00");
	period(n, SUN, "22:00-02:00");
	finish(n);
	ok(cal_between(n, at(2026, 3, 28, 12, 0), at(2026, 3, 29, 12, 0)) ==
	    3 * 3600, "Warsaw: Sunday 00:00-04:00 lasts 3 h on 29 March");
	ok(cal_between(n, at(2026, 10, 24, 12, 0), at(2026, 10, 25, 12, 0)) ==
	    5 * 3600, "Warsaw: Sunday 00:00-04:00 lasts 5 h on 25 October");
	cal_free(n);
}

static void
midnight(void)
{
	struct calendar *c = mkcal("Asia/Shanghai"), *a;
	int64_t d;

	period(c, CAL_ALLDAYS, "22:00-02:00");
	cal_parse_date("2026-12-08", &d);	/* a Tuesday */
	cal_add_holiday(c, d);
	finish(c);
	due_is(c, at(2026, 12, 7, 15, 50), 15, at(2026, 12, 7, 16, 5),
	    "Shanghai: Monday 23:50 + 15 min is Tuesday 00:05");
	due_is(c, at(2026, 12, 7, 17, 50), 15, at(2026, 12, 9, 14, 5),
	    "Shanghai: Monday's shift ends 02:00 on the holiday; Tuesday's "
	    "shift is closed");
	due_is(c, at(2026, 12, 7, 4, 0), 15, at(2026, 12, 7, 14, 15),
	    "Shanghai: at noon a post waits for 22:00");
	ok(cal_open(c, at(2026, 12, 7, 17, 30)), "Shanghai: open at 01:30 "
	    "on the holiday (Monday's shift)");
	ok(!cal_open(c, at(2026, 12, 8, 14, 30)), "Shanghai: closed at "
	    "22:30 on the holiday");
	cal_free(c);
	a = cal_new(NULL);
	finish(a);
	ok(cal_always(a), "24x7 is always open");
	due_is(a, at(2026, 10, 23, 15, 55), 15, at(2026, 10, 23, 16, 10),
	    "24x7: 15 minutes are 15 minutes");
	ok(cal_between(a, 100, 1000) == 900, "24x7: between is b - a");
	cal_free(a);
}

/* The reference: minute-by-minute, with libc's localtime_r(). */
struct ref {
	int		 lo[7][4], hi[7][4];	/* minutes from midnight */
	int		 n[7];
	int64_t		 hol[4];
	int		 nhol;
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int
ref_holiday(const struct ref *r, int64_t day)
{
	int i;

	for (i = 0; i < r->nhol; i++)
		if (r->hol[i] == day)
			return 1;
	return 0;
}

static int
ref_open(const struct ref *r, int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	int64_t day;
	int wd, m, i, pwd;

	localtime_r(&tt, &tm);
	day = time_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday);
	wd = (tm.tm_wday + 6) % 7;
	m = tm.tm_hour * 60 + tm.tm_min;
	if (!ref_holiday(r, day))
		for (i = 0; i < r->n[wd]; i++)
			if (m >= r->lo[wd][i] && m < r->hi[wd][i])
				return 1;
	pwd = (wd + 6) % 7;
	if (!ref_holiday(r, day - 1))
		for (i = 0; i < r->n[pwd]; i++)
			if (r->hi[pwd][i] > 1440 && m < r->hi[pwd][i] - 1440)
				return 1;
	return 0;
}

static void
random_calendars(const char *zone, int64_t around)
{
	char env[64], err[256];
	struct calendar *c;
	struct ref r;
	int64_t t, t0, want, got, b, n, cnt, x0, x1, m, bw;
	int k, d, i, s, e, bad = 0, sbad = 0, cases = 60;

	snprintf(env, sizeof(env), ":%s", zone);
	setenv("TZ", env, 1);
	tzset();
	for (k = 0; k < cases; k++) {
		memset(&r, 0, sizeof(r));
		c = mkcal(zone);
		/* Up to two periods a day on half hours, the first some
		 * times crossing midnight, none starting or ending in the
		 * hours the clocks change (00:00-04:00 is left alone). */
		for (d = 0; d < 7; d++) {
			if (next() % 4 == 0)
				continue;
			s = 240 + (int)(next() % 20) * 30;	/* 04:00-13:30 */
			e = s + 30 + (int)(next() % 12) * 30;
			if (cal_add_period(c, 1u << d, s, e, err,
			    sizeof(err)) == 0) {
				r.lo[d][r.n[d]] = s;
				r.hi[d][r.n[d]++] = e;
			}
			s = e + 30 + (int)(next() % 6) * 30;
			e = s + 30 + (int)(next() % 10) * 30;
			if (e - 1440 > 240 || s >= 1440)
				continue;
			if (cal_add_period(c, 1u << d, s, e, err,
			    sizeof(err)) == 0) {
				r.lo[d][r.n[d]] = s;
				r.hi[d][r.n[d]++] = e;
			}
		}
		for (i = 0; i < 3; i++) {
			r.hol[r.nhol] = around / 86400 + (int64_t)(next() % 10) -
			    3;
			cal_add_holiday(c, r.hol[r.nhol++]);
		}
		if (cal_finish(c, err, sizeof(err)) == -1) {
			cal_free(c);
			continue;
		}
		t0 = around - 4 * 86400 + (int64_t)(next() % (6 * 1440)) * 60;
		n = 1 + (int64_t)(next() % 2000);
		for (t = t0, cnt = n; ; t += 60)
			if (ref_open(&r, t) && --cnt == 0)
				break;
		want = t + 60;
		got = cal_add(c, t0, n * 60);
		b = cal_between(c, t0, want);
		/* Between two instants to the second, as first responses
		 * are: whole minutes by the reference, the two partial
		 * ones by their seconds (open stays open within a minute). */
		x0 = t0 + (int64_t)(next() % 86400);
		x1 = x0 + (int64_t)(next() % (3 * 86400));
		for (bw = 0, m = x0 / 60 * 60; m < x1; m += 60)
			if (ref_open(&r, m))
				bw += (m + 60 < x1 ? m + 60 : x1) -
				    (m > x0 ? m : x0);
		if (cal_between(c, x0, x1) != bw) {
			if (sbad++ == 0)
				printf("#   case %d: between %lld and %lld: "
				    "got %lld, want %lld\n", k, (long long)x0,
				    (long long)x1,
				    (long long)cal_between(c, x0, x1),
				    (long long)bw);
		}
		if (got != want || b != n * 60) {
			if (bad++ == 0)
				printf("#   case %d: from %lld + %lld min: got "
				    "%lld, want %lld; between %lld\n", k,
				    (long long)t0, (long long)n,
				    (long long)got, (long long)want,
				    (long long)b);
		}
		cal_free(c);
	}
	ok(bad == 0, "%s: %d random calendars agree with a minute-by-minute "
	    "count by localtime_r()", zone, cases);
	ok(sbad == 0, "%s: cal_between() of instants to the second agrees "
	    "with the count on the same calendars", zone);
}

int
main(void)
{
	day_keys();
	periods();
	overlaps();
	warsaw();
	new_york();
	midnight();
	random_calendars("Europe/Warsaw", at(2026, 3, 29, 1, 0));
	random_calendars("Europe/Warsaw", at(2026, 10, 25, 1, 0));
	random_calendars("America/New_York", at(2026, 3, 8, 7, 0));
	random_calendars("America/New_York", at(2026, 11, 1, 6, 0));
	random_calendars("Asia/Shanghai", at(2026, 6, 1, 0, 0));
	return tap_done();
}
