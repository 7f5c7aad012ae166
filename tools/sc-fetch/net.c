/*
 * net.c - the run every network source shares (see driver.h): options,
 * credentials, the page loop, rate-limit waits, dedupe and the exit
 * status.  The state file and the output commit are in net-commit.c.
 *
 * Choices made here:
 *
 *  - Every exit after set-up goes through net_finish(): it commits what
 *    was written (output flushed, state saved), says why the run stops,
 *    frees everything and exits.  A run stops between pages, never in the
 *    middle of writing one, so the output is always whole records.
 *
 *  - A throttled request is retried after the wait the driver reads from
 *    the answer, at most NET_MAX_THROTTLES times in a row (a server that
 *    keeps saying "now" must not spin us); a wait beyond --max-wait ends
 *    the run with 75 at once, with the state saved for the next one.
 *
 *  - A body cut short (JSON ending early, or a transfer that curl found
 *    short after its retries) is transient (75); a body that is whole but
 *    wrong (HTML, not JSON, not the page's shape) is not (2): running
 *    again will not cure it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "config.h"
#include "creds.h"
#include "diag.h"
#include "driver.h"
#include "hmap.h"
#include "http.h"
#include "net-run.h"
#include "normalize.h"
#include "output.h"
#include "post.h"
#include "sc.h"
#include "sctime.h"
#include "source.h"
#include "utf8.h"
#include "xmem.h"

#define NET_MAX_THROTTLES	10	/* throttled answers in a row */
#define NET_MAX_RECOVER		2	/* driver recoveries per request */

enum {
	OPT_API_BASE = OPT_TOOL_BASE,
	OPT_STATE,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_MAX,
	OPT_MAX_WAIT,
	OPT_RETRIES,
	OPT_RETRY_WAIT,
	OPT_TIMEOUT,
	OPT_BRAND,
	OPT_RAW,
	OPT_CREDENTIALS
};

static const struct option net_longopts[] = {
	{ "api-base",		required_argument,	NULL, OPT_API_BASE },
	{ "state",		required_argument,	NULL, OPT_STATE },
	{ "since",		required_argument,	NULL, OPT_SINCE },
	{ "until",		required_argument,	NULL, OPT_UNTIL },
	{ "max",		required_argument,	NULL, OPT_MAX },
	{ "max-wait",		required_argument,	NULL, OPT_MAX_WAIT },
	{ "retries",		required_argument,	NULL, OPT_RETRIES },
	{ "retry-wait",		required_argument,	NULL, OPT_RETRY_WAIT },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "brand-account",	required_argument,	NULL, OPT_BRAND },
	{ "raw",		no_argument,		NULL, OPT_RAW },
	{ "credentials",	required_argument,	NULL, OPT_CREDENTIALS },
	{ "verbose",		no_argument,		NULL, 'v' },
	SC_COMMON_LONGOPTS
};

static const char net_options_help[] =
"      --api-base URL  the API's address (a proxy, an instance, a test\n"
"                      server)\n"
"      --state FILE    remember the position reached; fetch only newer\n"
"                      posts next time, resume an interrupted run\n"
"      --since TIME    no posts older than TIME (RFC 3339, or -2h, -7d)\n"
"      --until TIME    no posts from TIME on\n"
"      --max N         at most N posts in this run\n"
"      --max-wait SECONDS\n"
"                      longest rate-limit wait (default 300); beyond it\n"
"                      save the state and exit 75\n"
"      --retries N     tries after a failed request (default 4)\n"
"      --retry-wait SECONDS\n"
"                      the first wait between tries (default 1)\n"
"      --timeout SECONDS\n"
"                      longest request (default 60)\n"
"      --brand-account HANDLE\n"
"                      a handle of the brand's own (repeatable)\n"
"      --credentials FILE\n"
"                      tokens from FILE instead of the environment\n"
"      --raw           keep the platform's object under \"raw\"\n"
"  -v, --verbose       report the counts at the end; twice: trace HTTP\n";

/* For exits from deep inside (output errors): keep it all reachable. */
static struct net *current;

