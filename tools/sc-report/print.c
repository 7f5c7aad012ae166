/*
 * print.c - a report's state as NDJSON rows, an aligned table, CSV, or
 * one self-contained HTML page with inline SVG charts.  Everything here
 * reads the state only, so a merged state prints as the single run.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "erlang.h"
#include "jsonw.h"
#include "report.h"
#include "sctime.h"
#include "utf8.h"
#include "xmem.h"

static const char *const wdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri",
    "Sat", "Sun" };

/* Quantiles and mean of a histogram of n values. */
struct quant {
	int		 has;		/* n > 0 */
	uint32_t	 med, p90, p95;
	double		 mean;
};

/* The measures of one row, worked out; b: business times (-r). */
struct meas {
	const struct agg *a;
	double		 rate;
	struct quant	 q, b;		/* q: has when answered > 0 */
};

static void
quantiles(const struct hist *h, uint64_t n, uint64_t sum, struct quant *q)
{
	memset(q, 0, sizeof(*q));
	hist_compact((struct hist *)h);		/* order only, same values */
	if (n == 0 || h->nbin == 0)
		return;
	q->has = 1;
	q->med = hist_rank(h, nearest_rank(n, 50));
	q->p90 = hist_rank(h, nearest_rank(n, 90));
	q->p95 = hist_rank(h, nearest_rank(n, 95));
	q->mean = (double)sum / (double)n;
}

static void
measure(const struct agg *a, struct meas *m)
{
	memset(m, 0, sizeof(*m));
	m->a = a;
	if (a->inbound > 0)
		m->rate = (double)a->answered / (double)a->inbound;
	quantiles(&a->frt, a->answered, a->frt_sum, &m->q);
	quantiles(&a->bfrt, a->answered, a->bfrt_sum, &m->b);
}

/* Most inbound first, then by the key's bytes. */
static int
row_cmp(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x;
	const struct row *b = *(const struct row *const *)y;
	size_t n;
	int c;

	if (a->a.inbound != b->a.inbound)
		return a->a.inbound > b->a.inbound ? -1 : 1;
	n = a->klen < b->klen ? a->klen : b->klen;
	if ((c = memcmp(a->key, b->key, n)) != 0)
		return c;
	return (a->klen > b->klen) - (a->klen < b->klen);
}

/* The overall row and the groups in output order (inbound > 0). */
struct rows {
	struct agg	 all;
	struct row	**g;
	size_t		 n;
};

static void
rows_make(struct rstate *s, struct rows *r)
{
	struct table *t = &s->t[T_BY];
	size_t i;

	memset(r, 0, sizeof(*r));
	r->g = xreallocarray(NULL, t->n ? t->n : 1, sizeof(*r->g));
	for (i = 0; i < t->n; i++) {
		struct agg *a = &t->rows[i].a;

		r->all.inbound += a->inbound;
		r->all.answered += a->answered;
		r->all.frt_sum += a->frt_sum;
		r->all.met += a->met;
		r->all.breached += a->breached;
		r->all.pending += a->pending;
		hist_merge(&r->all.frt, &a->frt);
		r->all.bfrt_sum += a->bfrt_sum;
		hist_merge(&r->all.bfrt, &a->bfrt);
		if (a->inbound > 0 && s->o.nby > 0)
			r->g[r->n++] = &t->rows[i];
	}
	qsort(r->g, r->n, sizeof(*r->g), row_cmp);
}

static void
rows_free(struct rows *r)
{
	hist_free(&r->all.frt);
	hist_free(&r->all.bfrt);
	free(r->g);
}

static void
json_opt_uint(struct buf *b, int has, uint64_t v)
{
	if (has)
		buf_printf(b, "%llu", (unsigned long long)v);
	else
		buf_adds(b, "null");
}

/* ,"P_median_s":S,"P_p90_s":S,"P_p95_s":S,"P_mean_s":S (or nulls) */
static void
json_quant(struct buf *b, const char *p, const struct quant *q)
{
	buf_printf(b, ",\"%s_median_s\":", p);
	json_opt_uint(b, q->has, q->med);
	buf_printf(b, ",\"%s_p90_s\":", p);
	json_opt_uint(b, q->has, q->p90);
	buf_printf(b, ",\"%s_p95_s\":", p);
	json_opt_uint(b, q->has, q->p95);
	buf_printf(b, ",\"%s_mean_s\":", p);
	if (q->has)
		jsonw_real(b, q->mean);
	else
		buf_adds(b, "null");
}

