/*
 * facebook.c - the Facebook Graph API driver for a Page: the posts of its
 * feed and their comments, or its Messenger conversations (PLATFORMS.md
 * section 5).
 *
 * Choices made here:
 *
 *  - The feed is read with its comments nested (comments.filter(stream)
 *    gives the replies to comments too, each with its parent), newest
 *    first; the conversations with their messages nested.  A post with
 *    more comments than fit, or a conversation with more messages, is
 *    read on with /POST/comments or /CONVERSATION/messages before the
 *    next page of the feed.  So the cursor is sc-fetch's own: a JSON
 *    object with the paging parameters of the next page ("q") and the
 *    queue of those edges still to read ("more": [[id, paging], ...]).
 *    Paging parameters come from paging.next without its access_token,
 *    which is never saved.
 *
 *  - Positions are creation times (epoch seconds); they repeat and come
 *    out of order (a new comment on an old post), so the poll does not
 *    stop at the saved one (DRV_NO_POS_STOP).  Instead the feed is asked
 *    for since=<the saved position> (it filters on updated_time, so a
 *    post with new comments comes back), and posts, comments and
 *    messages older than that (or than --since) are left out; recent ids
 *    drop those of the same second.  Conversations come most recently
 *    updated first: the first one not updated since ends the listing.
 *
 *  - The Page's own posts, comments and messages (from.id is the Page's
 *    id) are the brand's.  Facebook gives no handles: author is id and
 *    name.  A reply to a comment answers the brand when its parent's
 *    from.id (parent{id,from}) is the Page's; a comment on a post when
 *    the post is the Page's (fb_to_brand()).
 *
 *  - Throttling is no 429: it is an error body with code 4, 17, 32, 613
 *    or 80001-80099 (HTTP 400 or 403), and the usage headers tell when
 *    access comes back (estimated_time_to_regain_access, in minutes).  A
 *    2xx whose usage is at 100% with access not yet back waits too.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "http.h"
#include "post.h"
#include "sc.h"
#include "sctime.h"

#define FB_NEST		"100"	/* comments or messages nested per item */
#define FB_COMMENT_FIELDS "id,message,created_time,from,parent{id,from}," \
	"like_count,comment_count,permalink_url"
#define FB_FEED_FIELDS	"id,message,created_time,updated_time,from," \
	"permalink_url,shares,reactions.summary(total_count).limit(0)," \
	"comments.filter(stream).order(reverse_chronological)" \
	".summary(true).limit(" FB_NEST "){" FB_COMMENT_FIELDS "}"
#define FB_MESSAGE_FIELDS "id,message,created_time,from,to"
#define FB_CONV_FIELDS	"id,updated_time,link,messages.limit(" FB_NEST \
	"){" FB_MESSAGE_FIELDS "}"
#define FB_WWW		"https://www.facebook.com"
#define FB_REGAIN_SOON	1	/* s: a throttle that says access is back */

enum {
	OPT_PAGE = OPT_DRIVER_BASE,
	OPT_COMMENTS,
	OPT_MESSAGES
};

static const struct option fb_longopts[] = {
	{ "page",	required_argument,	NULL, OPT_PAGE },
	{ "comments",	no_argument,		NULL, OPT_COMMENTS },
	{ "messages",	no_argument,		NULL, OPT_MESSAGES },
	{ NULL, 0, NULL, 0 }
};

/* What a page of the Graph API holds. */
enum { FB_FEED, FB_COMMENTS, FB_CONVS, FB_MESSAGES };

struct fb {
	const char	*page;		/* --page PAGE_ID */
	int		 comments;	/* --comments */
	int		 messages;	/* --messages */
	/* The request at hand, for parse(). */
	int		 kind;
	json_t		*cur;		/* its cursor, parsed, or NULL */
	int64_t		 cut;		/* nothing older: --since, position */
	json_t		*seen;		/* ids of the run -> from_brand */
};

static struct fb fb_opts;

static int
fb_option(struct net *n, int ch, const char *arg)
{
	(void)n;
	switch (ch) {
	case OPT_PAGE:
		fb_opts.page = arg;
		return 0;
	case OPT_COMMENTS:
		fb_opts.comments = 1;
		return 0;
	case OPT_MESSAGES:
		fb_opts.messages = 1;
		return 0;
	}
	return -1;
}