/*
 * Progress on a terminal
 */

void
net_progress_clear(struct net *n)
{
	if (n->run->shown) {
		fputs("\r\033[K", stderr);
		n->run->shown = 0;
	}
}

static void __attribute__((format(printf, 2, 3)))
progress(struct net *n, const char *fmt, ...)
{
	va_list ap;

	if (!n->run->tty)
		return;
	fprintf(stderr, "\r%s: %s: ", sc_progname, n->drv->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\033[K", stderr);
	fflush(stderr);
	n->run->shown = 1;
}

static void
progress_pages(struct net *n)
{
	struct net_run *r = n->run;

	progress(n, "%lu page%s, %lu post%s", r->pages, r->pages == 1 ?
	    "" : "s", r->written, r->written == 1 ? "" : "s");
}

/*
 * The end of a run
 */

static void
run_free(struct net *n)
{
	struct net_run *r = n->run;
	size_t i;

	if (n->drv->cleanup != NULL)
		n->drv->cleanup(n);
	http_resp_free(&r->resp);
	net_page_free(&r->page);
	net_req_free(&r->req);
	http_free(n->http);
	norm_free(&r->norm);
	hmap_free(r->seen);
	for (i = 0; i < DRV_MAXCRED; i++)
		free(r->credv[i]);
	free(r->key);
	free(r->cursor);
	free(r->newest);
	free(r->position);
	free(r->api_base);
	json_decref(r->state);
	free(r->out_real);
	free(r->red);
	buf_free(&r->hint);
	if (r->rejects != NULL && fclose(r->rejects) == EOF)
		warnmsg("%s: %s", r->rejects_path, strerror(errno));
	buf_free(&r->usage);
	buf_free(&r->help);
	free(r->longopts);
	free(r);
	n->run = NULL;
	current = NULL;
}

void
net_finish(struct net *n, int status, const char *fmt, ...)
{
	struct net_run *r = n->run;
	va_list ap;

	net_progress_clear(n);
	if (r->out != NULL)
		net_commit(n, 1);
	if (fmt != NULL) {
		fprintf(stderr, "%s: %s: ", sc_progname, n->drv->name);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		if (status == SC_EXIT_TEMPFAIL)
			fprintf(stderr, "; %stry again later",
			    r->state_path != NULL ? "state saved, " : "");
		fputc('\n', stderr);
	}
	status = sc_worse(status, r->status);
	if (r->out != NULL) {
		output_set_status(status);
		output_close(r->out);
		r->out = NULL;
	}
	if (n->verbose)
		warnmsg("%s: %lu page%s, %lu post%s, %lu duplicate%s dropped",
		    n->drv->name, r->pages, r->pages == 1 ? "" : "s",
		    r->written, r->written == 1 ? "" : "s", r->dups,
		    r->dups == 1 ? "" : "s");
	net_state_close(n);
	run_free(n);
	exit(status);
}

/*
 * Answers
 */

/* A short excerpt of what an error body says, or "". */
static void
body_says(const struct http_resp *resp, char *out, size_t len)
{
	static const char *const keys[] = {
		"error.message", "message", "detail", "error_description",
		"error", "title", NULL
	};
	const char *s = NULL;
	json_t *j, *e;
	size_t i, k, n, cut;

	*out = '\0';
	if ((j = json_loadb(resp->body.s != NULL ? resp->body.s : "",
	    resp->body.len, 0, NULL)) == NULL)
		return;
	for (i = 0; keys[i] != NULL && s == NULL; i++)
		s = json_path_str(j, keys[i]);
	if (s == NULL && (e = json_array_get(json_object_get(j, "errors"),
	    0)) != NULL)
		s = net_str(e, "message");
	if (s != NULL && len > 4) {
		/* One line, no control characters, not too long. */
		n = strlen(s);
		cut = utf8_prefix(s, n, len - 4 < 200 ? len - 4 : 200);
		for (i = k = 0; i < cut; i++)
			out[k++] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
		if (cut < n)
			for (i = 0; i < 3; i++)
				out[k++] = '.';
		out[k] = '\0';
	}
	json_decref(j);
}

static int
looks_html(const struct http_resp *resp)
{
	const char *p = buf_str(&resp->body);

	if (resp->content_type != NULL &&
	    strncasecmp(resp->content_type, "text/html", 9) == 0)
		return 1;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return *p == '<';
}

/* The hint for a refused credential: "check SC_X_TOKEN". */
static void
cred_hint(const struct net *n, struct buf *b)
{
	const struct drv_cred *c;
	int k = 0;

	if (n->run->creds_from_file) {
		buf_printf(b, "check the \"%s\" entry of %s", n->drv->name,
		    n->run->creds_path);
		return;
	}
	buf_adds(b, "check ");
	for (c = n->drv->creds; c->field != NULL; c++, k++)
		buf_printf(b, "%s%s", k ? " and " : "", c->env);
	if (k == 0)
		buf_adds(b, "the access rights");
}

const char *
net_redact(struct net *n, const char *url)
{
	free(n->run->red);
	n->run->red = http_redact_url(url);
	return n->run->red;
}

/* A non-2xx answer that is no rate limit: end the run. */
static void __attribute__((noreturn))
refused(struct net *n, const char *method, const char *url,
    const struct http_resp *resp)
{
	char says[256], tries[32] = "";
	long st = resp->status;

	body_says(resp, says, sizeof(says));
	if (*says == '\0' && looks_html(resp))
		snprintf(says, sizeof(says), "an HTML page");
	if (st == 401 || st == 403) {
		cred_hint(n, &n->run->hint);
		net_finish(n, SC_EXIT_FATAL, "HTTP %ld: %s%s%s", st,
		    buf_str(&n->run->hint), *says ? ": " : "", says);
	}
	if (resp->attempts > 1)
		snprintf(tries, sizeof(tries), " (after %d tries)",
		    resp->attempts);
	net_finish(n, st >= 500 ? SC_EXIT_TEMPFAIL : SC_EXIT_FATAL,
	    "%s %s: HTTP %ld%s%s%s", method, net_redact(n, url), st, tries,
	    *says ? ": " : "", says);
}

/* The JSON of a 2xx answer, or the end of the run. */
static json_t *
answer_json(struct net *n, const char *method, const char *url,
    const struct http_resp *resp)
{
	json_error_t e;
	json_t *j;
	const char *red;

	if ((j = json_loadb(buf_str(&resp->body), resp->body.len, 0, &e))
	    != NULL)
		return j;
	red = net_redact(n, url);
	if (looks_html(resp))
		net_finish(n, SC_EXIT_FATAL, "%s %s: expected JSON, got an "
		    "HTML page (HTTP %ld)", method, red, resp->status);
	/* An error at the very end (in a cut \uXXXX say) is a cut too. */
	if (resp->body.len > 0 && (json_error_code(&e) ==
	    json_error_premature_end_of_input || (e.position >= 0 &&
	    (size_t)e.position + 8 >= resp->body.len)))
		net_finish(n, SC_EXIT_TEMPFAIL, "%s %s: the answer was cut "
		    "short (HTTP %ld, %zu bytes)", method, red, resp->status,
		    resp->body.len);
	net_finish(n, SC_EXIT_FATAL, "%s %s: not JSON: %s at byte %d "
	    "(HTTP %ld)", method, red, e.text, e.position, resp->status);
}

/* The wait a 429 asks for when the driver has no opinion. */
static long
default_ratelimit(const struct http_resp *resp)
{
	long w;

	if (resp->status != 429)
		return -1;
	w = net_reset_header(resp, "Retry-After", NET_RESET_DELTA);
	return w >= 0 ? w : NET_RATE_DEFAULT;
}

/*
 * Wait secs seconds for a rate limit, with a countdown on a terminal; or,
 * if that is more than --max-wait, end the run with 75.
 */
static void
rate_wait(struct net *n, long secs)
{
	struct timespec now, end;
	char tb[TIME_STRLEN];
	long left;

	if (secs <= 0)
		return;
	if (secs > n->run->max_wait) {
		time_format((int64_t)time(NULL) + secs, tb);
		net_finish(n, SC_EXIT_TEMPFAIL, "rate limited until %s", tb);
	}
	n->run->waits++;
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += secs;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = (long)((end.tv_sec - now.tv_sec) * 1000 +
		    (end.tv_nsec - now.tv_nsec) / 1000000);
		if (left <= 0)
			break;
		progress(n, "rate limited, going on in %lds",
		    (left + 999) / 1000);
		http_sleep(left > 1000 ? (left % 1000 ? left % 1000 : 1000) :
		    left);
	}
	if (n->run->tty)
		progress_pages(n);
}

/*
 * Send rq and wait out rate limits: 0 with a 2xx answer in n->run->resp,
 * 1 when throttled (the wait is done: send again), -1 with another
 * answer.  Transport errors end the run.
 */
static int
send_req(struct net *n, struct net_req *rq)
{
	struct net_run *r = n->run;
	const char *method = rq->method != NULL ? rq->method : "GET";
	long wait;

	/* A budget the last answer said was spent. */
	if (r->wait_next > 0) {
		wait = r->wait_next;
		r->wait_next = 0;
		rate_wait(n, wait);
	}
	r->requests++;
	if (http_request(n->http, method, buf_str(&rq->url),
	    (const char *const *)rq->headers, rq->has_body ? rq->body.s : NULL,
	    rq->body.len, &r->resp) == -1)
		net_finish(n, r->resp.permanent ? SC_EXIT_FATAL :
		    SC_EXIT_TEMPFAIL, "%s", r->resp.error);
	wait = n->drv->ratelimit != NULL ? n->drv->ratelimit(n, &r->resp) :
	    default_ratelimit(&r->resp);
	if (r->resp.status >= 200 && r->resp.status < 300) {
		if (wait > 0)
			r->wait_next = wait;
		return 0;
	}
	if (wait < 0)
		return -1;
	if (++r->throttles > NET_MAX_THROTTLES)
		net_finish(n, SC_EXIT_TEMPFAIL, "still rate limited after "
		    "%d waits", NET_MAX_THROTTLES);
	rate_wait(n, wait);
	return 1;
}

/* net_call_json() as sc-fetch runs it (driver.h). */
static json_t *
run_call_json(struct net *n, struct net_req *rq, const char *what)
{
	const char *method = rq->method != NULL ? rq->method : "GET";
	json_t *j;
	int rc;

	progress(n, "%s", what);
	while ((rc = send_req(n, rq)) == 1)
		continue;
	rq->status = n->run->resp.status;
	if (rc == -1 && !net_soft(rq, rq->status))
		refused(n, method, buf_str(&rq->url), &n->run->resp);
	n->run->throttles = 0;
	/* A soft answer is the driver's to read: JSON or nothing. */
	if (rc == -1 && (j = json_loadb(buf_str(&n->run->resp.body),
	    n->run->resp.body.len, 0, NULL)) == NULL)
		return json_null();
	if (rc == -1)
		return j;
	return answer_json(n, method, buf_str(&rq->url), &n->run->resp);
}

/* net_key() as sc-fetch keeps it: the query's key in the state. */
static void
run_key(struct net *n, const char *key)
{
	free(n->run->key);
	n->run->key = xstrdup(key);
}

/*
 * net_brand() as sc-fetch takes it: the token's own account is one of
 * the brand's on this platform, for from_brand and in_reply_to_brand as
 * --brand-account would make them; when it could not be learnt, say so
 * once and go on (the posts are fetched all the same).
 */
static void
run_brand(struct net *n, const char *handle, const char *why)
{
	net_progress_clear(n);
	if (handle == NULL) {
		warnmsg("%s: the token's own account is not known (%s): "
		    "give --brand-account for in_reply_to_brand",
		    n->drv->name, why);
		return;
	}
	norm_brand(&n->run->norm, n->drv->name, handle);
	n->brands = 1;
	if (n->verbose)
		warnmsg("%s: the token's own account %s is the brand's",
		    n->drv->name, handle);
}

static const struct net_host fetch_host = { run_call_json, run_key,
    run_brand };

/* Fetch the page at cursor: its JSON (new reference). */
static json_t *
fetch_page(struct net *n, const char *cursor)
{
	struct net_run *r = n->run;
	int rc, recovered = 0;

	for (;;) {
		net_req_free(&r->req);
		n->drv->request(n, r->position, cursor, &r->req);
		if ((rc = send_req(n, &r->req)) == 0)
			break;
		if (rc == 1)
			continue;
		if (n->drv->recover != NULL && recovered < NET_MAX_RECOVER &&
		    n->drv->recover(n, &r->resp)) {
			recovered++;
			continue;
		}
		refused(n, r->req.method != NULL ? r->req.method : "GET",
		    buf_str(&r->req.url), &r->resp);
	}
	r->throttles = 0;
	return answer_json(n, r->req.method != NULL ? r->req.method : "GET",
	    buf_str(&r->req.url), &r->resp);
}

/*
 * The page loop
 */

static void
reject_item(struct net *n, const struct net_item *it, const char *why)
{
	struct net_run *r = n->run;
	const char *id = net_item_id(it->raw);

	net_progress_clear(n);
	warnmsg("%s: %s %s: %s%s%s%s", n->drv->name, r->req.method != NULL ?
	    r->req.method : "GET", net_redact(n, buf_str(&r->req.url)),
	    id != NULL ? "post " : "", id != NULL ? id : "",
	    id != NULL ? ": " : "", why);
	r->rejected++;
	r->status = sc_worse(r->status, SC_EXIT_REJECT);
	if (r->rejects != NULL && it->raw != NULL) {
		char *s = json_dumps(it->raw, JSON_COMPACT);

		if (s == NULL || fprintf(r->rejects, "%s\n", s) < 0 ||
		    fflush(r->rejects) == EOF)
			die(SC_EXIT_FATAL, "%s: write error", r->rejects_path);
		free(s);
	}
}

/* Is the post's time inside --since/--until?  0 yes, -1 older, 1 newer. */
static int
in_window(const struct net *n, const json_t *post)
{
	int64_t t;

	if (n->since == NET_NOTIME && n->until == NET_NOTIME)
		return 0;
	if (post_created_at(post, &t) == -1)
		return 0;
	if (n->since != NET_NOTIME && t < n->since)
		return -1;
	if (n->until != NET_NOTIME && t >= n->until)
		return 1;
	return 0;
}

static int
pos_cmp(const struct net *n, const char *a, const char *b)
{
	return n->drv->pos_cmp != NULL ? n->drv->pos_cmp(a, b) :
	    net_pos_cmp_num(a, b);
}

/* pos was written: the poll's newest position so far? */
static void
newest(struct net *n, const char *pos)
{
	struct net_run *r = n->run;

	if (pos != NULL && (r->newest == NULL ||
	    pos_cmp(n, pos, r->newest) > 0)) {
		free(r->newest);
		r->newest = xstrdup(pos);
	}
}

/*
 * Write the posts of the page; returns 1 when the run must stop in the
 * middle of it (--max reached, --strict), else 0.  Sets *reached when a
 * post at or before the saved position, or before --since, turned up.
 */
static int
write_page(struct net *n, struct net_page *pg, int *reached)
{
	struct net_run *r = n->run;
	struct net_item *it;
	const char *id;
	json_t *post;
	size_t i;
	int w;

	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		if (it->reject != NULL) {
			reject_item(n, it, it->reject);
			if (r->c.strict)
				return 1;
			continue;
		}
		if (r->position != NULL && it->pos != NULL &&
		    !(n->drv->flags & DRV_NO_POS_STOP) &&
		    pos_cmp(n, it->pos, r->position) <= 0) {
			*reached |= !pg->unordered;
			continue;
		}
		if (n->raw && it->raw != NULL)
			json_object_set(it->post, "raw", it->raw);
		if (normalize(&r->norm, it->post, &post, r->err,
		    sizeof(r->err)) == -1) {
			reject_item(n, it, r->err);
			if (r->c.strict)
				return 1;
			continue;
		}
		if ((w = in_window(n, post)) != 0) {
			if (w < 0)
				*reached |= !pg->unordered;
			json_decref(post);
			continue;
		}
		id = json_string_value(json_object_get(post, "id"));
		if (hmap_get(r->seen, id, strlen(id)) != NULL) {
			/* Written before (now or lately): still a place. */
			r->dups++;
			json_decref(post);
			newest(n, it->pos);
			continue;
		}
		if (n->max > 0 && r->written >= (unsigned long)n->max) {
			/* Not written after all: the next run takes it. */
			json_decref(post);
			return 1;
		}
		hmap_put(r->seen, id, strlen(id), NULL);
		output_json(r->out, post);
		net_state_recent(n, id);
		json_decref(post);
		r->written++;
		newest(n, it->pos);
	}
	return 0;
}

