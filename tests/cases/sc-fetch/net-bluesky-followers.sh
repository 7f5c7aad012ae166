# net-bluesky-followers: search and notification results carry no
# follower counts, so after each page one getProfiles call per 25 of its
# authors fills author.followers (sc-classify's influencer reads it);
# actors the answer leaves out keep no count; --no-followers makes no
# such call; a throttled getProfiles is waited out like any other call.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 23 --page-size 10 --log "$T/log"
sc-fetch bluesky --search acme --api-base "$MOCK_URL" \
    --brand-account acme.bsky.social -o "$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 23 ] || fail "posts: $(wc -l <"$T/out")"
# the mock's counts (tests/mock/bluesky.py FOLLOWERS)
jq -se 'map(select(.author.followers != ({
	"bluesky:did:plc:jdoe4u5v6w7x8y9z": 120,
	"bluesky:did:plc:yamada2k3l4m5n6o": 15800,
	"bluesky:did:plc:lichen7p8q9r0s1t": 42,
	"bluesky:did:plc:kimmy2u3v4w5x6y7": 230000,
	"bluesky:did:plc:nobody9z8y7x6w5v": 0,
	"bluesky:did:plc:omar1a2b3c4d5e6f": 9999,
	"bluesky:did:plc:acme123abc456def": 50000}[.author.id]))) == []' \
    "$T/out" >/dev/null || fail "followers: $(jq -c .author "$T/out")"
# after each page, one call for the page's authors, each asked once
jq -se 'map(.path | ltrimstr("/xrpc/")) == ["com.atproto.server.createSession",
	"app.bsky.feed.searchPosts", "app.bsky.actor.getProfiles",
	"app.bsky.feed.searchPosts", "app.bsky.actor.getProfiles",
	"app.bsky.feed.searchPosts", "app.bsky.actor.getProfiles"] and
    (map(select(.path | endswith("getProfiles")) | .query.actors) |
	all((. | length) == (. | unique | length))) and
    (.[2].headers.authorization | startswith("Bearer "))' "$T/log" \
    >/dev/null || fail "requests: $(jq -c '[.path, .query]' "$T/log")"
# what sc-classify makes of them
sc-classify "$T/out" | jq -r 'select(.class.influencer) | .author.handle' |
    sort -u | tr '\n' ' ' >"$T/infl"
[ "$(cat "$T/infl")" = "acme.bsky.social kim.bsky.social yamada.bsky.social " ] ||
    fail "influencers: $(cat "$T/infl")"

# --no-followers: no getProfiles, no counts
: >"$T/log"
sc-fetch bluesky --search acme --no-followers --api-base "$MOCK_URL" \
    >"$T/out" 2>"$T/err" || fail "--no-followers: exit $?"
[ "$(mock_count "$T/log" /xrpc/app.bsky.actor.getProfiles)" -eq 0 ] ||
    fail "--no-followers: getProfiles called"
jq -se 'map(select(.author | has("followers"))) == []' "$T/out" \
    >/dev/null || fail "--no-followers: counts"

# 30 authors on one page: two calls, 25 and 5; unknown actors, no count
mock_stop
python3 - "$T/data.json" <<'PY'
import json, sys
posts = []
for i in range(30):
    did = "did:plc:user%024d" % i
    posts.append({
        "uri": "at://%s/app.bsky.feed.post/3m5user%06d" % (did, i),
        "cid": "bafyreiuser%06d" % i,
        "author": {"did": did, "handle": "user%d.bsky.social" % i},
        "record": {"$type": "app.bsky.feed.post",
                   "text": "acme question number %d" % i,
                   "createdAt": "2026-11-23T09:%02d:00.000Z" % i},
        "indexedAt": "2026-11-23T09:%02d:00.000Z" % i,
        "replyCount": 0, "repostCount": 0, "likeCount": 0,
        "quoteCount": 0})
json.dump({"posts": posts, "notifications": []}, open(sys.argv[1], "w"))
PY
: >"$T/log"
mock_start bluesky --data "$T/data.json" --page-size 100 --log "$T/log"
sc-fetch bluesky --search acme --api-base "$MOCK_URL" >"$T/out" \
    2>"$T/err" || fail "30 authors: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 30 ] || fail "30 authors: posts"
jq -se 'map(select(.path | endswith("getProfiles")) | .query.actors |
    length) == [25, 5]' "$T/log" >/dev/null ||
    fail "30 authors: calls: $(jq -c .query "$T/log")"
jq -se 'map(select(.author | has("followers"))) == []' "$T/out" \
    >/dev/null || fail "30 authors: counts for unknown actors"

# a throttled getProfiles is waited out, then the run goes on
mock_stop
: >"$T/log"
mock_start bluesky --posts 5 --page-size 10 --on 3:429 --reset 1 \
    --log "$T/log"
sc-fetch bluesky --search acme --api-base "$MOCK_URL" >"$T/out" \
    2>"$T/err" || fail "429: exit $?: $(cat "$T/err")"
[ "$(jq -c .status "$T/log" | tr '\n' ' ')" = "200 200 429 200 " ] ||
    fail "429: $(jq -c '[.path, .status]' "$T/log")"
jq -se 'map(select(.author | has("followers"))) | length == 5' "$T/out" \
    >/dev/null || fail "429: counts"
exit 0
