# net-bluesky-auth: the session from createSession (environment or
# --credentials file); a wrong app password exits 2 naming the variables;
# neither the password nor the session's tokens show on stderr, even with
# -v -v; an expired access token is refreshed, or when refreshing fails the
# session is made again, and the run goes on; a token that keeps expiring
# ends the run.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 15 --page-size 5 --log "$T/log"
fetch() {
	sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" "$@"
}

SC_BLUESKY_APP_PASSWORD=wrong-password fetch >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "wrong password: exit $rc, want 2"
[ "$(cat "$T/err")" = "sc-fetch: bluesky: HTTP 401: check SC_BLUESKY_HANDLE and SC_BLUESKY_APP_PASSWORD: Invalid identifier or password" ] ||
    fail "wrong password: $(cat "$T/err")"
[ -s "$T/out" ] && fail "wrong password: output"

(unset SC_BLUESKY_APP_PASSWORD; fetch) >/dev/null 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "no password: exit $rc, want 2"
[ "$(cat "$T/err")" = "sc-fetch: bluesky: no app_password: set SC_BLUESKY_APP_PASSWORD or use --credentials FILE" ] ||
    fail "no password: $(cat "$T/err")"

# -v -v traces the HTTP exchange, tokens redacted.
mock_set count=0 expire-after=2
: >"$T/log"
fetch -v -v >"$T/out" 2>"$T/err" || fail "trace: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "refresh: $(wc -l <"$T/out") posts"
grep -q 'Authorization: \[redacted\]' "$T/err" || fail "no trace: $(cat "$T/err")"
grep -q 'test-token\|eyJhbGciOiJFUzI1NksifQ' "$T/err" &&
    fail "a secret on stderr: $(grep 'test-token\|eyJhbG' "$T/err")"
jq -se 'map([(.path | ltrimstr("/xrpc/")), .status]) == [
	["com.atproto.server.createSession", 200],
	["app.bsky.feed.searchPosts", 200], ["app.bsky.feed.searchPosts", 200],
	["app.bsky.feed.searchPosts", 400],
	["com.atproto.server.refreshSession", 200],
	["app.bsky.feed.searchPosts", 200]] and
    .[4].headers.authorization == "Bearer eyJhbGciOiJFUzI1NksifQ.ref1.sig" and
    .[5].headers.authorization == "Bearer eyJhbGciOiJFUzI1NksifQ.acc2.sig" and
    .[5].query.cursor == ["10"]' "$T/log" >/dev/null ||
    fail "refresh: $(jq -c '[.path, .status]' "$T/log")"

# The refresh token refused too: a new session.
mock_set count=0 expire-after=1 refresh-fails=1
: >"$T/log"
fetch >"$T/out" 2>"$T/err" || fail "new session: exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "new session: stderr: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "new session: posts"
[ "$(mock_count "$T/log" /xrpc/com.atproto.server.createSession)" -eq 3 ] ||
    fail "new session: $(jq -c '[.path, .status]' "$T/log")"

# Every token expires at once: two tries, then the run ends.
mock_set count=0 expire-after=0
fetch >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "always expired: exit $rc, want 2"
grep -Eq '^sc-fetch: bluesky: GET http://127\.0\.0\.1:[0-9]+/xrpc/app\.bsky\.feed\.searchPosts\?q=acme&sort=latest&limit=100: HTTP 400: Token has expired$' \
    "$T/err" || fail "always expired: $(cat "$T/err")"

# The credentials file.
mock_set count=0 expire-after= refresh-fails=
printf '{"bluesky": {"handle": "acme.bsky.social", "app_password": "test-token"}}\n' \
    >"$T/creds.json"
chmod 600 "$T/creds.json"
(unset SC_BLUESKY_HANDLE SC_BLUESKY_APP_PASSWORD
    fetch --credentials "$T/creds.json") >"$T/out" 2>"$T/err" ||
    fail "credentials file: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "credentials file: posts"
exit 0
