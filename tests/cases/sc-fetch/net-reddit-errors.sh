# net-reddit-errors: the second page's request goes wrong; the first page
# stays written, the state points at the second, the message names the URL
# and the status says whether trying again may help (75) or not (2); a
# refused token names SC_REDDIT_TOKEN, and the token is never on stderr,
# even with -v -v (Authorization redacted).  A 5xx once is retried.
. "$SC_TOP/tests/mock/lib.sh"
export SC_REDDIT_TOKEN=rd-secret-4711
mock_start reddit --posts 8 --page-size 5 --token rd-secret-4711 --log "$T/log"

after=
FETCH_ARGS="reddit --search acme" FIRST_PAGE=5 FETCH_SECRET=rd-secret
check_state() {
	after=$(tail -n 1 "$T/out" | jq -r '.id | ltrimstr("reddit:")')
	jq -e --arg a "$after" '.queries["reddit search acme"].poll.cursor ==
	    $a' "$T/st" >/dev/null || fail "$1: state: $(cat "$T/st")"
}
url='GET http://127\.0\.0\.1:[0-9]+/search\?q=acme&sort=new&t=all&limit=100&raw_json=1&after=t3_[0-9a-z]+'
later='; state saved, try again later'

error_scenario 2-9:500 75 "$url: HTTP 500 \(after 2 tries\): internal server error$later" \
    --retries 1 --retry-wait 0.01 -v -v
grep -q '^> Authorization: \[redacted\]' "$T/err" || fail "no trace"
error_scenario 2:502html 75 "$url: HTTP 502: an HTML page$later"
error_scenario 2:html200 2 "$url: expected JSON, got an HTML page \(HTTP 200\)"
error_scenario 2:cutjson 75 "$url: the answer was cut short \(HTTP 200, [0-9]+ bytes\)$later"
error_scenario 2:401 2 "HTTP 401: check SC_REDDIT_TOKEN: Unauthorized"

# a wrong token
mock_set on= count=0
SC_REDDIT_TOKEN=wrong sc-fetch reddit --search acme --api-base "$MOCK_URL" \
    >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "wrong token: exit"
[ "$(cat "$T/err")" = "sc-fetch: reddit: HTTP 401: check SC_REDDIT_TOKEN: Unauthorized" ] ||
    fail "wrong token: $(cat "$T/err")"

# a 500 once is retried and the run completes
mock_set on=2:500 count=0
: >"$T/log"
sc-fetch reddit --search acme --api-base "$MOCK_URL" --retries 2 \
    --retry-wait 0.01 >"$T/out" 2>"$T/err" || fail "retry: exit $?"
[ "$(wc -l <"$T/out")" -eq 8 ] || fail "retry: posts"
[ "$(jq -c .status "$T/log" | tr '\n' ' ')" = "200 500 200 " ] ||
    fail "retry: $(jq -c .status "$T/log")"
