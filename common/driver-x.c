/*
 * x.c - the X (Twitter) API v2 driver: recent search and a user's
 * mentions (PLATFORMS.md section 1).
 *
 * A poll keeps the same since_id while it follows next_token (search) or
 * pagination_token (mentions) back; the tweets' ids are the positions.
 * Authors come from includes.users (expansions=author_id); the text is
 * note_tweet's when the tweet is long, a retweet's the whole text of the
 * tweet retweeted (expansions=referenced_tweets.id, includes.tweets),
 * with t.co links replaced by the links they stand for and X's &amp;
 * &lt; &gt; decoded.  Rate limits: a
 * 429, or a 200 whose x-rate-limit-remaining is 0, waits until
 * x-rate-limit-reset (epoch seconds).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "html.h"
#include "http.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

#define X_PAGE		"100"	/* max_results: the most both allow */
#define X_SEARCH_DAYS	7	/* search/recent reaches back this far */

enum {
	OPT_SEARCH = OPT_DRIVER_BASE,
	OPT_MENTIONS
};

static const struct option x_longopts[] = {
	{ "search",	required_argument,	NULL, OPT_SEARCH },
	{ "mentions",	required_argument,	NULL, OPT_MENTIONS },
	{ NULL, 0, NULL, 0 }
};

struct x {
	const char	*search;	/* --search QUERY */
	const char	*mentions;	/* --mentions USER_ID */
};

static struct x x_opts;

static int
x_option(struct net *n, int ch, const char *arg)
{
	(void)n;
	switch (ch) {
	case OPT_SEARCH:
		x_opts.search = arg;
		return 0;
	case OPT_MENTIONS:
		x_opts.mentions = arg;
		return 0;
	}
	return -1;
}

static void
x_setup(struct net *n)
{
	const char *p;

	if ((x_opts.search == NULL) == (x_opts.mentions == NULL))
		net_usage_error("x: give one of --search or --mentions");
	if (x_opts.search != NULL) {
		if (*x_opts.search == '\0')
			die(SC_EXIT_FATAL, "--search: empty query");
		net_key(n, "search %s", x_opts.search);
	} else {
		for (p = x_opts.mentions; *p >= '0' && *p <= '9'; p++)
			continue;
		if (*p != '\0' || p == x_opts.mentions || p - x_opts.mentions
		    > 19)
			die(SC_EXIT_FATAL, "--mentions: expected a numeric "
			    "user id (not a handle): \"%s\"", x_opts.mentions);
		net_key(n, "mentions %s", x_opts.mentions);
	}
	n->priv = &x_opts;
}

static void
x_request(struct net *n, const char *pos, const char *cursor,
    struct net_req *rq)
{
	const struct x *x = n->priv;
	char tb[TIME_STRLEN];
	int64_t t, oldest;

	if (x->search != NULL) {
		net_req_url(rq, n, "/2/tweets/search/recent");
		net_req_param(rq, "query", x->search);
	} else
		net_req_url(rq, n, "/2/users/%s/mentions", x->mentions);
	net_req_param(rq, "max_results", X_PAGE);
	net_req_param(rq, "tweet.fields", "created_at,author_id,"
	    "conversation_id,lang,public_metrics,referenced_tweets,"
	    "in_reply_to_user_id,entities,note_tweet");
	net_req_param(rq, "expansions", "author_id,referenced_tweets.id,"
	    "in_reply_to_user_id");
	net_req_param(rq, "user.fields", "username,name,public_metrics,"
	    "verified");
	net_req_param(rq, "since_id", pos);
	if (pos == NULL && n->since != NET_NOTIME) {
		t = n->since;
		/* Older than search/recent reaches is an error there. */
		oldest = (int64_t)time(NULL) - X_SEARCH_DAYS * 86400 + 60;
		if (x->search != NULL && t < oldest)
			t = oldest;
		time_format(t, tb);
		net_req_param(rq, "start_time", tb);
	}
	if (n->until != NET_NOTIME) {
		time_format(n->until, tb);
		net_req_param(rq, "end_time", tb);
	}
	net_req_param(rq, x->search != NULL ? "next_token" :
	    "pagination_token", cursor);
	net_req_header(rq, "Authorization: Bearer %s", n->cred[0]);
}