static void
fb_setup(struct net *n)
{
	struct fb *fb = &fb_opts;
	const char *p;

	if (fb->page == NULL)
		net_usage_error("facebook: --page is needed");
	if (fb->comments == fb->messages)
		net_usage_error("facebook: give one of --comments or "
		    "--messages");
	for (p = fb->page; *p >= '0' && *p <= '9'; p++)
		continue;
	if (*p != '\0' || p == fb->page || p - fb->page > 20)
		die(SC_EXIT_FATAL, "--page: expected a numeric Page id: "
		    "\"%s\"", fb->page);
	net_key(n, "%s %s", fb->page, fb->messages ? "messages" :
	    "comments");
	fb->kind = fb->messages ? FB_CONVS : FB_FEED;
	n->priv = fb;
}

static void
fb_cleanup(struct net *n)
{
	struct fb *fb = n->priv;

	if (fb != NULL) {
		json_decref(fb->cur);
		json_decref(fb->seen);
		fb->cur = fb->seen = NULL;
	}
}

/* Paging parameters, as they come in paging.next (already encoded). */
static int
fb_query_ok(const char *q)
{
	for (; *q != '\0'; q++)
		if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || strchr("%_.~=&+-", *q) != NULL))
			return 0;
	return 1;
}

static void
fb_add_query(struct net_req *rq, const char *q)
{
	if (q == NULL || *q == '\0')
		return;
	buf_addc(&rq->url, strchr(buf_str(&rq->url), '?') ? '&' : '?');
	buf_adds(&rq->url, q);
}

/* Does the query q set parameter name? */
static int
fb_query_has(const char *q, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	for (p = q; p != NULL && *p != '\0'; p = strchr(p, '&')) {
		if (*p == '&')
			p++;
		if (strncmp(p, name, len) == 0 && p[len] == '=')
			return 1;
	}
	return 0;
}

static void
fb_request(struct net *n, const char *pos, const char *cursor,
    struct net_req *rq)
{
	struct fb *fb = n->priv;
	const json_t *more;
	const char *q = NULL, *obj;
	char tb[32];
	int64_t p;

	fb->cut = n->since;
	if (pos != NULL && (p = (int64_t)strtoll(pos, NULL, 10)) > fb->cut)
		fb->cut = p;
	json_decref(fb->cur);
	fb->cur = NULL;
	if (cursor != NULL && ((fb->cur = json_loads(cursor, 0, NULL)) ==
	    NULL || !json_is_object(fb->cur)))
		die(SC_EXIT_FATAL, "facebook: the cursor in the state is not "
		    "one sc-fetch saves: %.60s", cursor);
	more = json_array_get(json_object_get(fb->cur, "more"), 0);
	if (more != NULL) {
		obj = json_string_value(json_array_get(more, 0));
		q = json_string_value(json_array_get(more, 1));
		if (obj == NULL || !fb_query_ok(obj))
			die(SC_EXIT_FATAL, "facebook: a bad cursor in the "
			    "state: %.60s", cursor);
		fb->kind = fb->messages ? FB_MESSAGES : FB_COMMENTS;
		net_req_url(rq, n, "/%s/%s", obj, fb->messages ? "messages" :
		    "comments");
		net_req_param(rq, "fields", fb->messages ? FB_MESSAGE_FIELDS :
		    FB_COMMENT_FIELDS);
		if (!fb->messages) {
			net_req_param(rq, "filter", "stream");
			net_req_param(rq, "order", "reverse_chronological");
		}
		net_req_param(rq, "limit", "100");
	} else {
		q = json_string_value(json_object_get(fb->cur, "q"));
		fb->kind = fb->messages ? FB_CONVS : FB_FEED;
		net_req_url(rq, n, "/%s/%s", fb->page, fb->messages ?
		    "conversations" : "feed");
		if (fb->messages) {
			net_req_param(rq, "platform", "messenger");
			net_req_param(rq, "fields", FB_CONV_FIELDS);
			net_req_param(rq, "limit", "25");
		} else {
			net_req_param(rq, "fields", FB_FEED_FIELDS);
			net_req_param(rq, "limit", "100");
			if (fb->cut != NET_NOTIME &&
			    !fb_query_has(q, "since")) {
				snprintf(tb, sizeof(tb), "%lld",
				    (long long)fb->cut);
				net_req_param(rq, "since", tb);
			}
			if (n->until != NET_NOTIME &&
			    !fb_query_has(q, "until")) {
				snprintf(tb, sizeof(tb), "%lld",
				    (long long)n->until);
				net_req_param(rq, "until", tb);
			}
		}
	}
	if (q != NULL && !fb_query_ok(q))
		die(SC_EXIT_FATAL, "facebook: a bad cursor in the state: %.60s",
		    cursor);
	fb_add_query(rq, q);
	net_req_param(rq, "access_token", n->cred[0]);
}

