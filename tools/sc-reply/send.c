/*
 * send.c - sc-reply --send: the approved replies posted, each at most
 * once, through the platform drivers sc-fetch reads with (driver.h), with
 * the journal (journal.h) as the memory of what was sent.
 *
 * For each record whose reply may go out (reply.status "approved"; with
 * --auto also a draft the drafter marked reply.auto: a confident draft
 * from an "auto" template), in order:
 *
 *	journal says sent, failed, unknown	write that, send nothing
 *	journal says pending (a run died while its request was under way)
 *		the driver honours an idempotency key and the intent is
 *		recent: send again with the intent's key; else unknown
 *	otherwise	intent (fsynced), the request, the outcome (fsynced)
 *
 * and the record is written with reply.status sent (reply.sent_id,
 * reply.sent_at), failed or unknown (reply.error).  A reply split into a
 * thread (reply.thread) goes part by part, each part its own key in the
 * journal ("ID#k") and a reply to the part before it (send_post()).  Outcomes: a 2xx that
 * names the new post is sent; a 4xx (not a throttle) is failed, nothing
 * was created; a 5xx, a timeout or a cut connection is unknown, since the
 * post may exist: never tried again by this program.  A request that
 * surely never left (no connection) or was throttled is "unsent" in the
 * journal: a 429 is waited out (--max-wait) and tried again; no
 * connection, or a wait too long, stops the sending with 75, and the rest
 * of the records pass through untouched for the next run.
 *
 * Choices: net_call_json() (Bluesky's login and getPosts, reads only)
 * ends the run like sc-fetch's does (75 or 2): what is already written
 * and the journal stay right, the records after it come out in the next
 * run.  --dry-run logs in and reads what a request needs, but sends
 * nothing that posts and writes no journal lines; the requests go to
 * standard error, tokens redacted.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "creds.h"
#include "diag.h"
#include "driver.h"
#include "http.h"
#include "journal.h"
#include "post.h"
#include "record.h"
#include "reply.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

#define SEND_MAXPLAT	8	/* drivers in driver.c's table */
#define SEND_IDLEN	512
#define SEND_THROTTLES	10	/* throttled answers in a row */

enum {
	OPT_SEND = OPT_TOOL_BASE + 0x40,
	OPT_JOURNAL,
	OPT_DRY_RUN,
	OPT_AUTO,
	OPT_API_BASE,
	OPT_CREDENTIALS,
	OPT_MAX_WAIT,
	OPT_TIMEOUT
};

struct plat {
	const struct driver *drv;
	struct net	 net;
	char		*credv[DRV_MAXCRED];
	char		*base;
	int		 ready;
};

struct sender {
	struct journal	*j;
	struct http	*http;
	struct plat	 plat[SEND_MAXPLAT];
	size_t		 nplat;
	const char	*bases[SEND_MAXPLAT + 1];	/* --api-base */
	size_t		 nbases;
	const char	*creds_path;
	json_t		*creds;
	int		 dry, autosend, verbose;
	long		 max_wait;
	long		 wait_next;	/* seconds before the next request */
	int		 stopped;	/* no more sending in this run */
	int		 status;	/* the worst so far */
	unsigned long	 sent, failed, unknown, skipped;
	struct http_resp resp;
	struct net_req	 req;
};

static struct sender *cur;

int
send_asked(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--send") == 0)
			return 1;
	return 0;
}

/*
 * The host side of the drivers (driver.h)
 */

static long
throttle_wait(const struct driver *d, struct net *n,
    const struct http_resp *resp)
{
	long w;

	if (d->ratelimit != NULL)
		return d->ratelimit(n, resp);
	if (resp->status != 429)
		return -1;
	w = net_reset_header(resp, "Retry-After", NET_RESET_DELTA);
	return w >= 0 ? w : NET_RATE_DEFAULT;
}

static void
wait_secs(struct sender *s, long secs)
{
	if (secs <= 0)
		return;
	if (s->verbose)
		warnmsg("rate limited: waiting %lds", secs);
	http_sleep(secs * 1000);
}

