"""reddit.py - oauth.reddit.com for sc-fetch reddit (PLATFORMS.md section 4).

  GET /search, /r/NAME/search   q, sort, limit (<= 100), after (a
        fullname), restrict_sr, raw_json -> a Listing of t3 children,
        newest first with sort=new; data.after is the last child's
        fullname, null at the end; at most 1000 items in all (knob cap)
  GET /message/mentions         limit, after, raw_json -> a Listing of the
        inbox's username mentions (t1 children, newest first, paged as
        search): comments with parent_id and context but no permalink or
        link_id (PRAW's TestInbox.test_mentions cassette)
  GET /api/info                 id (fullnames, comma-separated, at most
        100: more is a 400 here; Reddit's own answer to that is
        unverified), raw_json -> a Listing of the things found among the
        posts, the mentions and the dataset's "things", in the order
        asked; unknown ones are left out

  GET /api/v1/me                the token's own account (scope
        identity): {"name", "id" (base 36, no t2_), ...}; its name is
        knob me, or the data's "me", else acme_support

Authorization: "bearer TOKEN" (the scheme in any case) with the server's
--token, else 401 {"message": "Unauthorized", "error": 401}.  Scopes (knob
scopes, separated by spaces or commas, default "*"): /api/v1/me needs
identity, /message/mentions privatemessages, the searches and /api/info read,
/api/comment submit; without, 403 {"message": "Forbidden", "error": 403}
with WWW-Authenticate error="insufficient_scope" (what prawcore reads as
InsufficientScope; the body is unverified).  Every answer
carries X-Ratelimit-Used, X-Ratelimit-Remaining (a float string) and
X-Ratelimit-Reset (seconds until the window ends).  A throttle is a 429
with the same headers.

Without raw_json=1, "&", "<" and ">" in title, selftext and body come
HTML-escaped and the *_html fields are escaped HTML, as Reddit does.

The dataset: --data FILE ({"posts": [t3 data objects], "mentions": [t1
data objects], "things": [t1 or t3 data objects only /api/info shows]})
or --posts N
generated posts (post i the same for every N, newer as i grows; every
seventh from the brand account acme_support, CJK and emoji text, "&", "<"
and ">" in text, link posts).

Knobs:
  ignore-raw-json=1   escape as if raw_json were not sent (a proxy that
                      drops it)
  cap=N               listing cap (default 1000)
  need-ua=1           a 429 unless the User-Agent names the program
                      (generic agents are throttled hard)
  overlap=N           a page after "after" starts N items early
  app-only=1          the token has no user: /api/v1/me answers only
                      {"features": {...}}, no name (reddit-api-doc-notes,
                      account.rst)
"""

import html
import re
import time

BASE_TIME = 1795161600  # 2026-11-20T08:00:00Z
BRAND = "acme_support"

USERS = [
    ("jdoe_rd", "t2_8xk2m1"),
    ("tanaka_k", "t2_9ab3c4"),
    ("wang_lei88", "t2_7de5f6"),
    ("park_sy", "t2_6gh7i8"),
    ("[deleted]", None),
]

SUBS = [("BuyItForLife", "t5_2ss1q"), ("japanlife", "t5_2qh2u"),
        ("China_irl", "t5_3j2k1"), ("acme", "t5_9z8y7")]

TITLES = [
    ("Acme shipping delays again?",
     "Ordered 10 days ago & still nothing > anyone else? <3 the blender "
     "though"),
    ("acme のサポートに連絡がつかない",
     "メールも電話も返事なし 😢 どうすれば?"),
    ("Acme 退款问题", "申请退款两周了还没到账 💸 有人遇到过吗？"),
    ("Acme app keeps crashing on login 📱", ""),
    ("Acme blender review: 10/10 🎉🍓", "Smoothies for days. A & B tested."),
]


def base36(n):
    s = ""
    while n:
        s = "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36] + s
        n //= 36
    return s or "0"


