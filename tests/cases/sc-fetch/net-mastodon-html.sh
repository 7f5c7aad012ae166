# net-mastodon-html: statuses' HTML made plain text (paragraphs, line breaks,
# lists, entities named and numeric, invisible and ellipsis link spans, a
# content warning first), boosts as the boosted status, direct messages
# private, local handles with the instance's host, CJK and emoji; the
# public tag timeline needs no token; mentions give the same posts.
. "$SC_TOP/tests/mock/lib.sh"
unset SC_MASTODON_TOKEN
mock_start mastodon --data net-mastodon-html/data.json --page-size 3 \
    --log "$T/log"
host=127.0.0.1:$MOCK_PORT
sc-fetch mastodon --tag '#acme' --api-base "$MOCK_URL/" \
    --brand-account "acme@$host" >"$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
sed "s/$host/mastodon.test/g" "$T/out" | diff -u net-mastodon-html/expected.ndjson - ||
    fail "output differs"
jq -se 'map(.path) | unique == ["/api/v1/timelines/tag/acme"]' "$T/log" \
    >/dev/null || fail "path: $(head -1 "$T/log")"
jq -se 'map(.headers | has("authorization")) | unique == [false]' \
    "$T/log" >/dev/null || fail "a token was sent"

SC_MASTODON_TOKEN=test-token sc-fetch mastodon --mentions \
    --api-base "$MOCK_URL" --brand-account "acme@$host" >"$T/men" ||
    fail "mentions: exit $?"
diff -u "$T/out" "$T/men" || fail "mentions differ from the tag timeline"