/* net_call_json() for sc-reply: reads that log in or look up. */
static json_t *
send_call_json(struct net *n, struct net_req *rq, const char *what)
{
	struct sender *s = cur;
	struct http_resp resp;
	const char *method = rq->method != NULL ? rq->method : "GET";
	json_t *j;
	long w;
	int tries;

	memset(&resp, 0, sizeof(resp));
	for (tries = 0;; tries++) {
		if (http_request(s->http, method, buf_str(&rq->url),
		    (const char *const *)rq->headers, rq->has_body ?
		    rq->body.s : NULL, rq->body.len, &resp) == -1)
			die(SC_EXIT_TEMPFAIL, "%s: %s: %s; try again later",
			    n->drv->name, what, resp.error);
		if ((resp.status >= 200 && resp.status < 300) ||
		    net_soft(rq, resp.status))
			break;
		w = throttle_wait(n->drv, n, &resp);
		if (w < 0 || tries >= SEND_THROTTLES)
			die(resp.status == 429 || w >= 0 ?
			    SC_EXIT_TEMPFAIL : SC_EXIT_FATAL,
			    "%s: %s: HTTP %ld%s", n->drv->name, what,
			    resp.status, resp.status == 401 ||
			    resp.status == 403 ? ": check the credentials" :
			    "");
		if (w > s->max_wait)
			die(SC_EXIT_TEMPFAIL, "%s: %s: rate limited for %lds; "
			    "try again later", n->drv->name, what, w);
		wait_secs(s, w);
	}
	rq->status = resp.status;
	j = json_loadb(buf_str(&resp.body), resp.body.len, 0, NULL);
	http_resp_free(&resp);
	if (j == NULL && (rq->status < 200 || rq->status >= 300))
		return json_null();
	if (j == NULL)
		die(SC_EXIT_FATAL, "%s: %s: the answer is not JSON",
		    n->drv->name, what);
	return j;
}

static const struct net_host send_host = { send_call_json, NULL, NULL };

/* The platform's driver, its credentials read and set up at first use. */
static struct plat *
platform(struct sender *s, const char *name)
{
	const struct driver *d;
	const struct drv_cred *c;
	struct plat *p;
	const char *v, *base = NULL, *eq, *sep;
	size_t i, len;

	if (name == NULL || (d = net_driver(name)) == NULL ||
	    d->reply == NULL)
		return NULL;
	for (i = 0; i < s->nplat; i++)
		if (s->plat[i].drv == d)
			return &s->plat[i];
	if (s->nplat == SEND_MAXPLAT)
		return NULL;
	p = &s->plat[s->nplat++];
	memset(p, 0, sizeof(*p));
	p->drv = d;
	/* --api-base NAME=URL wins over --api-base URL. */
	len = strlen(d->name);
	for (i = 0; i < s->nbases; i++)
		if (strncmp(s->bases[i], d->name, len) == 0 &&
		    s->bases[i][len] == '=')
			base = s->bases[i] + len + 1;
	for (i = 0; base == NULL && i < s->nbases; i++) {
		eq = strchr(s->bases[i], '=');
		sep = strstr(s->bases[i], "://");
		if (eq == NULL || (sep != NULL && sep < eq))
			base = s->bases[i];
	}
	if (base == NULL)
		base = d->api_base;
	if (base == NULL)
		die(SC_EXIT_FATAL, "%s: --api-base %s=URL is needed", d->name,
		    d->name);
	p->base = xstrdup(base);
	while ((len = strlen(p->base)) > 0 && p->base[len - 1] == '/')
		p->base[len - 1] = '\0';
	for (i = 0, c = d->creds; c->field != NULL; c++, i++) {
		v = creds_get(s->creds, d->name, c->field);
		if (v == NULL || *v == '\0') {
			v = getenv(c->env);
			creds_check(c->env, v);	/* a CR LF would inject */
		}
		if (v != NULL && *v != '\0')
			p->net.cred[i] = p->credv[i] = xstrdup(v);
		else if (!c->optional)
			die(SC_EXIT_FATAL, "%s: no %s: set %s or use "
			    "--credentials FILE", d->name, c->field, c->env);
	}
	p->net.drv = d;
	p->net.host = &send_host;
	p->net.api_base = p->base;
	p->net.since = p->net.until = NET_NOTIME;
	p->net.verbose = s->verbose;
	p->net.http = s->http;
	if (d->send_setup != NULL)
		d->send_setup(&p->net);
	p->ready = 1;
	return p;
}

/*
 * Records
 */

static void
set_str(json_t *reply, const char *key, const char *v)
{
	json_t *j;

	if ((j = json_string(v)) == NULL)
		j = json_string("(not UTF-8)");
	json_object_set_new(reply, key, j);
}

