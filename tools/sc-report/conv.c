/*
 * conv.c - one row per conversation, for --conversations (see report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hmap.h"
#include "jsonw.h"
#include "post.h"
#include "report.h"
#include "sctime.h"
#include "utf8.h"
#include "xmem.h"

struct conv {
	char		*key;
	int64_t		 first;		/* earliest post of any kind */
	int64_t		 first_in;	/* earliest inbound post, T_NONE */
	char		*customer, *platform, *team, *agent; /* JSON text */
	uint64_t	 inbound, replies, open, missed;
	int64_t		 frt;		/* of first_in; -1: unanswered */
	int		 sla;
	int64_t		 settled_t;	/* first_in as settled */
};

struct convs {
	struct hmap	*map;
	struct conv	*c;
	size_t		 n, cap;
};

struct convs *
convs_new(void)
{
	struct convs *cv = xcalloc(1, sizeof(*cv));

	cv->map = hmap_new();
	return cv;
}

/* The JSON text of the value at path, "null" when missing. */
static char *
text_at(const json_t *post, const char *path)
{
	struct buf b = BUF_INIT;
	const json_t *v = json_path(post, path);

	if (v == NULL)
		return xstrdup("null");
	jsonw(&b, v);
	return buf_detach(&b);
}

uint32_t
conv_read(struct convs *cv, const json_t *post, int64_t t, int brand,
    int inbound)
{
	const json_t *k = json_object_get(post, "conversation_id");
	struct conv *c;
	void **v;
	int existed;
	uint32_t i;

	if (!json_is_string(k))
		k = json_object_get(post, "in_reply_to");
	if (!json_is_string(k))
		k = json_object_get(post, "id");
	v = hmap_put(cv->map, json_string_value(k), json_string_length(k),
	    &existed);
	if (!existed) {
		if (cv->n == cv->cap) {
			cv->cap = cv->cap ? cv->cap * 2 : 64;
			cv->c = xreallocarray(cv->c, cv->cap, sizeof(*cv->c));
		}
		c = &cv->c[cv->n];
		memset(c, 0, sizeof(*c));
		c->key = xstrndup(json_string_value(k), json_string_length(k));
		c->first = t;
		c->first_in = c->settled_t = T_NONE;
		c->frt = -1;
		*v = (void *)(uintptr_t)(cv->n + 1);
		cv->n++;
	}
	i = (uint32_t)((uintptr_t)*v - 1);
	c = &cv->c[i];
	if (t < c->first)
		c->first = t;
	if (brand)
		c->replies++;
	if (inbound && (c->first_in == T_NONE || t < c->first_in)) {
		c->first_in = t;
		free(c->customer);
		free(c->platform);
		free(c->team);
		free(c->agent);
		c->customer = text_at(post, "author.handle");
		c->platform = text_at(post, "platform");
		c->team = text_at(post, "route.team");
		c->agent = text_at(post, "route.agent");
	}
	return i;
}

void
conv_settle(struct convs *cv, const struct settled *p, int64_t now,
    int64_t window)
{
	struct conv *c = &cv->c[p->team];

	c->inbound++;
	if (p->frt < 0) {
		if (p->t + window > now)
			c->open++;
		else
			c->missed++;
	}
	if (c->settled_t == T_NONE || p->t < c->settled_t) {
		c->settled_t = p->t;
		c->frt = p->frt;
		c->sla = p->sla;
	}
}

static int
conv_cmp(const void *a, const void *b)
{
	const struct conv *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return strcmp(x->key, y->key);
}

static const char *const slaname[] = { NULL, "met", "breached", "pending" };

static const char *
status(const struct conv *c)
{
	return c->missed ? "unanswered" : c->open ? "waiting" : "answered";
}

/* A string's value for a table or CSV cell, "" for null. */
static char *
plain(const char *json)
{
	json_t *j = json_loads(json, JSON_DECODE_ANY, NULL);
	char *s;

	if (json_is_string(j))
		s = xstrndup(json_string_value(j), json_string_length(j));
	else if (j == NULL || json_is_null(j))
		s = xstrdup("");
	else if (json_is_object(j) && json_is_string(json_object_get(j,
	    "name")))
		s = xstrdup(json_string_value(json_object_get(j, "name")));
	else
		s = xstrdup(json);
	json_decref(j);
	return s;
}

static void
csv_put(struct buf *b, const char *s, int last)
{
	buf_add_csv(b, s);
	buf_adds(b, last ? "\r\n" : ",");
}