static void
ndjson_row(struct buf *b, const char *key, size_t klen, const struct agg *a,
    int business)
{
	struct meas m;

	measure(a, &m);
	buf_adds(b, "{\"group\":");
	buf_add(b, key, klen);
	buf_printf(b, ",\"inbound\":%llu,\"answered\":%llu,\"response_rate\":",
	    (unsigned long long)a->inbound, (unsigned long long)a->answered);
	if (a->inbound > 0)
		jsonw_real(b, m.rate);
	else
		buf_adds(b, "null");
	json_quant(b, "frt", &m.q);
	if (business)
		json_quant(b, "frt_business", &m.b);
	buf_printf(b, ",\"sla_met\":%llu,\"sla_breached\":%llu,"
	    "\"sla_pending\":%llu}\n", (unsigned long long)a->met,
	    (unsigned long long)a->breached, (unsigned long long)a->pending);
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

/*
 * The value of each --by key in a group's key, as text for a cell: a
 * string as it is, null as "", anything else as its JSON text.
 */
static char **
key_cells(const struct rstate *s, const struct row *r)
{
	char **c = xcalloc(s->o.nby + 1, sizeof(*c));
	json_t *j, *v;
	struct buf b = BUF_INIT;
	size_t i;

	j = json_loadb(r->key, r->klen, JSON_DECODE_ANY, NULL);
	for (i = 0; i < s->o.nby; i++) {
		v = json_object_get(j, s->o.by[i]);
		if (json_is_string(v))
			c[i] = xstrndup(json_string_value(v),
			    json_string_length(v));
		else if (v == NULL || json_is_null(v))
			c[i] = xstrdup("");
		else {
			buf_reset(&b);
			jsonw(&b, v);
			c[i] = xstrdup(buf_str(&b));
		}
	}
	buf_free(&b);
	json_decref(j);
	return c;
}

static void
free_cells(char **c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(c[i]);
	free(c);
}

/* A grid of cells, each column aligned by display width. */
struct grid {
	char		**c;		/* rows * cols */
	size_t		 rows, cols, cap;
	const char	*left;		/* per column: 'l' or 'r' */
};

static void
grid_add(struct grid *g, char **cells)
{
	size_t k;

	if (g->rows == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->c = xreallocarray(g->c, g->cap * g->cols, sizeof(*g->c));
	}
	for (k = 0; k < g->cols; k++)
		g->c[g->rows * g->cols + k] = cells[k];
	g->rows++;
}

/* A cell's text with control characters as '?'. */
static void
cell_put(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		buf_addc(b, (unsigned char)*s < ' ' || *s == 0x7f ? '?' : *s);
}

static void
grid_print(struct output *o, struct grid *g, size_t rule_before)
{
	size_t *w = xcalloc(g->cols, sizeof(*w)), i, k, cw, len;
	struct buf b = BUF_INIT;
	const char *c;

	for (i = 0; i < g->rows; i++)
		for (k = 0; k < g->cols; k++) {
			c = g->c[i * g->cols + k];
			if ((cw = utf8_width(c, strlen(c))) > w[k])
				w[k] = cw;
		}
	for (i = 0; i < g->rows; i++) {
		if (i == rule_before) {
			for (len = w[0], k = 1; k < g->cols; k++)
				len += 2 + w[k];
			while (len-- > 0)
				buf_addc(&b, '-');
			buf_addc(&b, '\n');
		}
		for (k = 0; k < g->cols; k++) {
			c = g->c[i * g->cols + k];
			cw = w[k] - utf8_width(c, strlen(c));
			if (k > 0)
				buf_adds(&b, "  ");
			if (g->left[k] == 'r')
				buf_printf(&b, "%*s", (int)cw, "");
			cell_put(&b, c);
			if (g->left[k] == 'l' && k + 1 < g->cols)
				buf_printf(&b, "%*s", (int)cw, "");
		}
		buf_addc(&b, '\n');
	}
	output_puts(o, buf_str(&b));
	buf_free(&b);
	free(w);
}

static void
grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->rows * g->cols; i++)
		free(g->c[i]);
	free(g->c);
}

#define NMEAS	14	/* with -r; 10 without */
#define NBUS	4	/* the business columns, after FRT MEAN */

static const char *const mhead[NMEAS] = { "INBOUND", "ANSWERED", "RATE",
    "FRT MEDIAN", "FRT P90", "FRT P95", "FRT MEAN", "BH MEDIAN", "BH P90",
    "BH P95", "BH MEAN", "SLA MET", "BREACHED", "PENDING" };

/* The columns of a report: all, or all but the business ones. */
static size_t
nmeas(const struct rstate *s)
{
	return s->o.rules != NULL ? NMEAS : NMEAS - NBUS;
}

static const char *
meas_head(const struct rstate *s, size_t k)
{
	return mhead[s->o.rules != NULL || k < 7 ? k : k + NBUS];
}

/* Median, p90, p95 and mean as durations into c[0..3]. */
static void
quant_cells(const struct quant *q, char **c)
{
	char t[32];

	duration(t, sizeof(t), q->has, q->med);
	c[0] = xstrdup(t);
	duration(t, sizeof(t), q->has, q->p90);
	c[1] = xstrdup(t);
	duration(t, sizeof(t), q->has, q->p95);
	c[2] = xstrdup(t);
	duration(t, sizeof(t), q->has, (int64_t)llround(q->mean));
	c[3] = xstrdup(t);
}

static void
meas_cells(const struct rstate *s, const struct agg *a, char **c)
{
	struct meas m;

	measure(a, &m);
	c[0] = xasprintf("%llu", (unsigned long long)a->inbound);
	c[1] = xasprintf("%llu", (unsigned long long)a->answered);
	c[2] = a->inbound ? xasprintf("%.1f%%", 100 * m.rate) : xstrdup("-");
	quant_cells(&m.q, c + 3);
	if (s->o.rules != NULL) {
		quant_cells(&m.b, c + 7);
		c += NBUS;
	}
	c[7] = xasprintf("%llu", (unsigned long long)a->met);
	c[8] = xasprintf("%llu", (unsigned long long)a->breached);
	c[9] = xasprintf("%llu", (unsigned long long)a->pending);
}