static void
mark(json_t *reply, const char *status, const char *id, int64_t at,
    const char *error)
{
	char tb[TIME_STRLEN];

	set_str(reply, "status", status);
	json_object_del(reply, "sent_id");
	json_object_del(reply, "sent_at");
	json_object_del(reply, "sent_ids");
	json_object_del(reply, "error");
	if (id != NULL) {
		set_str(reply, "sent_id", id);
		time_format(at, tb);
		set_str(reply, "sent_at", tb);
	}
	if (error != NULL)
		set_str(reply, "error", error);
}

/* An idempotency key: 32 random hex digits. */
static void
new_idem(char out[33])
{
	static unsigned long n;
	unsigned char r[16];
	size_t i;
	int fd, got = 0;

	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) != -1) {
		got = read(fd, r, sizeof(r)) == (ssize_t)sizeof(r);
		close(fd);
	}
	if (!got) {
		srand((unsigned)time(NULL) ^ (unsigned)getpid() ^
		    (unsigned)++n);
		for (i = 0; i < sizeof(r); i++)
			r[i] = (unsigned char)rand();
	}
	for (i = 0; i < sizeof(r); i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}

static void
journal_write(int rc)
{
	if (rc == -1)
		die(SC_EXIT_FATAL, "journal: %s", strerror(errno));
}

/* The request on standard error, secrets hidden (--dry-run). */
static void
show_request(const struct net_req *rq)
{
	char *u, *b;
	size_t i;

	u = http_redact_url(buf_str(&rq->url));
	fprintf(stderr, "%s %s\n", rq->method != NULL ? rq->method : "GET",
	    u);
	free(u);
	for (i = 0; i < rq->nheaders; i++) {
		if (strncasecmp(rq->headers[i], "Authorization:", 14) == 0)
			fprintf(stderr, "Authorization: [redacted]\n");
		else
			fprintf(stderr, "%s\n", rq->headers[i]);
	}
	if (rq->has_body) {
		/* Form bodies may carry access_token: redact like a query. */
		b = xasprintf("http://h/?%s", buf_str(&rq->body));
		u = http_redact_url(b);
		fprintf(stderr, "\n%s\n", rq->body.s != NULL &&
		    rq->body.s[0] == '{' ? buf_str(&rq->body) : u + 10);
		free(u);
		free(b);
	}
	fputc('\n', stderr);
}

/* The answer's error text for a message: status and a short body. */
static void
answer_error(const struct http_resp *resp, char *out, size_t len)
{
	size_t n = resp->body.len < 160 ? resp->body.len : 160;
	size_t i;
	char body[161];

	for (i = 0; i < n; i++)
		body[i] = resp->body.s[i] == '\n' || resp->body.s[i] == '\r' ?
		    ' ' : resp->body.s[i];
	body[n] = '\0';
	snprintf(out, len, "HTTP %ld%s%s", resp->status, n ? ": " : "", body);
}

enum { OUT_SENT, OUT_FAILED, OUT_UNKNOWN, OUT_UNSENT, OUT_STOP };

/*
 * One try and its outcome in the journal.  OUT_UNSENT: throttled, the
 * wait done, try again; OUT_STOP: stop sending (why in err, status set).
 */
