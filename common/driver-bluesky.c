/*
 * bluesky.c - the Bluesky (AT Protocol) driver: posts matching a search
 * (app.bsky.feed.searchPosts) or the notifications of the account that
 * logs in - mentions, replies and quotes (app.bsky.notification.
 * listNotifications) - over XRPC at the account's PDS (PLATFORMS.md
 * section 3).
 *
 * Choices made here:
 *
 *  - Ids are AT-URIs and authors DIDs, both of which start like a
 *    platform prefix ("at:", "did:"), so they are prefixed "bluesky:"
 *    here rather than by normalize().
 *
 *  - created_at is Bluesky's sortAt, the earlier of the record's
 *    createdAt (set by the client, perhaps far off) and indexedAt (when
 *    the service first saw the post); search sorts and filters by it.
 *    A notification's position is its indexedAt, by which the list is
 *    sorted.  Positions are those times in epoch milliseconds.  There is
 *    no since_id: a search asks for since=<the saved position's second>
 *    and the poll stops at the saved position.
 *
 *  - The text is record.text with the links the app shortened for
 *    display ("example.com/some/pa...") put back in full from their link
 *    facets (UTF-8 byte offsets); mentions and tags stay as written.
 *
 *  - A session is made with createSession on every run (a cron run every
 *    few minutes stays far below its 30 per 5 minutes).  An expired
 *    access token (400 ExpiredToken) is refreshed with refreshSession, or
 *    when that fails the session is made again.
 *
 *  - Search and notification results carry no follower counts: after
 *    each page, one app.bsky.actor.getProfiles call per 25 of its authors
 *    fills author.followers (sc-classify's influencer needs it).  Actors
 *    the answer leaves out keep no count.  --no-followers saves those
 *    calls; replayed pages (import --raw-pages) make none and have none.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "http.h"
#include "post.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

#define BSKY_PAGE	"100"	/* limit: the most both endpoints allow */
#define BSKY_POST	"app.bsky.feed.post"
#define BSKY_LINK	"app.bsky.richtext.facet#link"

enum {
	OPT_SEARCH = OPT_DRIVER_BASE,
	OPT_MENTIONS,
	OPT_NO_FOLLOWERS
};

static const struct option bsky_longopts[] = {
	{ "search",	required_argument,	NULL, OPT_SEARCH },
	{ "mentions",	no_argument,		NULL, OPT_MENTIONS },
	{ "no-followers", no_argument,		NULL, OPT_NO_FOLLOWERS },
	{ NULL, 0, NULL, 0 }
};

struct bsky {
	const char	*search;	/* --search QUERY */
	int		 mentions;	/* --mentions */
	int		 nofollowers;	/* --no-followers */
	char		*access;	/* the session's tokens */
	char		*refresh;
	char		*did;		/* the session's account */
};

static struct bsky bsky_opts;

#define BSKY_PROFILES	25	/* actors per getProfiles call */

/* The notification reasons that are posts for the brand to read. */
static const char *const bsky_reasons[] = {
	"mention", "reply", "quote", NULL
};

static int
bsky_option(struct net *n, int ch, const char *arg)
{
	(void)n;
	switch (ch) {
	case OPT_SEARCH:
		bsky_opts.search = arg;
		return 0;
	case OPT_MENTIONS:
		bsky_opts.mentions = 1;
		return 0;
	case OPT_NO_FOLLOWERS:
		bsky_opts.nofollowers = 1;
		return 0;
	}
	return -1;
}

/* Take the tokens of a createSession or refreshSession answer. */
static int
bsky_session(struct bsky *b, const json_t *j)
{
	const char *acc, *ref;

	if ((acc = net_str(j, "accessJwt")) == NULL || *acc == '\0' ||
	    (ref = net_str(j, "refreshJwt")) == NULL)
		return -1;
	free(b->access);
	free(b->refresh);
	b->access = xstrdup(acc);
	b->refresh = xstrdup(ref);
	if (net_str(j, "did") != NULL) {
		free(b->did);
		b->did = xstrdup(net_str(j, "did"));
	}
	return 0;
}

