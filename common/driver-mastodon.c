/*
 * mastodon.c - the Mastodon driver: mentions (notifications), a hashtag's
 * timeline, or status search on one instance (PLATFORMS.md section 2).
 *
 * Notifications and tag timelines come newest first; a poll keeps
 * since_id and follows the Link header's rel="next" (its max_id is the
 * cursor).  Positions are the notifications' ids for mentions (they are
 * not the statuses' ids) and the statuses' ids otherwise.  Search has no
 * Link header and ranks by relevance: min_id asks for newer statuses
 * only, and pages go by offset until one comes back empty.
 *
 * A status's content is HTML (html.h); a content warning comes first,
 * then a blank line and the text.  A boost is the boosted status.  Local
 * accounts get the instance's host: "acct@host" is a handle that means
 * the same everywhere.  --mentions reads the token's own notifications:
 * with no brand account given, the token's account (verify_credentials)
 * is the brand's.  The reset of a rate limit is an ISO time.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "driver.h"
#include "html.h"
#include "http.h"
#include "sc.h"
#include "xmem.h"

#define M_NOTIF_PAGE	"80"
#define M_PAGE		"40"

enum {
	OPT_MENTIONS = OPT_DRIVER_BASE,
	OPT_TAG,
	OPT_SEARCH
};

enum { M_MENTIONS = 1, M_TAG, M_SEARCH };

static const struct option m_longopts[] = {
	{ "mentions",	no_argument,		NULL, OPT_MENTIONS },
	{ "tag",	required_argument,	NULL, OPT_TAG },
	{ "search",	required_argument,	NULL, OPT_SEARCH },
	{ NULL, 0, NULL, 0 }
};

struct mastodon {
	int		 what;
	int		 nwhat;		/* how many of the three were given */
	const char	*arg;		/* the tag or the query */
	unsigned long	 offset;	/* search: of the page asked for */
	char		*host;		/* of --api-base, for local handles */
};

static struct mastodon m_opts;

static int
m_option(struct net *n, int ch, const char *arg)
{
	(void)n;
	switch (ch) {
	case OPT_MENTIONS:
		m_opts.what = M_MENTIONS;
		break;
	case OPT_TAG:
		m_opts.what = M_TAG;
		m_opts.arg = arg[0] == '#' ? arg + 1 : arg;
		break;
	case OPT_SEARCH:
		m_opts.what = M_SEARCH;
		m_opts.arg = arg;
		break;
	default:
		return -1;
	}
	m_opts.nwhat++;
	return 0;
}

/* The host[:port] of a base URL. */
static char *
url_host(const char *url)
{
	const char *p, *e;

	p = strstr(url, "://");
	p = p != NULL ? p + 3 : url;
	e = p + strcspn(p, "/?#");
	return xstrndup(p, (size_t)(e - p));
}

static json_t	*m_author(const json_t *, const char *);

/*
 * --mentions with no brand account known: the token's own account
 * (verify_credentials, PLATFORMS.md 2.1) is the brand's, so replies to
 * it get in_reply_to_brand.  Its acct is local: the handle gets the
 * instance's host as every local account's does.  A refusal of this
 * request alone (a 403 for a token without read:accounts or profile, a
 * 404 where the server has no such method) leaves it unknown.
 */
static void
m_self(struct net *n, const char *host)
{
	struct net_req rq;
	const char *h = NULL;
	json_t *j, *a = NULL;
	char why[64];

	net_req_init(&rq);
	rq.soft_status = NET_SOFT_4XX;
	net_req_url(&rq, n, "/api/v1/accounts/verify_credentials");
	net_req_header(&rq, "Authorization: Bearer %s", n->cred[0]);
	j = net_call_json(n, &rq, "verify_credentials");
	if (rq.status >= 200 && rq.status < 300) {
		a = m_author(j, host);
		/* no acct, or an empty one ("@host") */
		if ((h = net_str(a, "handle")) != NULL && *h == '@')
			h = NULL;
		snprintf(why, sizeof(why), "verify_credentials: no \"acct\" "
		    "in the answer");
	} else
		snprintf(why, sizeof(why), "verify_credentials: HTTP %ld",
		    rq.status);
	net_brand(n, h, why);
	json_decref(a);
	json_decref(j);
	net_req_free(&rq);
}

