/*
 * fuzz-tz - tz_parse() over arbitrary bytes (seeds: real TZif files of
 * the tz database, which is in the public domain), with properties that
 * must hold of any zone it accepts:
 *
 *	offsets stay within the range RFC 8536 allows (-25 h to 26 h),
 *	at any instant;
 *	tz_local() is utc + tz_offset();
 *	tz_utc() returns an instant at most a day from the wall time asked;
 *	a business calendar on the zone adds and counts time consistently.
 */
#include <stdint.h>
#include <stdlib.h>

#include "calendar.h"
#include "tz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t at[] = {
		INT64_C(-2208988800), INT64_C(0), INT64_C(1774746000),
		INT64_C(1792890000), INT64_C(4102444800), INT64_C(32503680000)
	};
	struct calendar *c;
	struct tz *z;
	char err[256];
	int64_t t, u, d;
	int32_t off;
	size_t i;

	if ((z = tz_parse("Fuzz/Zone", data, size, err, sizeof(err))) == NULL)
		return 0;
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		t = at[i];
		off = tz_offset(z, t);
		if (off < TZ_UTOFF_MIN || off > TZ_UTOFF_MAX)
			abort();
		if (tz_local(z, t) != t + off)
			abort();
		u = tz_utc(z, t, TZ_EARLIEST);
		if (u < t - 2 * 86400 || u > t + 2 * 86400)
			abort();
	}
	/* 09:00-17:00 on weekdays: adding then counting gives the time
	 * back, wherever the zone's changes fall. */
	c = cal_new(z);
	if (cal_add_period(c, 0x1f, 540, 1020, err, sizeof(err)) != 0 ||
	    cal_finish(c, err, sizeof(err)) != 0)
		abort();
	for (i = 0; i + 1 < sizeof(at) / sizeof(at[0]); i++) {
		t = at[i] + 12345;
		d = cal_add(c, t, 7 * 3600);
		if (d == INT64_MAX || d <= t)
			abort();
		if (cal_between(c, t, d) != 7 * 3600)
			abort();
	}
	cal_free(c);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