static void
bsky_login(struct net *n)
{
	struct net_req rq;
	json_t *body, *j;

	net_req_init(&rq);
	net_req_url(&rq, n, "/xrpc/com.atproto.server.createSession");
	body = json_pack("{ssss}", "identifier", n->cred[0], "password",
	    n->cred[1]);
	net_req_json(&rq, "POST", body);
	json_decref(body);
	j = net_call_json(n, &rq, "createSession");
	net_req_free(&rq);
	if (bsky_session(n->priv, j) == -1) {
		json_decref(j);
		die(SC_EXIT_FATAL, "bluesky: createSession: no accessJwt and "
		    "refreshJwt in the answer");
	}
	json_decref(j);
}

static void
bsky_setup(struct net *n)
{
	struct bsky *b = &bsky_opts;

	if ((b->search == NULL) == !b->mentions)
		net_usage_error("bluesky: give one of --search or --mentions");
	if (b->search != NULL) {
		if (*b->search == '\0')
			die(SC_EXIT_FATAL, "--search: empty query");
		net_key(n, "search %s", b->search);
	} else
		net_key(n, "mentions %s", n->cred[0]);
	n->priv = b;
	bsky_login(n);
}

static void
bsky_cleanup(struct net *n)
{
	struct bsky *b = n->priv;

	if (b == NULL)
		return;
	free(b->access);
	free(b->refresh);
	free(b->did);
	b->access = b->refresh = b->did = NULL;
}

/* Milliseconds since the epoch of an RFC 3339 time; -1 if it is none. */
static int
bsky_ms(const char *s, int64_t *ms)
{
	const char *p;
	int64_t t, frac = 0;
	int k = 0;

	if (s == NULL || time_parse(s, &t) == -1 || t < 0)
		return -1;
	/* "2024-05-13T09:21:06.512934Z": the fraction follows the seconds. */
	if (strlen(s) > 20 && s[19] == '.')
		for (p = s + 20; k < 3 && *p >= '0' && *p <= '9'; p++, k++)
			frac = frac * 10 + (*p - '0');
	for (; k < 3; k++)
		frac *= 10;
	*ms = t * 1000 + frac;
	return 0;
}

static void
bsky_request(struct net *n, const char *pos, const char *cursor,
    struct net_req *rq)
{
	const struct bsky *b = n->priv;
	char tb[TIME_STRLEN];
	int64_t since;
	size_t i;

	if (b->search != NULL) {
		net_req_url(rq, n, "/xrpc/app.bsky.feed.searchPosts");
		net_req_param(rq, "q", b->search);
		net_req_param(rq, "sort", "latest");
		since = n->since;
		if (pos != NULL && (int64_t)strtoll(pos, NULL, 10) / 1000 >
		    since)
			since = (int64_t)strtoll(pos, NULL, 10) / 1000;
		if (since != NET_NOTIME) {
			time_format(since, tb);
			net_req_param(rq, "since", tb);
		}
		if (n->until != NET_NOTIME) {
			time_format(n->until, tb);
			net_req_param(rq, "until", tb);
		}
	} else {
		net_req_url(rq, n,
		    "/xrpc/app.bsky.notification.listNotifications");
		for (i = 0; bsky_reasons[i] != NULL; i++)
			net_req_param(rq, "reasons", bsky_reasons[i]);
	}
	net_req_param(rq, "limit", BSKY_PAGE);
	net_req_param(rq, "cursor", cursor);
	net_req_header(rq, "Authorization: Bearer %s", b->access);
}

struct link {
	size_t		 start, end;	/* byte offsets in the text */
	const char	*uri;
};