/* The text of tw (note_tweet's when long), t.co links expanded, into a. */
static int
x_text_raw(const json_t *tw, struct buf *a)
{
	const json_t *src, *urls, *u;
	struct buf b = BUF_INIT;
	const char *text, *from, *to, *p, *hit;
	size_t i, flen;

	src = json_object_get(tw, "note_tweet");
	if ((text = net_str(src, "text")) == NULL) {
		src = tw;
		text = net_str(tw, "text");
	}
	if (text == NULL)
		return -1;
	buf_adds(a, text);
	urls = json_object_get(json_object_get(src, "entities"), "urls");
	json_array_foreach(urls, i, u) {
		if ((from = net_str(u, "url")) == NULL || (to = net_str(u,
		    "expanded_url")) == NULL || *from == '\0')
			continue;
		flen = strlen(from);
		buf_reset(&b);
		for (p = buf_str(a); (hit = strstr(p, from)) != NULL;
		    p = hit + flen) {
			buf_add(&b, p, (size_t)(hit - p));
			buf_adds(&b, to);
		}
		buf_adds(&b, p);
		buf_reset(a);
		buf_add(a, b.s, b.len);
	}
	buf_free(&b);
	return 0;
}

/* The tweet tw retweets, from includes.tweets (by id), or NULL. */
static const json_t *
x_retweeted(const json_t *tw, const json_t *tweets)
{
	const json_t *refs, *ref;
	const char *type, *id;
	size_t i;

	refs = json_object_get(tw, "referenced_tweets");
	json_array_foreach(refs, i, ref)
		if ((type = net_str(ref, "type")) != NULL &&
		    strcmp(type, "retweeted") == 0 &&
		    (id = net_str(ref, "id")) != NULL)
			return json_object_get(tweets, id);
	return NULL;
}

/*
 * The tweet's text: t.co links expanded, references decoded.  A retweet's
 * text is cut by X ("RT @user: ...…"): the whole text of the tweet it
 * retweets (referenced_tweets.id expanded into includes.tweets) follows
 * "RT @user: " instead.
 */
static json_t *
x_text(const json_t *tw, const json_t *tweets)
{
	const json_t *orig;
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *text, *colon;
	json_t *out;

	text = net_str(tw, "text");
	if (text != NULL && strncmp(text, "RT @", 4) == 0 &&
	    (colon = strstr(text, ": ")) != NULL &&
	    (orig = x_retweeted(tw, tweets)) != NULL &&
	    x_text_raw(orig, &b) == 0) {
		buf_add(&a, text, (size_t)(colon + 2 - text));
		buf_add(&a, b.s, b.len);
	} else if (x_text_raw(tw, &a) == -1) {
		buf_free(&b);
		return NULL;
	}
	buf_reset(&b);
	html_unescape(buf_str(&a), a.len, &b);
	out = json_stringn(buf_str(&b), b.len);
	buf_free(&a);
	buf_free(&b);
	return out;
}

static json_t *
x_author(const char *author_id, const json_t *user)
{
	json_t *a, *v;

	a = json_object();
	if (author_id != NULL)
		json_object_set_new(a, "id", json_string(author_id));
	if (user == NULL)
		return a;
	if (net_str(user, "username") != NULL)
		json_object_set(a, "handle", json_object_get(user,
		    "username"));
	if (net_str(user, "name") != NULL)
		json_object_set(a, "name", json_object_get(user, "name"));
	v = json_object_get(json_object_get(user, "public_metrics"),
	    "followers_count");
	if (json_is_integer(v))
		json_object_set(a, "followers", v);
	if (json_is_boolean(v = json_object_get(user, "verified")))
		json_object_set(a, "verified", v);
	return a;
}

