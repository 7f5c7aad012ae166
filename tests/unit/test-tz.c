/*
 * test-tz - tz.h against libc: for many instants in many zones, the
 * offset tz_offset() gives equals tm_gmtoff of localtime_r() under
 * TZ=zone, including both 2026 changes in Europe/Warsaw and
 * America/New_York, the far future (the footer's TZ string) and the
 * past; tz_utc() undoes tz_local(); bad names are refused at load.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sctime.h"
#include "tap.h"
#include "tz.h"

static const char *const zones[] = {
	"Europe/Warsaw", "America/New_York", "Europe/Madrid", "Asia/Shanghai",
	"Australia/Sydney", "Asia/Kolkata", "America/St_Johns",
	"Pacific/Chatham", "Europe/Dublin", "America/Sao_Paulo",
	"Antarctica/Troll", "Africa/Casablanca", "Pacific/Apia",
	"America/Santiago", "UTC", NULL
};

static int64_t
at(int y, unsigned mo, unsigned d, int h, int mi)
{
	return time_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static long
libc_offset(int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return -999999;
	return tm.tm_gmtoff;
}

/* A small deterministic generator, so failures repeat. */
static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
against_libc(const char *name)
{
	char env[300], err[256];
	struct tz *z;
	int64_t t, lo, hi, bad = -1, badround = -1;
	long n = 0, wrong = 0, unround = 0, got, want;
	int i;

	z = tz_load(name, err, sizeof(err));
	if (!ok(z != NULL, "%s loads", name)) {
		printf("#   %s\n", err);
		return;
	}
	snprintf(env, sizeof(env), ":%s", name);
	setenv("TZ", env, 1);
	tzset();
	/* Every 15 minutes of 2026, then random instants 1900-2200. */
	lo = at(2026, 1, 1, 0, 0) - 86400;
	hi = at(2027, 1, 1, 0, 0) + 86400;
	for (i = 0; ; i++) {
		if (i < (hi - lo) / 900)
			t = lo + (int64_t)i * 900;
		else if (i < (hi - lo) / 900 + 20000)
			t = at(1900, 1, 1, 0, 0) + (int64_t)(next() %
			    (uint64_t)(at(2200, 1, 1, 0, 0) -
			    at(1900, 1, 1, 0, 0)));
		else
			break;
		n++;
		got = tz_offset(z, t);
		want = libc_offset(t);
		if (got != want) {
			if (wrong++ == 0)
				bad = t;
		}
		/* Some reading of the wall clock must give t back. */
		if (tz_utc(z, tz_local(z, t), TZ_EARLIEST) != t &&
		    tz_utc(z, tz_local(z, t), TZ_LATEST) != t) {
			if (unround++ == 0)
				badround = t;
		}
	}
	if (!ok(wrong == 0, "%s: offsets of %ld instants as libc", name, n))
		printf("#   %ld differ, first at %lld: %ld, libc %ld\n", wrong,
		    (long long)bad, (long)tz_offset(z, bad), libc_offset(bad));
	if (!ok(unround == 0, "%s: tz_utc(tz_local(t)) is t", name))
		printf("#   %ld differ, first at %lld\n", unround,
		    (long long)badround);
	tz_free(z);
}

static void
utc_is(struct tz *z, int64_t local, enum tz_pick pick, int64_t want,
    const char *what)
{
	int64_t got = tz_utc(z, local, pick);
	char g[TIME_STRLEN], w[TIME_STRLEN];

	time_format(got, g);
	time_format(want, w);
	if (!ok(got == want, "%s: %s", tz_name(z), what))
		printf("#   got %s, want %s\n", g, w);
}

static void
changes_2026(void)
{
	char err[256];
	struct tz *w, *ny;

	w = tz_load("Europe/Warsaw", err, sizeof(err));
	ny = tz_load("America/New_York", err, sizeof(err));
	if (w == NULL || ny == NULL) {
		ok(0, "2026 zones load: %s", err);
		return;
	}
	/* Warsaw: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z). */
	ok(tz_offset(w, at(2026, 3, 29, 0, 59) + 59) == 3600 &&
	    tz_offset(w, at(2026, 3, 29, 1, 0)) == 7200,
	    "Warsaw springs forward at 2026-03-29T01:00Z");
	utc_is(w, at(2026, 3, 29, 2, 30), TZ_EARLIEST, at(2026, 3, 29, 1, 0),
	    "02:30 on 2026-03-29 does not exist: the jump");
	utc_is(w, at(2026, 3, 29, 3, 0), TZ_EARLIEST, at(2026, 3, 29, 1, 0),
	    "03:00 CEST on 2026-03-29");
	utc_is(w, at(2026, 3, 29, 9, 0), TZ_LATEST, at(2026, 3, 29, 7, 0),
	    "09:00 CEST on 2026-03-29");
	/* Warsaw: 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z). */
	ok(tz_offset(w, at(2026, 10, 25, 0, 59) + 59) == 7200 &&
	    tz_offset(w, at(2026, 10, 25, 1, 0)) == 3600,
	    "Warsaw falls back at 2026-10-25T01:00Z");
	utc_is(w, at(2026, 10, 25, 2, 30), TZ_EARLIEST, at(2026, 10, 25, 0, 30),
	    "02:30 on 2026-10-25, first time (CEST)");
	utc_is(w, at(2026, 10, 25, 2, 30), TZ_LATEST, at(2026, 10, 25, 1, 30),
	    "02:30 on 2026-10-25, second time (CET)");
	utc_is(w, at(2026, 10, 26, 9, 10), TZ_EARLIEST, at(2026, 10, 26, 8, 10),
	    "09:10 CET on 2026-10-26");
	/* New York: 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z). */
	ok(tz_offset(ny, at(2026, 3, 8, 6, 59) + 59) == -18000 &&
	    tz_offset(ny, at(2026, 3, 8, 7, 0)) == -14400,
	    "New York springs forward at 2026-03-08T07:00Z");
	utc_is(ny, at(2026, 3, 8, 2, 15), TZ_LATEST, at(2026, 3, 8, 7, 0),
	    "02:15 on 2026-03-08 does not exist: the jump");
	/* New York: 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z). */
	ok(tz_offset(ny, at(2026, 11, 1, 5, 59) + 59) == -14400 &&
	    tz_offset(ny, at(2026, 11, 1, 6, 0)) == -18000,
	    "New York falls back at 2026-11-01T06:00Z");
	utc_is(ny, at(2026, 11, 1, 1, 30), TZ_EARLIEST, at(2026, 11, 1, 5, 30),
	    "01:30 on 2026-11-01, first time (EDT)");
	utc_is(ny, at(2026, 11, 1, 1, 30), TZ_LATEST, at(2026, 11, 1, 6, 30),
	    "01:30 on 2026-11-01, second time (EST)");
	tz_free(w);
	tz_free(ny);
}

