# net-reddit-own-account: --mentions with no brand account given takes the
# token's own account (GET /api/v1/me, its "name"; one request before the
# first page) as the brand's: in_reply_to_brand true, false or absent as
# with --brand-account (the parents asked of /api/info), from_brand for
# its own comments.  No look-up when a brand account is given, nor for
# --search.  The look-up refused alone (403: no identity scope; 404; an
# app-only token's answer without a name) warns once, and the posts come
# without in_reply_to_brand and without /api/info; 401 is exit 2.
. "$SC_TOP/tests/mock/lib.sh"
export SC_REDDIT_TOKEN=test-token
mock_start reddit --data net-reddit-mentions/data.json --page-size 4 \
    --log "$T/log"
brand() {
	reply_tsv "$1" '.id, .from_brand'
}
mentions() {
	sc-fetch reddit --mentions --api-base "$MOCK_URL" "$@"
}

# The token is acme_support's.
mentions >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
brand "$T/out" >"$T/got"
cat >"$T/want" <<'EOT'
reddit:t1_l8a0007	false	false
reddit:t1_l8a0006	false	absent
reddit:t1_l8a0005	false	absent
reddit:t1_l8a0004	false	false
reddit:t1_l8a0003	false	false
reddit:t1_l8a0002	false	true
reddit:t1_l8a0001	false	true
EOT
diff -u "$T/want" "$T/got" || fail "in_reply_to_brand differs"
jq -se 'map(.path) == ["/api/v1/me", "/message/mentions", "/api/info",
    "/message/mentions", "/api/info"] and
    .[0].headers.authorization == "bearer test-token" and
    (.[0].headers["user-agent"] | test("^unix:sc-fetch:")) and
    .[0].query.raw_json == ["1"]' "$T/log" >/dev/null ||
    fail "requests: $(jq -c '[.path, .query]' "$T/log")"
mentions --brand-account acme_support >"$T/given" 2>&1 || fail "given: exit"
diff -u "$T/given" "$T/out" || fail "not as with --brand-account"

# Another account's token: its comments are the brand's, and the answers
# to its posts (jdoe_rd wrote t3_1dcu002).
mock_set me=jdoe_rd
mentions >"$T/jdoe" 2>"$T/err" || fail "jdoe: exit $?: $(cat "$T/err")"
brand "$T/jdoe" >"$T/got"
cat >"$T/want2" <<'EOT'
reddit:t1_l8a0007	true	false
reddit:t1_l8a0006	false	absent
reddit:t1_l8a0005	false	absent
reddit:t1_l8a0004	true	true
reddit:t1_l8a0003	false	false
reddit:t1_l8a0002	false	false
reddit:t1_l8a0001	true	false
EOT
diff -u "$T/want2" "$T/got" || fail "jdoe: differs"
mock_set me=acme_support

# No look-up with a brand account given, nor for --search.
: >"$T/log"
mentions --brand-account someone_else >/dev/null 2>&1 || fail "given: exit"
sc-fetch reddit --search acme --api-base "$MOCK_URL" >/dev/null 2>&1 ||
    fail "search: exit"
jq -se 'map(.path) | index("/api/v1/me") == null' "$T/log" >/dev/null ||
    fail "look-ups: $(jq -c .path "$T/log")"

# The look-up refused, or no name in its answer: a warning, the posts, no
# in_reply_to_brand and no /api/info (nothing to compare with), exit 0.
sed 's/	\(true\|false\)$/	absent/' "$T/want" >"$T/unknown"
nobrand() {	# $1: what the warning says
	: >"$T/log"
	mentions >"$T/out2" 2>"$T/err"
	rc=$?
	[ $rc -eq 0 ] || fail "$1: exit $rc: $(cat "$T/err")"
	[ "$(cat "$T/err")" = "sc-fetch: reddit: the token's own account is not known ($1): give --brand-account for in_reply_to_brand" ] ||
	    fail "$1: $(cat "$T/err")"
	brand "$T/out2" | diff -u "$T/unknown" - || fail "$1: output"
	jq -se 'map(.path) == ["/api/v1/me", "/message/mentions",
	    "/message/mentions"]' "$T/log" >/dev/null ||
	    fail "$1: requests: $(jq -c .path "$T/log")"
}
mock_set scopes=read,privatemessages,submit
nobrand "api/v1/me: HTTP 403"
mock_set 'scopes=*' app-only=1
nobrand "api/v1/me: no \"name\" in the answer"
mock_set app-only=0 on=1:status:404 count=0
nobrand "api/v1/me: HTTP 404"

# 401: exit 2 before any page.
mock_set on= count=0
: >"$T/log"
SC_REDDIT_TOKEN=nope mentions >"$T/out3" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] || fail "401: exit $rc"
[ "$(cat "$T/err")" = "sc-fetch: reddit: HTTP 401: check SC_REDDIT_TOKEN: Unauthorized" ] ||
    fail "401: $(cat "$T/err")"
[ -s "$T/out3" ] && fail "401: output"
[ "$(jq -r .path "$T/log")" = /api/v1/me ] ||
    fail "401: requests: $(jq -c .path "$T/log")"

# A throttle is waited for (Reddit's relative reset), then the posts.
mock_set on=1:429 reset=1 count=0
: >"$T/log"
mentions >"$T/out4" 2>"$T/err" || fail "429: exit $?: $(cat "$T/err")"
diff -u "$T/out" "$T/out4" || fail "429: output"
jq -se '.[0:2] | map([.path, .status]) == [["/api/v1/me", 429],
    ["/api/v1/me", 200]]' "$T/log" >/dev/null ||
    fail "429: requests: $(jq -c '[.path, .status]' "$T/log")"
exit 0
