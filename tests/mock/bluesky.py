"""bluesky.py - a PDS (with its AppView proxy) for sc-fetch bluesky.

Serves, under /xrpc/ (PLATFORMS.md section 3):

  POST com.atproto.server.createSession   {identifier, password} -> a
        session (accessJwt, refreshJwt, did, handle); the password must be
        the server's --token, else 401 AuthenticationRequired
  POST com.atproto.server.refreshSession  Bearer refreshJwt -> a new pair
  GET  app.bsky.feed.searchPosts          q, sort, since, until, limit,
        cursor -> {cursor?, hitsTotal, posts}; newest sortAt first
  GET  app.bsky.notification.listNotifications   reasons (or reasons[]),
        limit, cursor -> {cursor?, notifications}; newest indexedAt first
  GET  app.bsky.actor.getProfiles         actors (DIDs or handles, at most
        25) -> {profiles: [profileViewDetailed]}, unknown actors left out
  GET  app.bsky.feed.getPosts             uris -> {posts: [postView]} of
        the dataset (the AppView: a post created here is not indexed yet)
  POST com.atproto.repo.createRecord      a post of the session's account
        (a reply needs root and parent strong refs) -> {uri, cid}
  GET  com.atproto.repo.getRecord         repo, collection, rkey -> {uri,
        cid, value} of a post created here (the PDS has it at once) or
        of the dataset's posts by that repo; else 400 RecordNotFound (ATP lexicons/com/atproto/repo/
        getRecord.json)

The dataset: --data FILE ({"posts": [postView...], "notifications":
[notification...]}) or --posts N generated posts (post i is the same for
every N, newer as i grows; some from the brand account acme.bsky.social,
some replies, CJK and emoji text, shortened link facets).

Knobs (--set or /_mock/set):
  expire-after=N   an access token answers 400 ExpiredToken after N uses
  refresh-fails=1  refreshSession answers 400 ExpiredToken (log in again)
  cursor=offset|time   search and notification cursors: an offset into the
                   current result list (shifts when posts arrive, as
                   Bluesky's search warns) or the sort time of the last
                   item (default: offset for search, time for
                   notifications)
  overlap=N        every page after the first starts N items early, so
                   pages overlap
  ignore-reasons=1 listNotifications answers every reason (likes, follows)
  no-retry-after=1 a 429 without Retry-After (RateLimit-Reset only)
"""

import math
import time

BRAND_DID = "did:plc:acme123abc456def"
BRAND = "acme.bsky.social"
BASE_TIME = 1795161600  # 2026-11-20T08:00:00Z
POST_NSID = "app.bsky.feed.post"

USERS = [
    ("did:plc:jdoe4u5v6w7x8y9z", "jdoe.bsky.social", "Jane Doe"),
    ("did:plc:yamada2k3l4m5n6o", "yamada.bsky.social", "山田 花子"),
    ("did:plc:lichen7p8q9r0s1t", "li.chen.dev", "李晨 🌱"),
    ("did:plc:kimmy2u3v4w5x6y7", "kim.bsky.social", "김민지"),
    ("did:plc:nobody9z8y7x6w5v", "handle.invalid", ""),
    ("did:plc:omar1a2b3c4d5e6f", "omar.example.com", "Omar 🚲"),
]

# followersCount of each account (getProfiles)
FOLLOWERS = {
    "did:plc:jdoe4u5v6w7x8y9z": 120,
    "did:plc:yamada2k3l4m5n6o": 15800,
    "did:plc:lichen7p8q9r0s1t": 42,
    "did:plc:kimmy2u3v4w5x6y7": 230000,
    "did:plc:nobody9z8y7x6w5v": 0,
    "did:plc:omar1a2b3c4d5e6f": 9999,
    BRAND_DID: 50000,
}

TEXTS = [
    "@acme.bsky.social my order 🚚 still hasn't shipped",
    "acme の配送が遅れています 📦 いつ届きますか?",
    "Acme 客服什么时候回复？等了三天了 😤",
    "acme 앱이 또 로그인이 안 돼요 🙏",
    "Loving the new acme blender 😍🎉 see acme.example.com/blend...",
    "is acme down? status page says nothing 🤔 #acme",
]


def rkey(i):
    """A TID-like record key, distinct and growing with i."""
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    n = 1000000 + i
    s = ""
    while n:
        s = alphabet[n % 32] + s
        n //= 32
    return "3lb" + s.rjust(10, "2")


def iso(t, frac=0):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + \
        ".%03dZ" % frac


def post_uri(did, i):
    return "at://%s/app.bsky.feed.post/%s" % (did, rkey(i))