static void
print_table(struct output *o, struct rstate *s, struct rows *r)
{
	struct grid g;
	char **c, **kc, *al;
	size_t nk = s->o.nby ? s->o.nby : 1, i, k;

	memset(&g, 0, sizeof(g));
	g.cols = nk + nmeas(s);
	al = xmalloc(g.cols + 1);
	for (k = 0; k < g.cols; k++)
		al[k] = k < nk ? 'l' : 'r';
	al[g.cols] = '\0';
	g.left = al;
	c = xcalloc(g.cols, sizeof(*c));
	for (k = 0; k < nk; k++)
		c[k] = s->o.nby ? xstrdup(s->o.by[k]) : xstrdup("GROUP");
	for (k = 0; k < nmeas(s); k++)
		c[nk + k] = xstrdup(meas_head(s, k));
	grid_add(&g, c);
	for (i = 0; i < r->n; i++) {
		kc = key_cells(s, r->g[i]);
		for (k = 0; k < nk; k++)
			c[k] = *kc[k] ? xstrdup(kc[k]) : xstrdup("-");
		free_cells(kc, s->o.nby);
		meas_cells(s, &r->g[i]->a, c + nk);
		grid_add(&g, c);
	}
	c[0] = xstrdup("all");
	for (k = 1; k < nk; k++)
		c[k] = xstrdup("");
	meas_cells(s, &r->all, c + nk);
	grid_add(&g, c);
	grid_print(o, &g, r->n > 0 ? r->n + 1 : (size_t)-1);
	grid_free(&g);
	free(c);
	free(al);
}

static void
csv_cell(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_addc(b, ',');
	buf_add_csv(b, s);
}

static void
csv_quant(struct buf *b, const struct quant *q)
{
	if (q->has) {
		buf_printf(b, ",%lu,%lu,%lu,", (unsigned long)q->med,
		    (unsigned long)q->p90, (unsigned long)q->p95);
		jsonw_real(b, q->mean);
	} else
		buf_adds(b, ",,,,");
}

static void
csv_meas(struct buf *b, const struct agg *a, int business)
{
	struct meas m;

	measure(a, &m);
	buf_printf(b, ",%llu,%llu,", (unsigned long long)a->inbound,
	    (unsigned long long)a->answered);
	if (a->inbound)
		jsonw_real(b, m.rate);
	csv_quant(b, &m.q);
	if (business)
		csv_quant(b, &m.b);
	buf_printf(b, ",%llu,%llu,%llu\r\n", (unsigned long long)a->met,
	    (unsigned long long)a->breached, (unsigned long long)a->pending);
}

static void
print_csv(struct output *o, struct rstate *s, struct rows *r)
{
	struct buf b = BUF_INIT;
	char **kc;
	size_t i, k;

	buf_adds(&b, "row");
	for (k = 0; k < s->o.nby; k++)
		csv_cell(&b, s->o.by[k], 0);
	buf_adds(&b, ",inbound,answered,response_rate,frt_median_s,frt_p90_s,"
	    "frt_p95_s,frt_mean_s");
	if (s->o.rules != NULL)
		buf_adds(&b, ",frt_business_median_s,frt_business_p90_s,"
		    "frt_business_p95_s,frt_business_mean_s");
	buf_adds(&b, ",sla_met,sla_breached,sla_pending\r\n");
	buf_adds(&b, "all");
	for (k = 0; k < s->o.nby; k++)
		buf_addc(&b, ',');
	csv_meas(&b, &r->all, s->o.rules != NULL);
	for (i = 0; i < r->n; i++) {
		buf_adds(&b, "group");
		kc = key_cells(s, r->g[i]);
		for (k = 0; k < s->o.nby; k++)
			csv_cell(&b, kc[k], 0);
		free_cells(kc, s->o.nby);
		csv_meas(&b, &r->g[i]->a, s->o.rules != NULL);
	}
	output_puts(o, buf_str(&b));
	buf_free(&b);
}

/* --- HTML ------------------------------------------------------------ */

static void
html_text(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default:
			buf_addc(b, (unsigned char)s[i] < ' ' ? '?' : s[i]);
		}
}

static struct row *
find_row(struct table *t, const char *key)
{
	size_t i, n = strlen(key);

	for (i = 0; i < t->n; i++)
		if (t->rows[i].klen == n && memcmp(t->rows[i].key, key, n) == 0)
			return &t->rows[i];
	return NULL;
}

/* The T_HOW rows by weekday and hour, NULL where no post came; returns
 * the largest inbound count among them. */
static uint64_t
how_rows(struct rstate *s, struct row *g[7][24])
{
	char key[32];
	uint64_t max = 0;
	int d, h;

	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++) {
			snprintf(key, sizeof(key), "%d,%d", d, h);
			g[d][h] = find_row(&s->t[T_HOW], key);
			if (g[d][h] != NULL && g[d][h]->a.inbound > max)
				max = g[d][h]->a.inbound;
		}
	return max;
}