static void
m_setup(struct net *n)
{
	struct mastodon *m = &m_opts;

	if (m->nwhat != 1)
		net_usage_error("mastodon: give one of --mentions, --tag or "
		    "--search");
	if (m->what != M_MENTIONS && *m->arg == '\0')
		die(SC_EXIT_FATAL, "--%s: empty", m->what == M_TAG ? "tag" :
		    "search");
	if (m->what != M_TAG && n->cred[0] == NULL)
		die(SC_EXIT_FATAL, "mastodon: no token: set SC_MASTODON_TOKEN "
		    "or use --credentials FILE (only --tag works without)");
	m->host = url_host(n->api_base);
	if (m->what == M_MENTIONS)
		net_key(n, "%s mentions", n->api_base);
	else
		net_key(n, "%s %s %s", n->api_base, m->what == M_TAG ? "tag" :
		    "search", m->arg);
	n->priv = m;
	if (m->what == M_MENTIONS && !n->brands)
		m_self(n, m->host);
}

static void
m_cleanup(struct net *n)
{
	struct mastodon *m = n->priv;

	if (m != NULL) {
		free(m->host);
		m->host = NULL;
	}
}

static void
m_request(struct net *n, const char *pos, const char *cursor,
    struct net_req *rq)
{
	const struct mastodon *m = n->priv;
	struct buf tag = BUF_INIT;

	switch (m->what) {
	case M_MENTIONS:
		net_req_url(rq, n, "/api/v1/notifications");
		net_req_param(rq, "types[]", "mention");
		net_req_param(rq, "limit", M_NOTIF_PAGE);
		net_req_param(rq, "since_id", pos);
		net_req_param(rq, "max_id", cursor);
		break;
	case M_TAG:
		http_urlencode(&tag, m->arg);
		net_req_url(rq, n, "/api/v1/timelines/tag/%s", buf_str(&tag));
		buf_free(&tag);
		net_req_param(rq, "limit", M_PAGE);
		net_req_param(rq, "since_id", pos);
		net_req_param(rq, "max_id", cursor);
		break;
	default:
		m_opts.offset = cursor != NULL ? strtoul(cursor, NULL, 10) : 0;
		net_req_url(rq, n, "/api/v2/search");
		net_req_param(rq, "q", m->arg);
		net_req_param(rq, "type", "statuses");
		net_req_param(rq, "resolve", "false");
		net_req_param(rq, "limit", M_PAGE);
		net_req_param(rq, "min_id", pos);
		net_req_param(rq, "offset", cursor);
		break;
	}
	if (n->cred[0] != NULL)
		net_req_header(rq, "Authorization: Bearer %s", n->cred[0]);
}

/*
 * The max_id of the Link header's rel="next" URL, appended to out; 0, or
 * -1 if there is none.  Lenient (RFC 8288 loosely): <url>; params, ...
 */
static int
link_next(const char *link, struct buf *out)
{
	const char *p = link, *lt, *gt, *end, *rel, *q, *v;
	size_t n;

	while ((lt = strchr(p, '<')) != NULL && (gt = strchr(lt, '>')) !=
	    NULL) {
		end = strchr(gt, '<');
		if (end == NULL)
			end = gt + strlen(gt);
		/* rel="next" or rel=next among the parameters */
		for (rel = gt; (rel = strstr(rel, "rel=")) != NULL && rel < end;
		    rel += 4) {
			v = rel + 4 + (rel[4] == '"');
			if (strncmp(v, "next", 4) == 0 && (v[4] == '"' ||
			    v[4] == ';' || v[4] == ',' || v[4] == ' ' ||
			    v[4] == '\0'))
				break;
		}
		if (rel != NULL && rel < end) {
			for (q = lt + 1; q < gt; q++) {
				if ((*q == '?' || *q == '&') && gt - q > 8 &&
				    strncmp(q + 1, "max_id=", 7) == 0) {
					q += 8;
					n = strcspn(q, "&#>");
					buf_add(out, q, n);
					return n > 0 ? 0 : -1;
				}
			}
			return -1;
		}
		p = gt + 1;
	}
	return -1;
}

static void
count(json_t *m, const char *key, const json_t *s, const char *from)
{
	json_t *v = json_object_get(s, from);

	if (json_is_integer(v))
		json_object_set(m, key, v);
}

