/*
 * partial.c - a report's state as a file, for --partial and --merge.
 *
 * The file is two lines: a header
 *
 *	sc-report-partial 2 CRC32 LENGTH
 *
 * (the format's version, then the zlib CRC-32 in 8 lower-case hex digits
 * and the length in bytes of the body that follows the newline), and the
 * body, one JSON object:
 *
 *	{"options":{"by":[...],"window":S,"bucket":S,"tz":"UTC"
 *	            [,"rules":"CRC32"]},
 *	 "posts":N,"newest":T|null,"now":T,
 *	 "tables":{"by":[ROW...],"how":[...],"day":[...],"team":[...],
 *	           "bucket":[...]}}
 *
 * where a ROW is [KEY, inbound, answered, frt_sum, met, breached, pending,
 * [[SECONDS, COUNT], ...], bfrt_sum, [[SECONDS, COUNT], ...]] with the
 * histograms' bins in increasing order; the last two are the business
 * first-response times of -r (options "rules": the rules file's CRC-32),
 * in the "by" rows only, else 0 and [].  Version 1 (no "rules", rows
 * without the last two) is still read.
 * It is written through state_write() (temporary file, fsync, rename).
 * The reader trusts nothing: a wrong header, checksum or length, a body
 * that is not exactly this shape, counts that do not add up, a key given
 * twice, are errors that say what is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "hmap.h"
#include "jsonw.h"
#include "report.h"
#include "state.h"
#include "xmem.h"

#define MAGIC		"sc-report-partial"
#define VERSION		2
#define MAXV		(366LL * 86400)

static const char *const tname[NTABLES] = { "by", "how", "day", "team",
    "bucket", "wait" };

static void
bins_text(struct buf *b, struct hist *h)
{
	size_t i;

	hist_compact(h);
	buf_addc(b, '[');
	for (i = 0; i < h->nbin; i++)
		buf_printf(b, "%s[%lu,%llu]", i ? "," : "",
		    (unsigned long)h->bin[i].v,
		    (unsigned long long)h->bin[i].c);
	buf_addc(b, ']');
}

static void
row_text(struct buf *b, struct row *r)
{
	jsonw_string(b, r->key, r->klen);
	buf_printf(b, ",%llu,%llu,%llu,%llu,%llu,%llu,",
	    (unsigned long long)r->a.inbound,
	    (unsigned long long)r->a.answered,
	    (unsigned long long)r->a.frt_sum, (unsigned long long)r->a.met,
	    (unsigned long long)r->a.breached,
	    (unsigned long long)r->a.pending);
	bins_text(b, &r->a.frt);
	buf_printf(b, ",%llu,", (unsigned long long)r->a.bfrt_sum);
	bins_text(b, &r->a.bfrt);
}

void
partial_text(struct buf *all, struct rstate *s)
{
	struct buf body = BUF_INIT;
	size_t i, k;

	buf_adds(&body, "{\"options\":{\"by\":[");
	for (i = 0; i < s->o.nby; i++) {
		if (i > 0)
			buf_addc(&body, ',');
		jsonw_string(&body, s->o.by[i], strlen(s->o.by[i]));
	}
	buf_printf(&body, "],\"window\":%lld,\"bucket\":%lld,\"tz\":",
	    (long long)s->o.window, (long long)s->o.bucket);
	jsonw_string(&body, s->o.tz, strlen(s->o.tz));
	if (s->o.rules != NULL) {
		buf_adds(&body, ",\"rules\":");
		jsonw_string(&body, s->o.rules, strlen(s->o.rules));
	}
	buf_printf(&body, "},\"posts\":%llu,\"newest\":",
	    (unsigned long long)s->posts);
	if (s->newest == T_NONE)
		buf_adds(&body, "null");
	else
		buf_printf(&body, "%lld", (long long)s->newest);
	buf_printf(&body, ",\"now\":%lld,\"tables\":{", (long long)s->now);
	for (k = 0; k < NTABLES; k++) {
		buf_printf(&body, "%s\"%s\":[", k ? "," : "", tname[k]);
		for (i = 0; i < s->t[k].n; i++) {
			buf_adds(&body, i ? ",[" : "[");
			row_text(&body, &s->t[k].rows[i]);
			buf_addc(&body, ']');
		}
		buf_addc(&body, ']');
	}
	buf_adds(&body, "}}\n");
	buf_printf(all, "%s %d %08lx %zu\n", MAGIC, VERSION,
	    crc32(0L, (const Bytef *)body.s, (uInt)body.len), body.len);
	buf_add(all, body.s, body.len);
	buf_free(&body);
}

int
partial_write(const char *path, struct rstate *s)
{
	struct buf all = BUF_INIT;
	int rc;

	partial_text(&all, s);
	rc = state_write(path, all.s, all.len);
	buf_free(&all);
	return rc;
}

/* A non-negative integer no larger than max, into *v. */
static int
uint_of(const json_t *j, long long max, uint64_t *v)
{
	if (!json_is_integer(j) || json_integer_value(j) < 0 ||
	    json_integer_value(j) > max)
		return -1;
	*v = (uint64_t)json_integer_value(j);
	return 0;
}

