"""mastodon.py - a Mastodon instance for server.py (PLATFORMS.md section 2).

GET /api/v1/notifications (types[], limit <= 80, max_id, since_id, min_id),
GET /api/v1/timelines/tag/:tag (limit <= 40, same ids) and GET /api/v2/search
(q, type, limit <= 40, min_id, max_id, offset; ranked, no Link header).
Newest first; a Link header with rel="next" (max_id, no since_id, as the real
server builds it) when the page is full, and rel="prev" (min_id).  HTML
content with mention h-cards, invisible/ellipsis link spans and entities.
Notification ids (34975000 + i) differ from status ids
(112432100000000000 + 1000 i).  X-RateLimit-* headers with an ISO reset and
microseconds; 429 {"error": "Too many requests"} without Retry-After.
Notifications and search need the Bearer token; tag timelines are public.
POST /api/v1/statuses creates a status (logged as "created"); a repeated
Idempotency-Key answers the first status again and creates nothing.
GET /api/v1/accounts/verify_credentials answers the token's own account, a
CredentialAccount (MDOC methods/accounts.md#verify_credentials): local, so
its acct has no domain.

Scopes (knob scopes, separated by spaces or commas, default "read write"):
"read" covers every read:*, "write" every write:*.  Notifications need
read:notifications, search read:search, POST /api/v1/statuses write:statuses,
verify_credentials read:accounts or profile (4.3+); without, 403 {"error":
"This action is outside the authorized scopes"} (Mastodon's
Api::BaseController).

Data: --data FILE with {"statuses": [...]} (served as the tag timeline and
as mentions, one notification each) or --posts N generated statuses, one a
minute from --set t0=EPOCH (default 2026-11-20T00:00:00Z).  The token's
account is the data's "me" (an Account) or else acme (id "1"); knob
me=USERNAME picks another of the built-in accounts, me=none one with neither
acct nor username (a broken server).
"""

import time
from urllib.parse import quote

T0 = 1795132800  # 2026-11-20T00:00:00Z
STATUS_BASE = 112432100000000000
NOTIF_BASE = 34975000

ACCOUNTS = [
    {"id": "109876543210987654", "username": "jdoe",
     "acct": "jdoe@other.example", "display_name": "Jane Doe",
     "followers_count": 120, "following_count": 80,
     "url": "https://other.example/@jdoe", "bot": False},
    {"id": "1", "username": "acme", "acct": "acme",
     "display_name": "Acme Support", "followers_count": 5821,
     "following_count": 12, "url": "https://mastodon.example/@acme",
     "bot": False},
    {"id": "2", "username": "kenji", "acct": "kenji",
     "display_name": "", "followers_count": 3, "following_count": 9,
     "url": "https://mastodon.example/@kenji", "bot": False},
]

MENTION = ('<span class="h-card" translate="no"><a href="https://mastodon.'
           'example/@acme" class="u-url mention">@<span>acme</span></a>'
           '</span>')


def link(i):
    return ('<a href="https://shop.example/orders/%d/details" rel="nofollow '
            'noopener" target="_blank"><span class="invisible">https://'
            '</span><span class="ellipsis">shop.example/orders/%d/de</span>'
            '<span class="invisible">tails</span></a>' % (i, i))


def content(i):
    k = i % 4
    if k == 0:
        return "<p>%s my order &amp; invoice #%d are wrong %s</p>" % (
            MENTION, i, link(i))
    if k == 1:
        return ("<p>%s \u6ce8\u6587%d\u304c\u5c4a\u304d\u307e\u305b\u3093"
                " \U0001F622</p><p>\u3088\u308d\u3057\u304f&#12290;</p>"
                % (MENTION, i))
    if k == 2:
        return ("<p>%s thanks!<br>it works again &#x1F44D; &quot;great&quot;"
                "</p>" % MENTION)
    return "<p>%s is the app down? error &lt;%d&gt;</p>" % (MENTION, i)


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))