/*
 * The paging parameters of an edge's next page (from paging.next, its
 * access_token left out), or NULL at the end.  The caller frees.
 */
static char *
fb_next(const json_t *edge)
{
	static const char *const keep[] = {
		"after", "until", "since", "__paging_token", NULL
	};
	const json_t *paging;
	const char *next, *p, *end, *after;
	struct buf b = BUF_INIT;
	size_t i, len;

	paging = json_object_get(edge, "paging");
	if ((next = net_str(paging, "next")) == NULL || *next == '\0')
		return NULL;
	if ((p = strchr(next, '?')) != NULL) {
		for (p++; *p != '\0' && *p != '#'; p = *end == '&' ? end + 1 :
		    end) {
			end = p + strcspn(p, "&#");
			for (i = 0; keep[i] != NULL; i++) {
				len = strlen(keep[i]);
				if (strncmp(p, keep[i], len) == 0 &&
				    p[len] == '=') {
					if (b.len > 0)
						buf_addc(&b, '&');
					buf_add(&b, p, (size_t)(end - p));
				}
			}
		}
	}
	after = net_str(json_object_get(paging, "cursors"), "after");
	if (b.len == 0 && after != NULL && *after != '\0') {
		buf_adds(&b, "after=");
		http_urlencode(&b, after);
	}
	if (b.len == 0 || !fb_query_ok(b.s)) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* Epoch seconds of a Graph time ("2014-08-20T11:02:50+0000"), or -1. */
static int64_t
fb_time(const json_t *item, const char *key)
{
	const char *s = net_str(item, key);
	int64_t t;

	return s != NULL && time_parse(s, &t) == 0 ? t : -1;
}

static void
count(json_t *m, const char *key, const json_t *v)
{
	if (json_is_integer(v) && json_integer_value(v) >= 0)
		json_object_set(m, key, (json_t *)v);
}

/*
 * A post, comment or message as an import-shaped post; NULL with why.
 * conv: the post or conversation it belongs to (NULL: a post);
 * page: the Page's id (NULL if unknown).
 */
static json_t *
fb_item(const json_t *it, int kind, const char *conv, const char *page,
    const char **why)
{
	const json_t *from, *v;
	const char *id, *fid, *parent, *link;
	json_t *p, *a, *m;

	if (!json_is_object(it)) {
		*why = "expected an object";
		return NULL;
	}
	if ((id = net_str(it, "id")) == NULL || *id == '\0') {
		*why = "an item without an \"id\"";
		return NULL;
	}
	p = json_object();
	json_object_set_new(p, "id", json_string(id));
	if ((v = json_object_get(it, "created_time")) != NULL)
		json_object_set(p, "created_at", (json_t *)v);
	/* A photo post may have no message. */
	v = json_object_get(it, "message");
	json_object_set_new(p, "text", json_is_string(v) ? json_incref(
	    (json_t *)v) : json_string(""));
	from = json_object_get(it, "from");
	if (json_is_object(from)) {
		a = json_object();
		if ((fid = net_str(from, "id")) != NULL)
			json_object_set_new(a, "id", json_string(fid));
		if (net_str(from, "name") != NULL)
			json_object_set(a, "name", json_object_get(from,
			    "name"));
		json_object_set_new(p, "author", a);
		if (fid != NULL && page != NULL && strcmp(fid, page) == 0)
			json_object_set_new(p, "from_brand", json_true());
	}
	parent = json_path_str(it, "parent.id");
	json_object_set_new(p, "conversation_id", json_string(conv != NULL ?
	    conv : id));
	json_object_set_new(p, "in_reply_to", kind == FB_COMMENTS ?
	    json_string(parent != NULL ? parent : conv) : json_null());
	/*
	 * A reply to a comment: the parent's author, when Facebook shows
	 * it, says whether the brand is answered; a hidden one says nothing.
	 */
	if (kind == FB_COMMENTS && parent != NULL && page != NULL &&
	    (fid = json_path_str(it, "parent.from.id")) != NULL)
		json_object_set_new(p, "in_reply_to_brand", json_boolean(
		    strcmp(fid, page) == 0));
	json_object_set_new(p, "channel", json_string(kind == FB_MESSAGES ?
	    "private" : "public"));
	json_object_set_new(p, "lang", json_null());
	if ((link = net_str(it, "permalink_url")) != NULL)
		json_object_set_new(p, "url", json_string(link));
	if (kind == FB_MESSAGES)
		return p;
	m = json_object();
	if (kind == FB_FEED) {
		count(m, "likes", json_path(it,
		    "reactions.summary.total_count"));
		count(m, "reposts", json_path(it, "shares.count"));
		count(m, "replies", json_path(it,
		    "comments.summary.total_count"));
	} else {
		count(m, "likes", json_object_get(it, "like_count"));
		count(m, "replies", json_object_get(it, "comment_count"));
	}
	if (json_object_size(m) > 0)
		json_object_set_new(p, "metrics", m);
	else
		json_decref(m);
	return p;
}

/* Add the item to the page unless older than cut. */
static void
fb_add(struct net_page *pg, const json_t *it, int kind, const char *conv,
    const char *page, int64_t cut)
{
	const char *why = "not a post";
	char pos[32];
	json_t *post;
	int64_t t;

	t = fb_time(it, "created_time");
	if (cut != NET_NOTIME && t >= 0 && t < cut)
		return;
	if ((post = fb_item(it, kind, conv, page, &why)) == NULL) {
		net_page_reject(pg, it, "%s", why);
		return;
	}
	if (t >= 0)
		snprintf(pos, sizeof(pos), "%lld", (long long)t);
	net_page_add(pg, post, t >= 0 ? pos : NULL, it);
}

/*
 * The items of an edge (a page's data, a post's comments, a
 * conversation's messages), each added; returns 1 if the edge may go on
 * past cut, i.e. its last item is not older (newest-first edges).
 */
static int
fb_edge(struct net_page *pg, const json_t *list, int kind, const char *conv,
    const char *page, int64_t cut)
{
	const json_t *it;
	size_t i;
	int64_t t = -1;

	json_array_foreach(list, i, it) {
		fb_add(pg, it, kind, conv, page, cut);
		t = fb_time(it, "created_time");
	}
	return cut == NET_NOTIME || t < 0 || t >= cut;
}

/* Queue the rest of an item's nested edge, if there is more to read. */
static void
fb_queue(json_t *queue, const char *id, const json_t *edge)
{
	char *q;

	if ((q = fb_next(edge)) != NULL) {
		json_array_append_new(queue, json_pack("[ss]", id, q));
		free(q);
	}
}

/* What a replayed page (no request to tell) holds. */
static int
fb_guess(const json_t *data)
{
	const json_t *it = json_array_get(data, 0);
	const char *id = net_str(it, "id");

	if (json_object_get(it, "messages") != NULL ||
	    json_object_get(it, "participants") != NULL ||
	    (id != NULL && strncmp(id, "t_", 2) == 0))
		return FB_CONVS;
	if (id != NULL && strncmp(id, "m_", 2) == 0)
		return FB_MESSAGES;
	/* A comment has counts of its own and none of a post's edges. */
	if (json_object_get(it, "comments") == NULL &&
	    json_object_get(it, "reactions") == NULL &&
	    json_object_get(it, "shares") == NULL &&
	    (json_object_get(it, "like_count") != NULL ||
	    json_object_get(it, "comment_count") != NULL ||
	    json_object_get(it, "parent") != NULL))
		return FB_COMMENTS;
	return FB_FEED;
}

/*
 * The post a replayed comments page belongs to: the object of its
 * paging.next URL (".../OBJECT/comments?..."), else what the first
 * comment's permalink names (".../PAGE/posts/POST?comment_id=..."), else
 * the post part of the comment's id ("POST_COMMENT").  0, or -1.
 */
static int
fb_replay_conv(const json_t *page, const json_t *data, char *out,
    size_t len)
{
	const char *u, *e, *b, *p;
	const json_t *it = json_array_get(data, 0);

	u = json_path_str(page, "paging.next");
	if (u != NULL && (e = strstr(u, "/comments")) != NULL) {
		for (b = e; b > u && b[-1] != '/'; b--)
			continue;
		if (e > b && (size_t)(e - b) < len) {
			snprintf(out, len, "%.*s", (int)(e - b), b);
			return 0;
		}
	}
	u = net_str(it, "permalink_url");
	if (u != NULL && (p = strstr(u, "/posts/")) != NULL) {
		for (b = p; b > u && b[-1] != '/'; b--)
			continue;
		e = p + 7 + strcspn(p + 7, "?/#");
		if (p > b && e > p + 7 && (size_t)(e - b) < len) {
			snprintf(out, len, "%.*s_%.*s", (int)(p - b), b,
			    (int)(e - p - 7), p + 7);
			return 0;
		}
	}
	u = net_str(it, "id");
	if (u != NULL && (p = strchr(u, '_')) != NULL && p > u &&
	    (size_t)(p - u) < len) {
		snprintf(out, len, "%.*s", (int)(p - u), u);
		return 0;
	}
	return -1;
}

/*
 * A comment on a post answers the brand when the post is the Page's own,
 * known from the same page or from the posts of the run so far (seen:
 * id -> from_brand; a post comes before its comments, and later comments
 * on pages of their own).  A reply to a comment was settled by fb_item()
 * from its parent's author: no comment is among the posts in seen.
 */
static void
fb_to_brand(struct net_page *pg, json_t *seen)
{
	const char *to, *id;
	json_t *mine;
	size_t i;

	mine = seen != NULL ? json_incref(seen) : json_object();
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].post != NULL && (id = net_str(
		    pg->items[i].post, "id")) != NULL &&
		    json_is_null(json_object_get(pg->items[i].post,
		    "in_reply_to")))
			json_object_set_new(mine, id, json_boolean(json_is_true(
			    json_object_get(pg->items[i].post,
			    "from_brand"))));
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].post != NULL && (to = net_str(
		    pg->items[i].post, "in_reply_to")) != NULL &&
		    json_object_get(mine, to) != NULL)
			json_object_set(pg->items[i].post, "in_reply_to_brand",
			    json_object_get(mine, to));
	json_decref(mine);
}

