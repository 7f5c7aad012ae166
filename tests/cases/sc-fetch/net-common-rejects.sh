# net-common-rejects: a post that cannot be made is reported with the page's
# URL and skipped (exit 1), kept raw in --rejects FILE, or ends the run with
# --strict (exit 2, what came before written and committed); a post seen
# twice on overlapping pages is written once; --raw keeps the original.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --data net-common-rejects/data.json --page-size 4
url="GET http://127.0.0.1:$MOCK_PORT/2/tweets/search/recent?query=acme&max_results=100&tweet.fields=created_at%2Cauthor_id%2Cconversation_id%2Clang%2Cpublic_metrics%2Creferenced_tweets%2Cin_reply_to_user_id%2Centities%2Cnote_tweet&expansions=author_id%2Creferenced_tweets.id%2Cin_reply_to_user_id&user.fields=username%2Cname%2Cpublic_metrics%2Cverified"

sc-fetch x --search acme --api-base "$MOCK_URL" --rejects "$T/rej" -v \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "exit $?, want 1"
[ "$(jq -r .text "$T/out" | tr '\n' ' ')" = "six four two one " ] ||
    fail "posts: $(jq -r .text "$T/out")"
cat >"$T/want" <<EOT
sc-fetch: x: $url: post 1000000000000000005: a tweet without a "text"
sc-fetch: x: $url&next_token=tok1000000000000000004: post 1000000000000000003: "created_at": not a time: "yesterday"
sc-fetch: x: 2 pages, 4 posts, 1 duplicate dropped
EOT
diff -u "$T/want" "$T/err" || fail "messages"
[ "$(jq -r .id "$T/rej" | tr '\n' ' ')" = "1000000000000000005 1000000000000000003 " ] ||
    fail "rejects: $(cat "$T/rej")"

# The same pages replayed with import --raw-pages: each rejected tweet is
# kept once, alone, and the message names it (not the page once per post).
q='/2/tweets/search/recent?query=acme&max_results=100&expansions=author_id'
{
	mock_get "$q" "Authorization: Bearer test-token" | jq -c .
	mock_get "$q&next_token=tok1000000000000000004" \
	    "Authorization: Bearer test-token" | jq -c .
} >"$T/pages" || fail "saving pages"
sc-fetch import --raw-pages x --rejects "$T/rej2" "$T/pages" >"$T/out2" \
    2>"$T/err"
[ $? -eq 1 ] || fail "raw pages: exit"
cat >"$T/want" <<EOT
sc-fetch: $T/pages:1: post 1000000000000000005: a tweet without a "text"
sc-fetch: $T/pages:2: post 1000000000000000003: "created_at": not a time: "yesterday"
EOT
diff -u "$T/want" "$T/err" || fail "raw pages: messages"
[ "$(jq -c '[.id, .text]' "$T/rej2" | tr '\n' ' ')" = \
    '["1000000000000000005",null] ["1000000000000000003","three"] ' ] ||
    fail "raw pages: rejects: $(cat "$T/rej2")"

sc-fetch x --search acme --api-base "$MOCK_URL" --strict --state "$T/st" \
    -o "$T/strict" 2>"$T/err"
[ $? -eq 2 ] || fail "--strict: exit $?, want 2"
[ "$(jq -r .text "$T/strict")" = "six" ] || fail "--strict: posts"
tail -n 1 "$T/err" | grep -qx 'sc-fetch: x: stopping at the first bad record (--strict)' ||
    fail "--strict: $(cat "$T/err")"
jq -e '.queries[].recent == ["x:1000000000000000006"] and
    .queries[].poll.cursor == null' "$T/st" >/dev/null ||
    fail "--strict: state: $(cat "$T/st")"

sc-fetch x --search acme --api-base "$MOCK_URL" --raw --max 1 \
    >"$T/raw" 2>/dev/null
jq -e '.raw == {"id": "1000000000000000006", "text": "six",
    "author_id": "1", "created_at": "2026-11-21T08:06:00.000Z"} and
    .id == "x:1000000000000000006"' "$T/raw" >/dev/null ||
    fail "--raw: $(cat "$T/raw")"