def gen_status(i, t0):
    sid = str(STATUS_BASE + 1000 * i)
    k = i % 5
    acc = ACCOUNTS[[0, 2, 0, 2, 1][k]]
    st = {
        "id": sid, "created_at": iso(t0 + 60 * i),
        "in_reply_to_id": None, "in_reply_to_account_id": None,
        "sensitive": False, "spoiler_text": "",
        "visibility": "public", "language": "en",
        "uri": "https://mastodon.example/users/%s/statuses/%s" % (
            acc["username"], sid),
        "url": "https://mastodon.example/@%s/%s" % (acc["username"], sid),
        "replies_count": i % 2, "reblogs_count": i % 3,
        "favourites_count": i % 7, "edited_at": None,
        "content": content(i), "reblog": None, "account": acc,
        "mentions": [{"id": "1", "username": "acme", "acct": "acme",
                      "url": "https://mastodon.example/@acme"}],
        "tags": [{"name": "acme"}], "emojis": [], "media_attachments": [],
        "card": None, "poll": None,
    }
    if k == 1:
        st["language"] = "ja"
    if k == 3:
        st["spoiler_text"] = "outage"
        st["visibility"] = "direct"
        st["language"] = None
        st["url"] = None
    if k == 4:
        parent = str(STATUS_BASE + 1000 * (i - 1))
        st["in_reply_to_id"] = parent
        st["in_reply_to_account_id"] = ACCOUNTS[2]["id"]
        st["content"] = "<p>@kenji Sorry about that! DM us.</p>"
        # a reply mentions the account it answers
        st["mentions"] = [{"id": "2", "username": "kenji", "acct": "kenji",
                           "url": "https://mastodon.example/@kenji"}]
    return st


def setup(server):
    pass


def dataset(server):
    """(statuses, notifications), each newest first."""
    if server.data is not None:
        sts = list(server.data.get("statuses", []))
        key = ("data",)
    else:
        key = (server.posts or 0, int(server.knob("t0", T0)))
        cache = server.store.get("cache")
        if cache and cache[0] == key:
            return cache[1]
        sts = [gen_status(i, key[1]) for i in range(1, key[0] + 1)]
    sts.sort(key=lambda s: (len(s["id"]), s["id"]), reverse=True)
    notes = []
    for k, s in enumerate(sts):
        # the oldest is NOTIF_BASE + 1: generated status i gets + i
        n = NOTIF_BASE + len(sts) - k
        notes.append({"id": str(n), "type": "mention",
                      "created_at": s["created_at"],
                      "group_key": "ungrouped-%d" % n,
                      "account": s["account"], "status": s})
    server.store["cache"] = (key, (sts, notes))
    return sts, notes


def idkey(s):
    return (len(s), s)


def authorized(server, req):
    h = req.header("Authorization")
    if h is None:
        # public endpoints take no token
        return req.path.startswith("/api/v1/timelines/tag/")
    return h == "Bearer " + server.token


def auth_failed(server, req):
    return 401, [], {"error": "The access token is invalid"}


def rate_headers(server, remaining, reset):
    us = int((reset % 1) * 1e6)
    return [("X-RateLimit-Limit", str(server.args.limit)),
            ("X-RateLimit-Remaining", str(remaining)),
            ("X-RateLimit-Reset", time.strftime(
                "%Y-%m-%dT%H:%M:%S", time.gmtime(reset)) + ".%06dZ" % us)]


def rate_limited(server, req, reset):
    return 429, [], {"error": "Too many requests"}


def window(items, req, limit):
    """Newest-first paging by max_id / since_id / min_id."""
    max_id, since_id, min_id = (req.q("max_id"), req.q("since_id"),
                                req.q("min_id"))
    sel = [x for x in items
           if (not max_id or idkey(x["id"]) < idkey(max_id)) and
           (not since_id or idkey(x["id"]) > idkey(since_id)) and
           (not min_id or idkey(x["id"]) > idkey(min_id))]
    if min_id:
        # the items immediately newer than min_id
        sel = sel[-limit:]
    return sel[:limit]


def link_header(server, req, page, limit):
    if not page:
        return []
    keep = "".join("&%s=%s" % (quote(k, safe=""), quote(v, safe=""))
                   for k, vs in sorted(req.query.items())
                   if k in ("types[]", "exclude_types[]", "limit")
                   for v in vs)
    base = server.base + req.path
    links = []
    if len(page) == limit:
        links.append('<%s?max_id=%s%s>; rel="next"' % (
            base, page[-1]["id"], keep))
    links.append('<%s?min_id=%s%s>; rel="prev"' % (base, page[0]["id"],
                                                   keep))
    return [("Link", ", ".join(links))]


