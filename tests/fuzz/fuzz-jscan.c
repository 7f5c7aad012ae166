/*
 * fuzz-jscan - jscan_object() over arbitrary bytes: it must not read past
 * the end, and whatever it accepts jansson must parse as an object with
 * the same members and values (tests/unit/jscan-agree.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/jscan-agree.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int acc;

	/* A buffer of the exact size, so ASan sees any overread. */
	s = malloc(size ? size : 1);
	memcpy(s, data, size);
	if (!jscan_agrees(s, size, &acc))
		abort();
	free(s);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