static void
svg_heatmap(struct buf *b, struct rstate *s)
{
	struct row *g[7][24], *r;
	uint64_t max, v;
	int d, h;
	struct meas m;
	char t[32];

	max = how_rows(s, g);
	buf_adds(b, "<svg class=\"chart\" id=\"heatmap\" width=\"760\" "
	    "height=\"200\" viewBox=\"0 0 760 200\" role=\"img\">\n");
	for (h = 0; h < 24; h += 3)
		buf_printf(b, "<text x=\"%d\" y=\"12\" class=\"ax\">%02d</text>"
		    "\n", 44 + h * 29, h);
	for (d = 0; d < 7; d++) {
		buf_printf(b, "<text x=\"0\" y=\"%d\" class=\"ax\">%s</text>\n",
		    34 + d * 24, wdays[d]);
		for (h = 0; h < 24; h++) {
			r = g[d][h];
			v = r ? r->a.inbound : 0;
			if (r)
				measure(&r->a, &m);
			else
				memset(&m, 0, sizeof(m));
			duration(t, sizeof(t), m.q.has, m.q.med);
			buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"27\" "
			    "height=\"22\" fill=\"#1f6feb\" fill-opacity="
			    "\"%.3f\" stroke=\"#ddd\"><title>%s %02d:00: %llu "
			    "inbound, median first response %s</title></rect>"
			    "\n", 40 + h * 29, 20 + d * 24,
			    max ? 0.05 + 0.95 * (double)v / (double)max : 0.0,
			    wdays[d], h, (unsigned long long)v, t);
		}
	}
	buf_adds(b, "</svg>\n");
}

static const uint32_t frt_edges[] = { 60, 300, 900, 1800, 3600, 7200,
    14400, 28800, 86400 };
static const char *const frt_labels[] = { "<1m", "1-5m", "5-15m",
    "15-30m", "30m-1h", "1-2h", "2-4h", "4-8h", "8-24h", ">1d" };
#define NFRT	10

static void
svg_frt(struct buf *b, const struct agg *all)
{
	uint64_t n[NFRT] = { 0 }, max = 0;
	size_t i, k;
	int hgt;

	for (i = 0; i < all->frt.nbin; i++) {
		for (k = 0; k < NFRT - 1 && all->frt.bin[i].v >= frt_edges[k];
		    k++)
			;
		n[k] += all->frt.bin[i].c;
	}
	for (k = 0; k < NFRT; k++)
		if (n[k] > max)
			max = n[k];
	buf_adds(b, "<svg class=\"chart\" id=\"frt\" width=\"760\" "
	    "height=\"220\" viewBox=\"0 0 760 220\" role=\"img\">\n");
	for (k = 0; k < NFRT; k++) {
		hgt = max ? (int)(170.0 * (double)n[k] / (double)max) : 0;
		buf_printf(b, "<rect x=\"%zu\" y=\"%d\" width=\"60\" "
		    "height=\"%d\" fill=\"#2da44e\"><title>%s: %llu</title>"
		    "</rect>\n<text x=\"%zu\" y=\"212\" class=\"ax\">%s</text>\n",
		    20 + k * 74, 190 - hgt, hgt, frt_labels[k],
		    (unsigned long long)n[k], 20 + k * 74, frt_labels[k]);
	}
	buf_adds(b, "</svg>\n");
}

static int
key_cmp(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x;
	const struct row *b = *(const struct row *const *)y;

	return strcmp(a->key, b->key);
}

static int
num_key_cmp(const void *x, const void *y)
{
	long long a = atoll((*(const struct row *const *)x)->key);
	long long b = atoll((*(const struct row *const *)y)->key);

	return (a > b) - (a < b);
}

static struct row **
sorted(struct table *t, int numeric)
{
	struct row **v = xreallocarray(NULL, t->n ? t->n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < t->n; i++)
		v[i] = &t->rows[i];
	qsort(v, t->n, sizeof(*v), numeric ? num_key_cmp : key_cmp);
	return v;
}

static void
svg_daily(struct buf *b, struct rstate *s)
{
	struct table *t = &s->t[T_DAY];
	struct row **v = sorted(t, 0);
	uint64_t max = 0;
	size_t i, n = t->n;
	double bw, x;
	int hgt;

	for (i = 0; i < n; i++)
		if (v[i]->a.inbound > max)
			max = v[i]->a.inbound;
	bw = n ? 720.0 / (double)n : 0;
	buf_adds(b, "<svg class=\"chart\" id=\"daily\" width=\"760\" "
	    "height=\"220\" viewBox=\"0 0 760 220\" role=\"img\">\n");
	for (i = 0; i < n; i++) {
		x = 30 + bw * (double)i;
		hgt = max ? (int)(170.0 * (double)v[i]->a.inbound /
		    (double)max) : 0;
		buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"%d\" fill=\"#8250df\"><title>", x, 190 - hgt,
		    bw * 0.8, hgt);
		html_text(b, v[i]->key, v[i]->klen);
		buf_printf(b, ": %llu inbound, %.1f%% answered</title></rect>\n",
		    (unsigned long long)v[i]->a.inbound, v[i]->a.inbound ?
		    100.0 * (double)v[i]->a.answered /
		    (double)v[i]->a.inbound : 0.0);
	}
	if (n > 0) {
		buf_adds(b, "<polyline fill=\"none\" stroke=\"#cf222e\" "
		    "stroke-width=\"2\" points=\"");
		for (i = 0; i < n; i++)
			buf_printf(b, "%s%.1f,%.1f", i ? " " : "",
			    30 + bw * ((double)i + 0.4), 190 - 170.0 *
			    (v[i]->a.inbound ? (double)v[i]->a.answered /
			    (double)v[i]->a.inbound : 0));
		buf_adds(b, "\"/>\n");
		buf_adds(b, "<text x=\"30\" y=\"212\" class=\"ax\">");
		html_text(b, v[0]->key, v[0]->klen);
		buf_printf(b, "</text>\n<text x=\"650\" y=\"212\" class=\"ax\">");
		html_text(b, v[n - 1]->key, v[n - 1]->klen);
		buf_adds(b, "</text>\n");
	}
	buf_adds(b, "</svg>\n");
	free(v);
}

