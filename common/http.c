/*
 * http.c - the HTTP client behind the platform drivers (see http.h).
 *
 * Choices the header leaves open, made here:
 *
 *  - What is retried.  Transport errors that a second try may well cure:
 *    connection refused or reset, timeouts, send and receive errors, an
 *    empty reply, a body shorter than its Content-Length, an HTTP/2 stream
 *    reset; and 5xx answers.  A DNS failure is not retried: it is far more
 *    often a wrong host name or no network at all than a blip, and the
 *    resolver has already retried.  TLS handshake and verification
 *    failures are not retried either.  429 and other 4xx go straight back.
 *
 *  - Methods that are not idempotent (POST, PATCH) are retried only when
 *    the connection could not be made, so the request surely never left:
 *    after a timeout, a reset or a 5xx the server may have acted on it, and
 *    a reply posted twice to a customer is worse than a reply posted late.
 *    The caller sees the 5xx (or the error) and decides.
 *
 *  - Backoff is min(backoff_max, backoff * 2^n) times a random factor in
 *    [0.5, 1] ("equal jitter"): never less than half the nominal wait, so
 *    a struggling server gets real relief, yet clients spread out.
 *
 *  - retries < 0 in struct http_opts means no retries at all (0 takes the
 *    default, like every other field).
 *
 *  - http_request() releases whatever resp held before (so a zeroed or an
 *    already used struct http_resp can be passed again and again).
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "diag.h"
#include "http.h"
#include "sc.h"
#include "xmem.h"

#define DEF_CONNECT_TIMEOUT_MS	10000L
#define DEF_TIMEOUT_MS		60000L
#define DEF_RETRIES		4
#define DEF_BACKOFF_MS		1000L
#define DEF_BACKOFF_MAX_MS	60000L
#define DEF_MAX_BODY		(64L * 1024 * 1024)

struct http {
	CURL		*curl;
	struct http_opts o;
	char		*user_agent;
	uint64_t	 rng;		/* xorshift64* state, never 0 */
	struct http_resp *resp;		/* the answer being received */
	int		 over;		/* the body went past max_body */
};

static int	default_sleep(long);

int	(*http_sleep)(long ms) = default_sleep;

static int
default_sleep(long ms)
{
	struct timespec ts;

	if (ms <= 0)
		return 0;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	/* No loop on EINTR: a signal is how a long wait gets cut short. */
	return nanosleep(&ts, NULL) == 0 ? 0 : -1;
}

static uint64_t
rng_next(struct http *h)
{
	uint64_t x = h->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	h->rng = x;
	return x * UINT64_C(2685821657736338717);
}

static void
rng_seed(struct http *h)
{
	struct timespec ts;
	uint64_t s;

	clock_gettime(CLOCK_REALTIME, &ts);
	s = (uint64_t)ts.tv_sec * UINT64_C(1000000007) ^ (uint64_t)ts.tv_nsec;
	s ^= (uint64_t)getpid() << 32;
	s ^= (uint64_t)(uintptr_t)h;
	/* One splitmix64 round so that close seeds give unrelated states. */
	s += UINT64_C(0x9e3779b97f4a7c15);
	s = (s ^ (s >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	s = (s ^ (s >> 27)) * UINT64_C(0x94d049bb133111eb);
	s ^= s >> 31;
	h->rng = s ? s : UINT64_C(0x2545f4914f6cdd1d);
}

/* The wait before retry number n (0 for the first): see the top. */
static long
backoff(struct http *h, int n)
{
	long d = h->o.backoff_ms, half;

	while (n-- > 0 && d < h->o.backoff_max_ms)
		d = d > h->o.backoff_max_ms / 2 ? h->o.backoff_max_ms : d * 2;
	if (d > h->o.backoff_max_ms)
		d = h->o.backoff_max_ms;
	half = d / 2;
	return half + (long)(rng_next(h) % (uint64_t)(d - half + 1));
}

static int
transient(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* Errors of configuration, not of the moment: retrying cannot cure them. */
static int
permanent(CURLcode rc)
{
	switch (rc) {
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_NOT_BUILT_IN:
	case CURLE_BAD_FUNCTION_ARGUMENT:
		return 1;
	default:
		return 0;
	}
}

int
http_url_check(const char *url, char *why, size_t whylen)
{
	CURLU *u;
	CURLUcode uc;
	char *scheme = NULL, *host = NULL;
	int ret = -1;

	if ((u = curl_url()) == NULL)
		die(SC_EXIT_FATAL, "out of memory");
	if ((uc = curl_url_set(u, CURLUPART_URL, url, 0)) != CURLUE_OK)
		snprintf(why, whylen, "%s", curl_url_strerror(uc));
	else if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0))
		snprintf(why, whylen, "not an http or https URL");
	else if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0')
		snprintf(why, whylen, "no host");
	else
		ret = 0;
	/* libcurl's "Bad IPv6 address": our messages are lower case. */
	if (ret == -1 && why[0] >= 'A' && why[0] <= 'Z' && why[1] >= 'a' &&
	    why[1] <= 'z')
		why[0] = (char)(why[0] - 'A' + 'a');
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return ret;
}

/* Errors after which the request surely never reached the server. */
static int
never_left(CURLcode rc)
{
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_UNSUPPORTED_PROTOCOL ||
	    rc == CURLE_URL_MALFORMAT;
}

static int
idempotent(const char *method)
{
	static const char *const safe[] = {
		"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"
	};
	size_t i;

	for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++)
		if (strcmp(method, safe[i]) == 0)
			return 1;
	return 0;
}

