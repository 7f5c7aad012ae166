"""facebook.py - the Graph API of a Page for sc-fetch facebook
(PLATFORMS.md section 5).  Paths may start with a version (/v21.0/...).

  GET /PAGE/feed               fields (nested comments{...} with .limit(N),
                               .filter(stream), .order(...)), limit
                               (<= 100), since, until (on updated_time),
                               after -> {data, paging}
  GET /POST/comments           fields, limit, after, filter, order
  GET /PAGE/conversations      platform, fields (nested messages{...}
                               with .limit(N)), limit, after
  GET /CONVERSATION/messages   fields, limit, after

Only the fields asked for come back (and id); an object field asked for
with subfields (parent{id,from}) has only those.  A comment's "parent" is
the comment it answers, as that comment is in the dataset (the dataset's
"parent" need only name its "id"); its "from" is missing when the parent
comment has none (an author Facebook hides).  Times are
"2014-08-20T11:02:50+0000".  Paging: {"cursors": {"before", "after"},
"next": an absolute URL carrying the access_token, as Facebook's do} -
"next" only when there is more.  Cursors name an item (base64), so a
new item does not shift them.

The token is the access_token query parameter; a wrong one gets the
OAuthException code 190 (HTTP 400, or the knob auth-status).  Throttling
is never a 429: HTTP 400 (knob throttle-status) with error code 4 (knob
throttle-code: 4, 17, 32, 613), and every answer carries X-App-Usage and
X-Business-Use-Case-Usage, whose estimated_time_to_regain_access (whole
minutes, rounded down) says when a spent budget comes back.

The dataset: --data FILE ({"posts": [...], "conversations": [...]}, each
post with its "comments" list, each conversation with its "messages"
list, newest first) or --posts N generated posts (post i the same for
every N, newer as i grows) with comments - some by the Page itself -
and conversations; CJK and emoji text.

Knobs:
  new-comment=I     a comment (an hour after the newest post) on post I,
                    which moves the post's updated_time
  new-message=C     a message from the customer in conversation C, an
                    hour after the newest post
  overlap=N         a page after a cursor starts N items early
"""

import base64
import json
import re
import time
from urllib.parse import urlencode

PAGE_ID = "104857600000001"
PAGE = {"name": "Acme", "id": PAGE_ID}
BASE_TIME = 1795161600  # 2026-11-20T08:00:00Z

USERS = [
    {"name": "Jane Doe", "id": "5566778899001122"},
    {"name": "佐藤 美咲", "id": "5566778899001133"},
    {"name": "陈伟", "id": "5566778899001144"},
    {"name": "Lucía Gómez 🌻", "id": "5566778899001155"},
]

POSTS = [
    "@Acme my blender arrived broken, who do I contact?",
    "Acme の新しいミキサー最高です 🎉🍓",
    "Acme 的客服电话一直占线 😤 怎么办",
    "¿Alguien sabe si Acme envía a Canarias? 🇪🇸",
]
COMMENTS = [
    "Same here!",
    "We're sorry to hear that! Please send us a message 🙏",
    "私も同じです 😢",
    "+1, 两周了还没回复",
]
CUSTOMER_SAYS = [
    "Hi, my order #A-1042 never arrived 📦",
    "注文番号は A-2087 です",
    "谢谢！问题解决了 👍",
]
PAGE_SAYS = [
    "Thanks for reaching out! Could you share your order number?",
    "ありがとうございます。確認します 🙇",
]


def fbtime(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(t))


