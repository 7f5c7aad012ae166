/*
 * http.h - HTTP for the platform drivers (sc-fetch reads, sc-reply posts),
 * over one reused libcurl handle per struct http (connections are kept
 * alive between pages).
 *
 * http_request() retries what is worth retrying - transport errors
 * (connect failures, timeouts, resets, a truncated body) and 5xx answers -
 * with exponential backoff and equal jitter (a random 50-100% of the
 * nominal wait), a bounded number of times; POST and PATCH only when the
 * connection could not be made (never after the request may have left).  It
 * does not retry 429: rate limits differ per platform, so the caller reads
 * the status and headers and decides how long to wait (http_sleep()).
 *
 * Tokens never leak: with verbose tracing on, request and response headers
 * go to stderr with Authorization (and Cookie) values replaced by
 * "[redacted]", and every URL printed anywhere passes http_redact_url(),
 * which hides userinfo and the values of access_token, token, key,
 * api_key, apikey, password, client_secret and refresh_token.
 *
 * TLS peer and host verification are always on for https.  Responses are
 * decoded from gzip or deflate transfer encoding transparently.
 *
 * A struct http_resp owns its body and headers; http_resp_free() releases
 * them and leaves it ready for reuse.
 */
#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>

#include "buf.h"

struct http_opts {
	long		 connect_timeout_ms;	/* default 10000 */
	long		 timeout_ms;		/* whole transfer, default 60000 */
	int		 retries;		/* after the first try, default 4;
						   < 0: none */
	long		 backoff_ms;		/* first backoff, default 1000 */
	long		 backoff_max_ms;	/* cap, default 60000 */
	long		 max_body;		/* bytes, default 64 MiB */
	int		 verbose;		/* trace to stderr, redacted */
	const char	*user_agent;		/* default "sc/VERSION" */
};

struct http_header {
	char		*name;		/* as received */
	char		*value;		/* trimmed */
};

struct http_resp {
	long		 status;	/* 0: no response (see error) */
	struct buf	 body;
	struct http_header *headers;
	size_t		 nheaders;
	char		*content_type;	/* or NULL */
	int		 attempts;	/* tries made */
	/*
	 * No response, and the request surely never left: no connection
	 * could be made (refused, name not found).  After a timeout, a
	 * reset or a cut answer it is 0: the server may have acted.
	 */
	int		 unsent;
	char		 error[256];	/* why there was no response */
	/*
	 * No response, and trying later will not help: the URL is malformed
	 * or its scheme unsupported (a configuration error, exit 2, not 75).
	 */
	int		 permanent;
};

struct http;

/* opts may be NULL for the defaults; zero fields take their default. */
struct http	*http_new(const struct http_opts *opts);
void		 http_free(struct http *h);
/*
 * method "GET" or "POST" (or another); headers a NULL-terminated list of
 * "Name: value" strings or NULL; body may be NULL.  Returns 0 when an
 * answer came (any status; 5xx only after the retries ran out), -1 when
 * none did (resp->error says why, with the redacted URL).
 */
int		 http_request(struct http *h, const char *method,
		    const char *url, const char *const *headers,
		    const char *body, size_t bodylen, struct http_resp *resp);
/*
 * 0 when libcurl can parse url (an absolute http or https URL with a
 * host), else -1 with the reason in why: for checking a configured base
 * URL once at start rather than failing every request.
 */
int		 http_url_check(const char *url, char *why, size_t whylen);
/* Value of a response header, case-insensitively; NULL if absent. */
const char	*http_header(const struct http_resp *resp, const char *name);
void		 http_resp_free(struct http_resp *resp);
/* A copy of url with secret query values replaced by "[redacted]". */
char		*http_redact_url(const char *url);
/* Append s percent-encoded (RFC 3986 unreserved kept) to b. */
void		 http_urlencode(struct buf *b, const char *s);
/*
 * Sleep ms milliseconds; replaceable by tests.  Returns early (-1) if a
 * signal arrives.
 */
extern int	(*http_sleep)(long ms);

#endif