static void
free_headers(struct http_resp *r)
{
	size_t i;

	for (i = 0; i < r->nheaders; i++) {
		free(r->headers[i].name);
		free(r->headers[i].value);
	}
	free(r->headers);
	r->headers = NULL;
	r->nheaders = 0;
}

void
http_resp_free(struct http_resp *r)
{
	if (r == NULL)
		return;
	free_headers(r);
	buf_free(&r->body);
	free(r->content_type);
	memset(r, 0, sizeof(*r));
}

const char *
http_header(const struct http_resp *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

static size_t
write_cb(char *p, size_t size, size_t n, void *arg)
{
	struct http *h = arg;
	struct buf *b = &h->resp->body;

	n *= size;
	if (b->len > (size_t)h->o.max_body ||
	    n > (size_t)h->o.max_body - b->len) {
		h->over = 1;
		return 0;	/* not n: curl aborts with CURLE_WRITE_ERROR */
	}
	buf_add(b, p, n);
	return n;
}

static size_t
header_cb(char *p, size_t size, size_t n, void *arg)
{
	struct http *h = arg;
	struct http_resp *r = h->resp;
	struct http_header *hd;
	const char *end, *colon, *v;
	char *joined;
	size_t len = size * n;

	end = p + len;
	while (end > p && (end[-1] == '\r' || end[-1] == '\n'))
		end--;
	if (end == p)
		return len;
	/*
	 * A status line starts a new response: a 100 Continue, a proxy's
	 * answer or an earlier attempt must leave nothing behind.
	 */
	if (end - p >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		free_headers(r);
		return len;
	}
	if ((*p == ' ' || *p == '\t') && r->nheaders > 0) {
		/* obs-fold: a continuation of the previous value */
		for (v = p; v < end && (*v == ' ' || *v == '\t'); v++)
			continue;
		hd = &r->headers[r->nheaders - 1];
		joined = xasprintf("%s %.*s", hd->value, (int)(end - v),
		    v);
		free(hd->value);
		hd->value = joined;
		return len;
	}
	if ((colon = memchr(p, ':', (size_t)(end - p))) == NULL)
		return len;
	for (v = colon + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		continue;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	r->headers = xreallocarray(r->headers, r->nheaders + 1,
	    sizeof(*r->headers));
	hd = &r->headers[r->nheaders++];
	hd->name = xstrndup(p, (size_t)(colon - p));
	hd->value = xstrndup(v, (size_t)(end - v));
	return len;
}

/* Request and response headers whose values are never printed. */
static int
secret_header(const char *name, size_t len)
{
	static const char *const exact[] = {
		"authorization", "proxy-authorization", "cookie", "set-cookie"
	};
	static const char *const part[] = {
		"token", "secret", "password", "api-key", "apikey"
	};
	char low[64];
	size_t i;

	if (len >= sizeof(low))
		return 1;	/* odd enough to hide */
	for (i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[len] = '\0';
	for (i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(low, exact[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(part) / sizeof(part[0]); i++)
		if (strstr(low, part[i]) != NULL)
			return 1;
	return 0;
}

/* One header line for the trace, secrets hidden, on stderr. */
static void
trace_line(const char *prefix, const char *p, size_t len)
{
	struct buf b = BUF_INIT;
	const char *sp1, *sp2, *colon;
	char *copy, *red;

	buf_adds(&b, prefix);
	sp1 = memchr(p, ' ', len);
	colon = memchr(p, ':', len);
	sp2 = NULL;
	if (sp1 != NULL)
		for (sp2 = p + len; sp2 > sp1 + 1 && sp2[-1] != ' '; sp2--)
			continue;
	if (sp1 != NULL && (colon == NULL || colon > sp1) && sp2 != NULL &&
	    sp2 - 1 > sp1 && (size_t)(p + len - sp2) >= 5 &&
	    memcmp(sp2, "HTTP/", 5) == 0) {
		/* the request line: METHOD SP target SP HTTP/x */
		buf_add(&b, p, (size_t)(sp1 + 1 - p));
		copy = xstrndup(sp1 + 1, (size_t)(sp2 - 1 - (sp1 + 1)));
		red = http_redact_url(copy);
		buf_adds(&b, red);
		free(red);
		free(copy);
		buf_add(&b, sp2 - 1, (size_t)(p + len - (sp2 - 1)));
	} else if (colon != NULL && secret_header(p, (size_t)(colon - p))) {
		buf_add(&b, p, (size_t)(colon - p));
		buf_adds(&b, ": [redacted]");
	} else if (colon != NULL &&
	    ((colon - p == 8 && strncasecmp(p, "location", 8) == 0) ||
	    (colon - p == 16 && strncasecmp(p, "content-location", 16) == 0))) {
		buf_add(&b, p, (size_t)(colon + 1 - p));
		while (colon + 1 < p + len && colon[1] == ' ')
			colon++;
		copy = xstrndup(colon + 1, (size_t)(p + len - (colon + 1)));
		red = http_redact_url(copy);
		buf_addc(&b, ' ');
		buf_adds(&b, red);
		free(red);
		free(copy);
	} else
		buf_add(&b, p, len);
	buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stderr);
	buf_free(&b);
}

/*
 * Verbose tracing: header lines only; never bodies, nor curl's own chatter
 * (CURLINFO_TEXT), which can quote URLs whole.
 */
static int
debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *arg)
{
	const char *prefix, *p, *end, *nl, *e;

	(void)c;
	(void)arg;
	if (type == CURLINFO_HEADER_OUT)
		prefix = "> ";
	else if (type == CURLINFO_HEADER_IN)
		prefix = "< ";
	else
		return 0;
	fflush(stdout);
	for (p = data, end = data + size; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (e = nl; e > p && (e[-1] == '\r' || e[-1] == '\n'); e--)
			continue;
		if (e > p)
			trace_line(prefix, p, (size_t)(e - p));
	}
	return 0;
}

static void
global_init(void)
{
	static int done;

	if (done)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		die(SC_EXIT_FATAL, "cannot initialise libcurl");
	done = 1;
}

struct http *
http_new(const struct http_opts *opts)
{
	struct http *h;
	CURL *c;

	global_init();
	h = xcalloc(1, sizeof(*h));
	if (opts != NULL)
		h->o = *opts;
	if (h->o.connect_timeout_ms <= 0)
		h->o.connect_timeout_ms = DEF_CONNECT_TIMEOUT_MS;
	if (h->o.timeout_ms <= 0)
		h->o.timeout_ms = DEF_TIMEOUT_MS;
	if (h->o.retries == 0)
		h->o.retries = DEF_RETRIES;
	else if (h->o.retries < 0)
		h->o.retries = 0;
	if (h->o.backoff_ms <= 0)
		h->o.backoff_ms = DEF_BACKOFF_MS;
	if (h->o.backoff_max_ms <= 0)
		h->o.backoff_max_ms = DEF_BACKOFF_MAX_MS;
	if (h->o.backoff_max_ms < h->o.backoff_ms)
		h->o.backoff_max_ms = h->o.backoff_ms;
	if (h->o.max_body <= 0)
		h->o.max_body = DEF_MAX_BODY;
	h->user_agent = xstrdup(h->o.user_agent != NULL ? h->o.user_agent :
	    "sc/" SC_VERSION);
	h->o.user_agent = h->user_agent;
	rng_seed(h);

	if ((c = h->curl = curl_easy_init()) == NULL)
		die(SC_EXIT_FATAL, "cannot initialise libcurl");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)h->o.max_body);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, h);
	if (h->o.verbose) {
		curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
		curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	}
	return h;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	free(h->user_agent);
	free(h);
}

