/*
 * A reader of TZif files (RFC 8536) and of the POSIX TZ strings in their
 * footers.  Only the version 2+ 64-bit block is used when there is one;
 * a version 1 file is read from its 32-bit block.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sctime.h"
#include "tz.h"
#include "xmem.h"

#define TZ_MAXFILE	(1 << 20)	/* real files are under 4 KiB */
#define TZ_MAXNAME	255

/* One rule of a POSIX TZ string: when a change happens in a year. */
struct tzrule {
	char		 kind;		/* 'J': Jn, 'D': n, 'M': Mm.w.d */
	int		 n, m, w, d;
	int32_t		 secs;		/* local time of day of the change */
};

struct tz {
	char		*name;
	int64_t		*times;		/* transitions, ascending */
	unsigned char	*idx;		/* the type from each transition on */
	size_t		 ntimes;
	int32_t		*utoff;		/* per type */
	unsigned char	*isdst;
	size_t		 ntypes;
	/* The footer; has_footer 0 when it is empty or absent. */
	int		 has_footer;
	int32_t		 std_off, dst_off;	/* east positive */
	int		 has_dst;
	struct tzrule	 start, end;
};

static int64_t
be(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	if (n == 4)
		return (int64_t)(int32_t)(uint32_t)v;
	return (int64_t)v;
}

/* POSIX TZ string parsing; each returns NULL on a syntax error. */

static const char *
tzs_name(const char *p)
{
	const char *s = p;

	if (*p == '<') {
		for (p++; *p && *p != '>'; p++)
			if (!(*p == '+' || *p == '-' ||
			    (*p >= '0' && *p <= '9') ||
			    (*p >= 'A' && *p <= 'Z') ||
			    (*p >= 'a' && *p <= 'z')))
				return NULL;
		return *p == '>' && p - s >= 4 ? p + 1 : NULL;
	}
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
		p++;
	return p - s >= 3 ? p : NULL;
}

static const char *
tzs_num(const char *p, int lo, int hi, int *v)
{
	int x = 0, n = 0;

	while (*p >= '0' && *p <= '9' && n < 4) {
		x = x * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || x < lo || x > hi)
		return NULL;
	*v = x;
	return p;
}

/* [+-]hh[:mm[:ss]], hours up to maxh. */
static const char *
tzs_time(const char *p, int maxh, int32_t *secs)
{
	int sign = 1, h, m = 0, s = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if ((p = tzs_num(p, 0, maxh, &h)) == NULL)
		return NULL;
	if (*p == ':') {
		if ((p = tzs_num(p + 1, 0, 59, &m)) == NULL)
			return NULL;
		if (*p == ':' && (p = tzs_num(p + 1, 0, 59, &s)) == NULL)
			return NULL;
	}
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
tzs_rule(const char *p, struct tzrule *r)
{
	r->secs = 7200;
	if (*p == 'J') {
		r->kind = 'J';
		p = tzs_num(p + 1, 1, 365, &r->n);
	} else if (*p == 'M') {
		r->kind = 'M';
		if ((p = tzs_num(p + 1, 1, 12, &r->m)) == NULL || *p != '.' ||
		    (p = tzs_num(p + 1, 1, 5, &r->w)) == NULL || *p != '.')
			return NULL;
		p = tzs_num(p + 1, 0, 6, &r->d);
	} else {
		r->kind = 'D';
		p = tzs_num(p, 0, 365, &r->n);
	}
	if (p != NULL && *p == '/')
		p = tzs_time(p + 1, 167, &r->secs);
	return p;
}

static int
parse_footer(struct tz *z, const char *p)
{
	int32_t off;

	if (*p == '\0')
		return 0;
	if ((p = tzs_name(p)) == NULL || (p = tzs_time(p, 24, &off)) == NULL)
		return -1;
	z->std_off = -off;		/* POSIX offsets are west positive */
	z->has_footer = 1;
	if (*p == '\0')
		return 0;
	if ((p = tzs_name(p)) == NULL)
		return -1;
	z->has_dst = 1;
	z->dst_off = z->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if ((p = tzs_time(p, 24, &off)) == NULL)
			return -1;
		z->dst_off = -off;
	}
	if (*p == '\0') {
		/* No rules: POSIX leaves them to the implementation. */
		p = "M3.2.0,M11.1.0";
		if (tzs_rule(p, &z->start) == NULL)
			return -1;
		return tzs_rule(p + 7, &z->end) == NULL ? -1 : 0;
	}
	if (*p != ',' || (p = tzs_rule(p + 1, &z->start)) == NULL ||
	    *p != ',' || (p = tzs_rule(p + 1, &z->end)) == NULL)
		return -1;
	return *p == '\0' ? 0 : -1;
}