static void
count(json_t *m, const char *key, const json_t *pm, const char *from)
{
	json_t *v = json_object_get(pm, from);

	if (json_is_integer(v))
		json_object_set(m, key, v);
}

/* One tweet as an import-shaped post, or NULL with why. */
static json_t *
x_post(const json_t *tw, const json_t *users, const json_t *tweets,
    const char *brand_id, const char **why)
{
	const char *id, *author_id, *handle, *conv, *irt;
	const json_t *user, *refs, *ref, *pm;
	json_t *p, *text, *m;
	size_t i;

	if ((id = net_str(tw, "id")) == NULL) {
		*why = "a tweet without an \"id\"";
		return NULL;
	}
	if ((text = x_text(tw, tweets)) == NULL) {
		*why = "a tweet without a \"text\"";
		return NULL;
	}
	author_id = net_str(tw, "author_id");
	user = author_id != NULL ? json_object_get(users, author_id) : NULL;
	p = json_object();
	json_object_set_new(p, "id", json_string(id));
	if (json_object_get(tw, "created_at") != NULL)
		json_object_set(p, "created_at", json_object_get(tw,
		    "created_at"));
	json_object_set_new(p, "text", text);
	json_object_set_new(p, "author", x_author(author_id, user));
	conv = net_str(tw, "conversation_id");
	json_object_set_new(p, "conversation_id", conv != NULL ?
	    json_string(conv) : json_null());
	json_object_set_new(p, "in_reply_to", json_null());
	refs = json_object_get(tw, "referenced_tweets");
	json_array_foreach(refs, i, ref)
		if (net_str(ref, "type") != NULL && strcmp(net_str(ref, "type"),
		    "replied_to") == 0 && net_str(ref, "id") != NULL)
			json_object_set(p, "in_reply_to", json_object_get(ref,
			    "id"));
	/* Whose tweet it answers: the brand's id (--mentions), or a user
	 * of includes.users whose handle normalize() checks. */
	if ((irt = net_str(tw, "in_reply_to_user_id")) != NULL) {
		if (brand_id != NULL)
			json_object_set_new(p, "in_reply_to_brand",
			    json_boolean(strcmp(irt, brand_id) == 0));
		else if ((handle = net_str(json_object_get(users, irt),
		    "username")) != NULL)
			json_object_set_new(p, "in_reply_to_author",
			    json_pack("{ss}", "handle", handle));
	}
	json_object_set_new(p, "channel", json_string("public"));
	json_object_set_new(p, "lang", net_str(tw, "lang") != NULL ?
	    json_string(net_str(tw, "lang")) : json_null());
	handle = net_str(user, "username");
	json_object_set_new(p, "url", handle != NULL ?
	    json_sprintf("https://x.com/%s/status/%s", handle, id) :
	    json_sprintf("https://x.com/i/web/status/%s", id));
	pm = json_object_get(tw, "public_metrics");
	if (json_is_object(pm)) {
		m = json_object();
		count(m, "likes", pm, "like_count");
		count(m, "reposts", pm, "retweet_count");
		count(m, "replies", pm, "reply_count");
		count(m, "quotes", pm, "quote_count");
		json_object_set_new(p, "metrics", m);
	}
	return p;
}

static int
x_parse(struct net *n, const json_t *page, const struct http_resp *resp,
    struct net_page *pg, char *err, size_t errlen)
{
	const json_t *data, *tw, *u, *list;
	const char *why = NULL, *next, *uid;
	json_t *users, *tweets, *post;
	size_t i;

