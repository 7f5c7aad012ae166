# net-bluesky-incremental: a first run follows the body's cursor through
# every page; the state's position is the newest sortAt (epoch ms); the
# next run asks since= that second and stops at the saved position, so
# only newer posts come; a run with nothing new writes nothing.  Pages
# that overlap (Bluesky's cursor "may not allow scrolling through entire
# result set") give no post twice.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 23 --page-size 5 --log "$T/log"
run() {
	sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" --state "$T/st" \
	    --brand-account acme.bsky.social -o "$T/out" "$@" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
}
run
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 23 ] || fail "first run: $(wc -l <"$T/out") posts"
jq -se 'map(.path | ltrimstr("/xrpc/")) == ["com.atproto.server.createSession"]
    + [range(5) | "app.bsky.feed.searchPosts"] and
    map(.query.cursor[0]) == [null, null, "5", "10", "15", "20"] and
    map(.query.since) == [range(6) | null]' "$T/log" >/dev/null ||
    fail "run 1 requests: $(jq -c '[.path, .query]' "$T/log")"
jq -e '.queries["bluesky search acme"] | .position == "1795162920122" and
    (has("poll") | not) and (.recent | length) == 23' "$T/st" >/dev/null ||
    fail "state after run 1: $(cat "$T/st")"
grep -q '"text":"acme の配送が遅れています 📦 いつ届きますか? #19"' "$T/out" &&
    grep -q '"name":"李晨 🌱"' "$T/out" &&
    grep -q '"text":"acme 앱이 또 로그인이 안 돼요 🙏 #21"' "$T/out" ||
    fail "CJK or emoji text changed"
[ "$(jq -c 'select(.from_brand) | .url' "$T/out" | tr -d '"' |
    sed 's,.*/,,' | tr '\n' ' ')" = "3lb222222ykml 3lb222222ykme 3lb222222ykm5 " ] ||
    fail "from_brand: $(jq -c 'select(.from_brand)' "$T/out")"

mock_set posts=27
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 27 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'length == 2 and .[1].query.since == ["2026-11-20T08:22:00Z"] and
    (.[1].query | has("cursor") | not)' "$T/log" >/dev/null ||
    fail "run 2 requests: $(cat "$T/log")"
jq -e '.queries["bluesky search acme"].position == "1795163160126"' \
    "$T/st" >/dev/null || fail "state after run 2: $(cat "$T/st")"
[ "$(tail -n 4 "$T/out" | jq -r .created_at | cut -c12-16 | tr '\n' ' ')" \
    = "08:26 08:25 08:24 08:23 " ] || fail "run 2 posts: $(tail -n 4 "$T/out")"

: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 27 ] || fail "third run wrote posts"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 27 ] || fail "duplicates"

# Overlapping pages: each starts 2 posts early.
mock_set posts=23 overlap=2
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" -v >"$T/out2" \
    2>"$T/err" || fail "overlap: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out2")" -eq 23 ] &&
    [ "$(jq -r .id "$T/out2" | sort -u | wc -l)" -eq 23 ] ||
    fail "overlap: $(wc -l <"$T/out2") posts"
grep -q '^sc-fetch: bluesky: 7 pages, 23 posts, 12 duplicates dropped$' \
    "$T/err" || fail "overlap: $(cat "$T/err")"
