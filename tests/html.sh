#!/bin/sh
# html.sh BINDIR - HTML pages as a person sees them, in headless Chromium
# (make check-html).
#
# tests/lib/render.py renders a page in Chromium (Debian chromium), over the
# DevTools protocol on a pipe: no port is opened.  A page fails on a
# console error or an uncaught exception, on anything it loads besides
# itself (a report is one self-contained file), on an <svg> chart with
# nothing drawn in it (checked in the DOM after scripts ran, with getBBox),
# and on a screenshot that does not decode (PNG chunks, CRCs, zlib and
# filters, read with the Python standard library) or is one colour.
#
# First the harness proves it can fail: a good page passes and each fixture
# in tests/fixtures/html with one fault fails for that fault.  Then, when
# sc-report has --format html, its report of a generated week is checked.
# Prints TAP.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd) || exit 2
. "$top/tests/lib/services.sh"

if ! command -v chromium >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then
		t "chromium is installed" false
	else
		t_skip "HTML in Chromium" "chromium not installed (scripts/install-deps)"
	fi
	t_done
	exit
fi
svc_init html
d=$SVC_TMP
LC_ALL=C.UTF-8
TZ=UTC
HOME=$d/home
export LC_ALL TZ HOME
unset SC_CONFIG SC_DATADIR
mkdir -p "$HOME"
render=$top/tests/lib/render.py
fx=$top/tests/fixtures/html

# verdict FILE.html NAME [WIDTH]: render FILE into $d/NAME, print one
# line per fault found (none: the page is good).
verdict() {
	o=$d/$2
	mkdir -p "$o"
	if ! python3 "$render" page "$1" "$o" ${3:-} >"$o/summary.json" 2>"$o/render.err"; then
		echo "render failed: $(cat "$o/render.err")"
		return
	fi
	jq -r '
		(.errors[] | "console: " + .),
		(.requests[] | "not self-contained: " + .),
		(if (.svgs | length) == 0 then "no chart" else empty end),
		(.svgs[] | select(.drawn == 0 or .width == 0 or .height == 0)
		    | "empty chart: " + .id)' "$o/summary.json"
	if ! python3 "$render" png "$o/page.png" >"$o/png.json" 2>"$o/png.err"; then
		echo "screenshot unreadable: $(cat "$o/png.err")"
		return
	fi
	jq -r 'if .colours < 2 or .dominant_share > 0.998
	    then "screenshot blank: \(.colours) colours, \(.dominant_share * 100 | floor)% one colour"
	    else empty end' "$o/png.json"
}
# expect FIXTURE PATTERN: the harness finds PATTERN's fault in FIXTURE.
expect() {
	verdict "$fx/$1.html" "$1" 480 >"$d/$1.verdict"
	sed 's/^/# /' "$d/$1.verdict"
	grep -q "$2" "$d/$1.verdict"
}

# -- the harness itself ----------------------------------------------------
verdict "$fx/good.html" good 480 >"$d/good.verdict"
t "a good page passes (two charts, one drawn by its script)" \
    '[ ! -s "$d/good.verdict" ] || { sed "s/^/# /" "$d/good.verdict"; false; }'
t "... its screenshot decodes: $(jq -r '"\(.width)x\(.height), \(.colours) colours"' "$d/good/png.json" 2>/dev/null)" \
    '[ "$(jq .width "$d/good/png.json")" -ge 480 ]'
t "a console.error fails" 'expect console-error "^console: console.error: chart data missing"'
t "an uncaught exception fails" 'expect exception "^console: uncaught: TypeError"'
t "an <svg> with nothing drawn fails" 'expect empty-chart "^empty chart: frt$"'
t "... and not the drawn one beside it" '! grep -q "empty chart: full" "$d/empty-chart.verdict"'
t "a blank page fails" 'expect blank "^screenshot blank: 1 colours"'
t "an external asset fails" 'expect external "^not self-contained: file://.*report-style.css"'
# A PNG with one byte changed in its image data.
python3 - "$d/good/page.png" "$d/bad.png" <<'EOF'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) // 2] ^= 0x55
open(sys.argv[2], "wb").write(b)
EOF
t "a damaged PNG is unreadable" \
    '! python3 "$render" png "$d/bad.png" 2>"$d/bad.err" && grep -q "CRC" "$d/bad.err"'
head -c 100 "$d/good/page.png" >"$d/cut.png"
t "a cut PNG is unreadable" '! python3 "$render" png "$d/cut.png" 2>/dev/null'

# -- sc-report's HTML report --------------------------------------------------
if "$bindir/sc-report" --help 2>&1 | grep -q 'html'; then
	python3 "$top/scripts/gen-posts" -s 2 3000 | "$bindir/sc-classify" |
	    "$bindir/sc-route" -r "$top/scripts/examples/rules.json" \
	    >"$d/week.ndjson" || exit 2
	"$bindir/sc-report" --format html "$d/week.ndjson" >"$d/report.html" \
	    2>"$d/report.err"
	rc=$?
	t "sc-report --format html exits 0" '[ $rc -eq 0 ] && [ -s "$d/report.html" ]'
	verdict "$d/report.html" report >"$d/report.verdict"
	sed 's/^/# /' "$d/report.verdict"
	jq -r '.svgs[] | "# chart \(.id): \(.drawn) of \(.shapes) shapes drawn"' \
	    "$d/report/summary.json" 2>/dev/null
	t "the report renders with no console error" '! grep -q "^console:\|^render failed" "$d/report.verdict"'
	t "the report loads nothing from elsewhere" '! grep -q "^not self-contained" "$d/report.verdict"'
	t "the report's charts are all drawn" \
	    '[ "$(jq ".svgs | length" "$d/report/summary.json")" -ge 1 ] && ! grep -q "chart" "$d/report.verdict"'
	t "the report's screenshot decodes and is not blank" '! grep -q "^screenshot" "$d/report.verdict"'
	# Kept for a person to look at when the test fails.
	[ -s "$d/report.verdict" ] && cp "$d/report/page.png" "${TMPDIR:-/tmp}/sc-report-html.png" &&
	    echo "# screenshot kept: ${TMPDIR:-/tmp}/sc-report-html.png"
else
	t_skip "sc-report --format html in Chromium" "sc-report has no --format html yet"
fi
t "no Chromium process left" '[ -z "$(svc_strays)" ]'
t_done
