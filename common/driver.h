/* driver.h: READY */
/*
 * driver.h - one driver per platform (driver-x.c, driver-mastodon.c,
 * driver-bluesky.c, driver-reddit.c, driver-facebook.c) behind one
 * handler table, the way curl hides protocols, used by both programs
 * that talk to the platforms: sc-fetch reads pages of posts through
 * them, sc-reply posts replies.  driver.c holds what every driver
 * shares: requests, pages, the table (net_driver()).
 *
 * The program that runs a driver is its host (n->host): it sends the
 * requests a driver cannot wait for (net_call_json(): log in, look a
 * user up) with its own rules, keeps the query's key (net_key()) and
 * takes the token's own account as a brand account (net_brand()).
 * sc-fetch's host is tools/sc-fetch/net.c, sc-reply's is
 * tools/sc-reply/send.c.
 *
 * sc-fetch's net.c owns everything the platforms share: the common options
 * (--api-base, --state, --since, --until, --max, --max-wait, --retries,
 * --retry-wait, --timeout, --brand-account, --raw, --credentials, -v),
 * credentials, the state file and its lock, the page loop, dedupe, the
 * rate-limit waits, the output+state commit after each page, progress
 * on a terminal and every exit status.  A driver only knows its platform:
 *
 *	option()	its own options (--search, --mentions, ...)
 *	setup()		checks them, names the query (net_key()), logs in
 *	request()	the request for a page: the first of a poll
 *			(cursor NULL) or the next one (cursor from the last
 *			page), given the saved position (NULL the first time)
 *	parse()		a 2xx page into import-shaped posts, each with its
 *			position, plus the next cursor
 *	ratelimit()	seconds to wait, read from the answer
 *
 * A poll, as net.c runs it: pages newest first, starting from the newest
 * and going back until there is no next cursor, or a post at or before
 * the saved position (pos_cmp() <= 0) or older than --since turns up.
 * The new saved position is the greatest position of the posts written
 * in the poll; it is saved only when the poll is complete, so "since"
 * stays the same while the poll pages back (X's polling recipe).  While
 * a poll is under way the state holds the cursor of the next page (or of
 * the page being read when --max stopped in its middle), so a run cut
 * short by a kill, a rate limit or an error resumes there.  Posts are
 * deduped by id within a run and against the ids written recently
 * (kept in the state), so overlapping pages never give a post twice.
 *
 * Positions and cursors are strings that are saved in the state file:
 * never put a token in them (Facebook's paging.next URLs carry
 * access_token: keep only the "after" cursor).
 *
 * Memory: a driver allocates its own data in setup() and hangs it on
 * n->priv; cleanup() frees it.  Every string and json_t handed to the
 * net_* functions is copied or its reference taken as documented there;
 * the driver keeps ownership of nothing it passed on.
 *
 * Errors: a driver reports a bad option with net_usage_error() (usage,
 * exit 2) or die(SC_EXIT_FATAL, ...) and a bad page by returning -1 from
 * parse() with err set ("expected an array, got an object"); net.c adds
 * the source and the redacted URL and exits 2.  A driver never exits
 * with 75 itself: net_call_json() and the page loop do that.  A 401 or
 * 403 that is no rate limit ends the run with "x: HTTP 401: check
 * SC_X_TOKEN", naming the driver's credential variables.
 */
#ifndef DRIVER_H
#define DRIVER_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "cli.h"
#include "http.h"

/* Drivers number their own long options from here. */
#define OPT_DRIVER_BASE		(OPT_TOOL_BASE + 0x80)

#define DRV_MAXCRED		4	/* credentials of one driver */
#define NET_REQ_MAXHDR		8	/* headers of one request */
#define NET_RATE_DEFAULT	60	/* seconds, when a throttle says
					   nothing about its reset */
#define NET_NOTIME		INT64_MIN

struct net;
struct net_req;
struct net_run;		/* the host's own */

/* The program running the driver (see above). */
struct net_host {
	json_t		*(*call_json)(struct net *n, struct net_req *rq,
			    const char *what);
	/* The query's key, "x search QUERY": copy it if needed. */
	void		 (*key)(struct net *n, const char *key);
	/*
	 * The token's own account, learnt from the platform (net_brand()):
	 * handle is a brand account on this platform, as if given with
	 * --brand-account; or handle is NULL and why says what kept it
	 * unknown.  NULL: the host keeps no brand accounts (sc-reply).
	 */
	void		 (*brand)(struct net *n, const char *handle,
			    const char *why);
};

