#!/bin/sh
# gen-posts.sh - tests for scripts/gen-posts, the synthetic inbox generator.
# Prints TAP and exits non-zero when a test fails.  Needs python3 only.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
gen=$top/scripts/gen-posts
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-gen-posts.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C.UTF-8
export LC_ALL

n=0
fail=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	fail=$((fail + 1))
	[ -s "$tmp/why" ] && sed 's/^/#   /' "$tmp/why" | head -20
}
# check DESCRIPTION COMMAND...: the command's output explains a failure.
check() {
	desc=$1
	shift
	if "$@" >"$tmp/why" 2>&1; then ok "$desc"; else notok "$desc"; fi
}

cat >"$tmp/check.py" <<'EOF'
import contextlib, io, json, re, sys

def load(path):
    posts = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            try:
                posts.append(json.loads(line))
            except ValueError as e:
                sys.exit("line %d does not parse: %s" % (no, e))
    return posts

def fields(posts):
    want = {"id": str, "platform": str, "created_at": str, "text": str,
            "author": dict, "from_brand": bool, "conversation_id": str,
            "channel": str, "url": str, "metrics": dict, "gen": dict}
    author = {"id": str, "handle": str, "name": str, "followers": int,
              "verified": bool}
    plats = {"x", "facebook", "mastodon", "bluesky", "reddit"}
    for i, p in enumerate(posts, 1):
        def bad(msg):
            sys.exit("post %d (%s): %s" % (i, p.get("id"), msg))
        if not isinstance(p, dict):
            bad("not an object")
        for k, t in want.items():
            if not isinstance(p.get(k), t):
                bad("%s: missing or not %s" % (k, t.__name__))
        for k in ("in_reply_to", "lang"):
            if k not in p or not (p[k] is None or isinstance(p[k], str)):
                bad("%s: missing or not string/null" % k)
        if p["platform"] not in plats:
            bad("unknown platform")
        for k in (p["id"], p["conversation_id"], p["author"]["id"]):
            if not k.startswith(p["platform"] + ":"):
                bad("%r lacks the platform prefix" % k)
        for k, t in author.items():
            v = p["author"].get(k)
            if not isinstance(v, t) or (t is int and isinstance(v, bool)):
                bad("author.%s: missing or not %s" % (k, t.__name__))
        for k in ("likes", "reposts", "replies"):
            v = p["metrics"].get(k)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                bad("metrics.%s: not a count" % k)
        g = p["gen"]
        if g.get("intent") not in ("complaint", "question", "request",
                                   "praise", "spam", "other", "reply"):
            bad("gen.intent %r" % g.get("intent"))
        if (g["intent"] == "reply") != p["from_brand"]:
            bad("gen.intent reply <=> from_brand")
        if g.get("sentiment") not in ("negative", "neutral", "positive"):
            bad("gen.sentiment %r" % g.get("sentiment"))
        if not isinstance(g.get("lang"), str):
            bad("gen.lang")
        if p["lang"] not in (None, g["lang"]):
            bad("lang is neither null nor gen.lang")
        if p["channel"] not in ("public", "private"):
            bad("channel")
        if not p["url"].startswith("https://"):
            bad("url")
        if not p["text"]:
            bad("empty text")

def unique(posts):
    seen = set()
    for p in posts:
        if p["id"] in seen:
            sys.exit("duplicate id " + p["id"])
        seen.add(p["id"])

def sorted_(posts):
    rx = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    prev = None
    for p in posts:
        if not rx.match(p["created_at"]):
            sys.exit("bad created_at %r" % p["created_at"])
        key = (p["created_at"], p["id"])
        if prev is not None and key < prev:
            sys.exit("out of order: %r after %r" % (key, prev))
        prev = key

def replies(posts):
    seen = {}
    for p in posts:
        r = p["in_reply_to"]
        if r is not None:
            if r not in seen:
                sys.exit("%s replies to %s, not an earlier post"
                         % (p["id"], r))
            if seen[r]["conversation_id"] != p["conversation_id"]:
                sys.exit("%s: conversation differs from its parent's"
                         % p["id"])
            if seen[r]["created_at"] >= p["created_at"]:
                sys.exit("%s is not later than its parent" % p["id"])
        elif p["conversation_id"] != p["id"]:
            sys.exit("%s: a thread's first post must be its conversation"
                     % p["id"])
        if p["conversation_id"] not in seen and \
                p["conversation_id"] != p["id"]:
            sys.exit("%s: conversation_id names no earlier post" % p["id"])
        seen[p["id"]] = p

def langs(posts):
    have = {p["gen"]["lang"] for p in posts}
    missing = {"en", "es", "de", "pl", "ru", "zh"} - have
    if missing:
        sys.exit("languages missing: %s" % sorted(missing))

def answered(posts):
    parents = {p["in_reply_to"] for p in posts if p["from_brand"]}
    cust = [p for p in posts if not p["from_brand"]]
    yes = sum(1 for p in cust if p["id"] in parents)
    no = len(cust) - yes
    print("customer posts %d, answered %d, unanswered %d"
          % (len(cust), yes, no))
    if not cust or yes < len(cust) * 0.3 or no < len(cust) * 0.15:
        sys.exit("answered/unanswered mix looks wrong")
    for p in posts:
        if p["from_brand"] and p["author"]["handle"] not in (
                "SkyLarkAir", "SkyLarkAir@social.example",
                "SkyLarkAir_Support"):
            sys.exit("brand post %s not by the brand" % p["id"])

