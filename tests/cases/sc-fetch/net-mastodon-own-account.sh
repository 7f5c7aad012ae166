# net-mastodon-own-account: --mentions with no brand account given takes
# the token's own account (GET /api/v1/accounts/verify_credentials, one
# request before the first page) as the brand's: in_reply_to_brand true,
# false or absent as with --brand-account, and from_brand for its own
# statuses.  No look-up when a brand account is given (option or
# configuration for mastodon), nor for --tag or --search.  The look-up
# refused alone (403: no read:accounts scope; 404; an answer without
# acct) warns once and the posts come all the same; 401 is exit 2, a
# throttle is waited for (75 beyond --max-wait), a 5xx is 75.
. "$SC_TOP/tests/mock/lib.sh"
export SC_MASTODON_TOKEN=test-token
mock_start mastodon --data net-mastodon-reply-to-brand/data.json \
    --log "$T/log"
host=127.0.0.1:$MOCK_PORT
brand() {
	reply_tsv "$1" '.text'
}
cat >"$T/want" <<'EOT'
@acme see what they said	absent
@acme also, it was order 4411	false
@kenji @acme same problem here	false
@acme still not working	true
@acme my order never arrived	absent
EOT
mentions() {
	sc-fetch mastodon --mentions --api-base "$MOCK_URL" "$@"
}

# The token's account (acct "acme", local) is acme@host.
: >"$T/log"
mentions >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
brand "$T/out" | diff -u "$T/want" - || fail "in_reply_to_brand differs"
jq -se 'map(.path) == ["/api/v1/accounts/verify_credentials",
    "/api/v1/notifications"] and
    all(.headers.authorization == "Bearer test-token")' "$T/log" \
    >/dev/null || fail "requests: $(jq -c '[.path, .query]' "$T/log")"
# the same records as with the account given
mentions --brand-account "acme@$host" >"$T/given" 2>"$T/err" ||
    fail "given: exit $?: $(cat "$T/err")"
diff -u "$T/given" "$T/out" || fail "not as with --brand-account"
# -v says whose it is
mentions -v >/dev/null 2>"$T/err" || fail "-v: exit $?"
grep -qx "sc-fetch: mastodon: the token's own account acme@$host is the brand's" \
    "$T/err" || fail "-v: $(cat "$T/err")"

# No look-up when a brand account is known for mastodon, or for --tag and
# --search; a configuration naming only another platform's does not count.
: >"$T/log"
mentions --brand-account someone-else >/dev/null 2>&1 || fail "given: exit"
printf '{"brand": {"accounts": {"mastodon": "acme@%s"}}}\n' "$host" \
    >"$T/m.json"
mentions --config "$T/m.json" >"$T/conf" 2>&1 || fail "config: exit"
diff -u "$T/out" "$T/conf" || fail "config: output"
sc-fetch mastodon --tag acme --api-base "$MOCK_URL" >/dev/null 2>&1 ||
    fail "tag: exit"
sc-fetch mastodon --search acme --api-base "$MOCK_URL" >/dev/null 2>&1 ||
    fail "search: exit"
jq -se 'map(.path) | unique == ["/api/v1/notifications",
    "/api/v1/timelines/tag/acme", "/api/v2/search"]' "$T/log" \
    >/dev/null || fail "look-ups: $(jq -c .path "$T/log")"
printf '{"brand": {"accounts": {"x": "acme"}}}\n' >"$T/x.json"
: >"$T/log"
mentions --config "$T/x.json" >"$T/conf" 2>&1 || fail "x config: exit"
diff -u "$T/out" "$T/conf" || fail "x config: output"
[ "$(jq -r .path "$T/log" | head -1)" = /api/v1/accounts/verify_credentials ] ||
    fail "x config: $(jq -c .path "$T/log")"