def gen_post(i):
    """Post i of the generated dataset (a postView)."""
    t = BASE_TIME + 60 * i
    if i % 7 == 3:
        # The brand answers the post before it.
        did, handle, name = BRAND_DID, BRAND, "Acme Support"
        text = ("Sorry about that! Acme support here, please DM us "
                "your order number 🙏")
        prev = gen_post(i - 1)
        parent = {"uri": prev["uri"], "cid": prev["cid"]}
        root = prev["record"].get("reply", {}).get("root", parent)
        reply = {"root": root, "parent": parent}
    else:
        did, handle, name = USERS[i % len(USERS)]
        text = TEXTS[i % len(TEXTS)] + " #%d" % i
        reply = None
        if i % 5 == 4:
            # A reply to an (imaginary) brand post.
            root = {"uri": post_uri(BRAND_DID, 9000 + i % 3),
                    "cid": "bafyreibrandroot%d" % (i % 3)}
            reply = {"root": root, "parent": root}
    record = {"$type": POST_NSID, "text": text,
              "createdAt": iso(t, 100 + i % 900), "langs": [
                  ["en"], ["ja"], ["zh"], ["ko"], ["en"], ["en"]
              ][i % len(TEXTS)] if did != BRAND_DID else ["en"]}
    b = text.encode("utf-8")
    facets = []
    if b.startswith(b"@acme.bsky.social"):
        facets.append({"index": {"byteStart": 0, "byteEnd": 17},
                       "features": [{"$type":
                                     "app.bsky.richtext.facet#mention",
                                     "did": BRAND_DID}]})
    short = "acme.example.com/blend...".encode("utf-8")
    at = b.find(short)
    if at >= 0:
        facets.append({"index": {"byteStart": at,
                                 "byteEnd": at + len(short)},
                       "features": [{"$type":
                                     "app.bsky.richtext.facet#link",
                                     "uri": "https://acme.example.com/"
                                            "blenders/x200?ref=bsky"}]})
    at = b.find(b"#acme")
    if at >= 0:
        facets.append({"index": {"byteStart": at, "byteEnd": at + 5},
                       "features": [{"$type":
                                     "app.bsky.richtext.facet#tag",
                                     "tag": "acme"}]})
    if facets:
        record["facets"] = facets
    if reply:
        record["reply"] = reply
    author = {"did": did, "handle": handle,
              "createdAt": "2023-07-01T10:00:00.000Z"}
    if name:
        author["displayName"] = name
    if did == BRAND_DID:
        author["verification"] = {"verifiedStatus": "valid",
                                  "trustedVerifierStatus": "none",
                                  "verifications": []}
    return {
        "uri": post_uri(did, i),
        "cid": "bafyreigen%06d" % i,
        "author": author,
        "record": record,
        "replyCount": i % 3, "repostCount": i % 4, "likeCount": i % 11,
        "quoteCount": i % 2, "bookmarkCount": 0,
        "indexedAt": iso(t + 1, 31),
        "labels": [],
    }


def gen_notification(i):
    """Notifications of the brand account: the generated posts that
    mention or answer it, and some likes and follows to leave out."""
    p = gen_post(i)
    if p["author"]["did"] == BRAND_DID:
        return None
    if i % 6 == 5:
        reason = "like"
        n = {"uri": "at://%s/app.bsky.feed.like/%s" %
             (p["author"]["did"], rkey(i)),
             "record": {"$type": "app.bsky.feed.like",
                        "subject": {"uri": post_uri(BRAND_DID, 9000),
                                    "cid": "bafyreibrandroot0"},
                        "createdAt": p["record"]["createdAt"]}}
    else:
        reason = "reply" if "reply" in p["record"] else "mention"
        n = {"uri": p["uri"], "record": p["record"]}
    n.update({"cid": p["cid"], "author": p["author"], "reason": reason,
              "isRead": False, "indexedAt": p["indexedAt"], "labels": []})
    if reason == "reply":
        n["reasonSubject"] = p["record"]["reply"]["parent"]["uri"]
    return n


def setup(server):
    server.store["sessions"] = {}     # accessJwt -> uses
    server.store["refresh"] = set()
    server.store["serial"] = 0
    server.store["records"] = {}      # uri -> {uri, cid, value}


def dataset(server, kind):
    if server.data is not None:
        return list(server.data.get(kind, []))
    n = server.posts or 0
    if kind == "posts":
        return [gen_post(i) for i in range(n)]
    out = []
    for i in range(n):
        x = gen_notification(i)
        if x is not None:
            out.append(x)
    return out


