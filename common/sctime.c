/*
 * Civil-date arithmetic after Howard Hinnant's days_from_civil algorithm
 * (public domain description), so no libc time zone state is involved.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "sctime.h"

int64_t
time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void
time_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
mdays(int64_t y, unsigned m)
{
	static const unsigned char n[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* Exactly n digits at *p into *v; advances *p. */
static int
digits(const char **p, int n, int *v)
{
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return 0;
}

static int
make_time(int y, int mo, int d, int h, int mi, int s, int off, int64_t *t)
{
	int64_t v;

	if (mo < 1 || mo > 12 || d < 1 || (unsigned)d > mdays(y, (unsigned)mo)
	    || h > 23 || mi > 59 || s > 60)
		return -1;
	/*
	 * A leap second (23:59:60 UTC) is read as the midnight that follows
	 * it: POSIX time has no second for it, and rounding down would make
	 * every deadline counted from it one second short.  Leap seconds
	 * end UTC days only, so :60 anywhere else is refused.
	 */
	v = time_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	    h * 3600 + mi * 60 + s - off;
	if (s == 60 && (v % 86400 + 86400) % 86400 != 0)
		return -1;
	*t = v;
	return 0;
}

/*
 * Date and time, then a zone; lenient accepts "+hhmm", "+hh" and no zone
 * at all (UTC), strict only "Z" and "+hh:mm".
 */
static int
parse_iso(const char *p, int lenient, int64_t *t)
{
	int y, mo, d, h, mi, s = 0, oh = 0, om = 0, sign;

	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) ||
	    *p++ != '-' || digits(&p, 2, &d))
		return -1;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &s))
			return -1;
	} else if (!lenient)
		return -1;
	if (*p == '.' || (lenient && *p == ',')) {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (digits(&p, 2, &oh))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &om))
				return -1;
		} else if (!lenient)
			return -1;
		else if (isdigit((unsigned char)*p) && digits(&p, 2, &om))
			return -1;
		if (oh > 23 || om > 59)
			return -1;
		oh *= sign;
		om *= sign;
	} else if (lenient && strcmp(p, " UTC") == 0) {
		p += 4;
	} else if (!lenient || *p != '\0')
		return -1;
	if (*p != '\0')
		return -1;
	return make_time(y, mo, d, h, mi, s, oh * 3600 + om * 60, t);
}

static int
month_of(const char *p)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char m[4];
	const char *hit;
	int i;

	for (i = 0; i < 3; i++)
		m[i] = (char)tolower((unsigned char)p[i]);
	m[3] = '\0';
	if (strlen(m) != 3 || (hit = strstr(names, m)) == NULL ||
	    (hit - names) % 3 != 0)
		return -1;
	return (int)(hit - names) / 3 + 1;
}

/* "Tue Oct 31 22:10:10 +0000 2017" */
static int
parse_twitter(const char *p, int64_t *t)
{
	int y, mo, d, h, mi, s, oh, om, sign;

	if (strlen(p) != 30 || p[3] != ' ' || p[7] != ' ' || p[10] != ' ' ||
	    p[19] != ' ' || p[25] != ' ')
		return -1;
	if ((mo = month_of(p + 4)) == -1)
		return -1;
	p += 8;
	if (digits(&p, 2, &d) || *p++ != ' ' || digits(&p, 2, &h) ||
	    *p++ != ':' || digits(&p, 2, &mi) || *p++ != ':' ||
	    digits(&p, 2, &s) || *p++ != ' ')
		return -1;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (digits(&p, 2, &oh) || digits(&p, 2, &om) || *p++ != ' ' ||
	    digits(&p, 4, &y) || *p != '\0')
		return -1;
	return make_time(y, mo, d, h, mi, s, sign * (oh * 3600 + om * 60), t);
}

static int
parse_epoch(const char *p, int64_t *t)
{
	int64_t v = 0;
	int n = 0;

	while (isdigit((unsigned char)*p) && n < 14) {
		v = v * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0)
		return -1;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
		if (n > 12)
			return -1;
	}
	if (*p != '\0' || n > 13)
		return -1;
	*t = n == 13 ? v / 1000 : v;
	return 0;
}

int
time_parse_rfc3339(const char *s, int64_t *t)
{
	return parse_iso(s, 0, t);
}

int
time_parse(const char *s, int64_t *t)
{
	while (isspace((unsigned char)*s))
		s++;
	if (parse_iso(s, 1, t) == 0 || parse_twitter(s, t) == 0 ||
	    parse_epoch(s, t) == 0)
		return 0;
	return -1;
}

static void
put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

void
time_format(int64_t t, char *out)
{
	int64_t days, y, secs;
	unsigned m, d;

	days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	secs = t - days * 86400;
	time_civil_from_days(days, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	put2(out, (unsigned)(y / 100));
	put2(out + 2, (unsigned)(y % 100));
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = 'T';
	put2(out + 11, (unsigned)(secs / 3600));
	out[13] = ':';
	put2(out + 14, (unsigned)(secs / 60 % 60));
	out[16] = ':';
	put2(out + 17, (unsigned)(secs % 60));
	out[19] = 'Z';
	out[20] = '\0';
}

int
time_parse_relative(const char *s, int64_t now, int64_t *t)
{
	const char *p = s;
	int64_t v = 0, unit;
	int n = 0;

	if (*p++ != '-')
		return time_parse(s, t);
	while (isdigit((unsigned char)*p) && n < 9) {
		v = v * 10 + (*p++ - '0');
		n++;
	}
	if (n == 0 || p[0] == '\0' || p[1] != '\0')
		return -1;
	switch (*p) {
	case 's': unit = 1; break;
	case 'm': unit = 60; break;
	case 'h': unit = 3600; break;
	case 'd': unit = 86400; break;
	case 'w': unit = 7 * 86400; break;
	default: return -1;
	}
	*t = now - v * unit;
	return 0;
}