/*
 * A credential: the key in the source's object of the --credentials file
 * ({"x": {"token": "..."}}), and the environment variable.  The file wins
 * over the environment.  A missing credential that is not optional is an
 * error (exit 2) before anything is fetched.
 */
struct drv_cred {
	const char	*field;		/* "token"; NULL ends the list */
	const char	*env;		/* "SC_X_TOKEN" */
	int		 optional;	/* Mastodon's public tag timelines */
};

/* A request a driver builds; net.c (or net_call_json()) sends it. */
struct net_req {
	const char	*method;	/* a literal; NULL: GET */
	struct buf	 url;
	char		*headers[NET_REQ_MAXHDR + 1];	/* NULL-terminated */
	size_t		 nheaders;
	struct buf	 body;
	int		 has_body;
	/*
	 * A status other than 2xx that the driver reads as an answer (a
	 * record not found, say), NET_SOFT_4XX for any 4xx but 401 and 429,
	 * or 0: net_call_json() then returns its JSON body (json null when
	 * it has none) instead of ending the run, and status says which it
	 * was (net_soft()).
	 */
	long		 soft_status;
	long		 status;	/* set by net_call_json() */
};

/*
 * soft_status for a look-up the run can do without: a 4xx answer is
 * the driver's to read, but for 401 (the token refused: the run ends as
 * for any request) and 429 (a throttle: waited for as for any request).
 */
#define NET_SOFT_4XX		(-4)

/* One post of a page, or a reject. */
struct net_item {
	json_t		*post;		/* import-shaped (see normalize.h) */
	char		*pos;		/* its position, or NULL */
	json_t		*raw;		/* the platform's object, or NULL */
	char		*reject;	/* why no post could be made, or NULL */
};

/* A parsed page. */
struct net_page {
	struct net_item	*items;
	size_t		 nitems;
	size_t		 cap;
	char		*next;		/* the next page's cursor; NULL: none */
	int		 reached;	/* stop after this page */
	/*
	 * The posts are not newest first (search by relevance): an old one
	 * is dropped but does not end the poll.
	 */
	int		 unordered;
};

/*
 * The run as drivers see it.  The fields above "run" are set before
 * option() is first called (defaults) or before setup() (from the
 * options); drivers read them and never change them, except priv.
 */
struct net {
	const struct driver *drv;
	const struct net_host *host;
	void		*priv;		/* the driver's own */
	const char	*api_base;	/* no trailing '/' */
	const char	*cred[DRV_MAXCRED];	/* in drv->creds order;
						   NULL if absent */
	int64_t		 since;		/* --since, or NET_NOTIME */
	int64_t		 until;		/* --until, or NET_NOTIME */
	long		 max;		/* --max, 0: no cap */
	int		 raw;		/* --raw */
	int		 brands;	/* brand accounts are known */
	int		 verbose;	/* -v count */
	struct http	*http;		/* set before setup() */
	struct net_run	*run;		/* net.c's own */
};

struct driver {
	const char	*name;		/* the source and the platform: "x" */
	const char	*summary;	/* for sc-fetch --help */
	/* Its options in the usage, e.g. "(--search query | --mentions id)" */
	const char	*synopsis;
	/* Its option lines, formatted as cli.h's cli_options_text. */
	const char	*options_help;
	const struct option *longopts;	/* NULL-terminated, or NULL */
	const char	*shortopts;	/* its short options, or NULL */
	const char	*api_base;	/* default; NULL: --api-base needed */
	struct drv_cred	 creds[DRV_MAXCRED + 1];
	int		 flags;		/* DRV_* */