	(void)resp;
	if (!json_is_object(page)) {
		snprintf(err, errlen, "expected an object, got %s",
		    json_is_array(page) ? "an array" : "something else");
		return -1;
	}
	data = json_object_get(page, "data");
	if (data != NULL && !json_is_array(data)) {
		snprintf(err, errlen, "\"data\": expected an array");
		return -1;
	}
	if (data == NULL && json_object_get(page, "meta") == NULL) {
		snprintf(err, errlen, "neither \"data\" nor \"meta\": not a "
		    "page of tweets");
		return -1;
	}
	/* includes.users by id, for the joins. */
	users = json_object();
	list = json_object_get(json_object_get(page, "includes"), "users");
	json_array_foreach(list, i, u)
		if ((uid = net_str(u, "id")) != NULL)
			json_object_set(users, uid, (json_t *)u);
	/* includes.tweets by id: what retweets retweet. */
	tweets = json_object();
	list = json_object_get(json_object_get(page, "includes"), "tweets");
	json_array_foreach(list, i, u)
		if ((uid = net_str(u, "id")) != NULL)
			json_object_set(tweets, uid, (json_t *)u);
	json_array_foreach(data, i, tw) {
		if ((post = x_post(tw, users, tweets, n != NULL ?
		    ((const struct x *)n->priv)->mentions : NULL, &why)) ==
		    NULL)
			net_page_reject(pg, tw, "%s", why);
		else
			net_page_add(pg, post, net_str(tw, "id"), tw);
	}
	json_decref(users);
	json_decref(tweets);
	next = net_str(json_object_get(page, "meta"), "next_token");
	if (next != NULL && *next != '\0')
		net_page_next(pg, next);
	return 0;
}

static long
x_ratelimit(struct net *n, const struct http_resp *resp)
{
	const char *rem;
	long w;

	(void)n;
	w = net_reset_header(resp, "x-rate-limit-reset", NET_RESET_EPOCH);
	if (resp->status == 429)
		return w >= 0 ? w : NET_RATE_DEFAULT;
	rem = http_header(resp, "x-rate-limit-remaining");
	if (resp->status >= 200 && resp->status < 300 && rem != NULL &&
	    strcmp(rem, "0") == 0)
		return w >= 0 ? w : NET_RATE_DEFAULT;
	return -1;
}

/* POST /2/tweets with reply.in_reply_to_tweet_id (PLATFORMS.md 1.6). */
static int
x_reply(struct net *n, const json_t *post, const char *text,
    const char *idem, struct net_req *rq, char *err, size_t errlen)
{
	const char *id;
	json_t *body;

	(void)idem;	/* X honours no idempotency key */
	if ((id = net_native_id(n->drv, net_str(post, "id"))) == NULL) {
		snprintf(err, errlen, "no \"id\" to reply to");
		return -1;
	}
	net_req_url(rq, n, "/2/tweets");
	net_req_header(rq, "Authorization: Bearer %s", n->cred[0]);
	body = json_pack("{sss{ss}}", "text", text, "reply",
	    "in_reply_to_tweet_id", id);
	net_req_json(rq, "POST", body);
	json_decref(body);
	return 0;
}

static int
x_replied(struct net *n, const json_t *body, char *id, size_t idlen,
    char *err, size_t errlen)
{
	return net_sent_id(n->drv, net_str(json_object_get(body, "data"),
	    "id"), "data.id", id, idlen, err, errlen);
}

const struct driver drv_x = {
	.name = "x",
	.summary = "posts from X: recent search or a user's mentions",
	.synopsis = "(--search query | --mentions user_id)",
	.options_help =
	"      --search QUERY  recent posts matching QUERY (X's search "
	"syntax)\n"
	"      --mentions USER_ID\n"
	"                      posts mentioning the user (a numeric id)\n",
	.longopts = x_longopts,
	.api_base = "https://api.x.com",
	.creds = { { "token", "SC_X_TOKEN", 0 }, { NULL, NULL, 0 } },
	.option = x_option,
	.setup = x_setup,
	.request = x_request,
	.parse = x_parse,
	.ratelimit = x_ratelimit,
	.reply = x_reply,
	.replied = x_replied,
};
