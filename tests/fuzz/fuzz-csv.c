/*
 * fuzz-csv - libFuzzer harness for the CSV parser of sc-fetch
 * (tools/sc-fetch/csv.c).
 *
 * The input is cut into lines at '\n' and fed as sc-fetch feeds a file;
 * its first byte, when there is one, picks a record limit so the path for
 * overlong records is reached too.  Each complete record is written back
 * as CSV (every field quoted) and parsed again: the fields must come back
 * the same.  Crashes, sanitizer reports and aborts are findings.
 *
 * Built and run by tests/fuzz/run.sh (make fuzz), which adds
 * tools/sc-fetch/csv.c for the "csv.h" it includes:
 *	sh tests/fuzz/run.sh 60 csv
 * Seeds: tests/fuzz/corpus/csv (a few CSV files, e.g. the cases in
 * tests/cases/sc-fetch/csv-*.in and tests/fixtures/export.csv).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feed text[0..n) line by line; call fn for each complete record. */
static void
parse(struct csv *c, const char *text, size_t n,
    void (*fn)(struct csv *, void *), void *ctx)
{
	const char *p = text, *end = text + n, *nl;
	int rc;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		rc = csv_feed(c, p, (size_t)((nl ? nl : end) - p));
		if (rc == CSV_RECORD && fn != NULL)
			fn(c, ctx);
		p = nl ? nl + 1 : end;
	}
	csv_end(c);
}

static void
check_record(struct csv *c)
{
	size_t i, len, rawlen, total = 0;

	csv_raw(c, &rawlen);
	if (csv_nfields(c) == 0)
		abort();
	for (i = 0; i < csv_nfields(c); i++) {
		if (csv_field(c, i, &len)[len] != '\0')
			abort();
		total += len;
	}
	/* Fields never hold more bytes than the raw text. */
	if (total > rawlen)
		abort();
}

struct again {
	struct csv	*orig;
	int		 seen;
};

static void
compare(struct csv *c, void *ctx)
{
	struct again *a = ctx;
	const char *f, *g;
	size_t i, flen, glen;

	a->seen++;
	if (csv_nfields(c) != csv_nfields(a->orig))
		abort();
	for (i = 0; i < csv_nfields(c); i++) {
		f = csv_field(c, i, &flen);
		g = csv_field(a->orig, i, &glen);
		if (flen != glen || memcmp(f, g, flen) != 0)
			abort();
	}
}

/* Write the record back as CSV and parse that again. */
static void
round_trip(struct csv *c, void *ctx)
{
	struct buf b = BUF_INIT;
	struct again a = { c, 0 };
	struct csv *c2;
	const char *f;
	size_t i, j, len;

	(void)ctx;
	check_record(c);
	for (i = 0; i < csv_nfields(c); i++) {
		f = csv_field(c, i, &len);
		buf_adds(&b, i ? ",\"" : "\"");
		for (j = 0; j < len; j++) {
			if (f[j] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, f[j]);
		}
		buf_addc(&b, '"');
	}
	c2 = csv_new(0);
	parse(c2, buf_str(&b), b.len, compare, &a);
	if (a.seen != 1)
		abort();
	csv_free(c2);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv *c;
	size_t limit = 0;

	if (size > 0) {
		limit = data[0] < 128 ? 0 : (size_t)(data[0] - 120);
		data++;
		size--;
	}
	c = csv_new(limit);
	parse(c, (const char *)data, size, round_trip, NULL);
	csv_free(c);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