static int
send_once(struct sender *s, struct plat *p, const char *key,
    const json_t *post, const char *text, const char *idem, char *id,
    char *err, size_t errlen, int *throttles)
{
	const struct driver *d = p->drv;
	struct http_resp *resp = &s->resp;
	struct net_req *rq = &s->req;
	json_t *body;
	long w;
	int rc;

	net_req_free(rq);
	if (d->reply(&p->net, post, text, idem, rq, err, errlen) == -1) {
		journal_write(journal_failed(s->j, key, err));
		return OUT_FAILED;
	}
	if (s->wait_next > 0) {
		if (s->wait_next > s->max_wait) {
			snprintf(err, errlen, "rate limited for %lds",
			    s->wait_next);
			s->status = sc_worse(s->status, SC_EXIT_TEMPFAIL);
			return OUT_STOP;
		}
		wait_secs(s, s->wait_next);
		s->wait_next = 0;
	}
	journal_write(journal_intent(s->j, key, idem));
	rc = http_request(s->http, rq->method, buf_str(&rq->url),
	    (const char *const *)rq->headers, rq->has_body ? rq->body.s : NULL,
	    rq->body.len, resp);
	if (rc == -1) {
		snprintf(err, errlen, "%s", resp->error);
		if (resp->unsent) {
			journal_write(journal_unsent(s->j, key, err));
			s->status = sc_worse(s->status, SC_EXIT_TEMPFAIL);
			return OUT_STOP;
		}
		journal_write(journal_unknown(s->j, key, err));
		return OUT_UNKNOWN;
	}
	w = throttle_wait(d, &p->net, resp);
	if (resp->status >= 200 && resp->status < 300) {
		if (w > 0)
			s->wait_next = w;
		body = json_loadb(buf_str(&resp->body), resp->body.len, 0, NULL);
		rc = body != NULL ? d->replied(&p->net, body, id, SEND_IDLEN,
		    err, errlen) : -2;
		json_decref(body);
		switch (rc) {
		case 0:
			journal_write(journal_sent(s->j, key, id));
			return OUT_SENT;
		case 1:	/* a throttle in a 2xx: nothing created */
			w = w > 0 ? w : NET_RATE_DEFAULT;
			break;
		case -1:
			journal_write(journal_failed(s->j, key, err));
			return OUT_FAILED;
		default:
			snprintf(err, errlen, "HTTP %ld: the answer is not "
			    "JSON", resp->status);
			journal_write(journal_unknown(s->j, key, err));
			return OUT_UNKNOWN;
		}
	} else
		answer_error(resp, err, errlen);
	if (w >= 0) {
		/* Throttled: the platform did not act on it. */
		journal_write(journal_unsent(s->j, key, err));
		if (++*throttles > SEND_THROTTLES || w > s->max_wait) {
			snprintf(err, errlen, "rate limited for %lds", w);
			s->status = sc_worse(s->status, SC_EXIT_TEMPFAIL);
			return OUT_STOP;
		}
		wait_secs(s, w);
		return OUT_UNSENT;
	}
	if (d->recover != NULL && d->recover(&p->net, resp)) {
		journal_write(journal_unsent(s->j, key, err));
		return OUT_UNSENT;
	}
	if (resp->status >= 500) {
		journal_write(journal_unknown(s->j, key, err));
		return OUT_UNKNOWN;
	}
	if (resp->status == 401) {
		/*
		 * The token, not the reply: nothing was created, and it may
		 * go once the credentials are right.  No point in the rest.
		 */
		journal_write(journal_unsent(s->j, key, err));
		snprintf(err, errlen, "HTTP 401: check the credentials");
		s->status = sc_worse(s->status, SC_EXIT_FATAL);
		return OUT_STOP;
	}
	journal_write(journal_failed(s->j, key, err));
	return OUT_FAILED;
}

/* Whether the reply may go out in this run. */
static int
sendable(const struct sender *s, const json_t *reply)
{
	const char *st = json_string_value(json_object_get(reply, "status"));

	if (st == NULL)
		return 0;
	if (strcmp(st, "approved") == 0)
		return 1;
	return s->autosend && strcmp(st, "draft") == 0 &&
	    json_is_true(json_object_get(reply, "auto"));
}

/* What send_part() made of one post to create. */
enum { PART_SENT, PART_FAILED, PART_UNKNOWN, PART_STOP, PART_SKIP };

struct part {
	char		 id[SEND_IDLEN];	/* PART_SENT */
	int64_t		 at;			/* PART_SENT: when */
	char		 err[512];		/* the others */
	int		 known;		/* from the journal, not this run */
	int		 pending;	/* unknown: a run died during it */
	const char	*platform;	/* the driver's name, once known */
};

/*
 * One post to create, under key, as a reply to parent (an sc-post
 * record): what the journal knows of key, else a try (again with the
 * intent's idempotency key if a run died during it and the platform
 * honours one) and its outcome.  PART_SKIP: nothing to do in this run
 * (sending stopped, --dry-run, no driver: warned).
 */
