"""x.py - the X API v2 for server.py (PLATFORMS.md section 1).

GET /2/tweets/search/recent (query, next_token) and GET /2/users/:id/mentions
(pagination_token): newest first, since_id/until_id, start_time/end_time,
max_results (search 10..100, mentions 5..100), expansions=author_id with
includes.users, meta.next_token only when more pages exist, no "data" key on
an empty page.  Bearer token; x-rate-limit-* headers with an epoch reset; 429
with an RFC 7807 problem body.

Data: --data FILE with {"tweets": [...], "users": [...]} as the API gives
them (and "referenced": tweets that expansions=referenced_tweets.id puts
in includes.tweets without being results themselves), or --posts N generated tweets (ids 1790000000000001000 + 1000 i,
one a minute from --set t0=EPOCH, default 2026-11-20T00:00:00Z).
POST /2/tweets creates a reply (reply.in_reply_to_tweet_id; an id starting
404 is a deleted tweet: 403), logged as "created".
Knobs: --set wrong-param=1 accepts the other pagination parameter too.
"""

import calendar
import time

T0 = 1795132800  # 2026-11-20T00:00:00Z
BASE_ID = 1790000000000000000

USERS = [
    {"id": "2244994945", "username": "jdoe_writes", "name": "Jane Doe",
     "verified": False, "public_metrics": {"followers_count": 120,
                                           "following_count": 80}},
    {"id": "1500000000000000001", "username": "acme_help",
     "name": "Acme Support", "verified": True,
     "public_metrics": {"followers_count": 58210, "following_count": 12}},
    {"id": "3300000000000000003", "username": "kenji_t",
     "name": "\u5065\u53f8", "verified": False,
     "public_metrics": {"followers_count": 3, "following_count": 9}},
    {"id": "4400000000000000004", "username": "zoe_r", "name": "Zo\u00eb R",
     "verified": False, "public_metrics": {"followers_count": 999,
                                           "following_count": 1}},
]

TEXTS = [
    "@acme_help my order #{i} still hasn't shipped https://t.co/Ab{i}",
    "@acme_help \u6ce8\u6587{i}\u304c\u5c4a\u304d\u307e\u305b\u3093 "
    "\U0001F622",
    "@acme_help thanks for the quick fix on #{i} \U0001F44D &amp; more",
    "@acme_help is the app down? error {i} &lt;500&gt;",
]


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))


def gen_tweet(i, t0):
    tid = str(BASE_ID + 1000 * i)
    k = i % 5
    if k == 4:
        # the brand answers the tweet before
        parent = str(BASE_ID + 1000 * (i - 1)) if i > 1 else tid
        return {
            "id": tid, "text": "@jdoe_writes Sorry about that! DM us.",
            "author_id": USERS[1]["id"], "created_at": iso(t0 + 60 * i),
            "conversation_id": parent, "in_reply_to_user_id": USERS[0]["id"],
            "referenced_tweets": [{"type": "replied_to", "id": parent}],
            "lang": "en", "edit_history_tweet_ids": [tid],
            "public_metrics": {"retweet_count": 0, "reply_count": 0,
                               "like_count": 1, "quote_count": 0},
        }
    user = [USERS[0], USERS[2], USERS[3], USERS[0]][k]
    text = TEXTS[k].format(i=i)
    tw = {
        "id": tid, "text": text, "author_id": user["id"],
        "created_at": iso(t0 + 60 * i), "conversation_id": tid,
        "lang": ["en", "ja", "en", "en"][k],
        "edit_history_tweet_ids": [tid],
        "public_metrics": {"retweet_count": i % 3, "reply_count": i % 2,
                           "like_count": i % 7, "quote_count": 0},
    }
    if k == 0:
        url = "https://t.co/Ab%d" % i
        start = text.index(url)
        tw["entities"] = {"urls": [{
            "start": start, "end": start + len(url), "url": url,
            "expanded_url": "https://shop.example/orders/%d" % i,
            "display_url": "shop.example/orders/%d" % i}]}
    return tw


def setup(server):
    pass


def dataset(server):
    """(tweets newest first, users by id)."""
    if server.data is not None:
        tweets = list(server.data.get("tweets", []))
        users = {u["id"]: u for u in server.data.get("users", [])}
    else:
        n = server.posts or 0
        t0 = int(server.knob("t0", T0))
        key = (n, t0)
        cache = server.store.get("cache")
        if cache and cache[0] == key:
            return cache[1]
        tweets = [gen_tweet(i, t0) for i in range(1, n + 1)]
        users = {u["id"]: u for u in USERS}
        server.store["cache"] = (key, (sorted(
            tweets, key=lambda t: (len(t["id"]), t["id"]), reverse=True),
            users))
        return server.store["cache"][1]
    tweets.sort(key=lambda t: (len(t["id"]), t["id"]), reverse=True)
    return tweets, users


def idkey(s):
    return (len(s), s)


def problem(status, title, detail, kind="about:blank"):
    return (status, [("Content-Type", "application/problem+json")],
            {"title": title, "detail": detail, "type": kind,
             "status": status})


