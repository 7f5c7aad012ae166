/*
 * test-http - http.h against tests/http/server.py on 127.0.0.1: bodies,
 * headers, gzip, retries with backoff and jitter (http_sleep replaced by a
 * recorder), what is not retried (429, 4xx, POST after a 5xx), timeouts,
 * truncated bodies, the body cap, refused connections, methods, and that
 * verbose tracing never shows a token.  URL redaction and encoding need no
 * server.  Run from the repository root.
 */
#include <sys/socket.h>
#include <sys/time.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "buf.h"
#include "diag.h"
#include "http.h"
#include "tap.h"
#include "unit.h"

#define SERVER	"tests/http/server.py"

static char base[64];			/* http://127.0.0.1:PORT */
static long slept[16];
static int nslept, sleep_ret;
static int (*real_sleep)(long);

static int
stub_sleep(long ms)
{
	if (nslept < (int)(sizeof(slept) / sizeof(slept[0])))
		slept[nslept] = ms;
	nslept++;
	return sleep_ret;
}

static void
sleeps_reset(int ret)
{
	nslept = 0;
	sleep_ret = ret;
	memset(slept, 0, sizeof(slept));
}

static struct http *
client(int retries, long timeout_ms, long max_body, int verbose)
{
	struct http_opts o;

	memset(&o, 0, sizeof(o));
	o.retries = retries;
	o.timeout_ms = timeout_ms;
	o.connect_timeout_ms = 2000;
	o.backoff_ms = 100;
	o.backoff_max_ms = 10000;
	o.max_body = max_body;
	o.verbose = verbose;
	return http_new(&o);
}

static char *
url(const char *path)
{
	static char u[512];

	snprintf(u, sizeof(u), "%s%s", base, path);
	return u;
}

static int
get(struct http *h, const char *path, struct http_resp *r)
{
	return http_request(h, "GET", url(path), NULL, NULL, 0, r);
}

static int
contains(const char *s, const char *sub)
{
	return s != NULL && strstr(s, sub) != NULL;
}

/* The echo server's answer as JSON (caller frees). */
static json_t *
echoed(const struct http_resp *r)
{
	return json_loadb(r->body.s ? r->body.s : "", r->body.len, 0, NULL);
}

static const char *
echo_str(json_t *j, const char *key, const char *sub)
{
	json_t *v = json_object_get(j, key);

	if (sub != NULL)
		v = json_object_get(v, sub);
	return json_string_value(v);
}

static void
redacts(const char *in, const char *want)
{
	char *got = http_redact_url(in);

	is_str(got, want, "redact %s", in);
	free(got);
}

static void
encodes(const char *in, const char *want, const char *what)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "<");
	http_urlencode(&b, in);
	buf_adds(&b, ">");
	is_str(b.s, want, "urlencode %s", what);
	buf_free(&b);
}

static void
test_redact(void)
{
	redacts("https://api.x.com/2/x?access_token=abc123&q=1",
	    "https://api.x.com/2/x?access_token=[redacted]&q=1");
	redacts("https://h.example/p?q=1&ACCESS_TOKEN=abc123",
	    "https://h.example/p?q=1&ACCESS_TOKEN=[redacted]");
	redacts("https://user:pa55@h.example:8443/p?x=1",
	    "https://[redacted]@h.example:8443/p?x=1");
	redacts("https://h.example/path/to", "https://h.example/path/to");
	redacts("https://h.example", "https://h.example");
	redacts("https://h/p?tokens=1&token=2&Key=3&api_key=4&password=5"
	    "&client_secret=6&monkey=7&refresh_token=8",
	    "https://h/p?tokens=1&token=[redacted]&Key=[redacted]"
	    "&api_key=[redacted]&password=[redacted]"
	    "&client_secret=[redacted]&monkey=7&refresh_token=[redacted]");
	redacts("/2/tweets?query=a%20b&key=zz",
	    "/2/tweets?query=a%20b&key=[redacted]");
	redacts("https://h/cb?state=s#access_token=abc&x=1",
	    "https://h/cb?state=s#access_token=[redacted]&x=1");
	redacts("https://h/p?key&token=", "https://h/p?key&token=[redacted]");
	redacts("https://h/p?next=a@b&x=1", "https://h/p?next=a@b&x=1");
	redacts("https://h/p/a@b", "https://h/p/a@b");
	redacts("", "");
}