/* No answer after all: drop whatever part of one came. */
static void
discard(struct http_resp *r)
{
	free_headers(r);
	buf_free(&r->body);
	free(r->content_type);
	r->content_type = NULL;
	r->status = 0;
}

/*
 * "METHOD url: why" into resp->error, cutting the URL (not the reason)
 * when it does not fit; the partial answer goes.
 */
static void
set_error(struct http_resp *r, const char *method, const char *url,
    const char *why, int tries)
{
	char *red, suffix[32] = "";
	size_t room, fixed;

	if (tries > 1)
		snprintf(suffix, sizeof(suffix), " (after %d tries)", tries);
	discard(r);
	red = http_redact_url(url);
	fixed = strlen(method) + 3 + strlen(why) + strlen(suffix);
	room = fixed + 3 < sizeof(r->error) ? sizeof(r->error) - 1 - fixed : 0;
	if (strlen(red) <= room)
		snprintf(r->error, sizeof(r->error), "%s %s: %s%s", method, red,
		    why, suffix);
	else
		snprintf(r->error, sizeof(r->error), "%s %.*s...: %s%s",
		    method, (int)(room > 3 ? room - 3 : 0), red, why, suffix);
	free(red);
}

static struct curl_slist *
build_headers(const char *const *headers)
{
	struct curl_slist *list = NULL, *l;
	int expect = 0;
	size_t i;

	for (i = 0; headers != NULL && headers[i] != NULL; i++) {
		if (strncasecmp(headers[i], "expect:", 7) == 0)
			expect = 1;
		if ((l = curl_slist_append(list, headers[i])) == NULL)
			die(SC_EXIT_FATAL, "out of memory");
		list = l;
	}
	/*
	 * curl asks for 100 Continue before a large body, and some servers
	 * never answer it, costing a second each; send the body at once.
	 */
	if (!expect) {
		if ((l = curl_slist_append(list, "Expect:")) == NULL)
			die(SC_EXIT_FATAL, "out of memory");
		list = l;
	}
	return list;
}

