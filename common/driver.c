/*
 * driver.c - what every platform driver shares (see driver.h): requests,
 * pages, the table of drivers, and the two calls a driver makes into the
 * program that runs it (net_call_json(), net_key()), passed on through
 * n->host.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "driver.h"
#include "http.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

/* The drivers, one line each. */
static const struct driver *const drivers[] = {
	&drv_x,
	&drv_mastodon,
	&drv_bluesky,
	&drv_reddit,
	&drv_facebook,
};

/* A new string, printf-style, from a va_list. */
static char *
vfmt(const char *fmt, va_list ap)
{
	va_list ap2;
	char *s;
	int len;

	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (len < 0)
		die(SC_EXIT_FATAL, "bad format: %s", fmt);
	s = xmalloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

/*
 * Requests
 */

void
net_req_init(struct net_req *rq)
{
	memset(rq, 0, sizeof(*rq));
}

void
net_req_free(struct net_req *rq)
{
	size_t i;

	for (i = 0; i < rq->nheaders; i++)
		free(rq->headers[i]);
	buf_free(&rq->url);
	buf_free(&rq->body);
	memset(rq, 0, sizeof(*rq));
}

void
net_req_url(struct net_req *rq, const struct net *n, const char *fmt, ...)
{
	va_list ap;
	char *path;

	va_start(ap, fmt);
	path = vfmt(fmt, ap);
	va_end(ap);
	buf_reset(&rq->url);
	if (n != NULL)
		buf_adds(&rq->url, n->api_base);
	buf_adds(&rq->url, path);
	free(path);
}

void
net_req_param(struct net_req *rq, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_addc(&rq->url, strchr(buf_str(&rq->url), '?') ? '&' : '?');
	http_urlencode(&rq->url, name);
	buf_addc(&rq->url, '=');
	http_urlencode(&rq->url, value);
}

void
net_req_header(struct net_req *rq, const char *fmt, ...)
{
	va_list ap;
	char *h;

	if (rq->nheaders == NET_REQ_MAXHDR)
		die(SC_EXIT_FATAL, "too many request headers");
	va_start(ap, fmt);
	h = vfmt(fmt, ap);
	va_end(ap);
	rq->headers[rq->nheaders++] = h;
	rq->headers[rq->nheaders] = NULL;
}

void
net_req_json(struct net_req *rq, const char *method, const json_t *j)
{
	char *s;

	rq->method = method;
	if ((s = json_dumps(j, JSON_COMPACT)) == NULL)
		die(SC_EXIT_FATAL, "out of memory");
	buf_reset(&rq->body);
	buf_adds(&rq->body, s);
	free(s);
	rq->has_body = 1;
	net_req_header(rq, "Content-Type: application/json");
}

/*
 * Pages
 */

void
net_page_init(struct net_page *pg)
{
	memset(pg, 0, sizeof(*pg));
}

void
net_page_free(struct net_page *pg)
{
	size_t i;

	for (i = 0; i < pg->nitems; i++) {
		json_decref(pg->items[i].post);
		json_decref(pg->items[i].raw);
		free(pg->items[i].pos);
		free(pg->items[i].reject);
	}
	free(pg->items);
	free(pg->next);
	memset(pg, 0, sizeof(*pg));
}

static struct net_item *
page_item(struct net_page *pg)
{
	struct net_item *it;

	if (pg->nitems == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 64;
		pg->items = xreallocarray(pg->items, pg->cap,
		    sizeof(*pg->items));
	}
	it = &pg->items[pg->nitems++];
	memset(it, 0, sizeof(*it));
	return it;
}

void
net_page_add(struct net_page *pg, json_t *post, const char *pos,
    const json_t *raw)
{
	struct net_item *it;

	it = page_item(pg);
	it->post = post;
	it->pos = pos != NULL ? xstrdup(pos) : NULL;
	it->raw = raw != NULL ? json_incref((json_t *)raw) : NULL;
}

void
net_page_reject(struct net_page *pg, const json_t *raw, const char *fmt, ...)
{
	struct net_item *it;
	va_list ap;

	it = page_item(pg);
	it->raw = raw != NULL ? json_incref((json_t *)raw) : NULL;
	va_start(ap, fmt);
	it->reject = vfmt(fmt, ap);
	va_end(ap);
}

void
net_page_next(struct net_page *pg, const char *cursor)
{
	free(pg->next);
	pg->next = cursor != NULL ? xstrdup(cursor) : NULL;
}

/*
 * Helpers
 */

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int
net_pos_cmp_num(const char *a, const char *b)
{
	size_t la, lb;

	if (all_digits(a) && all_digits(b)) {
		while (a[0] == '0' && a[1] != '\0')
			a++;
		while (b[0] == '0' && b[1] != '\0')
			b++;
		la = strlen(a);
		lb = strlen(b);
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return strcmp(a, b);
}

long
net_until(int64_t t)
{
	int64_t now = (int64_t)time(NULL);

	return t > now ? (long)(t - now) : 0;
}

long
net_reset_header(const struct http_resp *resp, const char *name, int kind)
{
	const char *v;
	char *end;
	double d;
	int64_t t;

	if ((v = http_header(resp, name)) == NULL || *v == '\0')
		return -1;
	if (kind == NET_RESET_ISO) {
		if (time_parse(v, &t) == -1)
			return -1;
		/* Rounded up: the reset is at some fraction of a second. */
		return net_until(t + 1);
	}
	errno = 0;
	d = strtod(v, &end);
	if (errno != 0 || end == v || *end != '\0' || d < 0 || d > 1e12)
		return -1;
	if (kind == NET_RESET_EPOCH)
		return net_until((int64_t)d + ((double)(int64_t)d < d));
	return (long)d + ((double)(long)d < d);
}

const char *
net_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

const char *
net_item_id(const json_t *raw)
{
	const char *id;

	if ((id = net_str(raw, "id")) == NULL &&
	    (id = net_str(raw, "uri")) == NULL)
		id = net_str(json_object_get(raw, "data"), "name");
	return id != NULL && *id != '\0' ? id : NULL;
}

const char *
net_native_id(const struct driver *d, const char *id)
{
	size_t len;

	if (id == NULL)
		return NULL;
	len = strlen(d->name);
	if (strncmp(id, d->name, len) == 0 && id[len] == ':')
		id += len + 1;
	return *id != '\0' ? id : NULL;
}

int
net_sent_id(const struct driver *d, const char *s, const char *what,
    char *id, size_t idlen, char *err, size_t errlen)
{
	if (s == NULL || *s == '\0') {
		snprintf(err, errlen, "no \"%s\" in the answer", what);
		return -1;
	}
	snprintf(id, idlen, "%s:%s", d->name, s);
	return 0;
}

const struct driver *
net_driver(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++)
		if (strcmp(drivers[i]->name, name) == 0)
			return drivers[i];
	return NULL;
}

void
net_key(struct net *n, const char *fmt, ...)
{
	va_list ap;
	char *k, *key;

	va_start(ap, fmt);
	k = vfmt(fmt, ap);
	va_end(ap);
	key = xasprintf("%s %s", n->drv->name, k);
	free(k);
	if (n->host != NULL && n->host->key != NULL)
		n->host->key(n, key);
	free(key);
}

json_t *
net_call_json(struct net *n, struct net_req *rq, const char *what)
{
	if (n->host == NULL || n->host->call_json == NULL)
		die(SC_EXIT_FATAL, "%s: %s: no way to send it here",
		    n->drv->name, what);
	return n->host->call_json(n, rq, what);
}

int
net_soft(const struct net_req *rq, long status)
{
	if (rq->soft_status == NET_SOFT_4XX)
		return status >= 400 && status < 500 && status != 401 &&
		    status != 429;
	return rq->soft_status != 0 && status == rq->soft_status;
}

void
net_brand(struct net *n, const char *handle, const char *why)
{
	if (n->host != NULL && n->host->brand != NULL)
		n->host->brand(n, handle != NULL && *handle != '\0' ? handle :
		    NULL, why != NULL ? why : "no handle");
}

void
net_usage_error(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", sc_progname);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	cli_usage_error();
}