/* A team's name: a string as it is, null as "(no team)", else JSON. */
static void
team_label(struct buf *b, const struct row *r)
{
	json_t *j = json_loadb(r->key, r->klen, JSON_DECODE_ANY, NULL);

	if (json_is_string(j))
		html_text(b, json_string_value(j), json_string_length(j));
	else if (j == NULL || json_is_null(j))
		buf_adds(b, "(no team)");
	else
		html_text(b, r->key, r->klen);
	json_decref(j);
}

static void
svg_teams(struct buf *b, struct rstate *s)
{
	struct table *t = &s->t[T_TEAM];
	struct row **v = sorted(t, 0);
	size_t i, n = t->n;
	uint64_t tot;
	double w1, w2, w3;

	buf_printf(b, "<svg class=\"chart\" id=\"sla\" width=\"760\" "
	    "height=\"%zu\" viewBox=\"0 0 760 %zu\" role=\"img\">\n",
	    30 + 26 * n, 30 + 26 * n);
	for (i = 0; i < n; i++) {
		tot = v[i]->a.met + v[i]->a.breached + v[i]->a.pending;
		w1 = tot ? 560.0 * (double)v[i]->a.met / (double)tot : 0;
		w2 = tot ? 560.0 * (double)v[i]->a.breached / (double)tot : 0;
		w3 = tot ? 560.0 * (double)v[i]->a.pending / (double)tot : 0;
		buf_printf(b, "<text x=\"0\" y=\"%zu\" class=\"ax\">",
		    20 + 26 * i);
		team_label(b, v[i]);
		buf_printf(b, "</text>\n<rect x=\"180\" y=\"%zu\" width=\"%.1f\" "
		    "height=\"20\" fill=\"#2da44e\"><title>met %llu</title>"
		    "</rect><rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" "
		    "height=\"20\" fill=\"#cf222e\"><title>breached %llu"
		    "</title></rect><rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" "
		    "height=\"20\" fill=\"#bf8700\"><title>pending %llu</title>"
		    "</rect>\n", 6 + 26 * i, w1,
		    (unsigned long long)v[i]->a.met, 180 + w1, 6 + 26 * i, w2,
		    (unsigned long long)v[i]->a.breached, 180 + w1 + w2,
		    6 + 26 * i, w3, (unsigned long long)v[i]->a.pending);
	}
	buf_adds(b, "</svg>\n");
	free(v);
}

static void
svg_spikes(struct buf *b, struct rstate *s)
{
	struct spike *sp;
	size_t n, i;
	double max = 1, x, bw;

	n = spikes_find(s, &sp);
	for (i = 0; i < n; i++)
		if ((double)sp[i].count > max)
			max = (double)sp[i].count;
	bw = n ? 720.0 / (double)n : 0;
	buf_adds(b, "<svg class=\"chart\" id=\"spikes\" width=\"760\" "
	    "height=\"220\" viewBox=\"0 0 760 220\" role=\"img\">\n");
	if (n > 0) {
		buf_adds(b, "<polyline fill=\"none\" stroke=\"#1f6feb\" "
		    "stroke-width=\"1\" points=\"");
		for (i = 0; i < n; i++)
			buf_printf(b, "%s%.1f,%.1f", i ? " " : "",
			    30 + bw * (double)i,
			    190 - 170.0 * (double)sp[i].count / max);
		buf_adds(b, "\"/>\n");
	}
	for (i = 0; i < n; i++) {
		char t[TIME_STRLEN];

		if (!sp[i].spike)
			continue;
		x = 30 + bw * (double)i;
		time_format(sp[i].start, t);
		buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
		    "fill=\"#cf222e\"><title>%s: %llu inbound, baseline %.1f, "
		    "score %.1f</title></circle>\n", x,
		    190 - 170.0 * (double)sp[i].count / max, t,
		    (unsigned long long)sp[i].count, sp[i].base, sp[i].score);
	}
	buf_adds(b, "</svg>\n");
	free(sp);
}

