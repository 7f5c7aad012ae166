# --format html with -r: the summary table has the four business columns
# after FRT MEAN, with the hand-computed figures of business.in (see
# business.out); without -r it has none.
set -u
t=$SC_TMP
summary() {	# the summary table's rows as tab-separated cells
	python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.on = False; s.row = None; s.cell = None
    def handle_starttag(s, tag, a):
        if tag == "table" and dict(a).get("id") == "summary": s.on = True
        elif s.on and tag == "tr": s.row = []
        elif s.on and tag in ("td", "th"): s.cell = ""
    def handle_endtag(s, tag):
        if tag == "table": s.on = False
        elif s.on and tag in ("td", "th"): s.row.append(s.cell); s.cell = None
        elif s.on and tag == "tr": print("\t".join(s.row))
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
P().feed(sys.stdin.read())'
}
sc-report --now 2026-11-23T00:00:00Z -r business-rules.json --format html \
    business.in 2> /dev/null | summary > "$t/with" || exit 1
printf 'group\tINBOUND\tANSWERED\tRATE\tFRT MEDIAN\tFRT P90\tFRT P95\tFRT MEAN\tBH MEDIAN\tBH P90\tBH P95\tBH MEAN\tSLA MET\tBREACHED\tPENDING
all\t9\t8\t88.9%%\t20m\t2d17h\t2d17h\t21h43m\t10m\t4h45m\t4h45m\t54m\t0\t0\t0\n' |
    diff -u - "$t/with" || exit 1
sc-report --now 2026-11-23T00:00:00Z --format html business.in |
    summary > "$t/without" || exit 1
printf 'group\tINBOUND\tANSWERED\tRATE\tFRT MEDIAN\tFRT P90\tFRT P95\tFRT MEAN\tSLA MET\tBREACHED\tPENDING
all\t9\t8\t88.9%%\t20m\t2d17h\t2d17h\t21h43m\t0\t0\t0\n' |
    diff -u - "$t/without"