static int
send_part(struct sender *s, struct recin *r, const json_t *parent,
    const char *key, const char *text, struct part *pt)
{
	const struct jentry *e;
	struct plat *p;
	char idem[33];
	int out, throttles = 0;

	pt->known = pt->pending = 0;
	pt->err[0] = '\0';
	if ((e = journal_get(s->j, key)) != NULL) {
		pt->known = 1;
		switch (e->state) {
		case J_SENT:
			snprintf(pt->id, sizeof(pt->id), "%s", e->id);
			pt->at = e->at;
			return PART_SENT;
		case J_FAILED:
			snprintf(pt->err, sizeof(pt->err), "%s", e->error);
			return PART_FAILED;
		case J_UNKNOWN:
			snprintf(pt->err, sizeof(pt->err), "%s", e->error);
			return PART_UNKNOWN;
		case J_PENDING:
		case J_NEW:
			pt->known = 0;
			break;
		}
	}
	if (s->stopped)
		return PART_SKIP;
	p = platform(s, post_platform(parent));
	if (p == NULL) {
		rec_warn(r, "no driver sends to platform \"%s\": not sent",
		    post_platform(parent) != NULL ? post_platform(parent) :
		    "");
		s->status = sc_worse(s->status, SC_EXIT_REJECT);
		s->skipped++;
		return PART_SKIP;
	}
	pt->platform = p->drv->name;
	if (e != NULL && e->state == J_PENDING) {
		/* A run died during the request: it may have been made. */
		if (!(p->drv->flags & DRV_IDEMPOTENT) || e->idem == NULL ||
		    (int64_t)time(NULL) - e->intent_at > DRV_IDEM_WINDOW) {
			snprintf(pt->err, sizeof(pt->err), "a run stopped "
			    "while the request was under way");
			if (!s->dry)
				journal_write(journal_unknown(s->j, key,
				    pt->err));
			pt->pending = 1;
			return PART_UNKNOWN;
		}
		snprintf(idem, sizeof(idem), "%s", e->idem);
	} else
		new_idem(idem);
	if (s->dry) {
		net_req_free(&s->req);
		if (p->drv->reply(&p->net, parent, text, idem, &s->req,
		    pt->err, sizeof(pt->err)) == -1)
			rec_warn(r, "%s: would fail: %s", p->drv->name,
			    pt->err);
		else
			show_request(&s->req);
		return PART_SKIP;
	}
	do
		out = send_once(s, p, key, parent, text, idem, pt->id,
		    pt->err, sizeof(pt->err), &throttles);
	while (out == OUT_UNSENT);
	pt->at = (int64_t)time(NULL);
	switch (out) {
	case OUT_SENT:
		return PART_SENT;
	case OUT_FAILED:
		return PART_FAILED;
	case OUT_UNKNOWN:
		return PART_UNKNOWN;
	default:
		s->stopped = 1;
		return PART_STOP;
	}
}

/*
 * The parts of a reply: reply.thread when it has several, else the text
 * alone (a NULL array).  0, or -1 when a part is no text.
 */
static int
reply_parts(const json_t *reply, const json_t **thread, size_t *n)
{
	const json_t *t = json_object_get(reply, "thread"), *v;
	size_t i;

	*thread = NULL;
	*n = 1;
	if (json_array_size(t) <= 1)
		return 0;
	json_array_foreach(t, i, v)
		if (json_string_value(v) == NULL || *json_string_value(v) ==
		    '\0')
			return -1;
	*thread = t;
	*n = json_array_size(t);
	return 0;
}

/*
 * A reply, or each part of a thread in order, each part a reply to the one
 * before it.  Part k of a thread has its own journal key, "ID#k", so a run
 * that stops between parts (a kill, a wait too long) leaves the parts sent
 * as sent and the next run goes on with the next one, answering the last
 * part the journal has.  A reply the journal has under ID itself (sent as
 * one post before) stays what the journal says.
 */