static void
print_html(struct output *o, struct rstate *s, struct rows *r)
{
	struct buf b = BUF_INIT;
	struct grid g;
	size_t i;

	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>sc-report</title>\n<style>\n"
	    "body{font:14px system-ui,sans-serif;margin:2em;color:#1f2328}\n"
	    "table{border-collapse:collapse}td,th{padding:2px 8px;"
	    "text-align:right;border-bottom:1px solid #ddd}\n"
	    "td:first-child,th:first-child{text-align:left}\n"
	    ".ax{font-size:11px;fill:#57606a}\n.chart{display:block;"
	    "margin:0 0 1.5em}\n</style>\n</head>\n<body>\n"
	    "<h1>Customer care report</h1>\n<table id=\"summary\">\n<tr>");
	(void)g;
	buf_adds(&b, "<th>group</th>");
	for (i = 0; i < nmeas(s); i++)
		buf_printf(&b, "<th>%s</th>", meas_head(s, i));
	buf_adds(&b, "</tr>\n");
	for (i = 0; i <= r->n; i++) {
		char *c[NMEAS];
		size_t k;

		buf_adds(&b, "<tr><td>");
		if (i == 0)
			buf_adds(&b, "all");
		else
			html_text(&b, r->g[i - 1]->key, r->g[i - 1]->klen);
		buf_adds(&b, "</td>");
		meas_cells(s, i == 0 ? &r->all : &r->g[i - 1]->a, c);
		for (k = 0; k < nmeas(s); k++) {
			buf_adds(&b, "<td>");
			html_text(&b, c[k], strlen(c[k]));
			buf_adds(&b, "</td>");
			free(c[k]);
		}
		buf_adds(&b, "</tr>\n");
	}
	buf_adds(&b, "</table>\n<h2>When customers write (weekday \u00d7 hour, ");
	html_text(&b, s->o.tz, strlen(s->o.tz));
	buf_adds(&b, ")</h2>\n");
	svg_heatmap(&b, s);
	buf_adds(&b, "<h2>First-response times</h2>\n");
	svg_frt(&b, &r->all);
	buf_adds(&b, "<h2>Daily volume and response rate</h2>\n");
	svg_daily(&b, s);
	buf_adds(&b, "<h2>SLA by team</h2>\n");
	svg_teams(&b, s);
	buf_adds(&b, "<h2>Spikes</h2>\n");
	svg_spikes(&b, s);
	buf_adds(&b, "</body>\n</html>\n");
	output_puts(o, buf_str(&b));
	buf_free(&b);
}

void
print_report(struct output *o, struct rstate *s, int fmt)
{
	struct rows r;
	struct buf b = BUF_INIT;
	size_t i;

	rows_make(s, &r);
	switch (fmt) {
	case FMT_TABLE:
		print_table(o, s, &r);
		break;
	case FMT_CSV:
		print_csv(o, s, &r);
		break;
	case FMT_HTML:
		print_html(o, s, &r);
		break;
	default:
		ndjson_row(&b, "{}", 2, &r.all, s->o.rules != NULL);
		for (i = 0; i < r.n; i++)
			ndjson_row(&b, r.g[i]->key, r.g[i]->klen, &r.g[i]->a,
			    s->o.rules != NULL);
		output_puts(o, buf_str(&b));
	}
	buf_free(&b);
	rows_free(&r);
}

/*
 * One weekday and hour of --heatmap or --staffing: its column of the
 * table, or its CSV or NDJSON line.  The line starts with the weekday and
 * hour; the cell adds the rest.
 */
typedef void week_cell(struct buf *b, int fmt, int d, const struct row *r,
    void *ctx);

/*
 * The 168 cells of --heatmap and --staffing, Monday 00:00 first: as CSV
 * under its header line, as NDJSON, or as a table of a line per weekday
 * under the hours (each printed by colfmt after indent).
 */
static void
week_grid(struct buf *b, struct rstate *s, int fmt, const char *csvhead,
    const char *indent, const char *colfmt, week_cell *cell, void *ctx)
{
	struct row *g[7][24];
	int d, h;

	(void)how_rows(s, g);
	if (fmt == FMT_CSV)
		buf_adds(b, csvhead);
	if (fmt == FMT_TABLE) {
		buf_adds(b, indent);
		for (h = 0; h < 24; h++)
			buf_printf(b, colfmt, h);
		buf_adds(b, "\n");
	}
	for (d = 0; d < 7; d++) {
		if (fmt == FMT_TABLE)
			buf_printf(b, "%s", wdays[d]);
		for (h = 0; h < 24; h++) {
			if (fmt == FMT_CSV)
				buf_printf(b, "%s,%d,", wdays[d], h);
			else if (fmt != FMT_TABLE)
				buf_printf(b, "{\"weekday\":\"%s\",\"hour\":%d,",
				    wdays[d], h);
			cell(b, fmt, d, g[d][h], ctx);
		}
		if (fmt == FMT_TABLE)
			buf_adds(b, "\n");
	}
}

