# net-facebook-errors: the feed's second page goes wrong; the first page
# stays written, the state points at the second, the message names the URL
# with the token redacted, and the status says whether trying again may
# help (75) or not (2).  A refused token (OAuthException 190) exits 2; as
# a 401 it names SC_FACEBOOK_TOKEN.  The token is never on stderr (-v -v
# traces included) nor in the state.  A 5xx once is retried.
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=fb-secret-0815
mock_start facebook --posts 6 --page-size 4 --token fb-secret-0815 \
    --log "$T/log"

FETCH_ARGS="facebook --page 104857600000001 --comments" FIRST_PAGE=10
FETCH_SECRET=fb-secret
check_state() {
	jq -e '.queries["facebook 104857600000001 comments"].poll.cursor |
	    fromjson | .q | startswith("after=")' "$T/st" >/dev/null ||
	    fail "$1: state: $(cat "$T/st")"
}
url='GET http://127\.0\.0\.1:[0-9]+/104857600000001/feed\?fields=[^ ]*&limit=100&after=[^ ]*&access_token=\[redacted\]'
later='; state saved, try again later'

error_scenario 2-9:500 75 "$url: HTTP 500 \(after 2 tries\): internal server error$later" \
    --retries 1 --retry-wait 0.01 -v -v
grep -q 'access_token=\[redacted\]' "$T/err" || fail "no trace: $(cat "$T/err")"
error_scenario 2:502html 75 "$url: HTTP 502: an HTML page$later"
error_scenario 2:html200 2 "$url: expected JSON, got an HTML page \(HTTP 200\)"
error_scenario 2:cutjson 75 "$url: the answer was cut short \(HTTP 200, [0-9]+ bytes\)$later"
error_scenario 2:401 2 "$url: HTTP 400: Invalid OAuth access token - Cannot parse access token"
mock_set auth-status=401
error_scenario 2:401 2 "HTTP 401: check SC_FACEBOOK_TOKEN: Invalid OAuth access token - Cannot parse access token"

# a wrong token, at once
mock_set on= count=0 auth-status=400
SC_FACEBOOK_TOKEN=wrong sc-fetch facebook --page 104857600000001 --messages \
    --api-base "$MOCK_URL" >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "wrong token: exit"
grep -Eq '^sc-fetch: facebook: GET http://127\.0\.0\.1:[0-9]+/104857600000001/conversations\?platform=messenger&fields=[^ ]*&access_token=\[redacted\]: HTTP 400: Invalid OAuth access token - Cannot parse access token$' \
    "$T/err" || fail "wrong token: $(cat "$T/err")"

# a 500 once is retried and the run completes
mock_set on=2:500 count=0
: >"$T/log"
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    --retries 2 --retry-wait 0.01 >"$T/out" 2>"$T/err" || fail "retry: exit $?"
[ "$(wc -l <"$T/out")" -eq 13 ] || fail "retry: posts"
[ "$(jq -c .status "$T/log" | tr '\n' ' ')" = "200 500 200 " ] ||
    fail "retry: $(jq -c .status "$T/log")"

# options
sc-fetch facebook --page acme --comments 2>"$T/err"
[ $? -eq 2 ] && [ "$(cat "$T/err")" = 'sc-fetch: --page: expected a numeric Page id: "acme"' ] ||
    fail "--page acme: $(cat "$T/err")"
sc-fetch facebook --page 104857600000001 2>"$T/err"
[ $? -eq 2 ] && head -n 1 "$T/err" | grep -qx 'sc-fetch: facebook: give one of --comments or --messages' ||
    fail "no mode: $(cat "$T/err")"
