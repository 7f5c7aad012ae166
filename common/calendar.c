/*
 * Business calendars.  Open time is walked as a sequence of intervals in
 * UTC, one per period of each working day, computed from the local dates
 * with tz_utc(); everything else is arithmetic on those intervals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "sctime.h"
#include "xmem.h"

#define WEEK	(7 * 1440)

struct period {
	int	 start, end;		/* minutes from the day's midnight */
};

struct calendar {
	struct tz	*zone;		/* NULL: never closes */
	struct period	*days[7];	/* Monday first, sorted by start */
	size_t		 ndays[7];
	int64_t		*holidays;	/* sorted after cal_finish() */
	size_t		 nholidays;
	int64_t		 lastday;	/* 9999-12-31 */
};

static const char *const daynames[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

struct calendar *
cal_new(struct tz *zone)
{
	struct calendar *c;

	c = xcalloc(1, sizeof(*c));
	c->zone = zone;
	c->lastday = time_days_from_civil(9999, 12, 31);
	return c;
}

void
cal_free(struct calendar *c)
{
	int d;

	if (c == NULL)
		return;
	for (d = 0; d < 7; d++)
		free(c->days[d]);
	free(c->holidays);
	tz_free(c->zone);
	free(c);
}

int
cal_always(const struct calendar *c)
{
	return c->zone == NULL;
}

const struct tz *
cal_zone(const struct calendar *c)
{
	return c->zone;
}

static int
day_index(const char *s, size_t n)
{
	int d;

	if (n != 3)
		return -1;
	for (d = 0; d < 7; d++)
		if (memcmp(s, daynames[d], 3) == 0)
			return d;
	return -1;
}

unsigned
cal_parse_days(const char *key)
{
	const char *dash;
	unsigned mask = 0;
	int a, b;

	if ((dash = strchr(key, '-')) == NULL)
		return (a = day_index(key, strlen(key))) < 0 ? 0 : 1u << a;
	if ((a = day_index(key, (size_t)(dash - key))) < 0 ||
	    (b = day_index(dash + 1, strlen(dash + 1))) < 0 || a == b)
		return 0;
	for (;; a = (a + 1) % 7) {
		mask |= 1u << a;
		if (a == b)
			break;
	}
	return mask;
}

/* "HH:MM" at p; 24:00 only when end. */
static int
hhmm(const char *p, int end, int *min)
{
	int h, m;

	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' ||
	    p[2] != ':' || p[3] < '0' || p[3] > '5' || p[4] < '0' ||
	    p[4] > '9')
		return -1;
	h = (p[0] - '0') * 10 + p[1] - '0';
	m = (p[3] - '0') * 10 + p[4] - '0';
	if (h > 24 || (h == 24 && (m != 0 || !end)))
		return -1;
	*min = h * 60 + m;
	return 0;
}

int
cal_parse_period(const char *s, int *start, int *end, char *err,
    size_t errlen)
{
	if (strlen(s) != 11 || s[5] != '-' || hhmm(s, 0, start) == -1 ||
	    hhmm(s + 6, 1, end) == -1) {
		snprintf(err, errlen, "expected a period \"HH:MM-HH:MM\" "
		    "(00:00 to 24:00), got \"%s\"", s);
		return -1;
	}
	if (*end == *start) {
		snprintf(err, errlen, "empty period \"%s\"", s);
		return -1;
	}
	if (*end < *start)
		*end += 1440;
	return 0;
}

int
cal_parse_date(const char *s, int64_t *day)
{
	static const unsigned char mdays[] = { 31, 29, 31, 30, 31, 30, 31,
	    31, 30, 31, 30, 31 };
	int y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = (s[5] - '0') * 10 + s[6] - '0';
	d = (s[8] - '0') * 10 + s[9] - '0';
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0)))
		return -1;
	*day = time_days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

static void
fmt_period(char *out, size_t n, int d, const struct period *p)
{
	int e = p->end % 1440 == 0 && p->end > 0 && p->end <= 1440 ? 1440 :
	    p->end % 1440;

	snprintf(out, n, "%s %02d:%02d-%02d:%02d", daynames[d],
	    p->start / 60, p->start % 60, e / 60, e % 60);
}

/* Two week intervals [a, b) overlap, the week being a circle. */
static int
overlaps(int a0, int a1, int b0, int b1)
{
	int k;

	for (k = -1; k <= 1; k++)
		if (a0 < b1 + k * WEEK && b0 + k * WEEK < a1)
			return 1;
	return 0;
}