static void
refuses(const char *name, const char *want)
{
	char err[256] = "";
	struct tz *z;

	z = tz_load(name, err, sizeof(err));
	if (!ok(z == NULL && strstr(err, want) != NULL, "refuses \"%s\"",
	    name))
		printf("#   err \"%s\", want \"%s\" in it\n", err, want);
	tz_free(z);
}

static void
put(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		ok(0, "write %s", path);
}

/* Files in $TZDIR that are not TZif, or cut short, are refused. */
static void
broken_files(void)
{
	char dir[] = "/tmp/test-tz.XXXXXX", path[64], err[256];
	unsigned char real[4096];
	struct tz *z;
	size_t n, cut;
	FILE *fp;

	if (mkdtemp(dir) == NULL || (fp = fopen("/usr/share/zoneinfo/"
	    "Europe/Warsaw", "rb")) == NULL) {
		ok(0, "set up a TZDIR");
		return;
	}
	n = fread(real, 1, sizeof(real), fp);
	fclose(fp);
	setenv("TZDIR", dir, 1);
	snprintf(path, sizeof(path), "%s/Text", dir);
	put(path, "# not a zone\n", 13);
	refuses("Text", "not a valid TZif file");
	snprintf(path, sizeof(path), "%s/Whole", dir);
	put(path, real, n);
	z = tz_load("Whole", err, sizeof(err));
	ok(z != NULL && tz_offset(z, at(2026, 7, 1, 0, 0)) == 7200,
	    "a copy of Europe/Warsaw in $TZDIR loads");
	tz_free(z);
	/* Cut anywhere before the footer's end: refused, never misread. */
	for (cut = 0; cut + 1 < n; cut += 7) {
		snprintf(path, sizeof(path), "%s/Cut", dir);
		put(path, real, cut);
		z = tz_load("Cut", err, sizeof(err));
		if (z != NULL)
			break;
	}
	ok(cut + 1 >= n, "every cut copy is refused (first loaded: %zu of "
	    "%zu bytes)", cut, n);
	tz_free(z);
	unlink(path);
	snprintf(path, sizeof(path), "%s/Text", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/Whole", dir);
	unlink(path);
	rmdir(dir);
	unsetenv("TZDIR");
}

/*
 * A version 1 TZif file of one type, offset off (RFC 8536 3: a header,
 * no transitions, the ttinfo, "X" and its NUL).
 */
static struct tz *
one_type(int32_t off)
{
	unsigned char f[44 + 6 + 2];
	uint32_t u = (uint32_t)off;
	char err[256];

	memset(f, 0, sizeof(f));
	memcpy(f, "TZif", 4);
	f[20 + 4 * 4 + 3] = 1;		/* typecnt */
	f[20 + 5 * 4 + 3] = 2;		/* charcnt */
	f[44] = (unsigned char)(u >> 24);
	f[45] = (unsigned char)(u >> 16);
	f[46] = (unsigned char)(u >> 8);
	f[47] = (unsigned char)u;
	f[50] = 'X';
	return tz_parse("Test/One", f, sizeof(f), err, sizeof(err));
}

/* Offsets at RFC 8536's bounds load; one second past them do not. */
static void
offset_bounds(void)
{
	static const int32_t good[] = { -89999, 0, 93599 };
	static const int32_t bad[] = { -90000, 93600, INT32_MIN };
	struct tz *z;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		z = one_type(good[i]);
		ok(z != NULL && tz_offset(z, 0) == good[i],
		    "a zone %+ld s from UT loads", (long)good[i]);
		tz_free(z);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		z = one_type(bad[i]);
		ok(z == NULL, "a zone %+ld s from UT is refused",
		    (long)bad[i]);
		tz_free(z);
	}
}

int
main(void)
{
	size_t i;

	for (i = 0; zones[i] != NULL; i++)
		against_libc(zones[i]);
	changes_2026();
	refuses("Mars/Olympus_Mons", "unknown time zone");
	refuses("Europe", "unknown time zone");
	refuses("../../etc/passwd", "not a time zone name");
	refuses("/etc/localtime", "not a time zone name");
	refuses("", "not a time zone name");
	refuses("Europe/Warsaw ", "not a time zone name");
	refuses("right/UTC", "leap seconds");
	broken_files();
	offset_bounds();
	return tap_done();
}