def epoch(s):
    return int(time.mktime(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")) -
               time.timezone)


def gen_post(i):
    t = BASE_TIME + 600 * i
    num = str(771122334400000 + i)
    author = PAGE if i % 4 == 1 else USERS[i % len(USERS)]
    post = {
        "id": "%s_%s" % (PAGE_ID, num),
        "message": POSTS[i % len(POSTS)] + " #%d" % i,
        "created_time": fbtime(t),
        "from": author,
        "permalink_url": "https://www.facebook.com/%s/posts/%s" %
                         (PAGE_ID, num),
        "comments": [],
    }
    if i % 4 == 1:
        post["message"] = "Acme news: summer sale starts today ☀️ #%d" % i
    for j in range(i % 4):
        cnum = str(998877665500000 + 10 * i + j)
        c = {
            "id": "%s_%s" % (num, cnum),
            "message": COMMENTS[(i + j) % len(COMMENTS)],
            "created_time": fbtime(t + 60 * (j + 1)),
            "from": PAGE if j == 1 else USERS[(i + j + 1) % len(USERS)],
            "like_count": (i + j) % 5, "comment_count": 1 if j == 0 and
            i % 4 == 3 else 0,
            "permalink_url": "https://www.facebook.com/%s/posts/%s"
                             "?comment_id=%s" % (PAGE_ID, num, cnum),
        }
        if j == 1:
            first = post["comments"][0]
            c["parent"] = {"id": first["id"],
                           "message": first["message"],
                           "created_time": first["created_time"],
                           "from": first["from"]}
        post["comments"].append(c)
    return post


def gen_conversation(k):
    """Conversation k: a customer and the Page, four messages apart."""
    user = USERS[k % len(USERS)]
    msgs = []
    t0 = BASE_TIME + 600 * (3 * k) + 30
    for j in range(2 + k % 3):
        frm = PAGE if j % 2 else user
        to = user if j % 2 else PAGE
        msgs.append({
            "id": "m_AG5Hz2U%06d%02d" % (k, j),
            "message": (PAGE_SAYS[(k + j) % len(PAGE_SAYS)] if j % 2 else
                        CUSTOMER_SAYS[(k + j) % len(CUSTOMER_SAYS)]),
            "created_time": fbtime(t0 + 120 * j),
            "from": dict(frm, email="%s@facebook.com" % frm["id"]),
            "to": {"data": [dict(to, email="%s@facebook.com" % to["id"])]},
        })
    msgs.reverse()      # newest first
    return {
        "id": "t_%d" % (10158000000000 + k),
        "updated_time": msgs[0]["created_time"],
        "participants": {"data": [dict(user, email="%s@facebook.com" %
                                       user["id"]),
                                  dict(PAGE, email="%s@facebook.com" %
                                       PAGE_ID)]},
        "messages": msgs,
    }


def dataset(server):
    if server.data is not None:
        posts = [dict(p) for p in server.data.get("posts", [])]
        convs = [dict(c) for c in server.data.get("conversations", [])]
    else:
        n = server.posts or 0
        posts = [gen_post(i) for i in range(n)]
        convs = [gen_conversation(k) for k in range((n + 2) // 3)]
    newest = max([epoch(p["created_time"]) for p in posts] or [BASE_TIME])
    extra = server.knob("new-comment")
    if extra is not None and posts:
        p = posts[int(extra) % len(posts)]
        num = p["id"].split("_", 1)[1]
        p["comments"] = list(p.get("comments", [])) + [{
            "id": "%s_%s" % (num, "998877669999999"),
            "message": "Still waiting for an answer 😐 遅いです",
            "created_time": fbtime(newest + 3600),
            "from": USERS[0], "like_count": 0, "comment_count": 0}]
    extra = server.knob("new-message")
    if extra is not None and convs:
        c = dict(convs[int(extra) % len(convs)])
        user = c["participants"]["data"][0]
        c["messages"] = [{
            "id": "m_AG5Hz2Unew0001",
            "message": "Any news? 还在等 ⏳",
            "created_time": fbtime(newest + 3600),
            "from": user, "to": {"data": [dict(PAGE)]}}] + \
            list(c["messages"])
        c["updated_time"] = c["messages"][0]["created_time"]
        convs[int(extra) % len(convs)] = c
    for p in posts:
        times = [p["created_time"]] + [c["created_time"]
                                       for c in p.get("comments", [])]
        p["updated_time"] = max(times, key=epoch)
    return posts, convs


# Field selection: "id,message,comments.limit(5).filter(stream){id,from}"

def split_top(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return [x.strip() for x in out if x.strip()]


def parse_fields(s):
    """{name: (modifiers dict, subfields or None)}"""
    fields = {}
    for f in split_top(s or ""):
        m = re.match(r"([a-z_]+)((?:\.[a-z_]+\([^)]*\))*)(?:\{(.*)\})?$", f)
        if not m:
            continue
        mods = dict(re.findall(r"\.([a-z_]+)\(([^)]*)\)", m.group(2)))
        fields[m.group(1)] = (mods, parse_fields(m.group(3))
                              if m.group(3) is not None else None)
    return fields


def select(obj, fields, default):
    names = fields if fields else default
    out = {"id": obj["id"]}
    for k in names:
        if k in obj and k not in ("comments", "messages"):
            v = obj[k]
            sub = fields[k][1] if fields else None
            if sub and isinstance(v, dict) and "id" in v:
                v = select(v, sub, ())
            out[k] = v
    return out


def cursor_of(obj):
    return base64.b64encode(obj["id"].encode()).decode()


def paging(server, path, query, items, start, chunk, more):
    p = {}
    if chunk:
        p["cursors"] = {"before": cursor_of(chunk[0]),
                        "after": cursor_of(chunk[-1])}
    if more and chunk:
        q = {k: v[-1] for k, v in query.items() if k not in
             ("after", "before")}
        q["after"] = cursor_of(chunk[-1])
        p["next"] = server.base + path + "?" + urlencode(q)
    return p


def window(server, items, limit, after):
    start = 0
    if after:
        try:
            want = base64.b64decode(after.encode()).decode()
        except ValueError:
            return None
        ids = [x["id"] for x in items]
        if want not in ids:
            return None
        start = max(0, ids.index(want) + 1 - int(server.knob("overlap", "0")))
    chunk = items[start:start + limit]
    return start, chunk, start + limit < len(items)


def with_parent(c, byid):
    """The comment with its "parent" the comment it answers, in full."""
    pid = c.get("parent", {}).get("id")
    if pid is None or pid not in byid:
        return c
    c = dict(c)
    c["parent"] = {k: v for k, v in byid[pid].items() if k != "parent"}
    return c


def comment_list(post, mods):
    byid = {c["id"]: c for c in post.get("comments", [])}
    cs = [with_parent(c, byid) for c in post.get("comments", [])]
    if mods.get("filter") != "stream":
        cs = [c for c in cs if "parent" not in c]
    cs.sort(key=lambda c: epoch(c["created_time"]),
            reverse=mods.get("order") == "reverse_chronological")
    return cs


COMMENT_DEFAULT = ("message", "created_time", "from")


def nested(server, obj, name, items, mods, sub, path):
    limit = server.limit(mods.get("limit"), 100) if "limit" in mods else \
        min(25, server.page_size or 25)
    chunk = items[:limit]
    edge = {"data": [select(x, sub, COMMENT_DEFAULT) for x in chunk]}
    q = {"access_token": server.token, "limit": str(limit)}
    for k in ("filter", "order"):
        if k in mods:
            q[k] = mods[k]
    if sub:
        q["fields"] = ",".join(sub)
    edge["paging"] = paging(server, path % obj["id"],
                            {k: [v] for k, v in q.items()}, items, 0,
                            chunk, len(items) > limit)
    if mods.get("summary") == "true" and name == "comments":
        edge["summary"] = {"order": "ranked", "total_count": len(items),
                           "can_comment": True}
    return edge


def graph_error(status, code, message, etype="OAuthException", sub=None):
    e = {"message": message, "type": etype, "code": code,
         "fbtrace_id": "AbCdEfGhIjK"}
    if sub is not None:
        e["error_subcode"] = sub
    return (status, [], {"error": e})


def authorized(server, req):
    tok = req.q("access_token")
    if tok is None and req.method == "POST":
        tok = (req.form().get("access_token") or [None])[0]
    return tok == server.token


def auth_failed(server, req):
    status, headers, body = graph_error(
        int(server.knob("auth-status", "400")), 190,
        "Invalid OAuth access token - Cannot parse access token")
    return (status, [("WWW-Authenticate", 'OAuth "Facebook Platform" '
                      '"invalid_token" "Invalid OAuth access token"')], body)


def rate_headers(server, remaining, reset):
    limit = server.args.limit
    pct = min(100, int(100 * (limit - remaining) / max(1, limit)))
    regain = max(0, int((reset - time.time()) // 60)) if remaining == 0 \
        else 0
    app = {"call_count": pct, "total_time": pct // 2,
           "total_cputime": pct // 3}
    buc = {PAGE_ID: [{"type": "pages", "call_count": pct,
                      "total_cputime": pct // 3, "total_time": pct // 2,
                      "estimated_time_to_regain_access": regain}]}
    return [("X-App-Usage", json.dumps(app)),
            ("X-Business-Use-Case-Usage", json.dumps(buc))]


def rate_limited(server, req, reset):
    code = int(server.knob("throttle-code", "4"))
    msg = {4: "(#4) Application request limit reached",
           17: "(#17) User request limit reached",
           32: "(#32) Page request limit reached",
           613: "(#613) Calls to this api have exceeded the rate limit."}
    return graph_error(int(server.knob("throttle-status", "400")), code,
                       msg.get(code, "(#%d) Rate limited" % code),
                       sub=2446079 if code == 32 else None)


def feed(server, req, page_id):
    if page_id != PAGE_ID:
        return graph_error(400, 100, "Unsupported get request. Object "
                           "with ID '%s' does not exist" % page_id,
                           "GraphMethodException", 33)
    posts, _ = dataset(server)
    since, until = req.q("since"), req.q("until")
    if since is not None:
        posts = [p for p in posts if epoch(p["updated_time"]) >= int(since)]
    if until is not None:
        posts = [p for p in posts if epoch(p["updated_time"]) < int(until)]
    posts.sort(key=lambda p: epoch(p["created_time"]), reverse=True)
    fields = parse_fields(req.q("fields"))
    w = window(server, posts, server.limit(req.q("limit"), 100),
               req.q("after"))
    if w is None:
        return graph_error(400, 100, "Invalid cursor", "OAuthException")
    start, chunk, more = w
    data = []
    for p in chunk:
        d = select(p, fields, ("message", "created_time"))
        if "comments" in fields:
            mods, sub = fields["comments"]
            d["comments"] = nested(server, p, "comments",
                                   comment_list(p, mods), mods, sub,
                                   "/%s/comments")
            if not d["comments"]["data"]:
                del d["comments"]   # Facebook leaves an empty edge out
        data.append(d)
    return (200, [], {"data": data,
                      "paging": paging(server, req.path, req.query, posts,
                                       start, chunk, more)})


def comments(server, req, post_id):
    posts, _ = dataset(server)
    post = next((p for p in posts if p["id"] == post_id or
                 p["id"].endswith("_" + post_id)), None)
    if post is None:
        return graph_error(400, 100, "Object does not exist",
                           "GraphMethodException", 33)
    mods = {k: req.q(k) for k in ("filter", "order") if req.q(k)}
    items = comment_list(post, mods)
    fields = parse_fields(req.q("fields"))
    w = window(server, items, server.limit(req.q("limit"), 100),
               req.q("after"))
    if w is None:
        return graph_error(400, 100, "Invalid cursor")
    start, chunk, more = w
    return (200, [], {"data": [select(c, fields, COMMENT_DEFAULT)
                               for c in chunk],
                      "paging": paging(server, req.path, req.query, items,
                                       start, chunk, more)})


def conversations(server, req, page_id):
    _, convs = dataset(server)
    convs.sort(key=lambda c: epoch(c["updated_time"]), reverse=True)
    fields = parse_fields(req.q("fields"))
    w = window(server, convs, server.limit(req.q("limit"), 100),
               req.q("after"))
    if w is None:
        return graph_error(400, 100, "Invalid cursor")
    start, chunk, more = w
    data = []
    for c in chunk:
        d = select(c, fields, ("updated_time",))
        if "messages" in fields:
            mods, sub = fields["messages"]
            d["messages"] = nested(server, c, "messages", c["messages"],
                                   mods, sub, "/%s/messages")
        data.append(d)
    return (200, [], {"data": data,
                      "paging": paging(server, req.path, req.query, convs,
                                       start, chunk, more)})


def messages(server, req, conv_id):
    _, convs = dataset(server)
    conv = next((c for c in convs if c["id"] == conv_id), None)
    if conv is None:
        return graph_error(400, 100, "Object does not exist",
                           "GraphMethodException", 33)
    fields = parse_fields(req.q("fields"))
    w = window(server, conv["messages"], server.limit(req.q("limit"), 100),
               req.q("after"))
    if w is None:
        return graph_error(400, 100, "Invalid cursor")
    start, chunk, more = w
    return (200, [], {"data": [select(m, fields, ("created_time",))
                               for m in chunk],
                      "paging": paging(server, req.path, req.query,
                                       conv["messages"], start, chunk,
                                       more)})


def create_comment(server, req, obj):
    """POST /{object}/comments with message (and access_token) in a form:
    {"id": "OBJECT-ROOT_NEW"}.  An object id starting 404 is gone."""
    f = {k: v[0] for k, v in req.form().items()}
    text = f.get("message", "")
    if not text.strip():
        return graph_error(400, 100, "(#100) The parameter message is "
                           "required")
    if obj.startswith("404") or not re.match(r"[0-9_]+$", obj):
        return graph_error(400, 100, "(#100) Unsupported post request. "
                           "Object with ID '%s' does not exist" % obj,
                           etype="GraphMethodException", sub=33)
    with server.lock:
        n = server.store.get("made", 0) + 1
        server.store["made"] = n
    cid = "%s_%d" % (obj.split("_")[-1], 990000 + n)
    req.created = {"id": cid, "to": obj, "text": text}
    return 200, [], {"id": cid}


def handle(server, req):
    parts = [p for p in req.path.split("/") if p]
    if parts and re.match(r"v\d+\.\d+$", parts[0]):
        parts = parts[1:]
    if len(parts) == 2 and parts[1] == "comments" and req.method == "POST":
        return create_comment(server, req, parts[0])
    if len(parts) != 2 or req.method != "GET":
        return None
    obj, edge = parts
    if edge == "feed":
        return feed(server, req, obj)
    if edge == "comments":
        return comments(server, req, obj)
    if edge == "conversations":
        return conversations(server, req, obj)
    if edge == "messages":
        return messages(server, req, obj)
    return None