static void
test_urlencode(void)
{
	encodes("a b", "<a%20b>", "space");
	encodes("caf\xc3\xa9 \xf0\x9f\x98\x80", "<caf%C3%A9%20%F0%9F%98%80>",
	    "UTF-8");
	encodes(":/?#[]@!$&'()*+,;=%\"<>\\^`{|}", "<%3A%2F%3F%23%5B%5D%40%21"
	    "%24%26%27%28%29%2A%2B%2C%3B%3D%25%22%3C%3E%5C%5E%60%7B%7C%7D>",
	    "reserved and unsafe");
	encodes("AZaz09-._~", "<AZaz09-._~>", "unreserved kept");
	encodes("", "<>", "empty");
	encodes("a\tb\n", "<a%09b%0A>", "controls");
}

static void
alarm_handler(int sig)
{
	(void)sig;
}

/* A base URL checked once at start; a malformed one is no temporary error. */
static void
test_url_check(void)
{
	struct http_resp resp;
	struct http *h;
	char why[128];
	struct http_opts o;

	ok(http_url_check("https://api.x.com", why, sizeof(why)) == 0,
	    "an https URL passes");
	ok(http_url_check("http://127.0.0.1:8080/x/", why, sizeof(why)) == 0,
	    "an http URL with a port and path passes");
	ok(http_url_check("http://[::1]:80/", why, sizeof(why)) == 0,
	    "an IPv6 literal passes");
	ok(http_url_check("http://[::1", why, sizeof(why)) == -1,
	    "an unclosed IPv6 literal fails");
	is_str(why, "bad IPv6 address", "with libcurl's reason, lower case");
	ok(http_url_check("http://", why, sizeof(why)) == -1,
	    "no host fails");
	ok(http_url_check("gopher://h/", why, sizeof(why)) == -1,
	    "another scheme fails");
	is_str(why, "not an http or https URL", "and says so");
	ok(http_url_check("", why, sizeof(why)) == -1, "empty fails");

	memset(&o, 0, sizeof(o));
	o.retries = 3;
	h = http_new(&o);
	memset(&resp, 0, sizeof(resp));
	ok(http_request(h, "GET", "http://[::1", NULL, NULL, 0, &resp) == -1 &&
	    resp.permanent && resp.attempts == 1,
	    "a malformed URL: no answer, permanent, not retried");
	http_resp_free(&resp);
	ok(http_request(h, "GET", "http://127.0.0.1:1/", NULL, NULL, 0,
	    &resp) == -1 && !resp.permanent,
	    "a refused connection is not permanent");
	http_resp_free(&resp);
	http_free(h);
}

static void
test_sleep(void)
{
	struct sigaction sa;
	struct itimerval it;
	struct timeval t0, t1;
	long ms;

	ok(real_sleep(20) == 0, "http_sleep 20 ms returns 0");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = alarm_handler;	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 50000;
	gettimeofday(&t0, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	ok(real_sleep(5000) == -1, "http_sleep interrupted by a signal: -1");
	gettimeofday(&t1, NULL);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_usec - t0.tv_usec) / 1000;
	ok(ms < 2000, "http_sleep returns early on a signal (%ld ms)", ms);
	signal(SIGALRM, SIG_DFL);
}

static void
test_ok(void)
{
	struct http *h = http_new(NULL);
	struct http_resp r;
	json_t *j;

	memset(&r, 0, sizeof(r));
	ok(get(h, "/ok", &r) == 0, "GET /ok returns 0");
	ok(r.status == 200, "/ok status 200 (%ld)", r.status);
	is_str(r.body.s, "{\"ok\":true}", "/ok body");
	ok(r.body.len == 11, "/ok body length");
	is_str(r.content_type, "application/json; charset=utf-8",
	    "/ok content type");
	is_str(http_header(&r, "x-custom"), "spaced value",
	    "custom header, any case, value trimmed");
	is_str(http_header(&r, "X-CUSTOM"), "spaced value",
	    "custom header, upper case");
	ok(http_header(&r, "X-Missing") == NULL, "absent header is NULL");
	ok(r.attempts == 1 && r.error[0] == '\0', "one try, no error");

	/* The same resp and handle again: the old answer is released. */
	ok(get(h, "/echo", &r) == 0 && r.status == 200, "reused resp");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "GET", "reused resp: GET");
	is_str(echo_str(j, "headers", "User-Agent"), "sc/0.1.0",
	    "default User-Agent");
	ok(http_header(&r, "X-Custom") == NULL, "no header left over");
	json_decref(j);

	ok(get(h, "/no-such-path", &r) == 0 && r.status == 404 &&
	    r.attempts == 1, "404 returned at once");
	http_resp_free(&r);
	ok(r.body.s == NULL && r.headers == NULL && r.content_type == NULL &&
	    r.status == 0, "http_resp_free leaves it empty");
	http_free(h);
	http_free(NULL);
}