def bearer(req):
    a = req.header("Authorization", "")
    return a[7:] if a.lower().startswith("bearer ") else None


def xerror(status, name, message):
    return (status, [], {"error": name, "message": message})


def new_session(server):
    with server.lock:
        server.store["serial"] += 1
        k = server.store["serial"]
        acc = "eyJhbGciOiJFUzI1NksifQ.acc%d.sig" % k
        ref = "eyJhbGciOiJFUzI1NksifQ.ref%d.sig" % k
        server.store["sessions"][acc] = 0
        server.store["refresh"].add(ref)
    return {"did": BRAND_DID, "handle": BRAND, "accessJwt": acc,
            "refreshJwt": ref, "email": "support@acme.example",
            "active": True}


def authorized(server, req):
    name = req.path.rsplit("/", 1)[-1]
    if name == "com.atproto.server.createSession":
        return True
    tok = bearer(req)
    if name == "com.atproto.server.refreshSession":
        return tok in server.store["refresh"]
    return tok in server.store["sessions"]


def auth_failed(server, req):
    return xerror(401, "AuthenticationRequired", "Authentication Required")


def rate_headers(server, remaining, reset):
    limit = server.args.limit
    return [("RateLimit-Limit", str(limit)),
            ("RateLimit-Remaining", str(remaining)),
            ("RateLimit-Reset", str(math.ceil(reset))),
            ("RateLimit-Policy", "%d;w=300" % limit)]