static void
poll(struct net *n)
{
	struct net_run *r = n->run;
	struct net_page *pg = &r->page;
	json_t *page;
	int reached, stop;

	for (;;) {
		page = fetch_page(n, r->cursor);
		net_page_free(pg);
		if (n->drv->parse(n, page, &r->resp, pg, r->err,
		    sizeof(r->err)) == -1) {
			json_decref(page);
			net_finish(n, SC_EXIT_FATAL, "%s %s: %s",
			    r->req.method != NULL ? r->req.method : "GET",
			    net_redact(n, buf_str(&r->req.url)), r->err);
		}
		json_decref(page);
		r->pages++;
		reached = pg->reached;
		stop = write_page(n, pg, &reached);
		if (stop) {
			/* The same page again next time; its ids are known. */
			r->polling = 1;
			net_commit(n, 0);
			if (r->c.strict && r->rejected > 0)
				net_finish(n, SC_EXIT_FATAL, "stopping at the "
				    "first bad record (--strict)");
			net_finish(n, SC_EXIT_OK, NULL);
		}
		if (pg->next == NULL || reached || (r->cursor != NULL &&
		    strcmp(pg->next, r->cursor) == 0)) {
			/* The poll is complete: newer posts next time. */
			if (r->newest != NULL && (r->position == NULL ||
			    pos_cmp(n, r->newest, r->position) > 0)) {
				free(r->position);
				r->position = r->newest;
				r->newest = NULL;
			}
			free(r->cursor);
			r->cursor = NULL;
			r->polling = 0;
			net_commit(n, 0);
			progress_pages(n);
			return;
		}
		free(r->cursor);
		r->cursor = xstrdup(pg->next);
		r->polling = 1;
		net_commit(n, 0);
		progress_pages(n);
		if (n->max > 0 && r->written >= (unsigned long)n->max)
			return;
	}
}