static void
test_gzip(void)
{
	struct http *h = http_new(NULL);
	struct http_resp r;
	json_t *j;

	memset(&r, 0, sizeof(r));
	ok(get(h, "/gzip", &r) == 0, "GET /gzip returns 0");
	ok(r.status == 200, "/gzip status 200 (%ld)", r.status);
	is_str(http_header(&r, "Content-Encoding"), "gzip", "sent as gzip");
	j = echoed(&r);
	is_str(echo_str(j, "hello", NULL), "gzip", "gzip body decoded");
	ok(r.body.len > 2000, "decoded length %zu", r.body.len);
	json_decref(j);
	http_resp_free(&r);
	http_free(h);
}

static void
test_retry(void)
{
	struct http *h = client(4, 0, 0, 0);
	struct http_opts o;
	struct http_resp r;
	size_t i, nattempt;
	char *err;

	memset(&r, 0, sizeof(r));
	sleeps_reset(0);
	capture();
	ok(get(h, "/503-then-ok?id=quiet", &r) == 0, "503, 503, 200: 0");
	err = captured();
	ok(r.status == 200 && r.attempts == 3, "status 200 after 3 tries "
	    "(%ld, %d)", r.status, r.attempts);
	ok(nslept == 2, "slept twice (%d)", nslept);
	ok(slept[0] >= 50 && slept[0] <= 100, "first wait in [50, 100] (%ld)",
	    slept[0]);
	ok(slept[1] >= 100 && slept[1] <= 200,
	    "second wait in [100, 200] (%ld)", slept[1]);
	ok(slept[1] >= slept[0], "waits grow");
	is_str(http_header(&r, "X-Attempt"), "3",
	    "headers are those of the last try");
	for (i = 0, nattempt = 0; i < r.nheaders; i++)
		if (strcasecmp(r.headers[i].name, "X-Attempt") == 0)
			nattempt++;
	ok(nattempt == 1, "earlier tries' headers dropped (%zu)", nattempt);
	is_str(r.body.s, "{\"ok\":true,\"attempt\":3}",
	    "body is the last try's only");
	is_str(err, "", "a retry that succeeds is silent");
	free(err);
	http_free(h);

	/* The same with verbose: the retries are told. */
	h = client(4, 0, 0, 1);
	sleeps_reset(0);
	capture();
	get(h, "/503-then-ok?id=loud", &r);
	err = captured();
	ok(r.status == 200 && r.attempts == 3, "verbose: 200 after 3 tries");
	ok(contains(err, "test-http: retrying in 0.") &&
	    contains(err, "s after HTTP 503 (try 2 of 5)\n") &&
	    contains(err, "s after HTTP 503 (try 3 of 5)\n") &&
	    !contains(err, "try 4"), "verbose: retries noted");
	if (!contains(err, "try 2 of 5"))
		printf("#   stderr: %s\n", err);
	free(err);
	http_free(h);

	/*
	 * The cap, and 5xx returned as an answer when the tries run out; the
	 * other options take their defaults (4 retries).
	 */
	memset(&o, 0, sizeof(o));
	o.backoff_ms = 100;
	o.backoff_max_ms = 250;
	h = http_new(&o);
	sleeps_reset(0);
	ok(get(h, "/always-500", &r) == 0, "always 500: returns 0");
	ok(r.status == 500 && r.attempts == 5,
	    "status 500 after retries + 1 = 5 tries (%ld, %d)", r.status,
	    r.attempts);
	ok(nslept == 4 && slept[0] >= 50 && slept[0] <= 100 &&
	    slept[1] >= 100 && slept[1] <= 200 && slept[2] >= 125 &&
	    slept[2] <= 250 && slept[3] >= 125 && slept[3] <= 250,
	    "waits capped at backoff_max (%ld %ld %ld %ld)", slept[0],
	    slept[1], slept[2], slept[3]);
	is_str(r.body.s, "{\"error\":\"internal\"}", "500 body kept");

	/* A signal during the wait ends the retries with what we have. */
	sleeps_reset(-1);
	ok(get(h, "/always-500", &r) == 0 && r.status == 500 &&
	    r.attempts == 1 && nslept == 1, "interrupted wait: 500 at once");

	sleeps_reset(0);
	ok(get(h, "/429", &r) == 0 && r.status == 429, "429 returned");
	ok(r.attempts == 1 && nslept == 0, "429 not retried");
	is_str(http_header(&r, "retry-after"), "7", "Retry-After readable");
	is_str(http_header(&r, "RETRY-AFTER"), "7", "Retry-After any case");
	http_resp_free(&r);
	http_free(h);

	/* retries < 0: none. */
	h = client(-1, 0, 0, 0);
	sleeps_reset(0);
	ok(get(h, "/html-error", &r) == 0 && r.status == 500 &&
	    r.attempts == 1 && nslept == 0, "retries -1: 500 at once");
	is_str(r.content_type, "text/html; charset=utf-8", "HTML error type");
	ok(contains(r.body.s, "<h1>Oops</h1>"), "HTML error body kept");
	http_resp_free(&r);
	http_free(h);
}

