# net-x-retweet: X cuts a retweet's text ("RT @user: ...…"); sc-fetch asks
# for expansions=referenced_tweets.id and writes "RT @user: " and the whole
# text of the tweet retweeted from includes.tweets (its note_tweet when it
# is long, its t.co links expanded).  A retweet whose original is not
# included keeps the text X gave.  The same page replayed with import
# --raw-pages comes out the same.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --data net-x-retweet/data.json --log "$T/log"
sc-fetch x --search acme --api-base "$MOCK_URL" >"$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
jq -e -s '.[0].query.expansions == ["author_id,referenced_tweets.id,in_reply_to_user_id"]' \
    "$T/log" >/dev/null || fail "expansions: $(head -c 600 "$T/log")"
jq -r .text "$T/out" >"$T/got"
cat >"$T/want" <<'EOT'
RT @nobody: the original is not in includes …
RT @acme_help: Our summer schedule is out: extra flights to Lisbon, Porto and Faro, new lounges in Madrid and a faster bag drop at every gate we fly from. Details: https://acme.example/summer and much more in the long version & the FAQ
RT @acme_help: short one & done
EOT
diff -u "$T/want" "$T/got" || fail "texts"
mock_get '/2/tweets/search/recent?query=acme&expansions=author_id,referenced_tweets.id' \
    "Authorization: Bearer test-token" | jq -c . >"$T/pages"
sc-fetch import --raw-pages x "$T/pages" | jq -r .text >"$T/got2" ||
    fail "replay"
diff -u "$T/want" "$T/got2" || fail "replayed texts"
