/*
 * zone.c - local time in the zone of --tz, from the system's time zone
 * database through the C library (TZ and localtime_r).  A thin layer, to
 * be replaced by common/tz once it lands: the report asks only for the
 * local day and second of a UTC time.  Offsets are cached per 15 minutes,
 * the finest step at which any zone has changed its offset.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"
#include "sctime.h"

static int utc = 1;
static int64_t cache_slot = INT64_MIN;
static long cache_off;

/* A name as the tz database spells it: letters, digits, "/_-+", no "..". */
static int
zone_name_ok(const char *name)
{
	const char *p;

	if (*name == '\0' || *name == '/' || strstr(name, "..") != NULL ||
	    strlen(name) > 64)
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/_-+", *p) != NULL))
			return 0;
	return 1;
}

int
zone_set(const char *name)
{
	char path[PATH_MAX], magic[4];
	const char *dir;
	FILE *fp;
	int ok;

	cache_slot = INT64_MIN;
	if (strcmp(name, "UTC") == 0) {
		utc = 1;
		return 0;
	}
	if (!zone_name_ok(name))
		return -1;
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	ok = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(fp);
	if (!ok)
		return -1;
	snprintf(path, sizeof(path), ":%s", name);
	if (setenv("TZ", path, 1) == -1)
		return -1;
	tzset();
	utc = 0;
	return 0;
}

static long
offset_of(int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	int64_t slot = t >= 0 ? t / 900 : (t - 899) / 900;

	if (slot == cache_slot)
		return cache_off;
	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	cache_slot = slot;
	cache_off = tm.tm_gmtoff;
	return cache_off;
}

void
zone_local(int64_t t, int64_t *days, int *sec)
{
	int64_t l = utc ? t : t + offset_of(t);
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
