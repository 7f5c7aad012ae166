/*
 * fuzz-partial - sc-report's partial-file reader (tools/sc-report/
 * partial.c) over arbitrary bytes.  The first byte says how the rest is
 * used: even, as the file itself; odd, as a body behind a correct header
 * (version 1, or 2 when bit 1 is set; CRC-32; length), so the checks
 * behind the checksum are reached too.  A state that is accepted must write back to a file that
 * reads back to the same text (the reader and writer agree), and must
 * merge with itself.  Crashes and sanitizer reports are findings.
 *
 *	sh tests/fuzz/run.sh 60 partial
 * Seeds: tests/fuzz/corpus/partial (partials written by sc-report).
 * fuzz-sources: tools/sc-report/partial.c tools/sc-report/agg.c
 * fuzz-sources: tools/sc-report/zone.c tools/sc-report/conv.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "report.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rstate s, back, copy;
	struct buf in = BUF_INIT, once = BUF_INIT, twice = BUF_INIT;
	char err[256];

	if (size < 1 || size > 1 << 20)
		return 0;
	if (data[0] & 1) {
		buf_printf(&in, "sc-report-partial %d %08lx %zu\n",
		    data[0] & 2 ? 2 : 1, crc32(0L, data + 1,
		    (uInt)(size - 1)), size - 1);
		buf_add(&in, data + 1, size - 1);
	} else
		buf_add(&in, data + 1, size - 1);
	if (partial_parse(in.s, in.len, &s, err, sizeof(err)) == 0) {
		partial_text(&once, &s);
		if (partial_parse(once.s, once.len, &back, err,
		    sizeof(err)) != 0)
			abort();
		partial_text(&twice, &back);
		if (once.len != twice.len || memcmp(once.s, twice.s,
		    once.len) != 0)
			abort();
		if (partial_parse(once.s, once.len, &copy, err,
		    sizeof(err)) != 0)
			abort();
		rstate_merge(&back, &copy);
		rstate_free(&copy);
		rstate_free(&back);
	}
	rstate_free(&s);
	buf_free(&in);
	buf_free(&once);
	buf_free(&twice);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