static int
fb_parse(struct net *n, const json_t *page, const struct http_resp *resp,
    struct net_page *pg, char *err, size_t errlen)
{
	struct fb *fb = n != NULL ? n->priv : NULL;
	const json_t *data, *it, *edge, *more;
	const char *id, *pid, *conv = NULL;
	char *q = NULL, *us, pagebuf[32], convbuf[128];
	json_t *queue, *next;
	int64_t cut, t;
	size_t i;
	int kind, go_on;

	(void)resp;
	if (!json_is_object(page) || !json_is_array(data =
	    json_object_get(page, "data"))) {
		snprintf(err, errlen, "expected {\"data\": [...]}, got %s",
		    json_is_object(page) ? "no \"data\" array" :
		    json_kind_a(page));
		return -1;
	}
	kind = fb != NULL ? fb->kind : fb_guess(data);
	cut = fb != NULL ? fb->cut : NET_NOTIME;
	pid = fb != NULL ? fb->page : NULL;
	more = fb != NULL ? json_object_get(fb->cur, "more") : NULL;
	if (kind == FB_COMMENTS || kind == FB_MESSAGES)
		conv = json_string_value(json_array_get(json_array_get(more,
		    0), 0));
	if (fb == NULL && kind == FB_COMMENTS && fb_replay_conv(page, data,
	    convbuf, sizeof(convbuf)) == 0) {
		conv = convbuf;
		/* "PAGE_POST": the Page, for the brand's own comments */
		if ((us = strchr(conv, '_')) != NULL &&
		    (size_t)(us - conv) < sizeof(pagebuf)) {
			memcpy(pagebuf, conv, (size_t)(us - conv));
			pagebuf[us - conv] = '\0';
			pid = pagebuf;
		}
	}
	queue = json_array();
	go_on = 1;
	switch (kind) {
	case FB_FEED:
		json_array_foreach(data, i, it) {
			id = net_str(it, "id");
			/* A replayed feed: the Page is in the posts' ids. */
			if (fb == NULL && id != NULL && (us = strchr(id, '_'))
			    != NULL && (size_t)(us - id) < sizeof(pagebuf)) {
				memcpy(pagebuf, id, (size_t)(us - id));
				pagebuf[us - id] = '\0';
				pid = pagebuf;
			}
			fb_add(pg, it, FB_FEED, NULL, pid, cut);
			if (id == NULL)
				continue;
			edge = json_object_get(it, "comments");
			if (fb_edge(pg, json_object_get(edge, "data"),
			    FB_COMMENTS, id, pid, cut))
				fb_queue(queue, id, edge);
		}
		q = fb_next(page);
		break;
	case FB_CONVS:
		json_array_foreach(data, i, it) {
			t = fb_time(it, "updated_time");
			if (cut != NET_NOTIME && t >= 0 && t < cut) {
				go_on = 0;	/* the rest is older still */
				break;
			}
			if ((id = net_str(it, "id")) == NULL) {
				net_page_reject(pg, it, "a conversation "
				    "without an \"id\"");
				continue;
			}
			edge = json_object_get(it, "messages");
			if (fb_edge(pg, json_object_get(edge, "data"),
			    FB_MESSAGES, id, pid, cut))
				fb_queue(queue, id, edge);
		}
		if (go_on)
			q = fb_next(page);
		break;
	default:
		if (fb_edge(pg, data, kind, conv, pid, cut) && conv != NULL)
			fb_queue(queue, conv, page);
		break;
	}
	if (fb != NULL && fb->seen == NULL)
		fb->seen = json_object();
	fb_to_brand(pg, fb != NULL ? fb->seen : NULL);
	if (fb == NULL) {
		json_decref(queue);
		free(q);
		return 0;
	}
	/* The next cursor: the queue first, then the next page. */
	next = json_object();
	if (kind == FB_FEED || kind == FB_CONVS) {
		json_object_set_new(next, "q", q != NULL ? json_string(q) :
		    json_null());
	} else {
		json_object_set(next, "q", json_object_get(fb->cur, "q"));
		json_array_extend(queue, (json_t *)more);
		json_array_remove(queue, json_array_size(queue) -
		    json_array_size(more));
	}
	json_object_set_new(next, "more", queue);
	if (json_is_string(json_object_get(next, "q")) ||
	    json_array_size(queue) > 0) {
		us = json_dumps(next, JSON_COMPACT);
		net_page_next(pg, us);
		free(us);
	}
	json_decref(next);
	free(q);
	return 0;
}