static void
test_failures(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	struct http *h;
	struct http_resp r;
	char want[512], u[128];
	int fd;

	memset(&r, 0, sizeof(r));
	h = client(1, 300, 0, 0);
	sleeps_reset(0);
	ok(get(h, "/slow?s=3&access_token=sekrit", &r) == -1,
	    "timeout: -1");
	snprintf(want, sizeof(want), "GET %s/slow?s=3&access_token=[redacted]:"
	    " %s (after 2 tries)", base,
	    curl_easy_strerror(CURLE_OPERATION_TIMEDOUT));
	is_str(r.error, want, "timeout: error names the redacted URL");
	ok(r.status == 0 && r.attempts == 2 && nslept == 1,
	    "timeout retried once (%d tries)", r.attempts);
	ok(r.unsent == 0, "a timeout: the request may have left (not unsent)");
	http_free(h);

	h = client(2, 0, 0, 0);
	sleeps_reset(0);
	ok(get(h, "/truncated", &r) == -1, "truncated body: -1");
	ok(r.attempts == 3 && nslept == 2, "truncated retried (%d tries)",
	    r.attempts);
	snprintf(want, sizeof(want), "GET %s/truncated: %s (after 3 tries)",
	    base, curl_easy_strerror(CURLE_PARTIAL_FILE));
	is_str(r.error, want, "truncated: error");
	ok(get(h, "/ok", &r) == 0 && r.status == 200,
	    "the handle works after failures");
	http_free(h);

	h = client(2, 0, 1000, 0);
	sleeps_reset(0);
	ok(get(h, "/big", &r) == -1, "body over max_body: -1");
	snprintf(want, sizeof(want), "GET %s/big: response body over 1000 "
	    "bytes", base);
	is_str(r.error, want, "body over max_body: error");
	ok(r.attempts == 1 && nslept == 0, "body over max_body not retried");
	ok(r.status == 0 && r.body.len == 0 && r.nheaders == 0,
	    "body over max_body: no partial answer left");
	ok(get(h, "/big?n=1000", &r) == 0 && r.body.len == 1000,
	    "body of exactly max_body accepted");
	ok(get(h, "/big?n=1001", &r) == -1, "one byte over: -1");
	http_free(h);

	/* Decoded size counts, not the compressed Content-Length. */
	h = client(2, 0, 200, 0);
	ok(get(h, "/gzip", &r) == -1 &&
	    contains(r.error, "response body over 200 bytes"),
	    "gzip body decoding past max_body: -1");
	http_free(h);

	/* A port nobody listens on. */
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		abort();
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1)
		abort();
	close(fd);
	snprintf(u, sizeof(u), "http://127.0.0.1:%d/x", ntohs(sin.sin_port));
	h = client(1, 0, 0, 0);
	sleeps_reset(0);
	ok(http_request(h, "GET", u, NULL, NULL, 0, &r) == -1,
	    "connection refused: -1");
	snprintf(want, sizeof(want), "GET %s: %s (after 2 tries)", u,
	    curl_easy_strerror(CURLE_COULDNT_CONNECT));
	is_str(r.error, want, "connection refused: error");
	ok(r.attempts == 2 && r.status == 0, "connection refused retried");
	sleeps_reset(0);
	ok(http_request(h, "POST", u, NULL, "x", 1, &r) == -1 &&
	    r.attempts == 2, "POST retried when it could not connect");
	ok(r.unsent == 1, "refused: the request surely never left (unsent)");
	http_resp_free(&r);
	http_free(h);

	/* Only http and https. */
	h = client(-1, 0, 0, 0);
	ok(http_request(h, "GET", "file:///etc/passwd", NULL, NULL, 0, &r) ==
	    -1 && r.body.len == 0, "file: URLs refused");
	http_resp_free(&r);
	http_free(h);
}