static void
heat_cell(struct buf *b, int fmt, int d, const struct row *r, void *ctx)
{
	static const char *const shade[5] = { " ", "\u2591", "\u2592",
	    "\u2593", "\u2588" };
	uint64_t max = *(const uint64_t *)ctx;
	uint64_t v = r ? r->a.inbound : 0;
	struct meas m;
	int k;

	(void)d;
	if (fmt == FMT_TABLE) {
		/* 0: blank; else a quarter of the maximum. */
		k = v == 0 ? 0 : 1 + (int)((4 * v - 1) / max);
		buf_printf(b, " %s%s", shade[k], shade[k]);
		return;
	}
	if (r)
		measure(&r->a, &m);
	else
		memset(&m, 0, sizeof(m));
	buf_printf(b, fmt == FMT_CSV ? "%llu,%llu," : "\"inbound\":%llu,"
	    "\"answered\":%llu,\"frt_median_s\":", (unsigned long long)v,
	    (unsigned long long)(r ? r->a.answered : 0));
	if (m.q.has)
		buf_printf(b, "%lu", (unsigned long)m.q.med);
	else if (fmt != FMT_CSV)
		buf_adds(b, "null");
	buf_adds(b, fmt == FMT_CSV ? "\r\n" : "}\n");
}

/* --heatmap: 168 rows, Monday 00:00 first. */
void
print_heatmap(struct output *o, struct rstate *s, int fmt)
{
	struct row *g[7][24];
	struct buf b = BUF_INIT;
	uint64_t max;

	max = how_rows(s, g);
	week_grid(&b, s, fmt, "weekday,hour,inbound,answered,frt_median_s\r\n",
	    "    ", " %02d", heat_cell, &max);
	if (fmt == FMT_TABLE)
		buf_printf(&b, "inbound per hour, busiest %llu: \u2591\u2591 up to "
		    "a quarter, \u2592\u2592 a half, \u2593\u2593 three "
		    "quarters, \u2588\u2588 more; blank: none\n",
		    (unsigned long long)max);
	output_puts(o, buf_str(&b));
	buf_free(&b);
}

/* --spikes: the buckets that spike, oldest first. */
int
print_spikes(struct output *o, struct rstate *s, int fmt)
{
	struct spike *sp;
	struct buf b = BUF_INIT;
	struct grid g;
	char t[TIME_STRLEN], **c;
	size_t n, i;
	int latest;

	n = spikes_find(s, &sp);
	latest = n > 0 && sp[n - 1].spike;
	memset(&g, 0, sizeof(g));
	g.cols = 5;
	g.left = "lrrrl";
	if (fmt == FMT_CSV)
		buf_adds(&b, "start,inbound,baseline,score,basis\r\n");
	if (fmt == FMT_TABLE) {
		c = xcalloc(5, sizeof(*c));
		c[0] = xstrdup("START");
		c[1] = xstrdup("INBOUND");
		c[2] = xstrdup("BASELINE");
		c[3] = xstrdup("SCORE");
		c[4] = xstrdup("BASIS");
		grid_add(&g, c);
		free(c);
	}
	for (i = 0; i < n; i++) {
		if (!sp[i].spike)
			continue;
		time_format(sp[i].start, t);
		if (fmt == FMT_TABLE) {
			c = xcalloc(5, sizeof(*c));
			c[0] = xstrdup(t);
			c[1] = xasprintf("%llu",
			    (unsigned long long)sp[i].count);
			c[2] = xasprintf("%.1f", sp[i].base);
			c[3] = xasprintf("%.1f", sp[i].score);
			c[4] = xstrdup(sp[i].basis);
			grid_add(&g, c);
			free(c);
			continue;
		}
		buf_printf(&b, fmt == FMT_CSV ? "%s,%llu," :
		    "{\"start\":\"%s\",\"inbound\":%llu,\"baseline\":", t,
		    (unsigned long long)sp[i].count);
		jsonw_real(&b, sp[i].base);
		buf_adds(&b, fmt == FMT_CSV ? "," : ",\"score\":");
		jsonw_real(&b, round(sp[i].score * 100) / 100);
		buf_printf(&b, fmt == FMT_CSV ? ",%s\r\n" :
		    ",\"basis\":\"%s\"}\n", sp[i].basis);
	}
	if (fmt == FMT_TABLE) {
		grid_print(o, &g, (size_t)-1);
		grid_free(&g);
	} else
		output_puts(o, buf_str(&b));
	buf_free(&b);
	free(sp);
	return latest;
}

/*
 * How many weeks' worth of each weekday the data holds: the local days of
 * that weekday with inbound posts (at least 1).
 */
static void
weekday_days(struct rstate *s, unsigned days[7])
{
	struct table *t = &s->t[T_DAY];
	int64_t y;
	unsigned m, d, k;
	size_t i;

	for (k = 0; k < 7; k++)
		days[k] = 0;
	for (i = 0; i < t->n; i++) {
		long long yy;

		if (sscanf(t->rows[i].key, "%lld-%u-%u", &yy, &m, &d) != 3 ||
		    m < 1 || m > 12 || d < 1 || d > 31)
			continue;
		y = yy;
		days[zone_weekday(time_days_from_civil(y, m, d))]++;
	}
}

struct staff {
	unsigned	 days[7];	/* weeks of each weekday */
	double		 aht, target, within;
};