static int
link_cmp(const void *a, const void *b)
{
	const struct link *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static int
char_start(const char *s, size_t len, size_t at)
{
	return at == len || ((unsigned char)s[at] & 0xc0) != 0x80;
}

/*
 * Is v[0..n) the app's short form of uri: uri without its scheme, maybe
 * cut and ended with "..." or an ellipsis?  A link on other words ("my
 * blog") is not, and keeps its words.
 */
static int
link_shortened(const char *v, size_t n, const char *uri)
{
	if (n >= 3 && (memcmp(v + n - 3, "...", 3) == 0 ||
	    memcmp(v + n - 3, "\xe2\x80\xa6", 3) == 0))
		n -= 3;
	if (n == 0)
		return 0;
	if (strncmp(uri, "https://", 8) == 0)
		uri += 8;
	else if (strncmp(uri, "http://", 7) == 0)
		uri += 7;
	return strncmp(uri, v, n) == 0 && memchr(v, '\0', n) == NULL;
}

/*
 * The link facet at f, if it fits the text s[0..len): in range, on
 * character boundaries, shortened from its uri.
 */
static int
link_facet(const json_t *f, const char *s, size_t len, struct link *l)
{
	const json_t *ix, *feat, *bs, *be;
	const char *t;
	size_t i;

	ix = json_object_get(f, "index");
	bs = json_object_get(ix, "byteStart");
	be = json_object_get(ix, "byteEnd");
	if (!json_is_integer(bs) || !json_is_integer(be) ||
	    json_integer_value(bs) < 0 ||
	    json_integer_value(be) <= json_integer_value(bs) ||
	    json_integer_value(be) > (json_int_t)len)
		return -1;
	l->start = (size_t)json_integer_value(bs);
	l->end = (size_t)json_integer_value(be);
	if (!char_start(s, len, l->start) || !char_start(s, len, l->end))
		return -1;
	l->uri = NULL;
	json_array_foreach(json_object_get(f, "features"), i, feat)
		if ((t = net_str(feat, "$type")) != NULL &&
		    strcmp(t, BSKY_LINK) == 0)
			l->uri = net_str(feat, "uri");
	if (l->uri == NULL || !link_shortened(s + l->start, l->end - l->start,
	    l->uri))
		return -1;
	return 0;
}

/* record.text with shortened links given in full; NULL if no text. */
static json_t *
bsky_text(const json_t *record)
{
	const json_t *text, *facets, *f;
	struct link *links;
	struct buf b = BUF_INIT;
	const char *s;
	size_t len, i, nl, at;
	json_t *out;

	if (!json_is_string(text = json_object_get(record, "text")))
		return NULL;
	facets = json_object_get(record, "facets");
	if (json_array_size(facets) == 0)
		return json_incref((json_t *)text);
	s = json_string_value(text);
	len = json_string_length(text);
	links = xcalloc(json_array_size(facets), sizeof(*links));
	nl = 0;
	json_array_foreach(facets, i, f)
		if (link_facet(f, s, len, &links[nl]) == 0)
			nl++;
	if (nl == 0) {
		free(links);
		return json_incref((json_t *)text);
	}
	qsort(links, nl, sizeof(*links), link_cmp);
	at = 0;
	for (i = 0; i < nl; i++) {
		if (links[i].start < at)
			continue;	/* overlaps the one before */
		buf_add(&b, s + at, links[i].start - at);
		buf_adds(&b, links[i].uri);
		at = links[i].end;
	}
	buf_add(&b, s + at, len - at);
	out = json_stringn(b.s, b.len);
	buf_free(&b);
	free(links);
	return out;
}

/*
 * The post's time, sortAt: the earlier of createdAt and indexedAt, and
 * its position in *ms.  When only one parses it is taken; when neither
 * does, createdAt is passed on for normalize() to reject.
 */
static const json_t *
bsky_time(const json_t *record, const json_t *view, int notification,
    int64_t *ms)
{
	const json_t *c, *ix;
	int64_t tc, ti;
	int okc, oki;

	c = json_object_get(record, "createdAt");
	ix = json_object_get(view, "indexedAt");
	okc = bsky_ms(json_string_value(c), &tc) == 0;
	oki = bsky_ms(json_string_value(ix), &ti) == 0;
	*ms = -1;
	if (okc && oki) {
		*ms = notification || ti <= tc ? ti : tc;
		return ti <= tc ? ix : c;
	}
	if (okc)
		*ms = tc;
	else if (oki)
		*ms = ti;
	return oki && !okc ? ix : c;
}

static json_t *
bsky_author(const json_t *a)
{
	const char *did, *handle, *name, *vs;
	json_t *o;

	o = json_object();
	if ((did = net_str(a, "did")) != NULL)
		json_object_set_new(o, "id", json_sprintf("bluesky:%s", did));
	if ((handle = net_str(a, "handle")) != NULL)
		json_object_set_new(o, "handle", json_string(handle));
	if ((name = net_str(a, "displayName")) != NULL && *name != '\0')
		json_object_set_new(o, "name", json_string(name));
	vs = json_path_str(a, "verification.verifiedStatus");
	if (vs != NULL)
		json_object_set_new(o, "verified",
		    json_boolean(strcmp(vs, "valid") == 0));
	return o;
}

/* https://bsky.app/profile/HANDLE/post/RKEY (the DID for a bad handle). */
static json_t *
bsky_url(const char *uri, const json_t *author)
{
	const char *handle, *rkey, *p;

	if (strncmp(uri, "at://", 5) != 0 || (p = strstr(uri + 5,
	    "/" BSKY_POST "/")) == NULL)
		return json_null();
	rkey = p + strlen("/" BSKY_POST "/");
	if (*rkey == '\0' || strchr(rkey, '/') != NULL)
		return json_null();
	handle = net_str(author, "handle");
	if (handle == NULL || strcmp(handle, "handle.invalid") == 0)
		return json_sprintf("https://bsky.app/profile/%.*s/post/%s",
		    (int)(p - uri - 5), uri + 5, rkey);
	return json_sprintf("https://bsky.app/profile/%s/post/%s", handle,
	    rkey);
}

static void
count(json_t *m, const char *key, const json_t *view, const char *from)
{
	json_t *v = json_object_get(view, from);

	if (json_is_integer(v))
		json_object_set(m, key, v);
}

/*
 * A post view (search) or a notification as an import-shaped post, with
 * its position; NULL with why.
 */
static json_t *
bsky_post(const json_t *view, int notification, char *pos, size_t poslen,
    const char **why)
{
	const json_t *record, *t;
	const char *uri, *type, *root, *parent, *lang;
	json_t *p, *text, *m;
	int64_t ms;

	if (!json_is_object(view)) {
		*why = "expected an object";
		return NULL;
	}
	if ((uri = net_str(view, "uri")) == NULL || *uri == '\0') {
		*why = "a post without a \"uri\"";
		return NULL;
	}
	record = json_object_get(view, "record");
	if ((type = net_str(record, "$type")) == NULL ||
	    strcmp(type, BSKY_POST) != 0) {
		*why = "\"record\" is not an " BSKY_POST;
		return NULL;
	}
	if ((text = bsky_text(record)) == NULL) {
		*why = "a post without a \"record.text\"";
		return NULL;
	}
	p = json_object();
	json_object_set_new(p, "id", json_sprintf("bluesky:%s", uri));
	if ((t = bsky_time(record, view, notification, &ms)) != NULL)
		json_object_set(p, "created_at", (json_t *)t);
	*pos = '\0';
	if (ms >= 0)
		snprintf(pos, poslen, "%lld", (long long)ms);
	json_object_set_new(p, "text", text);
	json_object_set_new(p, "author", bsky_author(json_object_get(view,
	    "author")));
	root = json_path_str(record, "reply.root.uri");
	parent = json_path_str(record, "reply.parent.uri");
	json_object_set_new(p, "conversation_id", json_sprintf("bluesky:%s",
	    root != NULL ? root : uri));
	json_object_set_new(p, "in_reply_to", parent != NULL ?
	    json_sprintf("bluesky:%s", parent) : json_null());
	json_object_set_new(p, "channel", json_string("public"));
	lang = json_string_value(json_array_get(json_object_get(record,
	    "langs"), 0));
	json_object_set_new(p, "lang", lang != NULL ? json_string(lang) :
	    json_null());
	json_object_set_new(p, "url", bsky_url(uri, json_object_get(view,
	    "author")));
	if (!notification) {
		m = json_object();
		count(m, "likes", view, "likeCount");
		count(m, "reposts", view, "repostCount");
		count(m, "replies", view, "replyCount");
		count(m, "quotes", view, "quoteCount");
		json_object_set_new(p, "metrics", m);
	}
	return p;
}

/*
 * Whose post a reply answers: a notification of reason "reply" answers
 * the brand's by definition; otherwise the parent's uri names its
 * author's DID, and an author of the same page with that DID gives the
 * handle that normalize() checks against the brand's accounts (handles:
 * did -> handle of the page's authors).
 */
static void
bsky_to_brand(json_t *post, const json_t *view, const json_t *handles)
{
	const char *parent, *r, *e, *h;
	char did[256];
	size_t len;

	parent = json_path_str(json_object_get(view, "record"),
	    "reply.parent.uri");
	if (parent == NULL || strncmp(parent, "at://", 5) != 0)
		return;
	r = net_str(view, "reason");
	if (r != NULL && strcmp(r, "reply") == 0) {
		json_object_set_new(post, "in_reply_to_brand", json_true());
		return;
	}
	parent += 5;
	e = strchr(parent, '/');
	len = e != NULL ? (size_t)(e - parent) : strlen(parent);
	if (len >= sizeof(did))
		return;
	memcpy(did, parent, len);
	did[len] = '\0';
	if ((h = net_str(handles, did)) != NULL)
		json_object_set_new(post, "in_reply_to_author",
		    json_pack("{ssss}", "id", did, "handle", h));
}

static int
bsky_wanted(const json_t *notif)
{
	const char *r = net_str(notif, "reason");
	size_t i;

	for (i = 0; r != NULL && bsky_reasons[i] != NULL; i++)
		if (strcmp(r, bsky_reasons[i]) == 0)
			return 1;
	return 0;
}

/* Fill author.followers of the page's posts: getProfiles, 25 at a time. */
static void
bsky_followers(struct net *n, struct net_page *pg)
{
	const struct bsky *b = n->priv;
	struct net_req rq;
	const char **did, *id;
	json_t *counts, *j, *p, *v, *author;
	size_t i, k, x, nd = 0;

	counts = json_object();
	did = xcalloc(pg->nitems + 1, sizeof(*did));
	for (i = 0; i < pg->nitems; i++) {
		if (pg->items[i].post == NULL || (id = json_path_str(
		    pg->items[i].post, "author.id")) == NULL ||
		    strncmp(id, "bluesky:", 8) != 0 ||
		    json_object_get(counts, id + 8) != NULL)
			continue;
		json_object_set_new(counts, id + 8, json_null());
		did[nd++] = id + 8;
	}
	for (k = 0; k < nd; k += BSKY_PROFILES) {
		net_req_init(&rq);
		net_req_url(&rq, n, "/xrpc/app.bsky.actor.getProfiles");
		for (i = k; i < nd && i < k + BSKY_PROFILES; i++)
			net_req_param(&rq, "actors", did[i]);
		net_req_header(&rq, "Authorization: Bearer %s", b->access);
		j = net_call_json(n, &rq, "getProfiles");
		net_req_free(&rq);
		json_array_foreach(json_object_get(j, "profiles"), x, p) {
			v = json_object_get(p, "followersCount");
			if ((id = net_str(p, "did")) != NULL &&
			    json_is_integer(v) && json_integer_value(v) >= 0 &&
			    json_object_get(counts, id) != NULL)
				json_object_set(counts, id, v);
		}
		json_decref(j);
	}
	for (i = 0; i < pg->nitems; i++) {
		if (pg->items[i].post == NULL ||
		    (author = json_object_get(pg->items[i].post, "author")) ==
		    NULL || (id = json_path_str(author, "id")) == NULL ||
		    strncmp(id, "bluesky:", 8) != 0)
			continue;
		if (json_is_integer(v = json_object_get(counts, id + 8)))
			json_object_set(author, "followers", v);
	}
	free(did);
	json_decref(counts);
}

static int
bsky_parse(struct net *n, const json_t *page, const struct http_resp *resp,
    struct net_page *pg, char *err, size_t errlen)
{
	const json_t *list, *v;
	const char *why = "not a post", *cursor, *key, *a;
	char pos[32];
	json_t *post, *handles;
	size_t i;
	int notif;

	(void)resp;
	if (!json_is_object(page)) {
		snprintf(err, errlen, "expected an object, got %s",
		    json_kind_a(page));
		return -1;
	}
	if (n != NULL)
		notif = ((const struct bsky *)n->priv)->search == NULL;
	else
		notif = json_object_get(page, "posts") == NULL &&
		    json_object_get(page, "notifications") != NULL;
	key = notif ? "notifications" : "posts";
	if (!json_is_array(list = json_object_get(page, key))) {
		snprintf(err, errlen, "\"%s\": expected an array, got %s", key,
		    json_kind_a(list));
		return -1;
	}
	handles = json_object();
	json_array_foreach(list, i, v)
		if ((a = net_str(json_object_get(v, "author"), "did")) !=
		    NULL && net_str(json_object_get(v, "author"), "handle") !=
		    NULL)
			json_object_set(handles, a, json_object_get(
			    json_object_get(v, "author"), "handle"));
	json_array_foreach(list, i, v) {
		if (notif && !bsky_wanted(v))
			continue;	/* likes, follows, reposts */
		if ((post = bsky_post(v, notif, pos, sizeof(pos), &why))
		    == NULL)
			net_page_reject(pg, v, "%s", why);
		else {
			bsky_to_brand(post, v, handles);
			net_page_add(pg, post, *pos ? pos : NULL, v);
		}
	}
	json_decref(handles);
	/* A cursor with nothing before it would go round in circles. */
	cursor = net_str(page, "cursor");
	if (cursor != NULL && *cursor != '\0' && json_array_size(list) > 0)
		net_page_next(pg, cursor);
	if (n != NULL && !((const struct bsky *)n->priv)->nofollowers)
		bsky_followers(n, pg);
	return 0;
}

static long
bsky_ratelimit(struct net *n, const struct http_resp *resp)
{
	const char *rem;
	long w;

	(void)n;
	if (resp->status == 429) {
		/* As Bluesky's own client: Retry-After first. */
		if ((w = net_reset_header(resp, "Retry-After",
		    NET_RESET_DELTA)) >= 0)
			return w;
		w = net_reset_header(resp, "RateLimit-Reset", NET_RESET_EPOCH);
		return w >= 0 ? w : NET_RATE_DEFAULT;
	}
	rem = http_header(resp, "RateLimit-Remaining");
	if (resp->status >= 200 && resp->status < 300 && rem != NULL &&
	    strcmp(rem, "0") == 0) {
		w = net_reset_header(resp, "RateLimit-Reset", NET_RESET_EPOCH);
		return w >= 0 ? w : NET_RATE_DEFAULT;
	}
	return -1;
}

/* A new pair of tokens from refreshSession: 0, or -1 if refused. */
static int
bsky_refresh(struct net *n)
{
	struct bsky *b = n->priv;
	struct http_resp resp;
	struct buf url = BUF_INIT, auth = BUF_INIT;
	const char *hdrs[2];
	json_t *j = NULL;
	int rc = -1;

	memset(&resp, 0, sizeof(resp));
	buf_printf(&url, "%s/xrpc/com.atproto.server.refreshSession",
	    n->api_base);
	buf_printf(&auth, "Authorization: Bearer %s", b->refresh);
	hdrs[0] = auth.s;
	hdrs[1] = NULL;
	if (http_request(n->http, "POST", url.s, hdrs, NULL, 0, &resp) == 0 &&
	    resp.status == 200 && (j = json_loadb(buf_str(&resp.body),
	    resp.body.len, 0, NULL)) != NULL)
		rc = bsky_session(b, j);
	json_decref(j);
	http_resp_free(&resp);
	buf_free(&url);
	buf_free(&auth);
	return rc;
}

/* An expired access token: refreshed, or a new session. */
static int
bsky_recover(struct net *n, const struct http_resp *resp)
{
	const char *e;
	json_t *j;
	int expired;

	if (resp->status != 400 && resp->status != 401)
		return 0;
	if ((j = json_loadb(buf_str(&resp->body), resp->body.len, 0, NULL))
	    == NULL)
		return 0;
	expired = (e = net_str(j, "error")) != NULL &&
	    strcmp(e, "ExpiredToken") == 0;
	json_decref(j);
	if (!expired)
		return 0;
	if (bsky_refresh(n) == -1)
		bsky_login(n);
	return 1;
}

/* sc-reply: a session for posting. */
static void
bsky_send_setup(struct net *n)
{
	n->priv = &bsky_opts;
	bsky_login(n);
	if (bsky_opts.did == NULL)
		die(SC_EXIT_FATAL, "bluesky: createSession: no \"did\" in the "
		    "answer");
}

/* {"uri", "cid"} of a strong ref, or NULL. */
static json_t *
bsky_ref(const json_t *o)
{
	const char *uri = net_str(o, "uri"), *cid = net_str(o, "cid");

	if (uri == NULL || cid == NULL)
		return NULL;
	return json_pack("{ssss}", "uri", uri, "cid", cid);
}

/*
 * com.atproto.repo.createRecord of an app.bsky.feed.post whose reply
 * names the post answered (parent) and the root of its thread, each by
 * uri and cid; sc-post(5) keeps neither cid, so the parent is read first
 * (a GET, safe to repeat): with app.bsky.feed.getPosts, or, for a post of
 * the account's own (the part before in a thread sc-reply sends), with
 * com.atproto.repo.getRecord from its own server, which has it at once
 * where the AppView may not have indexed it yet.
 */
static int
bsky_reply(struct net *n, const json_t *post, const char *text,
    const char *idem, struct net_req *rq, char *err, size_t errlen)
{
	struct bsky *b = n->priv;
	struct net_req get;
	const json_t *view;
	char tb[TIME_STRLEN];
	const char *uri, *rkey = NULL, *why;
	json_t *j, *parent, *root, *body;
	size_t len;
	long status;
	int own;

	(void)idem;
	if ((uri = net_native_id(n->drv, net_str(post, "id"))) == NULL ||
	    strncmp(uri, "at://", 5) != 0) {
		snprintf(err, errlen, "no at:// uri to reply to");
		return -1;
	}
	net_req_init(&get);
	len = strcspn(uri + 5, "/");
	own = b->did != NULL && strlen(b->did) == len && strncmp(uri + 5,
	    b->did, len) == 0 && (rkey = strrchr(uri + 5, '/')) != NULL &&
	    rkey[1] != '\0';
	if (own) {
		/* a deleted record is 400 RecordNotFound, not the end */
		get.soft_status = 400;
		net_req_url(&get, n, "/xrpc/com.atproto.repo.getRecord");
		net_req_param(&get, "repo", b->did);
		net_req_param(&get, "collection", BSKY_POST);
		net_req_param(&get, "rkey", rkey + 1);
	} else {
		net_req_url(&get, n, "/xrpc/app.bsky.feed.getPosts");
		net_req_param(&get, "uris", uri);
	}
	net_req_header(&get, "Authorization: Bearer %s", b->access);
	j = net_call_json(n, &get, own ? "getRecord" : "getPosts");
	status = get.status;
	net_req_free(&get);
	if (status == 400) {
		why = net_str(j, "error");
		if (why != NULL && strcmp(why, "RecordNotFound") == 0)
			snprintf(err, errlen, "getRecord: the post is gone "
			    "(deleted?)");
		else
			snprintf(err, errlen, "getRecord: HTTP 400: %s",
			    why != NULL ? why : "no reason given");
		json_decref(j);
		return -1;
	}
	/* a post view {uri, cid, record}; a record {uri, cid, value} */
	view = own ? j : json_array_get(json_object_get(j, "posts"), 0);
	if ((parent = bsky_ref(view)) == NULL) {
		json_decref(j);
		snprintf(err, errlen, "%s: the post is gone (deleted?)",
		    own ? "getRecord" : "getPosts");
		return -1;
	}
	root = bsky_ref(json_object_get(json_object_get(json_object_get(view,
	    own ? "value" : "record"), "reply"), "root"));
	if (root == NULL)
		root = json_incref(parent);
	json_decref(j);
	time_format((int64_t)time(NULL), tb);
	body = json_pack("{sssss{sssssss{soso}}}", "repo", b->did,
	    "collection", BSKY_POST, "record", "$type", BSKY_POST, "text",
	    text, "createdAt", tb, "reply", "root", root, "parent", parent);
	net_req_url(rq, n, "/xrpc/com.atproto.repo.createRecord");
	net_req_header(rq, "Authorization: Bearer %s", b->access);
	net_req_json(rq, "POST", body);
	json_decref(body);
	return 0;
}

static int
bsky_replied(struct net *n, const json_t *body, char *id, size_t idlen,
    char *err, size_t errlen)
{
	return net_sent_id(n->drv, net_str(body, "uri"), "uri", id, idlen, err,
	    errlen);
}

const struct driver drv_bluesky = {
	.name = "bluesky",
	.summary = "posts from Bluesky: a search, or the account's mentions",
	.synopsis = "(--search query | --mentions) [--no-followers]",
	.options_help =
	"      --search QUERY  posts matching QUERY (Bluesky's search "
	"syntax)\n"
	"      --mentions      posts that mention, answer or quote the "
	"account\n"
	"      --no-followers  no getProfiles calls: posts without "
	"author.followers\n",
	.longopts = bsky_longopts,
	.api_base = "https://bsky.social",
	.creds = {
		{ "handle", "SC_BLUESKY_HANDLE", 0 },
		{ "app_password", "SC_BLUESKY_APP_PASSWORD", 0 },
		{ NULL, NULL, 0 }
	},
	.option = bsky_option,
	.setup = bsky_setup,
	.request = bsky_request,
	.parse = bsky_parse,
	.ratelimit = bsky_ratelimit,
	.recover = bsky_recover,
	.cleanup = bsky_cleanup,
	.send_setup = bsky_send_setup,
	.reply = bsky_reply,
	.replied = bsky_replied,
};