	/* 0 when ch (from longopts/shortopts) was taken, else -1. */
	int		(*option)(struct net *n, int ch, const char *arg);
	/*
	 * After the options: check them, call net_key(), log in (with
	 * net_call_json()), allocate priv.  Exits on errors.
	 */
	void		(*setup)(struct net *n);
	/*
	 * Build the request for a page: cursor NULL for the first page of a
	 * poll, else the page's cursor (from net_page_next(), possibly saved
	 * in an earlier run); pos the saved position, NULL on a first run.
	 * The same (pos, cursor) must give the same page again.  It is
	 * called for every try of every page, just before parse() gets
	 * that page's answer.
	 */
	void		(*request)(struct net *n, const char *pos,
			    const char *cursor, struct net_req *rq);
	/*
	 * A 2xx answer's JSON body into pg: net_page_add() for each post,
	 * net_page_next() if there is a next page.  resp gives the headers
	 * (Mastodon's Link).  n and resp are NULL when "sc-fetch import
	 * --raw-pages" replays a saved page: no options, no priv, no
	 * headers; the driver then makes what it can of the body alone.
	 * 0, or -1 with err set when the page is not what it should be.
	 */
	int		(*parse)(struct net *n, const json_t *page,
			    const struct http_resp *resp, struct net_page *pg,
			    char *err, size_t errlen);
	/*
	 * Called for every answer: -1 when it says nothing about a rate
	 * limit to respect; else the seconds to wait (0: none needed) -
	 * before retrying this request if it was throttled (429, Facebook's
	 * error codes), or before the next request if it is a 2xx answer
	 * that announces an exhausted budget (X/Reddit remaining 0).  Use
	 * NET_RATE_DEFAULT when a throttle gives no reset.  NULL: a 429 is a
	 * rate limit with Retry-After or NET_RATE_DEFAULT.
	 */
	long		(*ratelimit)(struct net *n,
			    const struct http_resp *resp);
	/*
	 * Optional.  A non-2xx answer that is no rate limit: 1 when the
	 * driver cured it (refreshed an expired token) and the request
	 * should be built again and retried, else 0.
	 */
	int		(*recover)(struct net *n, const struct http_resp *resp);
	/* Optional: order of positions; NULL: net_pos_cmp_num(). */
	int		(*pos_cmp)(const char *a, const char *b);
	void		(*cleanup)(struct net *n);	/* optional */

	/*
	 * Posting replies (sc-reply --send); a driver without reply()
	 * cannot send.  The host reads the credentials, sends the request
	 * reply() builds exactly once (it never retries it after it may
	 * have left: that is the journal's business, see journal.h) and
	 * reads rate limits from the answer with ratelimit(), as above.
	 *
	 *	send_setup()	optional: after the credentials, before the
	 *			first reply: log in for posting (with
	 *			net_call_json()), allocate priv.  Exits on
	 *			errors, like setup().
	 *	reply()		the request posting text as a reply in the
	 *			thread of post (an sc-post(5) record), with idem
	 *			the try's idempotency key (sent where the
	 *			platform honours one: DRV_IDEMPOTENT).  0, or -1
	 *			with err set when post cannot be answered so
	 *			(no id to reply to): nothing is sent.
	 *	replied()	a 2xx answer's JSON body: the new post's id
	 *			into id (at most idlen bytes with the NUL), 0;
	 *			or -1 with err set when the answer says nothing
	 *			was created (Reddit's 200 with "errors"), 1 when
	 *			it says so because of a rate limit (Reddit's
	 *			RATELIMIT): the host tries again later.
	 */
	void		(*send_setup)(struct net *n);
	int		(*reply)(struct net *n, const json_t *post,
			    const char *text, const char *idem,
			    struct net_req *rq, char *err, size_t errlen);
	int		(*replied)(struct net *n, const json_t *body, char *id,
			    size_t idlen, char *err, size_t errlen);
};

/*
 * DRV_NO_POS_STOP: positions may repeat or come out of order (times at
 * second granularity, Facebook's since): do not stop or drop at the
 * saved position; only the recent-ids dedupe applies.
 */
#define DRV_NO_POS_STOP		0x1
/*
 * DRV_IDEMPOTENT: a reply request repeated with the same idem creates
 * nothing new for DRV_IDEM_WINDOW seconds (Mastodon's Idempotency-Key),
 * so a try that may have left can be made again within that time.
 */
#define DRV_IDEMPOTENT		0x2
#define DRV_IDEM_WINDOW		3000	/* of Mastodon's hour, to be safe */

/* The drivers, one line each (driver.c lists them for net_driver()). */
extern const struct driver drv_x;
extern const struct driver drv_mastodon;
extern const struct driver drv_bluesky;
extern const struct driver drv_reddit;
extern const struct driver drv_facebook;

/* A driver by source name (for import --raw-pages), or NULL. */
const struct driver *net_driver(const char *name);