static int
send_post(struct recin *r, json_t *post, void *ctx)
{
	struct sender *s = ctx;
	struct part pt;
	const json_t *thread = NULL;
	json_t *reply, *ids, *parent = NULL;
	const char *key, *text;
	char pkey[SEND_IDLEN + 24], where[64], why[sizeof(pt.err) + 64];
	int64_t first_at = 0;
	size_t k, n = 1;
	int out = PART_SKIP, fresh = 0, badpart = 0;

	reply = json_object_get(post, "reply");
	if (!json_is_object(reply) || !sendable(s, reply))
		return 0;
	key = json_string_value(json_object_get(post, "id"));
	text = json_string_value(json_object_get(reply, "text"));
	if (reply_parts(reply, &thread, &n) == -1)
		badpart = 1;
	if (key == NULL || *key == '\0' || text == NULL || *text == '\0' ||
	    strlen(key) >= SEND_IDLEN || badpart) {
		rec_warn(r, "an approved reply needs \"id\" and "
		    "\"reply.text\"%s: not sent", badpart ? ", and every part "
		    "of \"reply.thread\" a text" : "");
		s->status = sc_worse(s->status, SC_EXIT_REJECT);
		s->skipped++;
		return 0;
	}
	if (journal_get(s->j, key) != NULL) {
		thread = NULL;		/* sent before as one post */
		n = 1;
	}
	ids = json_array();
	memset(&pt, 0, sizeof(pt));
	for (k = 0; k < n; k++) {
		if (thread != NULL)
			snprintf(pkey, sizeof(pkey), "%s#%zu", key, k + 1);
		else
			snprintf(pkey, sizeof(pkey), "%s", key);
		out = send_part(s, r, parent != NULL ? parent : post, pkey,
		    thread != NULL ? json_string_value(json_array_get(thread,
		    k)) : text, &pt);
		if (!pt.known && out != PART_SKIP)
			fresh = 1;
		if (out != PART_SENT)
			break;
		json_array_append_new(ids, json_string(pt.id));
		if (k == 0)
			first_at = pt.at;
		/* the next part answers this one */
		json_decref(parent);
		parent = json_copy(post);
		json_object_set_new(parent, "id", json_string(pt.id));
	}
	json_decref(parent);
	if (out == PART_SKIP) {
		if (s->dry && k + 1 < n)
			fprintf(stderr, "(then %zu more part%s, each a reply "
			    "to the one before)\n\n", n - k - 1, n - k - 1 > 1 ?
			    "s" : "");
		json_decref(ids);
		return 0;
	}
	where[0] = '\0';
	if (thread != NULL && out != PART_SENT)
		snprintf(where, sizeof(where), "part %zu of %zu: ", k + 1, n);
	switch (out) {
	case PART_SENT:
		mark(reply, "sent", json_string_value(json_array_get(ids, 0)),
		    first_at, NULL);
		if (fresh)
			s->sent++;
		break;
	case PART_FAILED:
	case PART_UNKNOWN:
		snprintf(why, sizeof(why), "%s%s", where, pt.err);
		mark(reply, out == PART_FAILED ? "failed" : "unknown", NULL, 0,
		    why);
		if (pt.pending)		/* found so, not made so */
			s->unknown++;
		else if (fresh && out == PART_FAILED) {
			rec_warn(r, "%s: not sent: %s", pt.platform, why);
			s->failed++;
		} else if (fresh) {
			rec_warn(r, "%s: may or may not have been sent: %s",
			    pt.platform, why);
			s->unknown++;
		}
		s->status = sc_worse(s->status, SC_EXIT_REJECT);
		break;
	case PART_STOP:
		snprintf(why, sizeof(why), "%s%s", where, pt.err);
		set_str(reply, "error", why);
		rec_warn(r, "%s: not sent: %s; stopping, the rest "
		    "pass through", pt.platform, why);
		break;
	}
	/* the parts of a thread that were posted */
	if (thread != NULL && json_array_size(ids) > 0)
		json_object_set(reply, "sent_ids", ids);
	json_decref(ids);
	return 0;
}

static const char send_help[] =
"      --send          post the approved replies (see sc-reply(1))\n"
"      --journal FILE  what was sent: never post a reply twice\n"
"      --auto          also send the drafts marked reply.auto\n"
"      --dry-run       print the requests on stderr, send nothing\n"
"      --api-base [PLATFORM=]URL\n"
"                      the platform's API (repeatable)\n"
"      --credentials FILE\n"
"                      tokens from FILE instead of the environment\n"
"      --max-wait SECONDS\n"
"                      longest rate-limit wait (default 300); beyond it\n"
"                      stop sending and exit 75\n"
"      --timeout SECONDS\n"
"                      longest request (default 60)\n"
"  -v, --verbose       trace the waits; twice: trace HTTP\n";

/*
 * A malformed --api-base is a configuration error (exit 2) found before
 * any record is read, not a failed send that a retry could mend (75).
 */
static void
check_base(const char *arg)
{
	const char *url = arg, *eq = strchr(arg, '='), *sep;
	char why[256];

	sep = strstr(arg, "://");
	if (eq != NULL && (sep == NULL || eq < sep))
		url = eq + 1;
	if (strncmp(url, "http://", 7) != 0 &&
	    strncmp(url, "https://", 8) != 0)
		die(SC_EXIT_FATAL, "--api-base: expected an http:// or "
		    "https:// URL: \"%s\"", url);
	if (http_url_check(url, why, sizeof(why)) == -1)
		die(SC_EXIT_FATAL, "--api-base: %s: \"%s\"", why, url);
}

