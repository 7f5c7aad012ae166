/*
 * reddit.c - the Reddit driver: the newest submissions matching a search,
 * all of Reddit or one subreddit's, or the comments that mention the
 * token's account (its inbox, /message/mentions) (PLATFORMS.md section 4).
 *
 * Choices made here:
 *
 *  - Ids are fullnames ("t3_1cqz8ab"), what replies (POST /api/comment)
 *    and threads (link_id, parent_id) name.  A submission is its own
 *    conversation; a comment's is its submission's.
 *
 *  - There is no since_id: search is asked for sort=new and the poll
 *    stops at the saved position, the newest base-36 id seen (ids grow
 *    with time, and unlike created_utc they never tie).
 *
 *  - raw_json=1 is always asked for.  A page that comes escaped anyway
 *    (a proxy that drops the parameter, a page saved without it) is
 *    recognized by its *_html fields, which are then escaped HTML, and
 *    its text is unescaped.
 *
 *  - A submission's text is its title, then its selftext, or for a link
 *    post the link; a comment's is its body.  Markdown stays as written,
 *    but for its character references (&nbsp; &amp; &#39;...) outside
 *    code spans, decoded as a reader sees them.
 *
 *  - Whose post a comment answers: its parent_id names the parent, not
 *    its author.  A parent on the same page gives its author; the others
 *    are asked of /api/info, up to 100 fullnames a request, so one
 *    request per page of comments (none for search, whose submissions
 *    answer nothing, nor when no brand account is known).  The author's
 *    handle goes to normalize() as in_reply_to_author, compared with the
 *    brand's accounts; a parent not found or deleted says nothing.
 *    --mentions reads the token's own inbox: with no brand account
 *    given, the token's account (/api/v1/me) is the brand's.
 *
 *  - Rate limits: a 429, or a 2xx whose X-Ratelimit-Remaining (a float)
 *    is below 1, waits for X-Ratelimit-Reset, which counts seconds from
 *    now.  Reddit throttles generic User-Agents: one naming the program
 *    is sent, or SC_REDDIT_USER_AGENT ("<platform>:<app id>:<version>
 *    (by /u/<user>)") when set.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "html.h"
#include "http.h"
#include "post.h"
#include "sc.h"
#include "xmem.h"

#define REDDIT_PAGE	"100"
#define REDDIT_INFO	100	/* fullnames per /api/info request */
#define REDDIT_WWW	"https://www.reddit.com"
#define REDDIT_UA	"unix:sc-fetch:" SC_VERSION " (sc social care toolkit)"

enum {
	OPT_SEARCH = OPT_DRIVER_BASE,
	OPT_SUBREDDIT,
	OPT_MENTIONS
};

static const struct option reddit_longopts[] = {
	{ "search",	required_argument,	NULL, OPT_SEARCH },
	{ "subreddit",	required_argument,	NULL, OPT_SUBREDDIT },
	{ "mentions",	no_argument,		NULL, OPT_MENTIONS },
	{ NULL, 0, NULL, 0 }
};

struct reddit {
	const char	*search;	/* --search QUERY */
	const char	*sub;		/* --subreddit NAME, without "r/" */
	int		 mentions;	/* --mentions */
	const char	*agent;		/* the User-Agent */
	char		*saved;		/* the request's saved position */
};

static struct reddit reddit_opts;

static int	reddit_pos_cmp(const char *, const char *);

static int
reddit_option(struct net *n, int ch, const char *arg)
{
	(void)n;
	switch (ch) {
	case OPT_SEARCH:
		reddit_opts.search = arg;
		return 0;
	case OPT_SUBREDDIT:
		reddit_opts.sub = arg;
		return 0;
	case OPT_MENTIONS:
		reddit_opts.mentions = 1;
		return 0;
	}
	return -1;
}