def rate_limited(server, req, reset):
    wait = max(0, math.ceil(reset - time.time()))
    headers = [] if server.knob("no-retry-after") == "1" else \
        [("Retry-After", str(wait))]
    return (429, headers,
            {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"})


def sort_time(item, kind):
    """searchPosts sorts by sortAt (the earlier of createdAt and
    indexedAt), notifications by indexedAt; both as epoch floats."""
    def parse(s):
        s = s.replace("Z", "+00:00")
        from datetime import datetime
        try:
            return datetime.fromisoformat(s).timestamp()
        except ValueError:
            return 0.0
    ix = parse(item.get("indexedAt", ""))
    if kind == "notifications":
        return ix
    c = parse(item.get("record", {}).get("createdAt", ""))
    return min(c, ix) if c else ix


def parse_when(s):
    from datetime import datetime
    if s is None:
        return None
    if len(s) == 10:
        s += "T00:00:00Z"
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def page(server, req, items, kind, default_cursor):
    items.sort(key=lambda x: sort_time(x, kind), reverse=True)
    limit = server.limit(req.q("limit"), 100)
    style = server.knob("cursor", default_cursor)
    cursor = req.q("cursor")
    start = 0
    if cursor:
        if style == "offset":
            try:
                start = int(cursor)
            except ValueError:
                return xerror(400, "InvalidRequest", "bad cursor")
        else:
            try:
                t = float(cursor)
            except ValueError:
                return xerror(400, "InvalidRequest", "bad cursor")
            start = len(items)
            for k, x in enumerate(items):
                if sort_time(x, kind) < t:
                    start = k
                    break
    if cursor:
        start = max(0, start - int(server.knob("overlap", "0")))
    chunk = items[start:start + limit]
    body = {kind: chunk}
    if start + limit < len(items):
        body["cursor"] = (str(start + limit) if style == "offset" else
                          "%.3f" % sort_time(chunk[-1], kind))
    return (200, [], body)


def search(server, req):
    q = req.q("q")
    if not q:
        return xerror(400, "InvalidRequest",
                      'Error: Params must have the property "q"')
    words = q.lower().split()
    since, until = parse_when(req.q("since")), parse_when(req.q("until"))
    hits = []
    for p in dataset(server, "posts"):
        text = p["record"].get("text", "").lower()
        if not all(w in text for w in words):
            continue
        t = sort_time(p, "posts")
        if since is not None and t < since:
            continue
        if until is not None and t >= until:
            continue
        hits.append(p)
    status, headers, body = page(server, req, hits, "posts", "offset")
    if status == 200:
        body["hitsTotal"] = len(hits)
    return status, headers, body


def notifications(server, req):
    reasons = req.query.get("reasons", []) + req.query.get("reasons[]", [])
    if server.knob("ignore-reasons") == "1":
        reasons = []
    items = [x for x in dataset(server, "notifications")
             if not reasons or x["reason"] in reasons]
    return page(server, req, items, "notifications", "time")


def profiles(server, req):
    actors = req.query.get("actors", []) + req.query.get("actors[]", [])
    if not actors:
        return xerror(400, "InvalidRequest",
                      'Error: Params must have the property "actors"')
    if len(actors) > 25:
        return xerror(400, "InvalidRequest",
                      "Error: actors must not have more than 25 elements")
    known = USERS + [(BRAND_DID, BRAND, "Acme")]
    with server.lock:
        server.store["profile_calls"] = \
            server.store.get("profile_calls", 0) + 1
    out = []
    for a in actors:
        for did, handle, name in known:
            if a in (did, handle):
                out.append({"did": did, "handle": handle,
                            "displayName": name,
                            "followersCount": FOLLOWERS[did],
                            "followsCount": 17, "postsCount": 240,
                            "indexedAt": iso(BASE_TIME)})
    return (200, [], {"profiles": out})


def strong_ref(r):
    return isinstance(r, dict) and isinstance(r.get("uri"), str) and \
        r["uri"].startswith("at://") and isinstance(r.get("cid"), str)


def create_record(server, req):
    """com.atproto.repo.createRecord of a post: repo must be the session's
    did; a reply needs root and parent strong refs (uri + cid)."""
    body = req.json() or {}
    rec = body.get("record")
    if body.get("repo") != BRAND_DID or body.get("collection") != POST_NSID \
            or not isinstance(rec, dict) or rec.get("$type") != POST_NSID:
        return xerror(400, "InvalidRequest", "Invalid repo or record")
    if not isinstance(rec.get("text"), str) or not rec.get("createdAt"):
        return xerror(400, "InvalidRequest", "Record/text is required")
    reply = rec.get("reply")
    if reply is not None and not (strong_ref(reply.get("root")) and
                                  strong_ref(reply.get("parent"))):
        return xerror(400, "InvalidRequest", "reply: root and parent "
                      "need uri and cid")
    with server.lock:
        n = server.store["serial"] = server.store["serial"] + 1
    uri = post_uri(BRAND_DID, 50000 + n)
    cid = "bafyreimade%06d" % n
    with server.lock:
        server.store["records"][uri] = {"uri": uri, "cid": cid,
                                        "value": rec}
    req.created = {"id": uri, "to": reply["parent"]["uri"] if reply
                   else None, "text": rec["text"]}
    return (200, [], {"uri": uri, "cid": cid, "validationStatus": "valid"})


def get_record(server, req):
    uri = "at://%s/%s/%s" % (req.q("repo"), req.q("collection"),
                             req.q("rkey"))
    with server.lock:
        r = server.store["records"].get(uri)
    if r is None:
        r = next(({"uri": p["uri"], "cid": p["cid"], "value": p["record"]}
                  for p in dataset(server, "posts") if p["uri"] == uri),
                 None)
    if r is None:
        return xerror(400, "RecordNotFound", "Could not locate record: " +
                      uri)
    return (200, [], r)


def handle(server, req):
    if not req.path.startswith("/xrpc/"):
        return None
    name = req.path[len("/xrpc/"):]
    if name == "com.atproto.server.createSession":
        if req.method != "POST":
            return xerror(405, "InvalidRequest", "use POST")
        body = req.json() or {}
        if (not body.get("identifier") or
                body.get("password") != server.token):
            return xerror(401, "AuthenticationRequired",
                          "Invalid identifier or password")
        return (200, [], new_session(server))
    if name == "com.atproto.server.refreshSession":
        if req.method != "POST":
            return xerror(405, "InvalidRequest", "use POST")
        if server.knob("refresh-fails") == "1":
            return xerror(400, "ExpiredToken", "Token has expired")
        with server.lock:
            server.store["refresh"].discard(bearer(req))
        return (200, [], new_session(server))
    expire = server.knob("expire-after") or None
    tok = bearer(req)
    with server.lock:
        uses = server.store["sessions"].get(tok, 0) + 1
        server.store["sessions"][tok] = uses
    if expire is not None and uses > int(expire):
        return xerror(400, "ExpiredToken", "Token has expired")
    if name == "app.bsky.feed.searchPosts":
        return search(server, req)
    if name == "app.bsky.notification.listNotifications":
        return notifications(server, req)
    if name == "app.bsky.actor.getProfiles":
        return profiles(server, req)
    if name == "app.bsky.feed.getPosts":
        want = req.query.get("uris", [])
        posts = [p for p in dataset(server, "posts") if p["uri"] in want]
        return (200, [], {"posts": posts})
    if name == "com.atproto.repo.getRecord":
        return get_record(server, req)
    if name == "com.atproto.repo.createRecord":
        if req.method != "POST":
            return xerror(405, "InvalidRequest", "use POST")
        return create_record(server, req)
    return xerror(501, "MethodNotImplemented", "Method Not Implemented")