/* Codes of a throttled call (error-handling guide; 800xx: BUC). */
static int
fb_throttled(const struct http_resp *resp)
{
	json_t *j;
	json_int_t code;

	if ((j = json_loadb(buf_str(&resp->body), resp->body.len, 0, NULL))
	    == NULL)
		return 0;
	code = json_integer_value(json_path(j, "error.code"));
	json_decref(j);
	return code == 4 || code == 17 || code == 32 || code == 613 ||
	    (code >= 80001 && code <= 80099);
}

/* One usage object: at 100% anywhere?  The longest regain time? */
static void
fb_usage_obj(const json_t *o, int *full, long *regain)
{
	static const char *const pct[] = {
		"call_count", "total_time", "total_cputime", NULL
	};
	const json_t *v;
	size_t i;

	for (i = 0; pct[i] != NULL; i++)
		if (json_integer_value(json_object_get(o, pct[i])) >= 100)
			*full = 1;
	v = json_object_get(o, "estimated_time_to_regain_access");
	if (json_is_integer(v) && json_integer_value(v) > *regain)
		*regain = (long)json_integer_value(v);
}

/*
 * The usage headers: *full when a budget is spent, *regain the minutes
 * until access is back (-1: no header says).
 */
static void
fb_usage(const struct http_resp *resp, int *full, long *regain)
{
	static const char *const hdrs[] = {
		"X-App-Usage", "X-Page-Usage", "X-Business-Use-Case-Usage",
		NULL
	};
	const char *h, *key;
	json_t *j, *v, *o;
	size_t i, k;

	*full = 0;
	*regain = -1;
	for (i = 0; hdrs[i] != NULL; i++) {
		if ((h = http_header(resp, hdrs[i])) == NULL ||
		    (j = json_loads(h, 0, NULL)) == NULL)
			continue;
		if (i < 2)
			fb_usage_obj(j, full, regain);
		else
			json_object_foreach(j, key, v)
				json_array_foreach(v, k, o)
					fb_usage_obj(o, full, regain);
		json_decref(j);
	}
}