#define FAIL(...)	do { snprintf(err, errlen, __VA_ARGS__); \
			    goto out; } while (0)

/* The key of a row of the "by" table: an object of the --by keys. */
static int
by_key_ok(const struct rstate *s, const char *key, size_t klen)
{
	json_t *j;
	const char *k;
	json_t *v;
	size_t i = 0;
	int ok;

	if ((j = json_loadb(key, klen, JSON_DECODE_ANY, NULL)) == NULL)
		return 0;
	ok = json_is_object(j) && json_object_size(j) == s->o.nby;
	if (ok)
		json_object_foreach(j, k, v)
			if (i >= s->o.nby || strcmp(k, s->o.by[i++]) != 0)
				ok = 0;
	json_decref(j);
	return ok;
}

/* Bins [[SECONDS, COUNT], ...] in increasing order into h; *sum: counts. */
static int
bins_parse(const struct rstate *s, size_t k, size_t at, const json_t *bins,
    struct hist *h, uint64_t *sum, char *err, size_t errlen)
{
	const json_t *b;
	uint64_t v, c, last = 0;
	size_t i;

	*sum = 0;
	for (i = 0; i < json_array_size(bins); i++) {
		b = json_array_get(bins, i);
		if (!json_is_array(b) || json_array_size(b) != 2 ||
		    uint_of(json_array_get(b, 0), s->o.window, &v) == -1 ||
		    uint_of(json_array_get(b, 1), INT64_MAX, &c) == -1 ||
		    c == 0 || (i > 0 && v <= last)) {
			snprintf(err, errlen, "%s row %zu: bin %zu: not "
			    "[seconds, count] in order", tname[k], at, i);
			return -1;
		}
		last = v;
		if (*sum + c < *sum) {
			snprintf(err, errlen, "%s row %zu: counts overflow",
			    tname[k], at);
			return -1;
		}
		*sum += c;
		hist_add(h, (uint32_t)v, c);
	}
	return 0;
}

static int
row_parse(struct rstate *s, size_t k, const json_t *jr, int version,
    char *err, size_t errlen, size_t at)
{
	const json_t *bins, *bbins = NULL;
	uint64_t f[6], sum, bsum = 0, bfsum = 0;
	struct row *r;
	const char *key;
	size_t i, klen, before, n = version == 1 ? 8 : 10;
	uint32_t ri;
	int rc = -1;

	if (!json_is_array(jr) || json_array_size(jr) != n ||
	    !json_is_string(json_array_get(jr, 0)) ||
	    !json_is_array(bins = json_array_get(jr, 7)) ||
	    (n == 10 && (uint_of(json_array_get(jr, 8), INT64_MAX,
	    &bfsum) == -1 || !json_is_array(bbins = json_array_get(jr, 9)))))
		FAIL("%s row %zu: not [key, 6 counts, bins%s]", tname[k], at,
		    n == 10 ? ", business sum, bins" : "");
	for (i = 0; i < 6; i++)
		if (uint_of(json_array_get(jr, i + 1), INT64_MAX, &f[i]) == -1)
			FAIL("%s row %zu: count %zu: not a count", tname[k],
			    at, i + 1);
	key = json_string_value(json_array_get(jr, 0));
	klen = json_string_length(json_array_get(jr, 0));
	if (f[1] > f[0] || f[3] + f[4] + f[5] > f[0] ||
	    f[3] + f[4] < f[3] || f[3] + f[4] + f[5] < f[5] ||
	    (f[1] > 0 && f[2] / f[1] > (uint64_t)s->o.window) ||
	    bfsum > f[2])
		FAIL("%s row %zu: counts do not add up", tname[k], at);
	if (k == T_BY && !by_key_ok(s, key, klen))
		FAIL("by row %zu: key is not an object of the --by keys", at);
	before = s->t[k].n;
	ri = table_intern(&s->t[k], key, klen);
	r = &s->t[k].rows[ri];
	if (s->t[k].n == before)
		FAIL("%s row %zu: key given twice", tname[k], at);
	r->a.inbound = f[0];
	r->a.answered = f[1];
	r->a.frt_sum = f[2];
	r->a.met = f[3];
	r->a.breached = f[4];
	r->a.pending = f[5];
	r->a.bfrt_sum = bfsum;
	if (bins_parse(s, k, at, bins, &r->a.frt, &sum, err, errlen) == -1 ||
	    (bbins != NULL && bins_parse(s, k, at, bbins, &r->a.bfrt, &bsum,
	    err, errlen) == -1))
		goto out;
	if (json_array_size(bins) > 0 && sum != f[1])
		FAIL("%s row %zu: histogram holds %llu, answered %llu",
		    tname[k], at, (unsigned long long)sum,
		    (unsigned long long)f[1]);
	if ((k == T_BY || k == T_HOW) && sum != f[1])
		FAIL("%s row %zu: histogram holds %llu, answered %llu",
		    tname[k], at, (unsigned long long)sum,
		    (unsigned long long)f[1]);
	/* Business times: with -r, all the answers of a "by" row; else none. */
	if (k == T_BY && s->o.rules != NULL ? bsum != f[1] :
	    bsum != 0 || bfsum != 0)
		FAIL("%s row %zu: business histogram holds %llu, answered "
		    "%llu%s", tname[k], at, (unsigned long long)bsum,
		    (unsigned long long)f[1], s->o.rules != NULL ? "" :
		    " (and no -r)");
	rc = 0;
out:
	return rc;
}