/* A subreddit name, or several joined with '+': 0, or -1 if not. */
static int
reddit_subname(const char *s)
{
	size_t len = 0;

	for (;; s++) {
		if (*s == '\0' || *s == '+') {
			if (len < 2 || len > 21)
				return -1;
			if (*s == '\0')
				return 0;
			len = 0;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' &&
		    *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_')
			len++;
		else
			return -1;
	}
}

/*
 * --mentions with no brand account known: the token's own account
 * (/api/v1/me, its "name") is the brand's, so comments answering it get
 * in_reply_to_brand.  A refusal of this request alone (a 403 for a
 * token without the identity scope, a 404 from a proxy that passes only
 * the listings) or an answer without a name (an app-only token) leaves
 * it unknown.
 */
static void
reddit_self(struct net *n, const char *agent)
{
	struct net_req rq;
	const char *name = NULL;
	json_t *j;
	char why[64];

	net_req_init(&rq);
	rq.soft_status = NET_SOFT_4XX;
	net_req_url(&rq, n, "/api/v1/me");
	net_req_param(&rq, "raw_json", "1");
	net_req_header(&rq, "Authorization: bearer %s", n->cred[0]);
	net_req_header(&rq, "User-Agent: %s", agent);
	j = net_call_json(n, &rq, "api/v1/me");
	if (rq.status >= 200 && rq.status < 300) {
		name = net_str(j, "name");
		snprintf(why, sizeof(why), "api/v1/me: no \"name\" in the "
		    "answer");
	} else
		snprintf(why, sizeof(why), "api/v1/me: HTTP %ld", rq.status);
	net_brand(n, name, why);
	json_decref(j);
	net_req_free(&rq);
}

static void
reddit_setup(struct net *n)
{
	struct reddit *r = &reddit_opts;

	if ((r->search == NULL) == !r->mentions)
		net_usage_error("reddit: give one of --search or --mentions");
	if (r->mentions) {
		if (r->sub != NULL)
			net_usage_error("reddit: --subreddit goes with "
			    "--search");
		net_key(n, "mentions");
	} else if (*r->search == '\0')
		die(SC_EXIT_FATAL, "--search: empty query");
	else if (r->sub != NULL) {
		if (strncmp(r->sub, "/r/", 3) == 0)
			r->sub += 3;
		else if (strncmp(r->sub, "r/", 2) == 0)
			r->sub += 2;
		if (reddit_subname(r->sub) == -1)
			die(SC_EXIT_FATAL, "--subreddit: not a subreddit name: "
			    "\"%s\"", r->sub);
		net_key(n, "search %s in r/%s", r->search, r->sub);
	} else
		net_key(n, "search %s", r->search);
	r->agent = getenv("SC_REDDIT_USER_AGENT");
	if (r->agent == NULL || *r->agent == '\0')
		r->agent = REDDIT_UA;
	n->priv = r;
	if (r->mentions && !n->brands)
		reddit_self(n, r->agent);
}

static void
reddit_request(struct net *n, const char *pos, const char *cursor,
    struct net_req *rq)
{
	struct reddit *r = n->priv;

	/* parse() asks for no parent of a comment the poll will drop */
	free(r->saved);
	r->saved = pos != NULL ? xstrdup(pos) : NULL;
	if (r->mentions) {
		net_req_url(rq, n, "/message/mentions");
		net_req_param(rq, "limit", REDDIT_PAGE);
		net_req_param(rq, "raw_json", "1");
		net_req_param(rq, "after", cursor);
		net_req_header(rq, "Authorization: bearer %s", n->cred[0]);
		net_req_header(rq, "User-Agent: %s", r->agent);
		return;
	}
	if (r->sub != NULL) {
		net_req_url(rq, n, "/r/%s/search", r->sub);
		net_req_param(rq, "q", r->search);
		net_req_param(rq, "restrict_sr", "1");
	} else {
		net_req_url(rq, n, "/search");
		net_req_param(rq, "q", r->search);
	}
	net_req_param(rq, "sort", "new");
	net_req_param(rq, "t", "all");
	net_req_param(rq, "limit", REDDIT_PAGE);
	net_req_param(rq, "raw_json", "1");
	net_req_param(rq, "after", cursor);
	net_req_header(rq, "Authorization: bearer %s", n->cred[0]);
	net_req_header(rq, "User-Agent: %s", r->agent);
}

/*
 * Does the page come HTML-escaped (no raw_json=1)?  Its *_html fields
 * tell: escaped HTML starts "&lt;", raw HTML "<".  Without any, the
 * parameter is taken to have worked.
 */
static int
reddit_escaped(const json_t *children)
{
	static const char *const keys[] = { "selftext_html", "body_html",
	    NULL };
	const json_t *c;
	const char *h;
	size_t i, k;

	json_array_foreach(children, i, c)
		for (k = 0; keys[k] != NULL; k++)
			if ((h = net_str(json_object_get(c, "data"), keys[k]))
			    != NULL && *h != '\0')
				return strncmp(h, "&lt;", 4) == 0;
	return 0;
}

/*
 * s[0..len) into b with its character references decoded, as Reddit's
 * markdown shows them ("&nbsp;", "&amp;"), except inside code spans
 * (`...`, ``...``), where markdown keeps them as written.
 */
static void
reddit_decode(const char *s, size_t len, struct buf *b)
{
	const char *p = s, *end = s + len, *q, *close;
	size_t n, m;

	while (p < end) {
		if ((q = memchr(p, '`', (size_t)(end - p))) == NULL)
			q = end;
		html_unescape(p, (size_t)(q - p), b);
		if (q == end)
			break;
		for (n = 0; q + n < end && q[n] == '`'; n++)
			continue;
		/* the closing run of the same length */
		for (close = q + n; close < end; close += m) {
			if (*close != '`') {
				m = 1;
				continue;
			}
			for (m = 0; close + m < end && close[m] == '`'; m++)
				continue;
			if (m == n)
				break;
		}
		if (close >= end) {	/* no code span: backticks as text */
			buf_add(b, q, n);
			p = q + n;
			continue;
		}
		buf_add(b, q, (size_t)(close + n - q));
		p = close + n;
	}
}

/*
 * Append s to b as a reader sees it (reddit_decode()); a page that came
 * escaped is unescaped first.
 */
static void
reddit_add(struct buf *b, const char *s, int escaped)
{
	struct buf t = BUF_INIT;

	if (escaped) {
		html_unescape(s, strlen(s), &t);
		reddit_decode(buf_str(&t), t.len, b);
		buf_free(&t);
	} else
		reddit_decode(s, strlen(s), b);
}

/* The text of a submission (t3), comment (t1) or message (t4). */
static json_t *
reddit_text(const char *kind, const json_t *d, int escaped)
{
	struct buf b = BUF_INIT;
	const char *title, *body, *link;
	json_t *out;

	if (strcmp(kind, "t3") == 0) {
		if ((title = net_str(d, "title")) == NULL)
			return NULL;
		reddit_add(&b, title, escaped);
		body = net_str(d, "selftext");
		link = net_str(d, "url");
		if (body != NULL && *body != '\0') {
			buf_adds(&b, "\n\n");
			reddit_add(&b, body, escaped);
		} else if (json_is_false(json_object_get(d, "is_self")) &&
		    link != NULL && *link != '\0') {
			buf_adds(&b, "\n\n");
			reddit_add(&b, link, escaped);
		}
	} else {
		if ((body = net_str(d, "body")) == NULL)
			return NULL;
		title = net_str(d, "subject");
		if (strcmp(kind, "t4") == 0 && title != NULL &&
		    *title != '\0') {
			reddit_add(&b, title, escaped);
			buf_adds(&b, "\n\n");
		}
		reddit_add(&b, body, escaped);
	}
	out = json_stringn(buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

static void
count(json_t *m, const char *key, const json_t *d, const char *from)
{
	json_t *v = json_object_get(d, from);

	if (json_is_integer(v))
		json_object_set_new(m, key, json_integer(json_integer_value(v)
		    < 0 ? 0 : json_integer_value(v)));
}

/*
 * An inbox comment has no permalink or link_id, but a context,
 * "/r/SUB/comments/LINK/SLUG/ID/?context=3": its permalink (the part
 * before '?') into perma and "t3_LINK" into link; 0, or -1 if it is not
 * one.
 */
static int
reddit_context(const char *ctx, char *perma, size_t plen, char *link,
    size_t llen)
{
	const char *c, *e;
	size_t len;

	if (ctx == NULL || *ctx != '/' || (c = strstr(ctx, "/comments/")) ==
	    NULL)
		return -1;
	c += 10;
	e = c + strcspn(c, "/?#");
	len = strcspn(ctx, "?#");
	if (e == c || len >= plen || (size_t)(e - c) + 4 > llen)
		return -1;
	snprintf(perma, plen, "%.*s", (int)len, ctx);
	snprintf(link, llen, "t3_%.*s", (int)(e - c), c);
	return 0;
}

/* One child of a listing as an import-shaped post, or NULL with why. */
static json_t *
reddit_post(const json_t *child, int escaped, const char **why)
{
	const json_t *d;
	const char *kind, *name, *author, *link, *parent, *perma;
	char cperma[512], clink[64];
	json_t *p, *text, *a, *m;

	kind = net_str(child, "kind");
	d = json_object_get(child, "data");
	if (kind == NULL || !json_is_object(d)) {
		*why = "expected {\"kind\", \"data\"}";
		return NULL;
	}
	if (strcmp(kind, "t3") != 0 && strcmp(kind, "t1") != 0 &&
	    strcmp(kind, "t4") != 0) {
		*why = "not a submission, comment or message";
		return NULL;
	}
	if ((name = net_str(d, "name")) == NULL || *name == '\0') {
		*why = "no \"name\" (fullname)";
		return NULL;
	}
	if ((text = reddit_text(kind, d, escaped)) == NULL) {
		*why = kind[1] == '3' ? "a submission without "
		    "a \"title\"" : "no \"body\"";
		return NULL;
	}
	p = json_object();
	json_object_set_new(p, "id", json_string(name));
	if (json_object_get(d, "created_utc") != NULL)
		json_object_set(p, "created_at", json_object_get(d,
		    "created_utc"));
	json_object_set_new(p, "text", text);
	a = json_object();
	if (net_str(d, "author_fullname") != NULL)
		json_object_set(a, "id", json_object_get(d,
		    "author_fullname"));
	if ((author = net_str(d, "author")) != NULL)
		json_object_set_new(a, "handle", json_string(author));
	json_object_set_new(p, "author", a);
	link = net_str(d, "link_id");
	parent = net_str(d, "parent_id");
	perma = net_str(d, "permalink");
	if (kind[1] == '1' && (link == NULL || perma == NULL) &&
	    reddit_context(net_str(d, "context"), cperma, sizeof(cperma),
	    clink, sizeof(clink)) == 0) {
		if (link == NULL)
			link = clink;
		if (perma == NULL)
			perma = cperma;
	}
	if (kind[1] == '4')
		link = net_str(d, "first_message_name");
	json_object_set_new(p, "conversation_id", json_string(kind[1] != '3' &&
	    link != NULL ? link : name));
	json_object_set_new(p, "in_reply_to", kind[1] != '3' && parent !=
	    NULL ? json_string(parent) : json_null());
	json_object_set_new(p, "channel", json_string(kind[1] == '4' ?
	    "private" : "public"));
	json_object_set_new(p, "lang", json_null());
	if (perma != NULL && *perma == '/')
		json_object_set_new(p, "url", json_sprintf("%s%s", REDDIT_WWW,
		    perma));
	else if (perma != NULL && *perma != '\0')
		json_object_set_new(p, "url", json_string(perma));
	m = json_object();
	count(m, "likes", d, json_is_integer(json_object_get(d, "ups")) ?
	    "ups" : "score");
	count(m, "reposts", d, "num_crossposts");
	count(m, "replies", d, "num_comments");
	json_object_set_new(p, "metrics", m);
	return p;
}

/* The authors of a listing's children: authors[fullname] = author. */
static void
reddit_authors(json_t *authors, const json_t *children)
{
	const json_t *c, *d;
	const char *name, *who;
	size_t i;

	json_array_foreach(children, i, c) {
		d = json_object_get(c, "data");
		if ((name = net_str(d, "name")) != NULL &&
		    (who = net_str(d, "author")) != NULL)
			json_object_set_new(authors, name, json_string(who));
	}
}

/*
 * Will the poll drop the item: at or before the saved position, or older
 * than --since?
 */
static int
reddit_old(const struct net *n, const struct net_item *it)
{
	const struct reddit *r = n->priv;
	const json_t *t = json_object_get(it->post, "created_at");

	if (r->saved != NULL && it->pos != NULL &&
	    reddit_pos_cmp(it->pos, r->saved) <= 0)
		return 1;
	return n->since != NET_NOTIME && json_is_number(t) &&
	    json_number_value(t) < (double)n->since;
}

/*
 * Whose post each comment of the page answers (see the top): the
 * parents' authors from the page itself, then from /api/info for a
 * comment or submission (t1_, t3_) not on it, unless the page is a
 * replay (n NULL).
 */
static void
reddit_to_brand(struct net *n, struct net_page *pg, const json_t *children)
{
	struct net_req rq;
	struct buf ids = BUF_INIT;
	const char *to, *who;
	json_t *authors, *ask, *j, *v;
	size_t i, k;

	authors = json_object();
	reddit_authors(authors, children);
	ask = json_array();
	/* with no brand account known, an author would tell nothing */
	for (i = 0; n != NULL && n->brands && i < pg->nitems; i++) {
		if (pg->items[i].post == NULL || (to = net_str(
		    pg->items[i].post, "in_reply_to")) == NULL ||
		    json_object_get(authors, to) != NULL || reddit_old(n,
		    &pg->items[i]))
			continue;
		if (to[0] == 't' && (to[1] == '1' || to[1] == '3') &&
		    to[2] == '_' && to[3] != '\0' && strchr(to, ',') == NULL) {
			json_object_set_new(authors, to, json_null());
			json_array_append_new(ask, json_string(to));
		}
	}
	for (k = 0; k < json_array_size(ask); k += REDDIT_INFO) {
		net_req_init(&rq);
		net_req_url(&rq, n, "/api/info");
		buf_reset(&ids);
		for (i = k; i < json_array_size(ask) && i < k + REDDIT_INFO;
		    i++) {
			if (ids.len > 0)
				buf_addc(&ids, ',');
			buf_adds(&ids, json_string_value(json_array_get(ask,
			    i)));
		}
		net_req_param(&rq, "id", buf_str(&ids));
		net_req_param(&rq, "raw_json", "1");
		net_req_header(&rq, "Authorization: bearer %s", n->cred[0]);
		net_req_header(&rq, "User-Agent: %s",
		    ((const struct reddit *)n->priv)->agent);
		j = net_call_json(n, &rq, "api/info");
		net_req_free(&rq);
		reddit_authors(authors, json_path(j, "data.children"));
		json_decref(j);
	}
	for (i = 0; i < pg->nitems; i++) {
		if (pg->items[i].post == NULL || (to = net_str(
		    pg->items[i].post, "in_reply_to")) == NULL ||
		    !json_is_string(v = json_object_get(authors, to)))
			continue;
		who = json_string_value(v);
		/* "[deleted]": the parent's author is gone, not known */
		if (*who != '\0' && strcmp(who, "[deleted]") != 0)
			json_object_set_new(pg->items[i].post,
			    "in_reply_to_author", json_pack("{ss}", "handle",
			    who));
	}
	buf_free(&ids);
	json_decref(ask);
	json_decref(authors);
}

static void
reddit_cleanup(struct net *n)
{
	struct reddit *r = n->priv;

	if (r != NULL) {
		free(r->saved);
		r->saved = NULL;
	}
}

static int
reddit_parse(struct net *n, const json_t *page, const struct http_resp *resp,
    struct net_page *pg, char *err, size_t errlen)
{
	const json_t *data, *children, *c;
	const char *why = "not a post", *after, *id;
	json_t *post;
	size_t i;
	int escaped;

	(void)resp;
	data = json_object_get(page, "data");
	if (!json_is_object(page) || !json_is_object(data) ||
	    (net_str(page, "kind") != NULL &&
	    strcmp(net_str(page, "kind"), "Listing") != 0)) {
		snprintf(err, errlen, "expected a Listing {\"kind\", "
		    "\"data\"}, got %s", json_kind_a(page));
		return -1;
	}
	if (!json_is_array(children = json_object_get(data, "children"))) {
		snprintf(err, errlen, "\"data.children\": expected an array, "
		    "got %s", json_kind_a(children));
		return -1;
	}
	escaped = reddit_escaped(children);
	json_array_foreach(children, i, c) {
		if ((post = reddit_post(c, escaped, &why)) == NULL) {
			net_page_reject(pg, c, "%s", why);
			continue;
		}
		id = net_str(json_object_get(c, "data"), "id");
		net_page_add(pg, post, id != NULL && *id != '\0' ? id : NULL,
		    c);
	}
	reddit_to_brand(n, pg, children);
	after = net_str(data, "after");
	if (after != NULL && *after != '\0' && json_array_size(children) > 0)
		net_page_next(pg, after);
	return 0;
}

/* Base-36 ids: the longer is the greater, then byte order. */
static int
reddit_pos_cmp(const char *a, const char *b)
{
	size_t la, lb;

	while (*a == '0' && a[1] != '\0')
		a++;
	while (*b == '0' && b[1] != '\0')
		b++;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static long
reddit_ratelimit(struct net *n, const struct http_resp *resp)
{
	const char *rem;
	char *end;
	double left;
	long w;

	(void)n;
	w = net_reset_header(resp, "X-Ratelimit-Reset", NET_RESET_DELTA);
	if (resp->status == 429) {
		if (w < 0)
			w = net_reset_header(resp, "Retry-After",
			    NET_RESET_DELTA);
		return w >= 0 ? w : NET_RATE_DEFAULT;
	}
	if (resp->status < 200 || resp->status >= 300 ||
	    (rem = http_header(resp, "X-Ratelimit-Remaining")) == NULL)
		return -1;
	left = strtod(rem, &end);
	if (end == rem || left >= 1)
		return -1;
	return w >= 0 ? w : NET_RATE_DEFAULT;
}

/* Reddit's User-Agent: SC_REDDIT_USER_AGENT, else the program's. */
static const char *
reddit_agent(void)
{
	const char *a = getenv("SC_REDDIT_USER_AGENT");

	return a != NULL && *a != '\0' ? a : REDDIT_UA;
}

/*
 * POST /api/comment, a form with thing_id (the fullname of the post,
 * comment or message answered), text and api_type=json.
 */
static int
reddit_reply(struct net *n, const json_t *post, const char *text,
    const char *idem, struct net_req *rq, char *err, size_t errlen)
{
	const char *id;

	(void)idem;
	if ((id = net_native_id(n->drv, net_str(post, "id"))) == NULL ||
	    id[0] != 't' || id[1] < '1' || id[1] > '6' || id[2] != '_') {
		snprintf(err, errlen, "no fullname (t1_, t3_, t4_...) to "
		    "reply to");
		return -1;
	}
	net_req_url(rq, n, "/api/comment");
	net_req_header(rq, "Authorization: bearer %s", n->cred[0]);
	net_req_header(rq, "User-Agent: %s", reddit_agent());
	net_req_header(rq, "Content-Type: application/x-www-form-urlencoded");
	rq->method = "POST";
	buf_reset(&rq->body);
	buf_adds(&rq->body, "api_type=json&thing_id=");
	http_urlencode(&rq->body, id);
	buf_adds(&rq->body, "&text=");
	http_urlencode(&rq->body, text);
	rq->has_body = 1;
	return 0;
}

/*
 * {"json": {"errors": [], "data": {"things": [{"data": {"name": ...}}]}}};
 * a 200 may carry errors instead (RATELIMIT, DELETED_COMMENT...).
 */
static int
reddit_replied(struct net *n, const json_t *body, char *id, size_t idlen,
    char *err, size_t errlen)
{
	const json_t *j, *errs, *e, *thing;
	const char *name, *code;

	j = json_object_get(body, "json");
	errs = json_object_get(j, "errors");
	if (json_array_size(errs) > 0) {
		e = json_array_get(errs, 0);
		code = json_string_value(json_array_get(e, 0));
		snprintf(err, errlen, "%s: %s", code != NULL ? code : "error",
		    json_string_value(json_array_get(e, 1)) != NULL ?
		    json_string_value(json_array_get(e, 1)) : "");
		return code != NULL && strcmp(code, "RATELIMIT") == 0 ? 1 : -1;
	}
	thing = json_array_get(json_object_get(json_object_get(j, "data"),
	    "things"), 0);
	name = net_str(json_object_get(thing, "data"), "name");
	return net_sent_id(n->drv, name, "json.data.things[0].data.name", id,
	    idlen, err, errlen);
}

const struct driver drv_reddit = {
	.name = "reddit",
	.summary = "posts from Reddit: a search's newest submissions, or "
	    "mentions",
	.synopsis = "(--search query [--subreddit name] | --mentions)",
	.options_help =
	"      --search QUERY  submissions matching QUERY (Reddit's search "
	"syntax)\n"
	"      --subreddit NAME\n"
	"                      only in r/NAME (several: NAME+NAME)\n"
	"      --mentions      comments mentioning the token's account\n",
	.longopts = reddit_longopts,
	.api_base = "https://oauth.reddit.com",
	.creds = { { "token", "SC_REDDIT_TOKEN", 0 }, { NULL, NULL, 0 } },
	.option = reddit_option,
	.setup = reddit_setup,
	.request = reddit_request,
	.parse = reddit_parse,
	.ratelimit = reddit_ratelimit,
	.reply = reddit_reply,
	.replied = reddit_replied,
	.pos_cmp = reddit_pos_cmp,
	.cleanup = reddit_cleanup,
};