def gen_post(i):
    """Post i (the data of a t3 child)."""
    pid = base36(2999000000 + 7 * i)
    sub, sub_id = SUBS[i % len(SUBS)]
    if i % 7 == 2:
        author, author_id = BRAND, "t2_acme01"
        title, selftext = ("Acme support here: order delays update 📦",
                           "We're on it & will post updates < 24h. "
                           "Thanks for your patience 🙏")
    else:
        author, author_id = USERS[i % len(USERS)]
        title, selftext = TITLES[i % len(TITLES)]
    slug = "post_%d" % i
    permalink = "/r/%s/comments/%s/%s/" % (sub, pid, slug)
    is_self = i % 6 != 3
    d = {
        "id": pid,
        "name": "t3_" + pid,
        "title": title + " #%d" % i,
        "selftext": selftext if is_self else "",
        "author": author,
        "subreddit": sub,
        "subreddit_id": sub_id,
        "subreddit_name_prefixed": "r/" + sub,
        "created_utc": float(BASE_TIME + 45 * i),
        "created": float(BASE_TIME + 45 * i),
        "permalink": permalink,
        "url": ("https://www.reddit.com" + permalink if is_self else
                "https://acme.example.com/news/%d" % i),
        "is_self": is_self,
        "score": i % 17, "ups": i % 17, "upvote_ratio": 0.94,
        "num_comments": i % 9, "num_crossposts": i % 2,
        "over_18": False, "edited": False,
        "domain": "self." + sub if is_self else "acme.example.com",
    }
    if author_id:
        d["author_fullname"] = author_id
    if d["selftext"]:
        d["selftext_html"] = ('<!-- SC_OFF --><div class="md"><p>%s</p>\n'
                              '</div><!-- SC_ON -->' %
                              html.escape(d["selftext"], quote=False))
    else:
        d["selftext_html"] = None
    return d


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escaped(d):
    """The item as Reddit sends it without raw_json=1."""
    d = dict(d)
    for k in ("title", "selftext", "body"):
        if isinstance(d.get(k), str):
            d[k] = escape(d[k])
    for k in ("selftext_html", "body_html"):
        if isinstance(d.get(k), str):
            d[k] = escape(d[k])
    return d


def dataset(server, key="posts"):
    if server.data is not None:
        return list(server.data.get(key, []))
    return [gen_post(i) for i in range(server.posts or 0)] \
        if key == "posts" else []


def authorized(server, req):
    a = req.header("Authorization", "")
    return a[:7].lower() == "bearer " and a[7:] == server.token


def auth_failed(server, req):
    return (401, [("WWW-Authenticate", 'Bearer realm="reddit", '
                   'error="invalid_token"')],
            {"message": "Unauthorized", "error": 401})


def rate_headers(server, remaining, reset):
    used = server.args.limit - remaining
    return [("X-Ratelimit-Used", str(used)),
            ("X-Ratelimit-Remaining", "%.1f" % remaining),
            ("X-Ratelimit-Reset",
             str(max(0, int(reset - time.time() + 0.999))))]


def rate_limited(server, req, reset):
    return (429, [], {"message": "Too Many Requests", "error": 429})


def search(server, req, sub):
    ua = req.header("User-Agent", "")
    if server.knob("need-ua") == "1" and "sc-fetch" not in ua:
        return rate_limited(server, req, time.time() + 60)
    q = req.q("q")
    if not q:
        return (400, [], {"message": "Bad Request", "error": 400})
    words = q.lower().split()
    items = []
    for d in dataset(server):
        if sub is not None and req.q("restrict_sr") in ("1", "true", "on") \
                and d["subreddit"].lower() != sub.lower():
            continue
        hay = (d["title"] + " " + d.get("selftext", "")).lower()
        if all(w in hay for w in words):
            items.append(d)
    if req.q("sort") == "new":
        items.sort(key=lambda d: d["created_utc"], reverse=True)
    items = items[:int(server.knob("cap", "1000"))]
    return listing(server, req, items, lambda d: "t3")


def listing(server, req, items, kind_of):
    """A page of items after req's "after", as search pages them."""
    limit = server.limit(req.q("limit"), 100)
    start = 0
    after = req.q("after")
    if after:
        names = [d["name"] for d in items]
        start = names.index(after) + 1 if after in names else len(items)
        start = max(0, start - int(server.knob("overlap", "0")))
    chunk = items[start:start + limit]
    raw = req.q("raw_json") == "1" and server.knob("ignore-raw-json") != "1"
    children = [{"kind": kind_of(d), "data": d if raw else escaped(d)}
                for d in chunk]
    more = start + limit < len(items)
    return (200, [], {"kind": "Listing", "data": {
        "after": chunk[-1]["name"] if more and chunk else None,
        "before": None, "dist": len(children), "modhash": "",
        "geo_filter": "", "children": children}})


def mentions(server, req):
    items = dataset(server, "mentions")
    items.sort(key=lambda d: d["created_utc"], reverse=True)
    return listing(server, req, items, lambda d: "t1")