static void
staff_cell(struct buf *b, int fmt, int d, const struct row *r, void *ctx)
{
	const struct staff *st = ctx;
	double lam, a, sl;
	unsigned n;

	lam = r && st->days[d] ? (double)r->a.inbound / st->days[d] : 0;
	a = lam * st->aht / 3600;
	n = erlang_agents(a, st->within / st->aht, st->target, 100000);
	sl = erlang_sl(n, a, st->within / st->aht);
	if (fmt == FMT_TABLE) {
		buf_printf(b, " %3u", n);
		return;
	}
	if (fmt != FMT_CSV)
		buf_adds(b, "\"arrivals_per_hour\":");
	jsonw_real(b, lam);
	buf_adds(b, fmt == FMT_CSV ? "," : ",\"erlangs\":");
	jsonw_real(b, a);
	buf_printf(b, fmt == FMT_CSV ? ",%u," :
	    ",\"agents\":%u,\"service_level\":", n);
	jsonw_real(b, round(sl * 10000) / 10000);
	buf_adds(b, fmt == FMT_CSV ? "," : ",\"occupancy\":");
	if (n > 0)
		jsonw_real(b, round(a / n * 10000) / 10000);
	else if (fmt != FMT_CSV)
		buf_adds(b, "null");
	buf_adds(b, fmt == FMT_CSV ? "\r\n" : "}\n");
}

/* --staffing: agents per weekday and hour by Erlang C. */
void
print_staffing(struct output *o, struct rstate *s, int fmt, double aht,
    double target, double within)
{
	struct buf b = BUF_INIT;
	struct staff st;

	weekday_days(s, st.days);
	st.aht = aht;
	st.target = target;
	st.within = within;
	week_grid(&b, s, fmt, "weekday,hour,arrivals_per_hour,erlangs,agents,"
	    "service_level,occupancy\r\n", "   ", " %3d", staff_cell, &st);
	output_puts(o, buf_str(&b));
	buf_free(&b);
}

/* --wait: the expected wait now, and the very-responsive test. */
void
print_wait(struct output *o, struct rstate *s, int fmt)
{
	struct row *rec = find_row(&s->t[T_WAIT], "recent");
	struct row *open = find_row(&s->t[T_WAIT], "open");
	struct row *week = find_row(&s->t[T_WAIT], "week");
	struct buf b = BUF_INIT;
	struct meas m;
	char now[TIME_STRLEN], t1[32], t2[32];
	uint64_t nopen = open ? open->a.inbound : 0;
	uint64_t nrec = rec ? rec->a.answered : 0;
	double share = 0, wait = 0, rate;
	int has_share, has_wait;

	time_format(s->now, now);
	if (rec)
		measure(&rec->a, &m);
	else
		memset(&m, 0, sizeof(m));
	/* The usual wait of late, plus the queue ahead at the recent pace. */
	has_wait = nrec > 0;
	if (has_wait) {
		rate = (double)nrec / WAIT_RECENT;
		wait = (double)m.q.med + (double)nopen / rate;
	}
	has_share = week && week->a.inbound > 0;
	if (has_share)
		share = (double)week->a.answered / (double)week->a.inbound;
	if (fmt == FMT_TABLE) {
		duration(t1, sizeof(t1), has_wait, (int64_t)llround(wait));
		duration(t2, sizeof(t2), m.q.has, m.q.med);
		buf_printf(&b, "now                 %s\n"
		    "expected wait       %s\n"
		    "open                %llu\n"
		    "answered, last 3h   %llu (median %s)\n", now, t1,
		    (unsigned long long)nopen, (unsigned long long)nrec, t2);
		if (has_share)
			buf_printf(&b, "within 15m, 7 days  %.1f%% (%s)\n",
			    100 * share, share >= 0.9 ? "very responsive" :
			    "not very responsive: under 90%");
		else
			buf_adds(&b, "within 15m, 7 days  -\n");
		output_puts(o, buf_str(&b));
		buf_free(&b);
		return;
	}
	if (fmt == FMT_CSV)
		buf_printf(&b, "now,expected_wait_s,open,answered_recent,"
		    "frt_recent_median_s,answered_15m_share,very_responsive\r\n"
		    "%s,", now);
	else
		buf_printf(&b, "{\"now\":\"%s\",\"expected_wait_s\":", now);
	if (has_wait)
		buf_printf(&b, "%lld", (long long)llround(wait));
	else if (fmt != FMT_CSV)
		buf_adds(&b, "null");
	buf_printf(&b, fmt == FMT_CSV ? ",%llu,%llu," : ",\"open\":%llu,"
	    "\"answered_recent\":%llu,\"frt_recent_median_s\":",
	    (unsigned long long)nopen, (unsigned long long)nrec);
	if (m.q.has)
		buf_printf(&b, "%lu", (unsigned long)m.q.med);
	else if (fmt != FMT_CSV)
		buf_adds(&b, "null");
	buf_adds(&b, fmt == FMT_CSV ? "," : ",\"answered_15m_share\":");
	if (has_share)
		jsonw_real(&b, share);
	else if (fmt != FMT_CSV)
		buf_adds(&b, "null");
	buf_adds(&b, fmt == FMT_CSV ? "," : ",\"very_responsive\":");
	buf_adds(&b, !has_share ? (fmt == FMT_CSV ? "" : "null") :
	    share >= 0.9 ? "true" : "false");
	buf_adds(&b, fmt == FMT_CSV ? "\r\n" : "}\n");
	output_puts(o, buf_str(&b));
	buf_free(&b);
}