static json_t *
m_author(const json_t *acc, const char *host)
{
	const char *acct, *name;
	json_t *a, *v;

	a = json_object();
	if (net_str(acc, "id") != NULL)
		json_object_set(a, "id", json_object_get(acc, "id"));
	if ((acct = net_str(acc, "acct")) == NULL)
		acct = net_str(acc, "username");
	if (acct != NULL)
		json_object_set_new(a, "handle", strchr(acct, '@') != NULL ||
		    host == NULL ? json_string(acct) :
		    json_sprintf("%s@%s", acct, host));
	name = net_str(acc, "display_name");
	if (name == NULL || *name == '\0')
		name = net_str(acc, "username");
	if (name != NULL)
		json_object_set_new(a, "name", json_string(name));
	if (json_is_integer(v = json_object_get(acc, "followers_count")))
		json_object_set(a, "followers", v);
	return a;
}

/* A status as an import-shaped post, or NULL with why. */
static json_t *
m_post(const json_t *st, const char *host, const char **why)
{
	const json_t *s, *v, *mn;
	const char *id, *content, *cw, *reply, *vis, *url, *irt;
	size_t i;
	struct buf text = BUF_INIT;
	json_t *p, *m;

	s = json_is_object(json_object_get(st, "reblog")) ?
	    json_object_get(st, "reblog") : st;
	if ((id = net_str(s, "id")) == NULL) {
		*why = "a status without an \"id\"";
		return NULL;
	}
	if ((content = net_str(s, "content")) == NULL &&
	    (content = net_str(s, "text")) == NULL) {
		*why = "a status without \"content\"";
		return NULL;
	}
	if ((cw = net_str(s, "spoiler_text")) != NULL && *cw != '\0') {
		buf_adds(&text, cw);
		buf_adds(&text, "\n\n");
	}
	html_to_text(content, strlen(content), &text);
	p = json_object();
	json_object_set_new(p, "id", json_string(id));
	if ((v = json_object_get(s, "created_at")) != NULL)
		json_object_set(p, "created_at", (json_t *)v);
	json_object_set_new(p, "text", json_stringn(buf_str(&text),
	    text.len));
	buf_free(&text);
	json_object_set_new(p, "author", m_author(json_object_get(s,
	    "account"), host));
	reply = net_str(s, "in_reply_to_id");
	/* A thread's first post is known; deeper, only the parent is. */
	json_object_set_new(p, "conversation_id", reply == NULL ?
	    json_string(id) : json_null());
	json_object_set_new(p, "in_reply_to", reply != NULL ?
	    json_string(reply) : json_null());
	/*
	 * The account answered: the author's own (a thread going on), or
	 * one among the status's mentions; else it is not known.
	 */
	if ((irt = net_str(s, "in_reply_to_account_id")) != NULL) {
		v = json_object_get(s, "account");
		if (net_str(v, "id") != NULL && strcmp(net_str(v, "id"),
		    irt) == 0)
			json_object_set_new(p, "in_reply_to_author",
			    m_author(v, host));
		else {
			json_array_foreach(json_object_get(s, "mentions"), i,
			    mn)
				if (net_str(mn, "id") != NULL && strcmp(
				    net_str(mn, "id"), irt) == 0) {
					json_object_set_new(p,
					    "in_reply_to_author",
					    m_author(mn, host));
					break;
				}
		}
	}
	vis = net_str(s, "visibility");
	json_object_set_new(p, "channel", json_string(vis != NULL &&
	    strcmp(vis, "direct") == 0 ? "private" : "public"));
	json_object_set_new(p, "lang", net_str(s, "language") != NULL ?
	    json_string(net_str(s, "language")) : json_null());
	if ((url = net_str(s, "url")) != NULL ||
	    (url = net_str(s, "uri")) != NULL)
		json_object_set_new(p, "url", json_string(url));
	m = json_object();
	count(m, "likes", s, "favourites_count");
	count(m, "reposts", s, "reblogs_count");
	count(m, "replies", s, "replies_count");
	json_object_set_new(p, "metrics", m);
	return p;
}

/* One element of a page: a notification or a status. */
static void
m_item(struct net_page *pg, const json_t *it, const char *host)
{
	const json_t *st;
	const char *type, *why = NULL;
	json_t *post;

	if (!json_is_object(it)) {
		net_page_reject(pg, it, "expected an object in the page");
		return;
	}
	if ((type = net_str(it, "type")) != NULL && json_object_get(it,
	    "content") == NULL) {
		/* a notification */
		if (strcmp(type, "mention") != 0)
			return;
		st = json_object_get(it, "status");
		if (!json_is_object(st))
			return;	/* the status was deleted meanwhile */
		if ((post = m_post(st, host, &why)) == NULL)
			net_page_reject(pg, it, "%s", why);
		else
			net_page_add(pg, post, net_str(it, "id"), it);
		return;
	}
	if ((post = m_post(it, host, &why)) == NULL)
		net_page_reject(pg, it, "%s", why);
	else
		net_page_add(pg, post, net_str(it, "id"), it);
}