def info(server, req):
    ids = [x for x in (req.q("id") or "").split(",") if x]
    if len(ids) > 100:
        return (400, [], {"message": "Bad Request", "error": 400})
    known = {}
    for key in ("posts", "mentions", "things"):
        for d in dataset(server, key):
            known.setdefault(d["name"], d)
    raw = req.q("raw_json") == "1" and server.knob("ignore-raw-json") != "1"
    children = [{"kind": x[:2], "data": known[x] if raw else
                 escaped(known[x])} for x in ids if x in known]
    return (200, [], {"kind": "Listing", "data": {
        "after": None, "before": None, "dist": len(children),
        "modhash": None, "geo_filter": "", "children": children}})


def comment(server, req):
    """POST /api/comment: a form with thing_id, text, api_type=json.
    Knob ratelimit-comment=1: 200 with a RATELIMIT error, nothing made."""
    f = {k: v[0] for k, v in req.form().items()}
    if f.get("api_type") != "json":
        return 400, [], {"message": "Bad Request", "error": 400}
    if server.knob("ratelimit-comment") == "1":
        return 200, [], {"json": {"errors": [[
            "RATELIMIT", "Looks like you've been doing that a lot. Take a "
            "break for 1 minute before trying again.", "ratelimit"]]}}
    to, text = f.get("thing_id", ""), f.get("text", "")
    if not re.match(r"t[1-6]_[0-9a-z]+$", to):
        return 200, [], {"json": {"errors": [[
            "INVALID_OPTION", "that thing_id is no fullname", "thing_id"]]}}
    if not text.strip():
        return 200, [], {"json": {"errors": [[
            "NO_TEXT", "we need something here", "text"]]}}
    if not req.header("User-Agent", "").startswith("unix:sc-fetch:"):
        return 429, [], {"message": "Too Many Requests", "error": 429}
    with server.lock:
        n = server.store.get("made", 0) + 1
        server.store["made"] = n
    cid = base36(900000 + n)
    req.created = {"id": "t1_" + cid, "to": to, "text": text}
    return 200, [], {"json": {"errors": [], "data": {"things": [{
        "kind": "t1", "data": {"id": cid, "name": "t1_" + cid,
                               "parent_id": to, "body": text,
                               "link_id": to if to.startswith("t3_")
                               else "t3_unknown"}}]}}}


def scope_of(p):
    """The scope the endpoint p needs, or None."""
    if p == "/api/v1/me":
        return "identity"
    if p.startswith("/message/"):
        return "privatemessages"
    if p == "/api/comment":
        return "submit"
    if p in ("/search", "/api/info") or p.endswith("/search"):
        return "read"
    return None


def me(server, req):
    """GET /api/v1/me: the token's user (fields per reddit-api-doc-notes
    user.rst and account.rst)."""
    if server.knob("app-only") == "1":
        return 200, [], {"features": {"chat": True, "mod_awards": True}}
    name = server.knob("me") or (server.data or {}).get("me", BRAND)
    return 200, [], {
        "name": name, "id": "acme01", "created_utc": 1420070400.0,
        "created": 1420070400.0, "link_karma": 1200, "comment_karma": 5400,
        "total_karma": 6600, "is_employee": False, "is_mod": True,
        "has_verified_email": True, "verified": True, "is_suspended": False,
        "icon_img": "https://www.redditstatic.com/avatars/"
                    "avatar_default_01_A5A4A4.png",
        "subreddit": {"display_name": "u_" + name, "public_description": ""},
        "seen_layout_switch": True, "linked_identities": [],
        "oauth_client_id": "sc-test-client"}


def handle(server, req):
    p = req.path.rstrip("/")
    if p.endswith(".json"):
        p = p[:-5]
    granted = server.knob("scopes", "*").replace(",", " ").split()
    need = scope_of(p)
    if need is not None and "*" not in granted and need not in granted:
        return (403, [("WWW-Authenticate", 'Bearer realm="reddit", '
                       'error="insufficient_scope"')],
                {"message": "Forbidden", "error": 403})
    if req.method == "POST" and req.path == "/api/comment":
        return comment(server, req)
    if p == "/api/v1/me" and req.method == "GET":
        return me(server, req)
    if p == "/search":
        return search(server, req, None)
    if p == "/message/mentions" and req.method == "GET":
        return mentions(server, req)
    if p == "/api/info" and req.method == "GET":
        return info(server, req)
    parts = p.split("/")
    if len(parts) == 4 and parts[1] == "r" and parts[3] == "search":
        return search(server, req, parts[2])
    return None
