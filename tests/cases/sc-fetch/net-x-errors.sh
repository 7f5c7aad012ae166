# net-x-errors: the second page's request goes wrong in every way a network
# can; the first page stays written once, the state points at the second,
# the message names the (redacted) URL, and the status says whether trying
# again later may help (75) or not (2).  A 5xx once is retried.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 15 --page-size 10 --log "$T/log"

FETCH_ARGS="x --search acme" FIRST_PAGE=10
check_state() {
	jq -e '.queries["x search acme"].poll.cursor ==
	    "tok1790000000000006000" and (.outputs[] | .open == false)' \
	    "$T/st" >/dev/null || fail "$1: state: $(cat "$T/st")"
}
url='GET http://127\.0\.0\.1:[0-9]+/2/tweets/search/recent\?query=acme&max_results=100&[^ ]*next_token=tok1790000000000006000'
# http.c cuts long URLs in transport errors
short='GET http://127\.0\.0\.1:[0-9]+/2/tweets/search/recent\?query=acme[^ ]*'
later='; state saved, try again later'

error_scenario 2-9:500 75 "$url: HTTP 500 \(after 3 tries\): internal server error$later" \
    --retries 2 --retry-wait 0.01
error_scenario 2:502html 75 "$url: HTTP 502: an HTML page$later"
error_scenario 2:html200 2 "$url: expected JSON, got an HTML page \(HTTP 200\)"
error_scenario 2:badjson 2 "$url: not JSON: .* at byte [0-9]+ \(HTTP 200\)"
error_scenario 2:cutjson 75 "$url: the answer was cut short \(HTTP 200, [0-9]+ bytes\)$later"
error_scenario 2-9:truncate 75 "$short: .* \(after 2 tries\)$later" --retries 1 \
    --retry-wait 0.01
error_scenario 2-9:drop 75 "$short: .*$later"
error_scenario 2:slow:2 75 "$short: Timeout was reached$later" --timeout 1
error_scenario 2:status:400 2 "$url: HTTP 400: status 400"
error_scenario 2:status:404 2 "$url: HTTP 404: status 404"
error_scenario 2:401 2 "HTTP 401: check SC_X_TOKEN: Unauthorized"

# a 500 once is retried and the run completes
mock_set on=2:500 count=0
: >"$T/log"
sc-fetch x --search acme --api-base "$MOCK_URL" --retries 2 \
    --retry-wait 0.01 >"$T/out" 2>"$T/err" || fail "retry: exit $?"
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "retry: posts"
# The first three requests: a page, the 500, its retry.  (The log may
# hold a late line from the scenario before, so only its head is read.)
[ "$(jq -c 'select(.path | test("search")) | .status' "$T/log" |
    grep -n . | sed -n '/:500$/,$p' | head -2 | cut -d: -f2 | tr '\n' ' ')" = "500 200 " ] ||
    fail "retry: $(jq -c .status "$T/log")"

# without --state, no "state saved"
mock_set on=1:502html count=0
sc-fetch x --search acme --api-base "$MOCK_URL" --retries 0 2>"$T/err" \
    >/dev/null
[ $? -eq 75 ] || fail "no state: exit"
grep -q ': HTTP 502: an HTML page; try again later$' "$T/err" ||
    fail "no state: $(cat "$T/err")"
