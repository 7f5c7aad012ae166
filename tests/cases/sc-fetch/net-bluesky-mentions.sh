# net-bluesky-mentions: listNotifications asked for mentions, replies and
# quotes (likes and follows dropped even when the server sends them), paged
# by its time cursor; posts without metrics; the position is the newest
# indexedAt; the next run stops there.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 20 --page-size 4 --log "$T/log"
run() {
	sc-fetch bluesky --no-followers --mentions --api-base "$MOCK_URL" --state "$T/st" \
	    -o "$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
run
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "first run: $(wc -l <"$T/out") posts"
jq -se 'length == 5 and (.[1:] | all(
	.path == "/xrpc/app.bsky.notification.listNotifications" and
	.query.reasons == ["mention", "reply", "quote"] and
	.query.limit == ["100"])) and
    map(.query.cursor[0]) == [null, null, "1795162501.031",
	"1795162141.031", "1795161841.031"]' "$T/log" >/dev/null ||
    fail "run 1 requests: $(jq -c .query "$T/log")"
jq -se 'all(.channel == "public" and (has("metrics") | not) and
	.from_brand == false) and
    (map(select(.in_reply_to != null)) | length) == 4 and
    .[0].text == "acme の配送が遅れています 📦 いつ届きますか? #19" and
    .[0].created_at == "2026-11-20T08:19:00Z"' "$T/out" >/dev/null ||
    fail "posts: $(head -n 2 "$T/out")"
jq -e '.queries["bluesky mentions acme.bsky.social"].position ==
    "1795162741031"' "$T/st" >/dev/null || fail "state: $(cat "$T/st")"

mock_set posts=24
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 18 ] || fail "second run: $(wc -l <"$T/out")"
[ "$(mock_count "$T/log")" -eq 2 ] || fail "second run: requests"

# A server that sends every reason: only the posts are kept.
mock_set ignore-reasons=1
sc-fetch bluesky --no-followers --mentions --api-base "$MOCK_URL" >"$T/out2" 2>"$T/err" ||
    fail "all reasons: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out2")" -eq 18 ] || fail "all reasons: $(wc -l <"$T/out2")"
grep -q 'app.bsky.feed.like' "$T/out2" && fail "a like was written"
exit 0
