# net-facebook-comments: a Page's feed with its comments nested, normalized
# in full ("+0000" times, comment ids and replies to comments through
# "parent", the Page's own posts and replies as the brand's, a photo post
# with no message, an author Facebook hides, reactions and shares, CJK and
# emoji); a post with more comments than fit is read on through
# /POST/comments before the next page of the feed; the requests as the
# Graph API wants them (fields, access_token).
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=test-token
mock_start facebook --data net-facebook-comments/data.json --page-size 2 \
    --log "$T/log"
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
diff -u net-facebook-comments/expected.ndjson "$T/out" || fail "output differs"
fields='id,message,created_time,updated_time,from,permalink_url,shares,reactions.summary(total_count).limit(0),comments.filter(stream).order(reverse_chronological).summary(true).limit(100){id,message,created_time,from,parent{id,from},like_count,comment_count,permalink_url}'
jq -se --arg f "$fields" '
	map(.path) == ["/104857600000001/feed",
	    "/104857600000001_771122334455720/comments",
	    "/104857600000001/feed", "/104857600000001/feed",
	    "/104857600000001_771122334455667/comments"] and
	all(.query.access_token == ["test-token"] and .query.limit == ["100"])
	and .[0].query.fields == [$f] and (.[0].query | has("after") | not) and
	(.[0].query | has("since") | not) and
	.[1].query.filter == ["stream"] and
	.[1].query.order == ["reverse_chronological"] and
	(.[1].query.after | length) == 1 and (.[2].query.after | length) == 1
' "$T/log" >/dev/null || fail "requests: $(jq -c '[.path, .query]' "$T/log")"

# Pages saved raw replay through the same parser.
# --since and --until go to the feed; older comments are left out.
: >"$T/log"
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    --since 2026-11-23T09:40:00Z --until 2026-11-23T11:20:00Z >"$T/out" \
    2>"$T/err" || fail "window: exit $?: $(cat "$T/err")"
[ "$(jq -r .created_at "$T/out" | cut -c12-19 | tr '\n' ' ')" = \
    "11:00:00 11:12:00 11:10:00 10:30:00 10:31:00 11:03:00 10:05:00 09:52:30 09:45:00 " ] ||
    fail "window: $(jq -r .created_at "$T/out")"
jq -se '.[0].query.since == ["1795426800"] and
    .[0].query.until == ["1795432800"]' "$T/log" >/dev/null ||
    fail "window: requests: $(jq -c .query "$T/log")"

# The same feed saved raw (comments all nested) and replayed with
# "import --raw-pages": the same posts; the Page's id comes from the post
# ids.
mock_set page-size=100
mock_get "/v21.0/104857600000001/feed?fields=$fields&access_token=test-token" |
    jq -c . >"$T/pages" || fail "saving the page"
sc-fetch import --raw-pages facebook "$T/pages" >"$T/out" 2>"$T/err" ||
    fail "import: exit $?: $(cat "$T/err")"
diff -u net-facebook-comments/expected.ndjson "$T/out" ||
    fail "import: output differs"

# A comments page saved alone (GET /POST/comments) and replayed: comments,
# each in_reply_to its post (or the comment it answers), as the network
# run writes them.
cf='id,message,created_time,from,parent{id,from},like_count,comment_count,permalink_url'
mock_get "/v21.0/104857600000001_771122334455720/comments?fields=$cf&filter=stream&access_token=test-token" |
    jq -c . >"$T/cpage" || fail "saving the comments page"
jq -e '.data | length > 1' "$T/cpage" >/dev/null || fail "comments page"
sc-fetch import --raw-pages facebook "$T/cpage" >"$T/out" 2>"$T/err" ||
    fail "comments replay: exit $?: $(cat "$T/err")"
jq -c 'select(.conversation_id == "facebook:104857600000001_771122334455720"
    and .in_reply_to != null) | del(.metrics, .in_reply_to_brand)' \
    net-facebook-comments/expected.ndjson | sort >"$T/want"
jq -c 'del(.metrics, .in_reply_to_brand)' "$T/out" | sort >"$T/got"
diff -u "$T/want" "$T/got" || fail "comments replay differs"
# without paging.next or permalinks: the post from the comment's id
jq -c 'del(.paging) | .data |= map(del(.permalink_url))' "$T/cpage" \
    >"$T/cpage2"
sc-fetch import --raw-pages facebook "$T/cpage2" >"$T/out" 2>"$T/err" ||
    fail "bare comments: exit $?"
jq -e -s 'length > 1 and all(.in_reply_to != null and
    (.conversation_id | startswith("facebook:771122334455720")))' "$T/out" \
    >/dev/null || fail "bare comments: $(cat "$T/out")"