def authorized(server, req):
    return req.header("Authorization") == "Bearer " + server.token


def auth_failed(server, req):
    return problem(401, "Unauthorized", "Unauthorized")


def rate_headers(server, remaining, reset):
    return [("x-rate-limit-limit", str(server.args.limit)),
            ("x-rate-limit-remaining", str(remaining)),
            ("x-rate-limit-reset", str(int(reset + 0.999)))]


def rate_limited(server, req, reset):
    return problem(429, "Too Many Requests", "Too Many Requests")


def parse_time(s):
    return calendar.timegm(time.strptime(s, "%Y-%m-%dT%H:%M:%SZ"))


def create_reply(server, req):
    """POST /2/tweets (PLATFORMS.md 1.6): 201 {"data": {"id", "text"}}."""
    body = req.json()
    if not isinstance(body, dict) or not isinstance(body.get("text"), str) \
            or not body["text"]:
        return problem(400, "Invalid Request", "text: must not be empty")
    reply = body.get("reply")
    to = reply.get("in_reply_to_tweet_id") if isinstance(reply, dict) \
        else None
    if not isinstance(to, str) or not to.isdigit():
        return problem(400, "Invalid Request",
                       "reply.in_reply_to_tweet_id: must be an id")
    if to.startswith("404"):
        return problem(403, "Forbidden", "You attempted to reply to a "
                       "Tweet that is deleted or not visible to you.")
    with server.lock:
        n = server.store.get("made", 0) + 1
        server.store["made"] = n
    tid = str(1800000000000000000 + n)
    req.created = {"id": tid, "to": to, "text": body["text"]}
    return 201, [], {"data": {"id": tid, "text": body["text"]}}


def handle(server, req):
    if req.method == "POST" and req.path == "/2/tweets":
        return create_reply(server, req)
    if req.method != "GET":
        return None
    if req.path == "/2/tweets/search/recent":
        if not req.q("query"):
            return problem(400, "Invalid Request",
                           "The `query` query parameter can not be empty")
        cursor_param, lo = "next_token", 10
    elif (req.path.startswith("/2/users/") and
          req.path.endswith("/mentions")):
        uid = req.path[len("/2/users/"):-len("/mentions")]
        if not uid.isdigit():
            return problem(400, "Invalid Request",
                           "The `id` query parameter value [%s] is not "
                           "valid" % uid)
        cursor_param, lo = "pagination_token", 5
    else:
        return None
    other = "pagination_token" if cursor_param == "next_token" else \
        "next_token"
    if req.q(other) is not None and not server.knob("wrong-param"):
        return problem(400, "Invalid Request",
                       "The query parameter [%s] is not one of [...]" % other)
    asked = req.q("max_results")
    if asked is not None and not (asked.isdigit() and
                                  lo <= int(asked) <= 100):
        return problem(400, "Invalid Request",
                       "The `max_results` query parameter value [%s] is "
                       "not between %d and 100" % (asked, lo))
    size = server.limit(asked, 100 if asked else 10)
    tweets, users = dataset(server)
    since_id, until_id = req.q("since_id"), req.q("until_id")
    start, end = req.q("start_time"), req.q("end_time")
    sel = []
    for tw in tweets:
        if since_id and idkey(tw["id"]) <= idkey(since_id):
            continue
        if until_id and idkey(tw["id"]) >= idkey(until_id):
            continue
        if start or end:
            t = parse_time(tw["created_at"][:19] + "Z")
            if start and t < parse_time(start):
                continue
            if end and t >= parse_time(end):
                continue
        sel.append(tw)
    token = req.q(cursor_param)
    if token:
        if not token.startswith("tok") or not token[3:].isdigit():
            return problem(400, "Invalid Request",
                           "The `%s` query parameter value [%s] is not "
                           "valid" % (cursor_param, token))
        sel = [tw for tw in sel if idkey(tw["id"]) < idkey(token[3:])]
    page, more = sel[:size], len(sel) > size
    meta = {"result_count": len(page)}
    body = {}
    if page:
        body["data"] = page
        want = []
        for tw in page:
            u = users.get(tw.get("author_id"))
            if u is not None and u not in want:
                want.append(u)
        if "author_id" in (req.q("expansions") or "") and want:
            body["includes"] = {"users": want}
        if "referenced_tweets.id" in (req.q("expansions") or ""):
            # the tweets referenced: from the dataset or data's
            # "referenced" list (originals not in the search result)
            pool = {tw["id"]: tw for tw in tweets}
            if server.data is not None:
                pool.update({tw["id"]: tw for tw in
                             server.data.get("referenced", [])})
            refs = []
            for tw in page:
                for r in tw.get("referenced_tweets", []):
                    o = pool.get(r.get("id"))
                    if o is not None and o not in refs:
                        refs.append(o)
            if refs:
                body.setdefault("includes", {})["tweets"] = refs
        meta["newest_id"] = page[0]["id"]
        meta["oldest_id"] = page[-1]["id"]
        if more:
            meta["next_token"] = "tok" + page[-1]["id"]
    body["meta"] = meta
    return 200, [], body
