/*
 * tz.h - civil time in an IANA time zone ("Europe/Warsaw"), read from the
 * system's tz database (Debian tzdata: /usr/share/zoneinfo, or $TZDIR).
 *
 * The choice: a TZif reader (RFC 8536), not libc.  localtime_r() and
 * mktime() work on one process-wide zone set through $TZ and tzset(), so
 * using them for several zones at once means rewriting the environment
 * around every call; a reader keeps each zone in its own object, needs no
 * global state and is pure arithmetic after tz_load().  It reads the
 * 64-bit (version 2 and later) data of the file and, for instants after
 * its last transition, the POSIX TZ string of its footer
 * ("CET-1CEST,M3.5.0,M10.5.0/3"), so far-future dates follow the same
 * rules as libc.  Before the first transition the zone's first type
 * applies.  Leap-second ("right/") zones are refused: sc counts POSIX
 * seconds.  tests/unit/test-tz.c checks it against localtime_r().
 *
 * Times are seconds: "utc" is POSIX time, "local" is the same count for
 * the wall clock (local = utc + offset), so time_civil_from_days() of
 * local / 86400 is the local date.
 *
 * Memory: tz_load() returns an object the caller releases with tz_free();
 * the functions on a loaded zone allocate nothing and never fail.
 */
#ifndef TZ_H
#define TZ_H

#include <stddef.h>
#include <stdint.h>

struct tz;

/*
 * Load zone name ("Europe/Warsaw", "UTC").  NULL with a reason in err
 * when the name is not a zone of the database: 'unknown time zone
 * "Mars/Base" (not in /usr/share/zoneinfo)'.  Names with "..", a leading
 * '/' or characters outside [A-Za-z0-9/_+-] are refused without touching
 * the file system.
 */
struct tz	*tz_load(const char *name, char *err, size_t errlen);
/* The offsets a TZif file may give (RFC 8536 3.2), in seconds. */
#define TZ_UTOFF_MIN	(-89999)
#define TZ_UTOFF_MAX	93599

/*
 * The same from the bytes of a TZif file already read (buf[0..len)), named
 * name; NULL with a reason in err when they are not a valid TZif file.
 */
struct tz	*tz_parse(const char *name, const void *buf, size_t len,
		    char *err, size_t errlen);
void		 tz_free(struct tz *z);
/* The name it was loaded as. */
const char	*tz_name(const struct tz *z);

/* Offset from UTC in seconds at instant utc (east positive). */
int32_t		 tz_offset(const struct tz *z, int64_t utc);
/* Wall-clock seconds at instant utc: utc + tz_offset(z, utc). */
int64_t		 tz_local(const struct tz *z, int64_t utc);

enum tz_pick {
	TZ_EARLIEST,	/* a repeated wall time: its first occurrence */
	TZ_LATEST	/* a repeated wall time: its second occurrence */
};
/*
 * The instant at which the wall clock reads local.  When the clocks go
 * back, a wall time happens twice and pick chooses which.  When they go
 * forward, a skipped wall time (02:30 on a spring-forward night) yields
 * the instant of the jump, the first instant at which the clock reads
 * later than local.
 */
int64_t		 tz_utc(const struct tz *z, int64_t local, enum tz_pick pick);

#endif