static int
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day number (since 1970-01-01) on which rule r falls in year y. */
static int64_t
rule_day(const struct tzrule *r, int64_t y)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int64_t first, day;
	int wd, len;

	switch (r->kind) {
	case 'J':
		return time_days_from_civil(y, 1, 1) + r->n - 1 +
		    (leap(y) && r->n >= 60);
	case 'D':
		return time_days_from_civil(y, 1, 1) + r->n;
	}
	first = time_days_from_civil(y, (unsigned)r->m, 1);
	wd = (int)(((first + 4) % 7 + 7) % 7);		/* 0: Sunday */
	day = first + (r->d - wd + 7) % 7 + (r->w - 1) * 7;
	len = mdays[r->m - 1] + (r->m == 2 && leap(y));
	while (day >= first + len)
		day -= 7;
	return day;
}

static int32_t
footer_offset(const struct tz *z, int64_t utc)
{
	int64_t days, y, s, e;
	unsigned m, d;

	if (!z->has_dst)
		return z->std_off;
	days = utc + z->std_off;
	days = days >= 0 ? days / 86400 : -((-days + 86399) / 86400);
	time_civil_from_days(days, &y, &m, &d);
	s = rule_day(&z->start, y) * 86400 + z->start.secs - z->std_off;
	e = rule_day(&z->end, y) * 86400 + z->end.secs - z->dst_off;
	if (s < e)
		return utc >= s && utc < e ? z->dst_off : z->std_off;
	return utc >= e && utc < s ? z->std_off : z->dst_off;
}

int32_t
tz_offset(const struct tz *z, int64_t utc)
{
	size_t lo, hi, mid;

	if (z->ntimes == 0 || utc < z->times[0])
		return z->ntimes == 0 && z->has_footer ? footer_offset(z, utc) :
		    z->utoff[0];
	if (utc >= z->times[z->ntimes - 1] && z->has_footer)
		return footer_offset(z, utc);
	/* The last transition at or before utc. */
	lo = 0;
	hi = z->ntimes;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (z->times[mid] <= utc)
			lo = mid;
		else
			hi = mid;
	}
	return z->utoff[z->idx[lo]];
}

int64_t
tz_local(const struct tz *z, int64_t utc)
{
	return utc + tz_offset(z, utc);
}

/*
 * Zones change offset at most once in any two days, and by less than a
 * day: the offsets a day before and a day after local give every
 * candidate instant.
 */
int64_t
tz_utc(const struct tz *z, int64_t local, enum tz_pick pick)
{
	int32_t o1, o2, olo;
	int64_t c1, c2, lo, hi, mid;
	int v1, v2;

	o1 = tz_offset(z, local - 86400);
	o2 = tz_offset(z, local + 86400);
	c1 = local - o1;
	c2 = local - o2;
	v1 = tz_offset(z, c1) == o1;
	v2 = tz_offset(z, c2) == o2;
	if (v1 && v2 && c1 != c2) {
		if (pick == TZ_EARLIEST)
			return c1 < c2 ? c1 : c2;
		return c1 > c2 ? c1 : c2;
	}
	if (v1)
		return c1;
	if (v2)
		return c2;
	/* Skipped: the instant of the jump, between the two candidates. */
	lo = c1 < c2 ? c1 : c2;
	hi = c1 < c2 ? c2 : c1;
	olo = tz_offset(z, lo);
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (tz_offset(z, mid) == olo)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static int
valid_name(const char *name)
{
	const char *p;

	if (*name == '\0' || *name == '/' || strlen(name) > TZ_MAXNAME ||
	    strstr(name, "..") != NULL)
		return 0;
	for (p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '_' ||
		    *p == '+' || *p == '-'))
			return 0;
	return 1;
}