def create_status(server, req):
    """POST /api/v1/statuses (PLATFORMS.md 2.1): JSON or a form; with an
    Idempotency-Key seen before, the first status again, nothing new."""
    body = req.json()
    if not isinstance(body, dict):
        body = {k: v[0] for k, v in req.form().items()}
    text = body.get("status")
    if not isinstance(text, str) or not text.strip():
        return 422, [], {"error": "Validation failed: Text can't be blank"}
    to = body.get("in_reply_to_id")
    key = req.header("Idempotency-Key")
    with server.lock:
        seen = server.store.setdefault("idem", {})
        if key and key in seen:
            return 200, [], seen[key]
        n = server.store.get("made", 0) + 1
        server.store["made"] = n
        sid = str(113000000000000000 + n)
        st = {"id": sid, "in_reply_to_id": to, "content": "<p>%s</p>" % text,
              "visibility": body.get("visibility", "public"),
              "created_at": "2026-12-01T00:00:00.000Z",
              "account": ACCOUNTS[1]}
        if key:
            seen[key] = st
    req.created = {"id": sid, "to": to, "text": text}
    return 200, [], st


NEEDS = {"/api/v1/notifications": ("read:notifications",),
         "/api/v2/search": ("read:search",),
         "/api/v1/statuses": ("write:statuses",),
         "/api/v1/accounts/verify_credentials": ("read:accounts",
                                                 "profile")}


def scoped(server, req):
    """Whether the token's scopes allow the request."""
    granted = server.knob("scopes", "read write").replace(",", " ").split()
    for need in NEEDS.get(req.path, ()):
        if need in granted or need.split(":")[0] in granted:
            return True
    return req.path not in NEEDS


def credentials(server):
    """The token's own account, with the fields only it shows."""
    pick = server.knob("me")
    if pick == "none":
        return {"id": "1", "display_name": "Acme Support", "locked": False}
    me = dict(next((a for a in ACCOUNTS if a["username"] == pick), None) or
              (server.data or {}).get("me") or ACCOUNTS[1])
    me.setdefault("locked", False)
    me.setdefault("created_at", "2022-01-10T00:00:00.000Z")
    me.setdefault("note", "<p>Acme's help desk</p>")
    me["source"] = {"privacy": "public", "sensitive": False,
                    "language": "", "note": "Acme's help desk",
                    "fields": [], "follow_requests_count": 0}
    me.setdefault("emojis", [])
    me.setdefault("fields", [])
    return me


def handle(server, req):
    if not scoped(server, req):
        return 403, [], {"error": "This action is outside the authorized "
                                  "scopes"}
    if req.method == "POST" and req.path == "/api/v1/statuses":
        return create_status(server, req)
    if req.method != "GET":
        return None
    if req.path == "/api/v1/accounts/verify_credentials":
        return 200, [], credentials(server)
    sts, notes = dataset(server)
    if req.path == "/api/v1/notifications":
        types = req.query.get("types[]")
        items = notes if not types or "mention" in types else []
        limit = server.limit(req.q("limit"), 80)
        page = window(items, req, limit)
        return 200, link_header(server, req, page, limit), page
    if req.path.startswith("/api/v1/timelines/tag/"):
        limit = server.limit(req.q("limit"), 40)
        page = window(sts, req, limit)
        return 200, link_header(server, req, page, limit), page
    if req.path == "/api/v2/search":
        if not req.q("q"):
            return 400, [], {"error": "Validation failed: q is missing"}
        limit = server.limit(req.q("limit"), 40)
        sel = [s for s in sts
               if (not req.q("min_id") or
                   idkey(s["id"]) > idkey(req.q("min_id"))) and
               (not req.q("max_id") or
                idkey(s["id"]) < idkey(req.q("max_id")))]
        # ranked by "relevance": not by time
        sel.sort(key=lambda s: (int(s["id"]) // 1000 * 7919) % 104729)
        off = int(req.q("offset") or 0)
        body = {"accounts": [], "hashtags": [],
                "statuses": sel[off:off + limit]}
        if req.q("type") not in (None, "statuses"):
            body["statuses"] = []
        return 200, [], body
    return None
