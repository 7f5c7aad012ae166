/*
 * zone.c - local time in the zone of --tz, through common/tz (the
 * system's tz database).  The report has one zone for the whole run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "sctime.h"
#include "tz.h"

static struct tz *zone;

static void
zone_release(void)
{
	tz_free(zone);
	zone = NULL;
}

int
zone_set(const char *name)
{
	char err[128];
	struct tz *z;

	if ((z = tz_load(name, err, sizeof(err))) == NULL)
		return -1;
	if (zone == NULL)
		atexit(zone_release);
	tz_free(zone);
	zone = z;
	return 0;
}

void
zone_local(int64_t t, int64_t *days, int *sec)
{
	int64_t l = zone == NULL ? t : tz_local(zone, t);
	int64_t d = l >= 0 ? l / 86400 : (l - 86399) / 86400;

	*days = d;
	*sec = (int)(l - d * 86400);
}

int
zone_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday 0). */
	return (int)(((days + 3) % 7 + 7) % 7);
}

/* ISO 8601: the week belongs to the year of its Thursday. */
void
zone_isoweek(int64_t days, char *out)
{
	int64_t thu = days - zone_weekday(days) + 3, y, jan1;
	unsigned m, d;

	time_civil_from_days(thu, &y, &m, &d);
	jan1 = time_days_from_civil(y, 1, 1);
	snprintf(out, 9, "%04lld-W%02d", (long long)y,
	    (int)((thu - jan1) / 7 + 1));
}