/* The data block at p (times of tsize bytes); -1 when it is cut short. */
static int
parse_block(struct tz *z, const unsigned char *p, const unsigned char *end,
    int tsize, const unsigned char **next)
{
	uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
	size_t need, i;

	if (end - p < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	isutcnt = (uint32_t)be(p + 20, 4);
	isstdcnt = (uint32_t)be(p + 24, 4);
	leapcnt = (uint32_t)be(p + 28, 4);
	timecnt = (uint32_t)be(p + 32, 4);
	typecnt = (uint32_t)be(p + 36, 4);
	charcnt = (uint32_t)be(p + 40, 4);
	p += 44;
	if (typecnt == 0 || typecnt > 256 || timecnt > 100000 ||
	    leapcnt > 10000 || isutcnt > 256 || isstdcnt > 256 ||
	    charcnt > 100000)
		return -1;
	need = (size_t)timecnt * (size_t)(tsize + 1) + typecnt * 6 + charcnt +
	    leapcnt * (size_t)(tsize + 4) + isstdcnt + isutcnt;
	if ((size_t)(end - p) < need)
		return -1;
	if (leapcnt > 0)
		return -2;
	free(z->times);
	free(z->idx);
	free(z->utoff);
	free(z->isdst);
	z->times = xcalloc(timecnt + 1, sizeof(*z->times));
	z->idx = xcalloc(timecnt + 1, 1);
	z->utoff = xcalloc(typecnt, sizeof(*z->utoff));
	z->isdst = xcalloc(typecnt, 1);
	z->ntimes = timecnt;
	z->ntypes = typecnt;
	for (i = 0; i < timecnt; i++) {
		z->times[i] = be(p, tsize);
		if (i > 0 && z->times[i] <= z->times[i - 1])
			return -1;
		p += tsize;
	}
	for (i = 0; i < timecnt; i++) {
		if (p[i] >= typecnt)
			return -1;
		z->idx[i] = p[i];
	}
	p += timecnt;
	for (i = 0; i < typecnt; i++) {
		z->utoff[i] = (int32_t)be(p, 4);
		/* RFC 8536 3.2: more than -25 h, less than 26 h. */
		if (z->utoff[i] < TZ_UTOFF_MIN || z->utoff[i] > TZ_UTOFF_MAX)
			return -1;
		z->isdst[i] = p[4];
		p += 6;
	}
	*next = p + charcnt + isstdcnt + isutcnt;
	return 0;
}

static int
parse_tzif(struct tz *z, const unsigned char *buf, size_t len)
{
	const unsigned char *end = buf + len, *p, *nl;
	char footer[256];
	int rc;

	if ((rc = parse_block(z, buf, end, 4, &p)) != 0)
		return rc;
	if (buf[4] == '\0')
		return 0;	/* version 1: no 64-bit block, no footer */
	if ((rc = parse_block(z, p, end, 8, &p)) != 0)
		return rc;
	if (p >= end || *p != '\n')
		return -1;
	p++;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    (size_t)(nl - p) >= sizeof(footer))
		return -1;
	memcpy(footer, p, (size_t)(nl - p));
	footer[nl - p] = '\0';
	return parse_footer(z, footer);
}

void
tz_free(struct tz *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->times);
	free(z->idx);
	free(z->utoff);
	free(z->isdst);
	free(z);
}

const char *
tz_name(const struct tz *z)
{
	return z->name;
}

struct tz *
tz_parse(const char *name, const void *buf, size_t len, char *err,
    size_t errlen)
{
	struct tz *z;
	int rc;

	z = xcalloc(1, sizeof(*z));
	if ((rc = parse_tzif(z, buf, len)) != 0) {
		snprintf(err, errlen, "%s", rc == -2 ? "it counts leap seconds; "
		    "use the zone without \"right/\"" : "not a valid TZif file");
		tz_free(z);
		return NULL;
	}
	z->name = xstrdup(name);
	return z;
}

struct tz *
tz_load(const char *name, char *err, size_t errlen)
{
	const char *dir;
	unsigned char *buf = NULL;
	struct tz *z = NULL;
	char *path = NULL, tzerr[200];
	FILE *fp = NULL;
	size_t len;

	if (!valid_name(name)) {
		snprintf(err, errlen, "not a time zone name: \"%s\"", name);
		return NULL;
	}
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	path = xasprintf("%s/%s", dir, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			snprintf(err, errlen, "unknown time zone \"%s\" (not "
			    "in %s)", name, dir);
		else
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	buf = xmalloc(TZ_MAXFILE);
	len = fread(buf, 1, TZ_MAXFILE, fp);
	if (ferror(fp)) {
		snprintf(err, errlen, "unknown time zone \"%s\" (%s: %s)",
		    name, path, strerror(errno));
		goto out;
	}
	if ((z = tz_parse(name, buf, len, tzerr, sizeof(tzerr))) == NULL)
		snprintf(err, errlen, "unknown time zone \"%s\" (%s: %s)", name,
		    path, tzerr);
out:
	if (fp != NULL)
		fclose(fp);
	free(buf);
	free(path);
	return z;
}