static long
fb_ratelimit(struct net *n, const struct http_resp *resp)
{
	long regain;
	int full;

	(void)n;
	fb_usage(resp, &full, &regain);
	if (resp->status >= 200 && resp->status < 300)
		return full && regain > 0 ? regain * 60 : -1;
	if (resp->status < 400 || !fb_throttled(resp))
		return -1;
	if (regain > 0)
		return regain * 60;
	return regain == 0 ? FB_REGAIN_SOON : NET_RATE_DEFAULT;
}

/*
 * A comment on the object answered: POST /{id}/comments, a form with
 * message and access_token (in the body, not the URL).  A comment on a
 * comment is Facebook's reply in its thread.  Messenger messages are
 * answered through the Send API, which this driver does not speak.
 */
static int
fb_reply(struct net *n, const json_t *post, const char *text,
    const char *idem, struct net_req *rq, char *err, size_t errlen)
{
	const char *id, *ch;

	(void)idem;
	ch = net_str(post, "channel");
	if (ch != NULL && strcmp(ch, "private") == 0) {
		snprintf(err, errlen, "a Messenger message: only comments can "
		    "be answered");
		return -1;
	}
	if ((id = net_native_id(n->drv, net_str(post, "id"))) == NULL ||
	    strspn(id, "0123456789_") != strlen(id)) {
		snprintf(err, errlen, "no post or comment id to comment on");
		return -1;
	}
	net_req_url(rq, n, "/%s/comments", id);
	net_req_header(rq, "Content-Type: application/x-www-form-urlencoded");
	rq->method = "POST";
	buf_reset(&rq->body);
	buf_adds(&rq->body, "message=");
	http_urlencode(&rq->body, text);
	buf_adds(&rq->body, "&access_token=");
	http_urlencode(&rq->body, n->cred[0]);
	rq->has_body = 1;
	return 0;
}

static int
fb_replied(struct net *n, const json_t *body, char *id, size_t idlen,
    char *err, size_t errlen)
{
	return net_sent_id(n->drv, net_str(body, "id"), "id", id, idlen, err,
	    errlen);
}

const struct driver drv_facebook = {
	.name = "facebook",
	.summary = "posts from a Facebook Page: comments or Messenger",
	.synopsis = "--page page_id (--comments | --messages)",
	.options_help =
	"      --page PAGE_ID  the Page (its numeric id)\n"
	"      --comments      the posts of its feed and their comments\n"
	"      --messages      its Messenger conversations\n",
	.longopts = fb_longopts,
	.api_base = "https://graph.facebook.com/v21.0",
	.creds = { { "token", "SC_FACEBOOK_TOKEN", 0 }, { NULL, NULL, 0 } },
	.flags = DRV_NO_POS_STOP,
	.option = fb_option,
	.setup = fb_setup,
	.reply = fb_reply,
	.replied = fb_replied,
	.request = fb_request,
	.parse = fb_parse,
	.ratelimit = fb_ratelimit,
	.cleanup = fb_cleanup,
};
