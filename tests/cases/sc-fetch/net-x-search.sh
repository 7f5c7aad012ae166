# net-x-search: X recent search normalized in full (authors joined from
# includes.users, t.co links expanded, note_tweet, entities decoded, CJK and
# emoji, replies, a deleted author, the brand's own post), and the request
# as X wants it.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --data net-x-search/data.json --page-size 4 --log "$T/log"
sc-fetch x --search 'acme_air -is:retweet' --api-base "$MOCK_URL" \
    --brand-account acme_air >"$T/out" 2>"$T/err" || fail "exit $?"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
diff -u net-x-search/expected.ndjson "$T/out" || fail "output differs"
jq -se '
	length == 2 and
	.[0].path == "/2/tweets/search/recent" and
	.[0].query.query == ["acme_air -is:retweet"] and
	.[0].query.max_results == ["100"] and
	.[0].query.expansions == ["author_id,referenced_tweets.id,in_reply_to_user_id"] and
	(.[0].query["tweet.fields"][0] | test("note_tweet")) and
	.[0].headers.authorization == "Bearer test-token" and
	(.[0].query | has("next_token") | not) and
	(.[0].query | has("since_id") | not) and
	.[1].query.next_token == ["tok1861000000000000003"]
' "$T/log" >/dev/null || fail "requests: $(cat "$T/log")"
