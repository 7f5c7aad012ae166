# net-bluesky-errors: the second page's request goes wrong; the first page
# stays written, the state points at the second, the message names the
# URL, and the status says whether trying again may help (75) or not (2).
# A 5xx once is retried.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 8 --page-size 5 --log "$T/log"

FETCH_ARGS="bluesky --no-followers --search acme" FIRST_PAGE=5
check_state() {
	jq -e '.queries["bluesky search acme"].poll.cursor == "5"' "$T/st" \
	    >/dev/null || fail "$1: state: $(cat "$T/st")"
}
url='GET http://127\.0\.0\.1:[0-9]+/xrpc/app\.bsky\.feed\.searchPosts\?q=acme&sort=latest&limit=100&cursor=5'
later='; state saved, try again later'

error_scenario 3-9:500 75 "$url: HTTP 500 \(after 3 tries\): internal server error$later" \
    --retries 2 --retry-wait 0.01
error_scenario 3:502html 75 "$url: HTTP 502: an HTML page$later"
error_scenario 3:html200 2 "$url: expected JSON, got an HTML page \(HTTP 200\)"
error_scenario 3:cutjson 75 "$url: the answer was cut short \(HTTP 200, [0-9]+ bytes\)$later"
error_scenario 3:401 2 "HTTP 401: check SC_BLUESKY_HANDLE and SC_BLUESKY_APP_PASSWORD: Authentication Required"

# a 500 once is retried and the run completes
mock_set on=3:500 count=0
: >"$T/log"
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" --retries 2 \
    --retry-wait 0.01 >"$T/out" 2>"$T/err" || fail "retry: exit $?"
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "retry: posts"
[ "$(jq -c .status "$T/log" | tr '\n' ' ')" = "200 200 500 200 " ] ||
    fail "retry: $(jq -c .status "$T/log")"