static void
set_method(CURL *c, const char *method, const char *body, size_t bodylen)
{
	const char *native;

	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, (char *)NULL);
	curl_easy_setopt(c, CURLOPT_NOBODY, 0L);
	if (strcmp(method, "HEAD") == 0) {
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
		return;
	}
	if (body != NULL || strcmp(method, "POST") == 0) {
		native = "POST";
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)(body != NULL ? bodylen : 0));
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body != NULL ? body :
		    "");
	} else {
		native = "GET";
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	}
	/* PUT, DELETE, PATCH...: the same transfer under another name */
	if (strcmp(method, native) != 0)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
}

int
http_request(struct http *h, const char *method, const char *url,
    const char *const *headers, const char *body, size_t bodylen,
    struct http_resp *resp)
{
	struct curl_slist *list;
	CURLcode rc;
	char *ct, why[64];
	long status, wait;
	int n, tries, ret;

	http_resp_free(resp);
	list = build_headers(headers);
	curl_easy_setopt(h->curl, CURLOPT_URL, url);
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, list);
	set_method(h->curl, method, body, bodylen);
	h->resp = resp;
	tries = h->o.retries + 1;
	for (n = 0;; n++) {
		http_resp_free(resp);
		resp->attempts = n + 1;
		h->over = 0;
		rc = curl_easy_perform(h->curl);
		if (rc == CURLE_OK) {
			curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE,
			    &status);
			resp->status = status;
			ct = NULL;
			curl_easy_getinfo(h->curl, CURLINFO_CONTENT_TYPE, &ct);
			if (ct != NULL)
				resp->content_type = xstrdup(ct);
			if (status < 500 || n + 1 >= tries ||
			    !idempotent(method)) {
				ret = 0;
				break;
			}
			snprintf(why, sizeof(why), "HTTP %ld", status);
		} else {
			if (h->over || rc == CURLE_FILESIZE_EXCEEDED) {
				snprintf(why, sizeof(why),
				    "response body over %ld bytes",
				    h->o.max_body);
				set_error(resp, method, url, why, 1);
				ret = -1;
				break;
			}
			if (!transient(rc) || n + 1 >= tries ||
			    (rc != CURLE_COULDNT_CONNECT &&
			    !idempotent(method))) {
				set_error(resp, method, url,
				    curl_easy_strerror(rc), n + 1);
				resp->permanent = permanent(rc);
				resp->unsent = never_left(rc);
				ret = -1;
				break;
			}
			snprintf(why, sizeof(why), "%s",
			    curl_easy_strerror(rc));
		}
		wait = backoff(h, n);
		if (h->o.verbose)
			warnmsg("retrying in %.1fs after %s (try %d of %d)",
			    (double)wait / 1000, why, n + 2, tries);
		if (http_sleep(wait) == -1) {
			/* Cut short by a signal: report what we have. */
			if (rc == CURLE_OK)
				ret = 0;
			else {
				set_error(resp, method, url,
				    curl_easy_strerror(rc), n + 1);
				resp->unsent = never_left(rc);
				ret = -1;
			}
			break;
		}
	}
	h->resp = NULL;
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER,
	    (struct curl_slist *)NULL);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, (char *)NULL);
	curl_slist_free_all(list);
	return ret;
}