static void
test_methods(void)
{
	static const char *const hdrs[] = {
		"Content-Type: application/json", "X-Extra: 1", NULL
	};
	static const char *const expect[] = {
		"Content-Type: application/json", "Expect: 100-continue", NULL
	};
	const char *post = "{\"text\":\"hello, world\",\"n\":1}";
	struct http *h = client(4, 0, 0, 0);
	struct http_resp r;
	json_t *j;
	size_t i;
	int bad;

	memset(&r, 0, sizeof(r));
	sleeps_reset(0);
	ok(http_request(h, "POST", url("/echo"), hdrs, post, strlen(post),
	    &r) == 0 && r.status == 200, "POST /echo");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "POST", "POST: method");
	is_str(echo_str(j, "body", NULL), post, "POST: body echoed");
	is_str(echo_str(j, "headers", "Content-Type"), "application/json",
	    "POST: caller's Content-Type");
	is_str(echo_str(j, "headers", "X-Extra"), "1", "POST: extra header");
	ok(echo_str(j, "headers", "Expect") == NULL, "POST: no Expect");
	json_decref(j);

	ok(get(h, "/echo", &r) == 0, "GET after POST");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "GET", "GET after POST is a GET");
	is_str(echo_str(j, "body", NULL), "", "GET after POST has no body");
	ok(echo_str(j, "headers", "X-Extra") == NULL,
	    "GET after POST: no leftover headers");
	json_decref(j);

	ok(http_request(h, "POST", url("/echo"), expect, post, strlen(post),
	    &r) == 0 && r.status == 200, "POST with Expect: 100-continue");
	j = echoed(&r);
	is_str(echo_str(j, "body", NULL), post, "100-continue: body echoed");
	json_decref(j);
	for (i = 0, bad = 0; i < r.nheaders; i++)
		if (strncmp(r.headers[i].name, "HTTP/", 5) == 0)
			bad = 1;
	ok(!bad && http_header(&r, "X-Interim") == NULL &&
	    http_header(&r, "Content-Type") != NULL,
	    "100-continue: only the final answer's headers");

	ok(http_request(h, "POST", url("/echo"), NULL, NULL, 0, &r) == 0,
	    "POST without a body");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "POST", "empty POST: method");
	is_str(echo_str(j, "headers", "Content-Length"), "0",
	    "empty POST: Content-Length 0");
	json_decref(j);

	ok(http_request(h, "PUT", url("/echo"), NULL, "abc", 3, &r) == 0,
	    "PUT");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "PUT", "PUT: method");
	is_str(echo_str(j, "body", NULL), "abc", "PUT: body");
	json_decref(j);

	ok(http_request(h, "DELETE", url("/echo"), NULL, NULL, 0, &r) == 0,
	    "DELETE");
	j = echoed(&r);
	is_str(echo_str(j, "method", NULL), "DELETE", "DELETE: method");
	json_decref(j);

	ok(http_request(h, "HEAD", url("/ok"), NULL, NULL, 0, &r) == 0 &&
	    r.status == 200 && r.body.len == 0, "HEAD: 200, no body");

	sleeps_reset(0);
	ok(http_request(h, "POST", url("/always-500"), NULL, "x", 1, &r) ==
	    0 && r.status == 500 && r.attempts == 1 && nslept == 0,
	    "POST not retried after a 500");
	ok(http_request(h, "POST", url("/503-then-ok?id=post"), NULL, "x", 1,
	    &r) == 0 && r.status == 503 && r.attempts == 1,
	    "POST not retried after a 503");
	http_resp_free(&r);
	http_free(h);
}