int
partial_parse(const char *data, size_t len, struct rstate *s, char *err,
    size_t errlen)
{
	json_t *j = NULL, *o, *by, *tables, *rows, *v;
	const char *nl;
	char magic[32], crc[16];
	int version, n = 0, rc = -1;
	unsigned long long blen;
	uint64_t u;
	size_t i, k;

	rstate_init(s);
	s->o.tz = xstrdup("UTC");
	nl = memchr(data, '\n', len < 80 ? len : 80);
	if (nl == NULL || len < 1)
		FAIL("not an sc-report partial (no header line)");
	{
		char head[81];

		memcpy(head, data, (size_t)(nl - data));
		head[nl - data] = '\0';
		if (sscanf(head, "%31s %d %15s %llu%n", magic, &version, crc,
		    &blen, &n) != 4 || (size_t)n != (size_t)(nl - data) ||
		    strcmp(magic, MAGIC) != 0)
			FAIL("not an sc-report partial");
	}
	if (version < 1 || version > VERSION)
		FAIL("partial format version %d, this sc-report reads 1 to %d",
		    version, VERSION);
	if (blen != len - (size_t)(nl + 1 - data))
		FAIL("truncated or padded: the header says %llu bytes, "
		    "%zu follow", blen, len - (size_t)(nl + 1 - data));
	{
		char want[16];

		snprintf(want, sizeof(want), "%08lx", crc32(0L,
		    (const Bytef *)nl + 1, (uInt)blen));
		if (strcmp(want, crc) != 0)
			FAIL("checksum mismatch (corrupt file)");
	}
	if ((j = json_loadb(nl + 1, (size_t)blen, 0, NULL)) == NULL ||
	    !json_is_object(j))
		FAIL("body is not a JSON object");
	o = json_object_get(j, "options");
	by = json_object_get(o, "by");
	if (!json_is_object(o) || !json_is_array(by) ||
	    uint_of(json_object_get(o, "window"), MAXV, &u) == -1 || u == 0)
		FAIL("options: bad or missing");
	s->o.window = (int64_t)u;
	if (uint_of(json_object_get(o, "bucket"), 86400, &u) == -1 || u < 60)
		FAIL("options: bad bucket");
	s->o.bucket = (int64_t)u;
	if (!json_is_string(v = json_object_get(o, "tz")))
		FAIL("options: bad tz");
	free(s->o.tz);
	s->o.tz = xstrdup(json_string_value(v));
	if ((v = json_object_get(o, "rules")) != NULL) {
		if (version == 1 || !json_is_string(v) ||
		    json_string_length(v) != 8 ||
		    strspn(json_string_value(v), "0123456789abcdef") != 8)
			FAIL("options: bad rules");
		s->o.rules = xstrdup(json_string_value(v));
	}
	s->o.by = xcalloc(json_array_size(by) + 1, sizeof(*s->o.by));
	for (i = 0; i < json_array_size(by); i++) {
		if (!json_is_string(v = json_array_get(by, i)))
			FAIL("options: by: not a string");
		s->o.by[s->o.nby++] = xstrdup(json_string_value(v));
	}
	if (uint_of(json_object_get(j, "posts"), INT64_MAX, &s->posts) == -1)
		FAIL("posts: not a count");
	v = json_object_get(j, "newest");
	if (json_is_integer(v))
		s->newest = json_integer_value(v);
	else if (!json_is_null(v))
		FAIL("newest: not a time");
	if (!json_is_integer(v = json_object_get(j, "now")))
		FAIL("now: not a time");
	s->now = json_integer_value(v);
	if (!json_is_object(tables = json_object_get(j, "tables")))
		FAIL("tables: missing");
	for (k = 0; k < NTABLES; k++) {
		if (!json_is_array(rows = json_object_get(tables, tname[k])))
			FAIL("tables: %s: missing", tname[k]);
		for (i = 0; i < json_array_size(rows); i++)
			if (row_parse(s, k, json_array_get(rows, i), version,
			    err, errlen, i + 1) == -1)
				goto out;
	}
	rc = 0;
out:
	json_decref(j);
	return rc;
}