def count(path, lo, hi):
    with open(path, "rb") as f:
        k = sum(1 for _ in f)
    print("%d lines" % k)
    if not int(lo) <= k <= int(hi):
        sys.exit("%d lines, want %s..%s" % (k, lo, hi))

def window(posts, lo, hi):
    for p in posts:
        if not lo <= p["created_at"] < hi:
            sys.exit("outside the window: " + p["created_at"])

# check.py FILE CHECK[,ARG...]...: one line per check, "ok DESC" or
# "fail DESC" followed by "# why" lines; one python start for many checks.
DESC = {
    "count": "size of %s is within %s..%s",
    "fields": "every line of %s parses and has the fields, rightly typed",
    "unique": "ids in %s are unique",
    "sorted": "created_at in %s is RFC 3339 UTC, sorted by it then id",
    "replies": "in_reply_to in %s names an earlier post of the thread",
    "langs": "en es de pl ru zh all present in %s",
    "answered": "some customer posts in %s answered, some not",
    "window": "%s stays within %s..%s",
}
FUNCS = {"fields": fields, "unique": unique, "sorted": sorted_,
         "replies": replies, "langs": langs, "answered": answered,
         "window": window}
path, name = sys.argv[1], sys.argv[1].rsplit("/", 1)[-1]
posts = None
for spec in sys.argv[2:]:
    cmd, *args = spec.split(",")
    desc = DESC[cmd] % tuple([name] + args)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            if cmd == "count":
                count(path, *args)
            else:
                if posts is None:
                    posts = load(path)
                FUNCS[cmd](posts, *args)
        print("ok " + desc)
    except SystemExit as e:
        print("fail " + desc)
        print("# " + str(e.code))
    for line in buf.getvalue().splitlines():
        print("# " + line)
EOF

# checks FILE CHECK...: run check.py and turn its lines into TAP.
checks() {
	python3 "$tmp/check.py" "$@" >"$tmp/res" 2>&1 ||
	    echo "fail check.py itself failed" >>"$tmp/res"
	: >"$tmp/why"
	desc=
	while IFS= read -r line; do
		case $line in
		"# "*) [ -n "$desc" ] && echo "${line#\# }" >>"$tmp/why" ;;
		*)
			flush
			desc=$line
			;;
		esac
	done <"$tmp/res"
	flush
}
flush() {
	case $desc in
	"ok "*) ok "${desc#ok }" ;;
	"fail "*) notok "${desc#fail }" ;;
	esac
	desc=
	: >"$tmp/why"
}

"$gen" >"$tmp/default" 2>"$tmp/a.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/a.err" ]; then
	ok "default run exits 0, quietly"
else
	echo "exit $rc" >"$tmp/why"
	cat "$tmp/a.err" >>"$tmp/why"
	notok "default run exits 0, quietly"
fi
"$gen" >"$tmp/again" 2>/dev/null
check "same seed, same output" cmp "$tmp/default" "$tmp/again"
"$gen" -s 2 >"$tmp/seed2" 2>/dev/null
if cmp -s "$tmp/default" "$tmp/seed2"; then
	: >"$tmp/why"
	notok "another seed, other output"
else
	ok "another seed, other output"
fi
checks "$tmp/default" count,1350,1650 fields unique sorted replies langs \
    answered

"$gen" -s 9 --start 2026-03-02T12:00:00Z --days 2 37 >"$tmp/small" \
    2>/dev/null
checks "$tmp/small" count,37,37 fields unique sorted replies \
    window,2026-03-02T12:00:00Z,2026-03-04T12:00:00Z

"$gen" 200000 2>"$tmp/pipe.err" | head -n 3 >"$tmp/head"
if [ ! -s "$tmp/pipe.err" ] && [ "$(wc -l <"$tmp/head")" -eq 3 ]; then
	ok "closed pipe (head) ends it quietly"
else
	cp "$tmp/pipe.err" "$tmp/why"
	notok "closed pipe (head) ends it quietly"
fi

"$gen" -h >"$tmp/help" 2>"$tmp/help.err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^usage: ' "$tmp/help" && [ ! -s "$tmp/help.err" ]
then
	ok "-h prints usage to stdout, exits 0"
else
	echo "exit $rc" >"$tmp/why"
	notok "-h prints usage to stdout, exits 0"
fi
for bad in "--bogus" "0" "-s x 10" "--start yesterday"; do
	# shellcheck disable=SC2086
	"$gen" $bad >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q 'usage' "$tmp/err"
	then
		ok "bad arguments '$bad' exit 2 with usage on stderr"
	else
		echo "exit $rc" >"$tmp/why"
		head -5 "$tmp/out" "$tmp/err" >>"$tmp/why"
		notok "bad arguments '$bad' exit 2 with usage on stderr"
	fi
done

echo "1..$n"
[ "$fail" -eq 0 ]
