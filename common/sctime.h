/*
 * sctime.h - times as sc writes them (RFC 3339 in UTC, whole seconds:
 * 2026-11-22T10:15:00Z) and as the platforms and exports give them.
 *
 * time_parse() accepts:
 *	RFC 3339 / ISO 8601:	2026-11-22T10:15:00Z, 2026-11-22T11:15:00.123+01:00,
 *				2014-08-20T11:02:50+0000, "2026-11-22 10:15:00"
 *				(no zone: UTC), lower-case t and z
 *	the old Twitter form:	Tue Oct 31 22:10:10 +0000 2017
 *	epoch seconds:		1700000000 or 1700000000.5 (up to 12 digits)
 *	epoch milliseconds:	1700000000000 (13 digits)
 * Fractions are dropped (the time rounds down to the second).  A leap
 * second, 23:59:60 UTC (or the same instant with an offset), is the
 * midnight after it; :60 that is not the end of a UTC day is refused.
 * Dates are checked (2026-02-30 is an error).  All arithmetic is
 * proleptic Gregorian in UTC; no time zone database is consulted (see
 * tz.h for zones).
 */
#ifndef SCTIME_H
#define SCTIME_H

#include <stdint.h>

#define TIME_STRLEN	21	/* "2026-11-22T10:15:00Z" and NUL */

/* Returns 0 and *t, or -1 for anything it does not accept. */
int	time_parse(const char *s, int64_t *t);
/* Strict RFC 3339 only (what sc-post(5) requires). */
int	time_parse_rfc3339(const char *s, int64_t *t);
/* out must hold TIME_STRLEN bytes; years 0000-9999. */
void	time_format(int64_t t, char *out);
/* Relative times for options: "-2h", "-7d", "-30m", "-45s", "-1w". */
int	time_parse_relative(const char *s, int64_t now, int64_t *t);
/* Days since 1970-01-01 of a civil date, and back. */
int64_t	time_days_from_civil(int64_t y, unsigned m, unsigned d);
void	time_civil_from_days(int64_t z, int64_t *y, unsigned *m,
	    unsigned *d);

#endif