static int
m_parse(struct net *n, const json_t *page, const struct http_resp *resp,
    struct net_page *pg, char *err, size_t errlen)
{
	const struct mastodon *m = n != NULL ? n->priv : NULL;
	const char *host = m != NULL ? m->host : NULL, *link;
	const json_t *list, *it;
	struct buf next = BUF_INIT;
	size_t i;
	char num[32];

	if (json_is_object(page)) {
		/* v2/search, ranked by relevance */
		pg->unordered = 1;
		if (!json_is_array(list = json_object_get(page, "statuses"))) {
			snprintf(err, errlen, "expected \"statuses\" in the "
			    "search results");
			return -1;
		}
	} else if (json_is_array(page))
		list = page;
	else {
		snprintf(err, errlen, "expected an array or an object");
		return -1;
	}
	json_array_foreach(list, i, it)
		m_item(pg, it, host);
	if (json_array_size(list) == 0)
		return 0;
	if (json_is_object(page)) {
		if (m == NULL)
			return 0;
		/* the next offset: this page's plus what it held */
		snprintf(num, sizeof(num), "%lu", m->offset +
		    (unsigned long)json_array_size(list));
		net_page_next(pg, num);
		return 0;
	}
	if (resp != NULL && (link = http_header(resp, "Link")) != NULL &&
	    link_next(link, &next) == 0)
		net_page_next(pg, buf_str(&next));
	buf_free(&next);
	return 0;
}

static long
m_ratelimit(struct net *n, const struct http_resp *resp)
{
	long w;

	(void)n;
	if (resp->status != 429)
		return -1;
	w = net_reset_header(resp, "X-RateLimit-Reset", NET_RESET_ISO);
	return w >= 0 ? w : NET_RATE_DEFAULT;
}

/*
 * POST /api/v1/statuses with in_reply_to_id and the Idempotency-Key header
 * (PLATFORMS.md 2.1); a post in a private channel is answered "direct".
 */
static int
m_reply(struct net *n, const json_t *post, const char *text,
    const char *idem, struct net_req *rq, char *err, size_t errlen)
{
	const char *id, *ch;
	json_t *body;

	if ((id = net_native_id(n->drv, net_str(post, "id"))) == NULL) {
		snprintf(err, errlen, "no \"id\" to reply to");
		return -1;
	}
	if (n->cred[0] == NULL) {
		snprintf(err, errlen, "no token: set SC_MASTODON_TOKEN or use "
		    "--credentials FILE");
		return -1;
	}
	net_req_url(rq, n, "/api/v1/statuses");
	net_req_header(rq, "Authorization: Bearer %s", n->cred[0]);
	if (idem != NULL)
		net_req_header(rq, "Idempotency-Key: %s", idem);
	body = json_pack("{ssss}", "status", text, "in_reply_to_id", id);
	ch = net_str(post, "channel");
	if (ch != NULL && strcmp(ch, "private") == 0)
		json_object_set_new(body, "visibility", json_string("direct"));
	net_req_json(rq, "POST", body);
	json_decref(body);
	return 0;
}

static int
m_replied(struct net *n, const json_t *body, char *id, size_t idlen,
    char *err, size_t errlen)
{
	return net_sent_id(n->drv, net_str(body, "id"), "id", id, idlen, err,
	    errlen);
}

const struct driver drv_mastodon = {
	.name = "mastodon",
	.summary = "posts from a Mastodon instance: mentions, a tag, search",
	.synopsis = "(--mentions | --tag tag | --search query)",
	.options_help =
	"      --mentions      posts mentioning the token's account\n"
	"      --tag TAG       the public timeline of a hashtag (no token "
	"needed)\n"
	"      --search QUERY  statuses matching QUERY\n",
	.longopts = m_longopts,
	.api_base = NULL,
	.creds = { { "token", "SC_MASTODON_TOKEN", 1 }, { NULL, NULL, 0 } },
	.flags = DRV_IDEMPOTENT,
	.option = m_option,
	.setup = m_setup,
	.request = m_request,
	.parse = m_parse,
	.ratelimit = m_ratelimit,
	.cleanup = m_cleanup,
	.reply = m_reply,
	.replied = m_replied,
};