# The look-up refused, or no acct in its answer: a warning, the same
# posts, no in_reply_to_brand (nothing to compare with), exit 0.
sed 's/	\(true\|false\)$/	absent/' "$T/want" >"$T/unknown"
nobrand() {	# $1: what the warning says
	mentions >"$T/out2" 2>"$T/err"
	rc=$?
	[ $rc -eq 0 ] || fail "$1: exit $rc: $(cat "$T/err")"
	[ "$(cat "$T/err")" = "sc-fetch: mastodon: the token's own account is not known ($1): give --brand-account for in_reply_to_brand" ] ||
	    fail "$1: $(cat "$T/err")"
	brand "$T/out2" | diff -u "$T/unknown" - || fail "$1: output"
	jq -se 'all(.from_brand == false)' "$T/out2" >/dev/null ||
	    fail "$1: from_brand"
}
mock_set scopes=read:notifications,write:statuses
nobrand "verify_credentials: HTTP 403"
mock_set scopes=read,write me=none
nobrand "verify_credentials: no \"acct\" in the answer"
mock_set me=acme on=1:status:404 count=0
nobrand "verify_credentials: HTTP 404"
mock_set on=1:status:422 count=0
nobrand "verify_credentials: HTTP 422"
mock_set on=1:htmlstatus:404 count=0
nobrand "verify_credentials: HTTP 404"

# 401: the token is refused, exit 2 before any page, as for a page.
mock_set on= count=0
: >"$T/log"
SC_MASTODON_TOKEN=nope mentions --state "$T/st" >"$T/out3" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "401: exit $rc"
[ "$(cat "$T/err")" = "sc-fetch: mastodon: HTTP 401: check SC_MASTODON_TOKEN: The access token is invalid" ] ||
    fail "401: $(cat "$T/err")"
[ -s "$T/out3" ] && fail "401: output"
[ "$(jq -r .path "$T/log")" = /api/v1/accounts/verify_credentials ] ||
    fail "401: requests: $(jq -c .path "$T/log")"

# A throttle is waited for, then the look-up again and the posts.
mock_set on=1:429 reset=1 count=0
: >"$T/log"
mentions >"$T/out4" 2>"$T/err" || fail "429: exit $?: $(cat "$T/err")"
diff -u "$T/out" "$T/out4" || fail "429: output"
jq -se 'map([.path, .status]) == [
    ["/api/v1/accounts/verify_credentials", 429],
    ["/api/v1/accounts/verify_credentials", 200],
    ["/api/v1/notifications", 200]]' "$T/log" >/dev/null ||
    fail "429: requests: $(jq -c '[.path, .status]' "$T/log")"
# beyond --max-wait: 75, nothing written, the state untouched
mock_set on=1:429 reset=100 count=0
mentions --max-wait 0 --state "$T/st" -o "$T/out5" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "429 --max-wait 0: exit $rc: $(cat "$T/err")"
grep -Eq '^sc-fetch: mastodon: rate limited until [0-9T:-]+Z; state saved, try again later$' \
    "$T/err" || fail "429 --max-wait 0: $(cat "$T/err")"
[ -s "$T/out5" ] && fail "429 --max-wait 0: output"
[ -e "$T/st" ] && fail "429 --max-wait 0: a state"
# a 5xx: 75, try again later
mock_set on=1:500 count=0
mentions --retries 0 >"$T/out6" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "500: exit $rc: $(cat "$T/err")"
grep -q '^sc-fetch: mastodon: GET .*/api/v1/accounts/verify_credentials: HTTP 500' \
    "$T/err" || fail "500: $(cat "$T/err")"
[ -s "$T/out6" ] && fail "500: output"

# Its own statuses are the brand's (generated data: acme answers kenji).
mock_start mastodon --posts 10 --log "$T/log2"
mentions >"$T/gen" 2>"$T/err" || fail "generated: exit $?: $(cat "$T/err")"
jq -se 'map(select(.author.handle == "acme@127.0.0.1:'"$MOCK_PORT"'")) |
    length == 2 and all(.from_brand and .in_reply_to_brand == false)' \
    "$T/gen" >/dev/null || fail "from_brand: $(cat "$T/gen")"
jq -se 'map(select(.author.handle != "acme@127.0.0.1:'"$MOCK_PORT"'")) |
    length == 8 and all(.from_brand | not)' "$T/gen" >/dev/null ||
    fail "from_brand: others: $(cat "$T/gen")"
exit 0
