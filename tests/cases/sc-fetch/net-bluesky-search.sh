# net-bluesky-search: searchPosts normalized in full (sortAt times with
# offsets and a client clock in the future, shortened links given back in
# full, mentions and tags kept, CJK, emoji and ZWJ sequences, replies and
# threads, the brand's own verified reply, handle.invalid), the requests
# as the PDS wants them, and a post that cannot be normalized.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --data net-bluesky-search/data.json --page-size 4 \
    --log "$T/log"
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" \
    --brand-account acme.bsky.social >"$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
diff -u net-bluesky-search/expected.ndjson "$T/out" || fail "output differs"
jq -se '
	length == 3 and
	.[0].method == "POST" and
	.[0].path == "/xrpc/com.atproto.server.createSession" and
	(.[0].body | fromjson) == {"identifier": "acme.bsky.social",
	    "password": "test-token"} and
	.[1].path == "/xrpc/app.bsky.feed.searchPosts" and
	.[1].query == {"q": ["acme"], "sort": ["latest"], "limit": ["100"]} and
	.[1].headers.authorization == "Bearer eyJhbGciOiJFUzI1NksifQ.acc1.sig"
	and .[2].query.cursor == ["4"]
' "$T/log" >/dev/null || fail "requests: $(cat "$T/log")"

# --since and --until go to the search.
: >"$T/log"
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" \
    --since 2026-11-23T05:00:00Z --until 2026-11-23T10:00:00Z >"$T/out" \
    2>"$T/err" || fail "window: exit $?: $(cat "$T/err")"
[ "$(jq -r .created_at "$T/out" | cut -c12-16 | tr '\n' ' ')" = \
    "09:40 09:21 08:15 07:30 06:00 " ] || fail "window: $(cat "$T/out")"
jq -se '.[1].query.since == ["2026-11-23T05:00:00Z"] and
    .[1].query.until == ["2026-11-23T10:00:00Z"]' "$T/log" >/dev/null ||
    fail "window: requests: $(jq -c .query "$T/log")"

# The same pages saved raw and replayed with "import --raw-pages".
auth='Authorization: Bearer eyJhbGciOiJFUzI1NksifQ.acc1.sig'
{
	mock_get '/xrpc/app.bsky.feed.searchPosts?q=acme&limit=100' "$auth"
	mock_get '/xrpc/app.bsky.feed.searchPosts?q=acme&limit=100&cursor=4' \
	    "$auth"
} | jq -c . >"$T/pages" || fail "saving pages"
sc-fetch import --raw-pages bluesky --brand-account acme.bsky.social \
    "$T/pages" >"$T/out" 2>"$T/err" || fail "import: exit $?: $(cat "$T/err")"
diff -u net-bluesky-search/expected.ndjson "$T/out" ||
    fail "import: output differs"

# A post whose time is no time: reported, the others written, exit 1.
mock_stop
mock_start bluesky --data net-bluesky-search/bad.json
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] || fail "bad post: exit $rc, want 1"
[ "$(jq -r .text "$T/out")" = "acme is fine" ] || fail "out: $(cat "$T/out")"
grep -q '^sc-fetch: bluesky: GET http://127.0.0.1:[0-9]*/xrpc/app.bsky.feed.searchPosts?q=acme&sort=latest&limit=100: post at://[^ ]*: "created_at": not a time: "2026-13-45T00:00:00Z"$' \
    "$T/err" || fail "stderr: $(cat "$T/err")"
exit 0
