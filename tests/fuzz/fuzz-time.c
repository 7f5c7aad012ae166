/*
 * fuzz-time - time_parse(), time_parse_rfc3339() and time_parse_relative()
 * over arbitrary bytes, with properties that must hold:
 *
 *	what the strict parser takes, the lenient one takes the same way;
 *	a time in years 0000-9999 formats to 20 bytes that parse back to it;
 *	time_format() always writes the fixed shape.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sctime.h"

#define T_MIN	INT64_C(-62167219200)	/* 0000-01-01T00:00:00Z */
#define T_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(int64_t t)
{
	char out[TIME_STRLEN];
	int64_t back;

	if (t < T_MIN || t > T_MAX)
		return;
	time_format(t, out);
	if (strlen(out) != 20 || out[4] != '-' || out[7] != '-' ||
	    out[10] != 'T' || out[13] != ':' || out[16] != ':' ||
	    out[19] != 'Z')
		abort();
	if (time_parse_rfc3339(out, &back) != 0 || back != t)
		abort();
	if (time_parse(out, &back) != 0 || back != t)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t t, t2, now = INT64_C(1795342500);
	char *s;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';

	if (time_parse_rfc3339(s, &t) == 0) {
		if (time_parse(s, &t2) != 0 || t2 != t)
			abort();
		round_trip(t);
	}
	if (time_parse(s, &t) == 0)
		round_trip(t);
	if (time_parse_relative(s, now, &t) == 0 && s[0] != '-')
		if (time_parse(s, &t2) != 0 || t2 != t)
			abort();

	/* Times from the bytes themselves, over the whole range. */
	if (size >= 8) {
		memcpy(&t, data, sizeof(t));
		round_trip(T_MIN + (int64_t)((uint64_t)t %
		    (uint64_t)(T_MAX - T_MIN + 1)));
	}
	free(s);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