/*
 * Set-up
 */

static int64_t
time_option(const char *opt, const char *arg)
{
	int64_t t;

	if (time_parse_relative(arg, (int64_t)time(NULL), &t) == 0 ||
	    time_parse(arg, &t) == 0)
		return t;
	die(SC_EXIT_FATAL, "%s: not a time (RFC 3339, or relative like -2h, "
	    "-7d): \"%s\"", opt, arg);
}

static void
build_usage(struct net *n)
{
	struct net_run *r = n->run;
	const struct driver *d = n->drv;
	int pad;

	/* Continuation lines line up under the first option. */
	pad = (int)(strlen(sc_progname) + strlen(d->name) + 2);
	buf_printf(&r->usage, "%s %s [-uvz] [-o file] [--state file] "
	    "[--api-base url]\n"
	    "%*s[--since time] [--until time] [--max n]\n"
	    "%*s[--max-wait seconds] [--retries n]\n"
	    "%*s[--retry-wait seconds] [--timeout seconds]\n"
	    "%*s[--brand-account handle] [--credentials file]\n"
	    "%*s[--raw] %s", sc_progname, d->name, pad, "", pad, "", pad, "",
	    pad, "", pad, "", d->synopsis);
	cli_usage_text = buf_str(&r->usage);
	buf_adds(&r->help, d->options_help != NULL ? d->options_help : "");
	buf_adds(&r->help, net_options_help);
	cli_options_text = buf_str(&r->help);
}