int
send_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		{ "send",	 no_argument,	    NULL, OPT_SEND },
		{ "journal",	 required_argument, NULL, OPT_JOURNAL },
		{ "dry-run",	 no_argument,	    NULL, OPT_DRY_RUN },
		{ "auto",	 no_argument,	    NULL, OPT_AUTO },
		{ "api-base",	 required_argument, NULL, OPT_API_BASE },
		{ "credentials", required_argument, NULL, OPT_CREDENTIALS },
		{ "max-wait",	 required_argument, NULL, OPT_MAX_WAIT },
		{ "timeout",	 required_argument, NULL, OPT_TIMEOUT },
		{ "verbose",	 no_argument,	    NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct sc_common c;
	struct sender s;
	struct http_opts ho;
	const char *jpath = NULL;
	char err[512];
	size_t i, k;
	int ch, rc, status;

	memset(&s, 0, sizeof(s));
	memset(&ho, 0, sizeof(ho));
	s.max_wait = 300;
	cur = &s;
	cli_usage_text =
	    "sc-reply --send --journal file [-uvz] [--auto] [--dry-run]\n"
	    "         [--api-base [platform=]url] [--credentials file]\n"
	    "         [--max-wait seconds] [--timeout seconds] [-o file]\n"
	    "         [--rejects file] [--strict] [file ...]";
	cli_options_text = send_help;
	cli_init(&c);
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "v",
	    longopts)) != -1) {
		switch (ch) {
		case OPT_SEND:
			break;
		case OPT_JOURNAL:
			jpath = optarg;
			break;
		case OPT_DRY_RUN:
			s.dry = 1;
			break;
		case OPT_AUTO:
			s.autosend = 1;
			break;
		case OPT_API_BASE:
			if (s.nbases == SEND_MAXPLAT)
				die(SC_EXIT_FATAL, "--api-base: at most %d",
				    SEND_MAXPLAT);
			s.bases[s.nbases++] = optarg;
			check_base(optarg);
			break;
		case OPT_CREDENTIALS:
			s.creds_path = optarg;
			break;
		case OPT_MAX_WAIT:
			s.max_wait = (long)cli_number("--max-wait", optarg, 0,
			    86400);
			break;
		case OPT_TIMEOUT:
			ho.timeout_ms = (long)cli_number("--timeout", optarg,
			    1, 3600) * 1000;
			break;
		case 'v':
			s.verbose++;
			break;
		default:
			if (!cli_common(&c, ch, optarg))
				cli_usage_error();
		}
	}
	if (jpath == NULL) {
		warnmsg("--send needs --journal FILE");
		cli_usage_error();
	}
	/* A network program: every record out as soon as it is done. */
	c.unbuffered = 1;
	signal(SIGPIPE, SIG_IGN);
	if (s.creds_path != NULL)
		s.creds = creds_load(s.creds_path);
	ho.verbose = s.verbose >= 2;
	s.http = http_new(&ho);
	if ((rc = journal_open(jpath, &s.j, err, sizeof(err))) == -2)
		die(SC_EXIT_TEMPFAIL, "%s: another sc-reply --send is using it; "
		    "try again later", jpath);
	if (rc == -1)
		die(SC_EXIT_FATAL, "%s", err);
	if (journal_torn(s.j))
		warnmsg("%s: the last line was cut short (a killed run): "
		    "dropped", jpath);

	status = rec_filter(&c, argv + optind, argc - optind, send_post, &s);
	status = sc_worse(status, s.status);
	if (s.verbose)
		warnmsg("%lu sent, %lu failed, %lu unknown, %lu skipped",
		    s.sent, s.failed, s.unknown, s.skipped);

	for (i = 0; i < s.nplat; i++) {
		if (s.plat[i].drv->cleanup != NULL && s.plat[i].ready)
			s.plat[i].drv->cleanup(&s.plat[i].net);
		for (k = 0; k < DRV_MAXCRED; k++)
			free(s.plat[i].credv[k]);
		free(s.plat[i].base);
	}
	http_resp_free(&s.resp);
	net_req_free(&s.req);
	http_free(s.http);
	journal_close(s.j);
	json_decref(s.creds);
	return status;
}