void
conv_print(struct output *o, struct convs *cv, int fmt)
{
	static const char *const head[] = { "conversation", "first_post",
	    "customer", "platform", "team", "agent", "inbound", "replies",
	    "first_response_s", "sla", "status" };
	struct buf b = BUF_INIT;
	char t[TIME_STRLEN], num[64], *cell[11];
	size_t i, k, w[11] = { 0 }, len, pass;
	struct conv *c;

	qsort(cv->c, cv->n, sizeof(*cv->c), conv_cmp);
	if (fmt == FMT_CSV)
		for (k = 0; k < 11; k++)
			csv_put(&b, head[k], k == 10);
	/* A table takes two passes: the widths, then the lines. */
	for (pass = fmt == FMT_TABLE ? 0 : 1; pass < 2; pass++) {
		if (fmt == FMT_TABLE && pass == 1)
			for (k = 0; k < 11; k++) {
				buf_printf(&b, "%s%s", k ? "  " : "", head[k]);
				if (k < 10)
					buf_printf(&b, "%*s", (int)(w[k] -
					    strlen(head[k])), "");
			}
		if (fmt == FMT_TABLE && pass == 1)
			buf_addc(&b, '\n');
		for (k = 0; k < 11 && pass == 0; k++)
			w[k] = strlen(head[k]);
		for (i = 0; i < cv->n; i++) {
			c = &cv->c[i];
			if (c->inbound == 0)
				continue;
			time_format(c->first, t);
			if (fmt == FMT_NDJSON) {
				buf_adds(&b, "{\"conversation\":");
				jsonw_string(&b, c->key, strlen(c->key));
				buf_printf(&b, ",\"first_post\":\"%s\","
				    "\"customer\":%s,\"platform\":%s,\"team\":%s,"
				    "\"agent\":%s,\"inbound\":%llu,"
				    "\"replies\":%llu,\"first_response_s\":", t,
				    c->customer, c->platform, c->team, c->agent,
				    (unsigned long long)c->inbound,
				    (unsigned long long)c->replies);
				if (c->frt >= 0)
					buf_printf(&b, "%lld", (long long)c->frt);
				else
					buf_adds(&b, "null");
				if (slaname[c->sla] != NULL)
					buf_printf(&b, ",\"sla\":\"%s\"",
					    slaname[c->sla]);
				else
					buf_adds(&b, ",\"sla\":null");
				buf_printf(&b, ",\"status\":\"%s\"}\n",
				    status(c));
				continue;
			}
			cell[0] = xstrdup(c->key);
			cell[1] = xstrdup(t);
			cell[2] = plain(c->customer);
			cell[3] = plain(c->platform);
			cell[4] = plain(c->team);
			cell[5] = plain(c->agent);
			cell[6] = xasprintf("%llu",
			    (unsigned long long)c->inbound);
			cell[7] = xasprintf("%llu",
			    (unsigned long long)c->replies);
			snprintf(num, sizeof(num), "%lld", (long long)c->frt);
			cell[8] = xstrdup(c->frt >= 0 ? num : "");
			cell[9] = xstrdup(slaname[c->sla] ? slaname[c->sla] :
			    "");
			cell[10] = xstrdup(status(c));
			for (k = 0; k < 11; k++) {
				len = utf8_width(cell[k], strlen(cell[k]));
				if (pass == 0 && len > w[k])
					w[k] = len;
				if (pass == 1 && fmt == FMT_CSV)
					csv_put(&b, cell[k], k == 10);
				else if (pass == 1) {
					if (k > 0)
						buf_adds(&b, "  ");
					for (const char *q = cell[k]; *q; q++)
						buf_addc(&b, (unsigned char)*q <
						    ' ' ? '?' : *q);
					if (k < 10)
						buf_printf(&b, "%*s",
						    (int)(w[k] - len), "");
				}
				free(cell[k]);
			}
			if (pass == 1 && fmt == FMT_TABLE)
				buf_addc(&b, '\n');
		}
	}
	output_puts(o, buf_str(&b));
	buf_free(&b);
}

void
convs_free(struct convs *cv)
{
	size_t i;

	if (cv == NULL)
		return;
	for (i = 0; i < cv->n; i++) {
		free(cv->c[i].key);
		free(cv->c[i].customer);
		free(cv->c[i].platform);
		free(cv->c[i].team);
		free(cv->c[i].agent);
	}
	free(cv->c);
	hmap_free(cv->map);
	free(cv);
}
