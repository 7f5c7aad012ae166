# --format html: one self-contained page (no external assets, no scripts),
# its tags balanced, the five charts present and not empty; values with
# markup are escaped.
set -u
t=$SC_TMP
python3 "$SC_TOP/scripts/gen-posts" 800 | sc-classify |
    sc-route -r "$SC_TOP/scripts/examples/rules.json" |
    jq -c 'if .id | endswith("7") then .route.team = "<b>care&co</b>" else . end' \
    > "$t/posts.ndjson" || exit 1
sc-report --now 2026-11-23T00:00:00Z --by platform --format html \
    "$t/posts.ndjson" > "$t/r.html" || exit 1
python3 - "$t/r.html" <<'PY' || exit 1
import sys
from html.parser import HTMLParser
void = {"meta", "br", "img", "input", "link", "hr"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.charts = {}; s.cur = None; s.bad = []
    def handle_starttag(s, tag, a):
        a = dict(a)
        for k in ("src", "href", "xlink:href"):
            if k in a: s.bad.append("external %s=%s" % (k, a[k]))
        if tag in ("script", "link", "iframe", "img"): s.bad.append("tag " + tag)
        if tag == "svg": s.cur = a.get("id"); s.charts[s.cur] = 0
        elif s.cur and tag in ("rect", "circle", "polyline"):
            if tag != "rect" or float(a.get("height", "1")) > 0:
                s.charts[s.cur] += 1
        if tag not in void: s.stack.append(tag)
    def handle_endtag(s, tag):
        if not s.stack or s.stack.pop() != tag: s.bad.append("unbalanced " + tag)
        if tag == "svg": s.cur = None
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
want = ["heatmap", "frt", "daily", "sla", "spikes"]
for c in want:
    if p.charts.get(c, 0) == 0: p.bad.append("empty chart " + c)
if p.stack: p.bad.append("unclosed " + " ".join(p.stack))
if p.bad: print(p.bad); sys.exit(1)
PY
grep -q '&lt;b&gt;care&amp;co&lt;/b&gt;' "$t/r.html" || { echo "team not escaped"; exit 1; }
grep -q '<b>care' "$t/r.html" && { echo "markup leaked"; exit 1; }
exit 0