static struct option *
build_longopts(const struct driver *d)
{
	struct option *o;
	size_t nnet, ndrv = 0;

	nnet = sizeof(net_longopts) / sizeof(net_longopts[0]);
	while (d->longopts != NULL && d->longopts[ndrv].name != NULL)
		ndrv++;
	o = xcalloc(nnet + ndrv + 1, sizeof(*o));
	memcpy(o, net_longopts, sizeof(net_longopts));
	if (ndrv > 0)
		memcpy(o + nnet, d->longopts, ndrv * sizeof(*o));
	return o;
}

static void
credentials(struct net *n)
{
	struct net_run *r = n->run;
	const struct drv_cred *c;
	const char *v;
	json_t *root = NULL;
	size_t i;

	if (r->creds_path != NULL)
		root = creds_load(r->creds_path);
	for (i = 0, c = n->drv->creds; c->field != NULL; c++, i++) {
		v = creds_get(root, n->drv->name, c->field);
		if (v != NULL && *v != '\0')
			r->creds_from_file = 1;
		else {
			v = getenv(c->env);
			creds_check(c->env, v);
		}
		if (v != NULL && *v != '\0')
			n->cred[i] = r->credv[i] = xstrdup(v);
		else if (!c->optional) {
			json_decref(root);
			if (r->creds_path != NULL)
				die(SC_EXIT_FATAL, "%s: no %s: set %s, or "
				    "\"%s\": {\"%s\": ...} in %s",
				    n->drv->name, c->field, c->env,
				    n->drv->name, c->field, r->creds_path);
			die(SC_EXIT_FATAL, "%s: no %s: set %s or use "
			    "--credentials FILE", n->drv->name, c->field,
			    c->env);
		}
	}
	json_decref(root);
}