static void
test_verbose(void)
{
	static const char *const hdrs[] = {
		"Authorization: Bearer SEKRIT-BEARER",
		"Cookie: sid=SEKRIT-COOKIE",
		"X-Api-Key: SEKRIT-APIKEY",
		"Accept: application/json",
		NULL
	};
	struct http *h = client(4, 0, 0, 1);
	struct http_resp r;
	char *err;
	json_t *j;

	memset(&r, 0, sizeof(r));
	capture();
	ok(http_request(h, "GET", url("/echo-headers?access_token="
	    "SEKRIT-QUERY&q=1"), hdrs, NULL, 0, &r) == 0 && r.status == 200,
	    "verbose GET /echo-headers");
	err = captured();
	j = echoed(&r);
	is_str(echo_str(j, "headers", "Authorization"),
	    "Bearer SEKRIT-BEARER", "Authorization sent");
	is_str(echo_str(j, "headers", "Cookie"), "sid=SEKRIT-COOKIE",
	    "Cookie sent");
	json_decref(j);
	ok(contains(err, "> GET /echo-headers?access_token=[redacted]&q=1 "
	    "HTTP/1.1\n"), "trace: request line with the URL redacted");
	ok(contains(err, "> Authorization: [redacted]\n"),
	    "trace: Authorization redacted");
	ok(contains(err, "> Cookie: [redacted]\n"), "trace: Cookie redacted");
	ok(contains(err, "> X-Api-Key: [redacted]\n"),
	    "trace: X-Api-Key redacted");
	ok(contains(err, "> Accept: application/json\n"),
	    "trace: other request headers shown");
	ok(contains(err, "< HTTP/1.1 200 OK\n") &&
	    contains(err, "< Content-Type: application/json\n"),
	    "trace: response headers shown");
	ok(!contains(err, "SEKRIT"), "trace: no secret, no body");
	if (contains(err, "SEKRIT") || !contains(err, "[redacted]"))
		printf("#   stderr: %s\n", err);
	free(err);

	capture();
	ok(get(h, "/redirect", &r) == 0 && r.status == 302 && r.attempts == 1,
	    "302 returned, not followed");
	err = captured();
	is_str(http_header(&r, "Location"),
	    "/ok?access_token=SEKRIT-LOCATION&x=1", "Location kept in resp");
	ok(contains(err, "< Location: /ok?access_token=[redacted]&x=1\n"),
	    "trace: Location redacted");
	ok(contains(err, "< Set-Cookie: [redacted]\n"),
	    "trace: Set-Cookie redacted");
	ok(!contains(err, "SEKRIT"), "trace of the 302: no secret");
	free(err);
	http_resp_free(&r);
	http_free(h);
}

static int
start_server(FILE **fp)
{
	char line[64];
	long port;

	if (system("command -v python3 >/dev/null 2>&1") != 0)
		return -1;
	if (!ok(access(SERVER, R_OK) == 0, "%s found (run from the top)",
	    SERVER))
		return -2;
	fflush(stdout);
	if ((*fp = popen("exec python3 " SERVER, "r")) == NULL)
		return -2;
	if (fgets(line, sizeof(line), *fp) == NULL ||
	    (port = strtol(line, NULL, 10)) <= 0 || port > 65535) {
		ok(0, "server printed its port");
		pclose(*fp);
		return -2;
	}
	snprintf(base, sizeof(base), "http://127.0.0.1:%ld", port);
	return 0;
}

static void
stop_server(FILE *fp)
{
	struct http *h = client(-1, 2000, 0, 0);
	struct http_resp r;

	memset(&r, 0, sizeof(r));
	ok(get(h, "/quit", &r) == 0 && r.status == 200, "server told to quit");
	http_resp_free(&r);
	http_free(h);
	ok(pclose(fp) == 0, "server exited");
}

int
main(int argc, char **argv)
{
	FILE *fp;
	int rc;

	(void)argc;
	diag_init(argv[0]);
	/* The server is local: no proxy from the environment. */
	unsetenv("http_proxy");
	unsetenv("HTTP_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	real_sleep = http_sleep;
	http_sleep = stub_sleep;

	test_redact();
	test_urlencode();
	test_url_check();
	test_sleep();
	if ((rc = start_server(&fp)) == -1)
		printf("ok %d # SKIP no python3\n", ++tap_n);
	else if (rc == 0) {
		test_ok();
		test_gzip();
		test_retry();
		test_failures();
		test_methods();
		test_verbose();
		stop_server(fp);
	}
	return tap_done();
}
