/*
 * print.c - the report as NDJSON rows or as a table for a terminal.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "utf8.h"

static json_t *
row_json(const struct report *rp, const struct stats *st)
{
	json_t *j, *m;
	int none = st->nfrt == 0;

	if (st->group == NULL)
		j = json_pack("{s:s}", "group", "all");
	else
		j = json_pack("{s:s,s:s%}", "group", rp->by, "value",
		    st->group->value, st->group->len);
	m = json_pack("{s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:o,s:o}",
	    "posts", (json_int_t)st->posts,
	    "customer_posts", (json_int_t)st->customer,
	    "brand_posts", (json_int_t)st->brand,
	    "answered", (json_int_t)st->answered,
	    "unanswered", (json_int_t)(st->customer - st->answered),
	    "response_rate", st->customer == 0 ? json_null() :
	    json_real(round(1000.0 * st->answered / st->customer) / 1000),
	    "frt_median_s", none ? json_null() : json_integer(st->median),
	    "frt_p90_s", none ? json_null() : json_integer(st->p90),
	    "frt_mean_s", none ? json_null() :
	    json_real(round(st->mean * 10) / 10));
	json_object_update(j, m);
	json_decref(m);
	return j;
}

void
print_ndjson(struct output *o, const struct report *rp)
{
	json_t *j;
	size_t i;

	for (i = 0; i <= rp->nrows; i++) {
		j = row_json(rp, i == 0 ? &rp->all : &rp->rows[i - 1]);
		output_json(o, j);
		json_decref(j);
	}
}

/* "45s", "12m", "1h05m", "2d03h", cut down to the last unit; "-": none. */
static void
duration(char *out, size_t n, int has, int64_t s)
{
	long long v = s;

	if (!has)
		snprintf(out, n, "-");
	else if (v < 60)
		snprintf(out, n, "%llds", v);
	else if (v < 3600)
		snprintf(out, n, "%lldm", v / 60);
	else if (v < 86400)
		snprintf(out, n, "%lldh%02lldm", v / 3600, v % 3600 / 60);
	else
		snprintf(out, n, "%lldd%02lldh", v / 86400, v % 86400 / 3600);
}

#define NCOL	7
#define CELL	32

static const char *const heads[NCOL] = { "GROUP", "POSTS", "CUSTOMER",
    "ANSWERED", "RATE", "FRT MEDIAN", "FRT P90" };

/* Row i of the table: -1 the header, rp->nrows the overall row. */
static void
cells(const struct report *rp, size_t i, char buf[NCOL][CELL],
    const char *c[NCOL])
{
	const struct stats *st = i < rp->nrows ? &rp->rows[i] : &rp->all;
	size_t k;

	for (k = 0; k < NCOL; k++)
		c[k] = i == (size_t)-1 ? heads[k] : buf[k];
	if (i == (size_t)-1)
		return;
	c[0] = st->group != NULL ? st->group->value : "all";
	snprintf(buf[1], CELL, "%llu", st->posts);
	snprintf(buf[2], CELL, "%llu", st->customer);
	snprintf(buf[3], CELL, "%llu", st->answered);
	if (st->customer == 0)
		snprintf(buf[4], CELL, "-");
	else
		snprintf(buf[4], CELL, "%.1f%%", 100.0 * st->answered /
		    st->customer);
	duration(buf[5], CELL, st->nfrt > 0, st->median);
	duration(buf[6], CELL, st->nfrt > 0, st->p90);
}

/*
 * The header, the rows of --by, a rule and the overall row; the group
 * left-aligned (control characters shown as '?'), the numbers right.
 */
void
print_table(struct output *o, const struct report *rp)
{
	char buf[NCOL][CELL];
	const char *c[NCOL];
	size_t w[NCOL] = { 0 }, i, k, len, pad;
	struct buf b = BUF_INIT;

	for (i = (size_t)-1; i != rp->nrows + 1; i++) {
		cells(rp, i, buf, c);
		for (k = 0; k < NCOL; k++)
			if ((len = utf8_len(c[k], strlen(c[k]))) > w[k])
				w[k] = len;
	}
	for (i = (size_t)-1; i != rp->nrows + 1; i++) {
		if (i == rp->nrows && rp->nrows > 0) {
			for (len = w[0], k = 1; k < NCOL; k++)
				len += 2 + w[k];
			while (len-- > 0)
				buf_addc(&b, '-');
			buf_addc(&b, '\n');
		}
		cells(rp, i, buf, c);
		for (k = 0; k < NCOL; k++) {
			pad = w[k] - utf8_len(c[k], strlen(c[k]));
			buf_printf(&b, "%*s", (int)(k > 0 ? pad + 2 : 0), "");
			for (len = 0; c[k][len] != '\0'; len++)
				buf_addc(&b, (unsigned char)c[k][len] < ' ' ?
				    '?' : c[k][len]);
			if (k == 0)
				buf_printf(&b, "%*s", (int)pad, "");
		}
		buf_addc(&b, '\n');
	}
	output_puts(o, buf_str(&b));
	buf_free(&b);
}