static void
brands(struct net *n, char **given, size_t ngiven)
{
	struct net_run *r = n->run;
	const char **v;
	json_t *cfg;
	size_t i, k;

	for (i = 0; i < ngiven; i++)
		norm_brand(&r->norm, NULL, given[i]);
	cfg = config_load(r->c.config);
	v = config_brand_accounts(cfg, n->drv->name, &k);
	for (i = 0; i < k; i++)
		norm_brand(&r->norm, n->drv->name, v[i]);
	n->brands = ngiven + k > 0;
	free(v);
	json_decref(cfg);
}

static void
options(struct net *n, int argc, char **argv)
{
	struct net_run *r = n->run;
	const struct driver *d = n->drv;
	struct buf shorts = BUF_INIT;
	struct http_opts ho;
	char **given, why[128];
	size_t ngiven = 0;
	double secs;
	int ch;

	memset(&ho, 0, sizeof(ho));
	r->max_wait = 300;
	given = xcalloc((size_t)argc + 1, sizeof(*given));
	buf_adds(&shorts, SC_COMMON_SHORTOPTS "v");
	if (d->shortopts != NULL)
		buf_adds(&shorts, d->shortopts);
	while ((ch = cli_getopt(argc, argv, buf_str(&shorts),
	    r->longopts)) != -1) {
		switch (ch) {
		case OPT_API_BASE:
			free(r->api_base);
			r->api_base = xstrdup(optarg);
			break;
		case OPT_STATE:
			r->state_path = optarg;
			break;
		case OPT_SINCE:
			n->since = time_option("--since", optarg);
			break;
		case OPT_UNTIL:
			n->until = time_option("--until", optarg);
			break;
		case OPT_MAX:
			n->max = (long)cli_number("--max", optarg, 1, 1000000);
			break;
		case OPT_MAX_WAIT:
			r->max_wait = (long)cli_number("--max-wait", optarg, 0,
			    86400);
			break;
		case OPT_RETRIES:
			ho.retries = (int)cli_number("--retries", optarg, 0,
			    20);
			if (ho.retries == 0)
				ho.retries = -1;	/* http.h: none */
			break;
		case OPT_RETRY_WAIT:
			secs = cli_real("--retry-wait", optarg, 0.001, 3600);
			ho.backoff_ms = (long)(secs * 1000 + 0.5);
			break;
		case OPT_TIMEOUT:
			ho.timeout_ms = (long)cli_number("--timeout", optarg, 1,
			    3600) * 1000;
			break;
		case OPT_BRAND:
			if (optarg[optarg[0] == '@'] == '\0')
				die(SC_EXIT_FATAL, "--brand-account: empty "
				    "handle");
			given[ngiven++] = optarg;
			break;
		case OPT_RAW:
			n->raw = 1;
			break;
		case OPT_CREDENTIALS:
			r->creds_path = optarg;
			break;
		case 'v':
			n->verbose++;
			break;
		default:
			if (d->option != NULL && d->option(n, ch, optarg) == 0)
				break;
			if (!cli_common(&r->c, ch, optarg))
				cli_usage_error();
		}
	}
	buf_free(&shorts);
	if (optind < argc)
		net_usage_error("%s: unexpected argument \"%s\"", d->name,
		    argv[optind]);
	if (n->since != NET_NOTIME && n->until != NET_NOTIME &&
	    n->since >= n->until)
		die(SC_EXIT_FATAL, "--since must be before --until");
	if (r->c.gzip && r->c.output != NULL && strcmp(r->c.output, "-") &&
	    r->state_path != NULL)
		die(SC_EXIT_FATAL, "-z with -o and --state: a compressed file "
		    "cannot be cut back after a crash; compress it later");
	if (r->api_base == NULL && d->api_base != NULL)
		r->api_base = xstrdup(d->api_base);
	if (r->api_base == NULL)
		net_usage_error("%s: --api-base URL is needed", d->name);
	if (strncmp(r->api_base, "http://", 7) != 0 &&
	    strncmp(r->api_base, "https://", 8) != 0)
		die(SC_EXIT_FATAL, "--api-base: expected an http:// or "
		    "https:// URL: \"%s\"", r->api_base);
	if (http_url_check(r->api_base, why, sizeof(why)) == -1)
		die(SC_EXIT_FATAL, "--api-base: %s: \"%s\"", why,
		    net_redact(n, r->api_base));
	while (strlen(r->api_base) > 8 &&
	    r->api_base[strlen(r->api_base) - 1] == '/')
		r->api_base[strlen(r->api_base) - 1] = '\0';
	n->api_base = r->api_base;

	if (norm_init(&r->norm, d->name) == -1)
		die(SC_EXIT_FATAL, "%s: not a platform name", d->name);
	brands(n, given, ngiven);
	free(given);
	credentials(n);
	ho.verbose = n->verbose > 1;
	n->http = http_new(&ho);
}

int
net_main(const struct driver *drv, int argc, char **argv)
{
	struct net net, *n = &net;
	struct net_run *r;

	memset(n, 0, sizeof(*n));
	n->drv = drv;
	n->host = &fetch_host;
	n->since = n->until = NET_NOTIME;
	n->run = r = xcalloc(1, sizeof(*r));
	current = n;
	r->lockfd = r->out_fd = -1;
	cli_init(&r->c);
	r->longopts = build_longopts(drv);
	build_usage(n);
	/* libcurl and a closed pipe: end quietly with the status so far. */
	signal(SIGPIPE, SIG_IGN);
	options(n, argc, argv);
	r->tty = isatty(STDERR_FILENO) && n->verbose < 2;
	r->seen = hmap_new();
	if (r->c.rejects != NULL) {
		r->rejects_path = r->c.rejects;
		if ((r->rejects = fopen(r->c.rejects, "a")) == NULL)
			die(SC_EXIT_FATAL, "%s: %s", r->c.rejects,
			    strerror(errno));
	}
	drv->setup(n);
	if (r->key == NULL)
		net_key(n, "%s", "all");
	net_state_open(n);
	poll(n);
	net_finish(n, SC_EXIT_OK, NULL);
	return SC_EXIT_OK;
}