int
cal_add_period(struct calendar *c, unsigned mask, int start, int end,
    char *err, size_t errlen)
{
	struct period np = { start, end };
	char a[32], b[32];
	size_t i, j;
	int d, e;

	for (d = 0; d < 7; d++) {
		if (!(mask & (1u << d)))
			continue;
		for (e = 0; e < 7; e++)
			for (i = 0; i < c->ndays[e]; i++)
				if (overlaps(d * 1440 + start, d * 1440 + end,
				    e * 1440 + c->days[e][i].start,
				    e * 1440 + c->days[e][i].end)) {
					fmt_period(a, sizeof(a), d, &np);
					fmt_period(b, sizeof(b), e,
					    &c->days[e][i]);
					snprintf(err, errlen, "%s overlaps %s",
					    a, b);
					return -1;
				}
	}
	for (d = 0; d < 7; d++) {
		if (!(mask & (1u << d)))
			continue;
		c->days[d] = xreallocarray(c->days[d], c->ndays[d] + 1,
		    sizeof(*c->days[d]));
		for (i = 0; i < c->ndays[d] && c->days[d][i].start < start;
		    i++)
			;
		for (j = c->ndays[d]; j > i; j--)
			c->days[d][j] = c->days[d][j - 1];
		c->days[d][i] = np;
		c->ndays[d]++;
	}
	return 0;
}

void
cal_add_holiday(struct calendar *c, int64_t day)
{
	c->holidays = xreallocarray(c->holidays, c->nholidays + 1,
	    sizeof(*c->holidays));
	c->holidays[c->nholidays++] = day;
}

static int
cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
cal_finish(struct calendar *c, char *err, size_t errlen)
{
	int d;

	if (c->nholidays > 0)
		qsort(c->holidays, c->nholidays, sizeof(*c->holidays),
		    cmp_day);
	if (c->zone == NULL)
		return 0;
	for (d = 0; d < 7; d++)
		if (c->ndays[d] > 0)
			return 0;
	snprintf(err, errlen, "no opening hours on any day");
	return -1;
}

static int
holiday(const struct calendar *c, int64_t day)
{
	return c->nholidays > 0 && bsearch(&day, c->holidays, c->nholidays,
	    sizeof(day), cmp_day) != NULL;
}

/* Walks the open intervals in UTC, in order, from a given local day. */
struct walk {
	const struct calendar *c;
	int64_t		 day;
	size_t		 k;
	int64_t		 last;		/* end of the previous interval */
};

static void
walk_from(struct walk *w, const struct calendar *c, int64_t t)
{
	int64_t local = tz_local(c->zone, t);

	w->c = c;
	/* The day before: its period may cross midnight into today. */
	w->day = (local >= 0 ? local / 86400 : -((-local + 86399) / 86400)) -
	    1;
	w->k = 0;
	w->last = INT64_MIN;
}

static int
walk_next(struct walk *w, int64_t *u0, int64_t *u1)
{
	const struct calendar *c = w->c;
	const struct period *p;
	int wd;

	for (;;) {
		wd = (int)(((w->day + 3) % 7 + 7) % 7);
		if (w->k >= c->ndays[wd] || (w->k == 0 &&
		    holiday(c, w->day))) {
			if (w->day >= c->lastday)
				return 0;
			w->day++;
			w->k = 0;
			continue;
		}
		p = &c->days[wd][w->k++];
		*u0 = tz_utc(c->zone, w->day * 86400 + p->start * 60,
		    TZ_EARLIEST);
		*u1 = tz_utc(c->zone, w->day * 86400 + p->end * 60, TZ_LATEST);
		/* A repeated hour must not be counted twice. */
		if (*u0 < w->last)
			*u0 = w->last;
		if (*u1 <= *u0)
			continue;
		w->last = *u1;
		return 1;
	}
}

int
cal_open(const struct calendar *c, int64_t t)
{
	struct walk w;
	int64_t u0, u1;

	if (c->zone == NULL)
		return 1;
	walk_from(&w, c, t);
	while (walk_next(&w, &u0, &u1) && u0 <= t)
		if (t < u1)
			return 1;
	return 0;
}

int64_t
cal_add(const struct calendar *c, int64_t t, int64_t secs)
{
	struct walk w;
	int64_t u0, u1, start;

	if (secs <= 0)
		return t;
	if (c->zone == NULL)
		return t > INT64_MAX - secs ? INT64_MAX : t + secs;
	walk_from(&w, c, t);
	while (walk_next(&w, &u0, &u1)) {
		if (u1 <= t)
			continue;
		start = u0 > t ? u0 : t;
		if (secs <= u1 - start)
			return start + secs;
		secs -= u1 - start;
	}
	return INT64_MAX;
}

int64_t
cal_between(const struct calendar *c, int64_t a, int64_t b)
{
	struct walk w;
	int64_t u0, u1, sum = 0;

	if (b <= a)
		return 0;
	if (c->zone == NULL)
		return b - a;
	walk_from(&w, c, a);
	while (walk_next(&w, &u0, &u1) && u0 < b) {
		if (u1 <= a)
			continue;
		sum += (u1 < b ? u1 : b) - (u0 > a ? u0 : a);
	}
	return sum;
}
