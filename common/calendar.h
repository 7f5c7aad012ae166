/*
 * calendar.h - business calendars: weekly opening hours in local
 * wall-clock time of an IANA zone, closed holidays, and arithmetic on
 * business time ("15 business minutes after Friday 17:55").
 *
 * A calendar is built once (cal_new, cal_add_period, cal_add_holiday,
 * cal_finish), then used read-only; the build functions say what is wrong
 * in err so that the caller can name the file and line.  The calendar
 * named "24x7" (cal_new with no zone) never closes.
 *
 * Semantics:
 *   - A period "22:00-02:00" crosses midnight and belongs to the day it
 *     starts on: it is open when that day is a working day, whatever the
 *     next day is (a holiday included).
 *   - Periods are wall-clock times: a team opening at 09:00 opens at 09:00
 *     local time before and after a daylight-saving change.  Business time
 *     is elapsed time while open: a night shift 00:00-04:00 lasts 3 hours
 *     on the night the clocks go forward and 5 hours on the night they go
 *     back (a skipped opening time opens at the jump; a repeated one opens
 *     at its first occurrence and closes at its last).
 *   - Holidays are local dates; a holiday closes the periods that start on
 *     it.
 *   - Periods of the whole week may not overlap (a crossing period and the
 *     next day's first period included).
 *
 * Arithmetic jumps from period to period, never minute by minute: the
 * cost is one step per working day crossed, and a closed stretch of
 * holidays costs one date look-up per day.
 *
 * Memory: the calendar owns its zone (given to cal_new) and everything
 * else; cal_free() releases it.
 */
#ifndef CALENDAR_H
#define CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "tz.h"

struct calendar;

/* Days as a bit mask: bit 0 Monday ... bit 6 Sunday. */
#define CAL_ALLDAYS	0x7fu

/* zone NULL: the calendar that never closes ("24x7"). */
struct calendar	*cal_new(struct tz *zone);
void		 cal_free(struct calendar *c);
/* 1 for the calendar that never closes. */
int		 cal_always(const struct calendar *c);
const struct tz	*cal_zone(const struct calendar *c);

/*
 * "mon".."sun" or a range "mon-fri" (a range may wrap: "fri-mon"), as a
 * mask; 0 when key is none of these.
 */
unsigned	 cal_parse_days(const char *key);
/*
 * "HH:MM-HH:MM" as minutes from the local midnight of its day; an end at
 * or before the start crosses midnight (end += 1440); "24:00" is allowed
 * as an end.  0, or -1 with why in err (bad form, empty period).
 */
int		 cal_parse_period(const char *s, int *start, int *end,
		    char *err, size_t errlen);
/* "2026-12-24" as days since 1970-01-01; -1 when it is not a date. */
int		 cal_parse_date(const char *s, int64_t *day);

/*
 * Add a period on each day of mask; -1 with why in err when it overlaps a
 * period already added.
 */
int		 cal_add_period(struct calendar *c, unsigned mask, int start,
		    int end, char *err, size_t errlen);
/* Close a local date; adding one twice is harmless. */
void		 cal_add_holiday(struct calendar *c, int64_t day);
/* Ends the build: -1 with why in err when the week has no open time. */
int		 cal_finish(struct calendar *c, char *err, size_t errlen);

/* Whether the calendar is open at instant t. */
int		 cal_open(const struct calendar *c, int64_t t);
/*
 * The instant at which secs seconds of business time have passed since t
 * (t itself when secs is 0).  A due time falls on a closing time rather
 * than on the next opening.  Returns INT64_MAX when the time cannot be
 * reached before the year 10000.
 */
int64_t		 cal_add(const struct calendar *c, int64_t t, int64_t secs);
/* Business seconds in [a, b); 0 when b <= a. */
int64_t		 cal_between(const struct calendar *c, int64_t a, int64_t b);

#endif