static int
secret_param(const char *name, size_t len)
{
	static const char *const names[] = {
		"access_token", "refresh_token", "token", "key", "api_key",
		"apikey", "password", "client_secret"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len &&
		    strncasecmp(name, names[i], len) == 0)
			return 1;
	return 0;
}

/* name=value&... with secret values replaced. */
static void
redact_params(struct buf *b, const char *p, const char *end)
{
	const char *amp, *eq;

	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		eq = memchr(p, '=', (size_t)(amp - p));
		if (eq != NULL && secret_param(p, (size_t)(eq - p))) {
			buf_add(b, p, (size_t)(eq + 1 - p));
			buf_adds(b, "[redacted]");
		} else
			buf_add(b, p, (size_t)(amp - p));
		if (amp < end)
			buf_addc(b, '&');
		p = amp + 1;
	}
}

char *
http_redact_url(const char *url)
{
	struct buf b = BUF_INIT;
	const char *p = url, *q, *auth, *aend, *at, *hash;

	/* scheme://[userinfo@]host: hide the userinfo */
	q = p + strcspn(p, "/?#");
	if (q > p && q[-1] == ':' && q[0] == '/' && q[1] == '/') {
		auth = q + 2;
		aend = auth + strcspn(auth, "/?#");
		at = NULL;
		for (q = auth; q < aend; q++)
			if (*q == '@')
				at = q;
		if (at != NULL) {
			buf_add(&b, p, (size_t)(auth - p));
			buf_adds(&b, "[redacted]");
			p = at;
		}
		buf_add(&b, p, (size_t)(aend - p));
		p = aend;
	}
	q = p + strcspn(p, "?#");
	buf_add(&b, p, (size_t)(q - p));
	p = q;
	hash = p + strcspn(p, "#");
	if (*p == '?') {
		buf_addc(&b, '?');
		redact_params(&b, p + 1, hash);
		p = hash;
	}
	/* OAuth's implicit flow puts access_token in the fragment. */
	if (*p == '#') {
		buf_addc(&b, '#');
		redact_params(&b, p + 1, p + strlen(p));
	}
	return buf_detach(&b);
}

void
http_urlencode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		/* ASCII by hand: isalnum() would follow the locale */
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_addc(b, *p);
		else {
			buf_addc(b, '%');
			buf_addc(b, hex[*p >> 4]);
			buf_addc(b, hex[*p & 15]);
		}
	}
}