/*
 * The key of the query in the state file, e.g. net_key(n, "search %s",
 * q): one state file can hold several queries (the source's name is
 * added in front).
 */
void		 net_key(struct net *n, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Usage message and exit 2, after an optional "prog: why" line. */
__attribute__((noreturn)) void net_usage_error(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* Requests. */
void		 net_req_init(struct net_req *rq);
void		 net_req_free(struct net_req *rq);	/* ready for reuse */
/* url = n->api_base + path (printf-style); or a whole URL if n NULL. */
void		 net_req_url(struct net_req *rq, const struct net *n,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Adds ?name=value or &name=value, value percent-encoded; NULL: none. */
void		 net_req_param(struct net_req *rq, const char *name,
		    const char *value);
void		 net_req_header(struct net_req *rq, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* A JSON body (Content-Type set); j is not stolen. */
void		 net_req_json(struct net_req *rq, const char *method,
		    const json_t *j);
/*
 * Send rq outside the page loop (log in, refresh, look a user up) with
 * the page loop's rules: rate limits waited for or exit 75, 5xx and
 * transport errors exit 75, 401/403 and other errors exit 2 with the
 * message, a body that is not JSON exits 2 (75 if cut short).  Returns
 * the parsed 2xx body (new reference).  what names the call in the
 * progress shown on a terminal ("createSession").
 */
json_t		*net_call_json(struct net *n, struct net_req *rq,
		    const char *what);
/* Is status, which is no 2xx, one rq's soft_status lets through? */
int		 net_soft(const struct net_req *rq, long status);
/*
 * In setup(): the token's own account, asked of the platform when no
 * brand account is known for it (n->brands 0), as a brand account: its
 * handle, as the driver writes authors' handles; or NULL when it could
 * not be learnt, with why ("verify_credentials: HTTP 404"), which the
 * host reports once as a warning before the run goes on without it.
 */
void		 net_brand(struct net *n, const char *handle,
		    const char *why);

/* Pages (parse() fills them; net.c and import.c read them). */
void		 net_page_init(struct net_page *pg);
void		 net_page_free(struct net_page *pg);	/* ready for reuse */
/*
 * A post: post is stolen, pos copied (NULL: none), raw referenced
 * (NULL: none; it becomes "raw" with --raw).
 */
void		 net_page_add(struct net_page *pg, json_t *post,
		    const char *pos, const json_t *raw);
/* An item that makes no post: reported, the run's status becomes 1. */
void		 net_page_reject(struct net_page *pg, const json_t *raw,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The next page's cursor (copied); a later call replaces it. */
void		 net_page_next(struct net_page *pg, const char *cursor);

/* Helpers. */
/* Decimal strings: shorter is smaller, then bytewise; others bytewise. */
int		 net_pos_cmp_num(const char *a, const char *b);
/* Seconds from now until epoch time t (0 if past). */
long		 net_until(int64_t t);
/*
 * A rate-limit reset header read as: NET_RESET_EPOCH (seconds since the
 * epoch, X, Bluesky), NET_RESET_ISO (a time, Mastodon), NET_RESET_DELTA
 * (seconds from now, Reddit, Retry-After).  Seconds to wait from now,
 * or -1 if the header is absent or unreadable.
 */
enum { NET_RESET_EPOCH, NET_RESET_ISO, NET_RESET_DELTA };
long		 net_reset_header(const struct http_resp *resp,
		    const char *name, int kind);
/* The string at key of an object, or NULL (not a string, absent). */
const char	*net_str(const json_t *o, const char *key);
/*
 * The id of a platform's item for a message about it: its "id", "uri"
 * (Bluesky) or "data.name" (Reddit's fullname), or NULL.
 */
const char	*net_item_id(const json_t *raw);
/*
 * The platform's own id in an sc-post id ("x:123" -> "123"; one without
 * the "name:" prefix as it is), or NULL when id is NULL or empty after
 * the prefix.
 */
const char	*net_native_id(const struct driver *d, const char *id);
/*
 * For replied(): the new post's id s, with the driver's "name:" prefix,
 * into id; 0, or -1 with err "no \"what\" in the answer" when s is NULL.
 */
int		 net_sent_id(const struct driver *d, const char *s,
		    const char *what, char *id, size_t idlen, char *err,
		    size_t errlen);

#endif
