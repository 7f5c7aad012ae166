# net-send-platforms: the whole way round on each platform's mock: posts
# read with sc-fetch, their replies approved, sent with sc-reply --send,
# and each reply received in the right thread with the platform's own
# request: Mastodon in_reply_to_id with an Idempotency-Key (a private post
# answered "direct"), Bluesky createRecord with the parent's and the
# thread root's uri and cid, Reddit /api/comment with thing_id as a form
# with a User-Agent, Facebook a comment on the object with the token in
# the body, not the URL.  Also what each refuses.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
export SC_REDDIT_TOKEN=test-token SC_FACEBOOK_TOKEN=test-token

# approve: each fetched post gets an approved reply "re: ID"
approve() {
	jq -c '.reply = {status: "approved", text: ("re: " + .id)}'
}
send() {	# journal [options]
	j=$1
	shift
	sc-reply --send --journal "$T/$j" --api-base "$MOCK_URL" "$@" \
	    "$T/in" >"$T/out" 2>"$T/err"
}
# the created replies: target and text, as the mock saw them
made() {
	jq -r 'select(.created) | "\(.created.to) \(.created.text)"' "$T/log"
}

# Mastodon
mock_start mastodon --posts 4 --log "$T/log"
sc-fetch mastodon --mentions --api-base "$MOCK_URL" 2>"$T/err" | approve \
    >"$T/in" || fail "mastodon: fetch"
jq -e -s 'map(select(.channel == "private")) | length > 0' "$T/in" \
    >/dev/null || fail "mastodon: no direct message in the mock's posts"
send jm || fail "mastodon: exit $?: $(cat "$T/err")"
[ "$(jq -r .reply.status "$T/out" | sort -u)" = sent ] ||
    fail "mastodon: statuses"
jq -r '.id | sub("mastodon:"; "") | "\(.) re: mastodon:\(.)"' "$T/in" |
    sort >"$T/want"
made | sort >"$T/got"
diff -u "$T/want" "$T/got" || fail "mastodon: threads"
jq -e -s 'map(select(.method == "POST")) | length == 4 and all(
    (.headers["idempotency-key"] | test("^[0-9a-f]{32}$")) and
    .headers.authorization == "Bearer test-token")' "$T/log" >/dev/null ||
    fail "mastodon: headers"
jq -r 'select(.channel == "private") | .id | sub("mastodon:"; "")' "$T/in" |
    sort >"$T/want"
jq -r 'select(.method == "POST") | .body | fromjson |
    select(.visibility == "direct") | .in_reply_to_id' "$T/log" | sort >"$T/got"
diff -u "$T/want" "$T/got" || fail "mastodon: private posts answered direct"
# a record without an id of the platform's: failed, nothing sent
printf '%s\n' '{"id":"mastodon:","platform":"mastodon","reply":{"status":"approved","text":"x"}}' >"$T/in"
send jm2
[ $? -eq 1 ] || fail "mastodon: no id: exit"
jq -e '.reply.status == "failed" and .reply.error == "no \"id\" to reply to"' \
    "$T/out" >/dev/null || fail "mastodon: no id: $(cat "$T/out")"
# Mastodon has no default API: --api-base is needed
sc-reply --send --journal "$T/jm3" "$T/in" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "mastodon: no api-base: exit"
grep -q '^sc-reply: mastodon: --api-base mastodon=URL is needed$' "$T/err" ||
    fail "mastodon: no api-base: $(cat "$T/err")"
mock_stop
: >"$T/log"

# Bluesky: posts 3 and 4 of the generated set are replies in threads
mock_start bluesky --posts 6 --log "$T/log"
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" \
    2>"$T/err" | approve >"$T/in" || fail "bluesky: fetch $(cat "$T/err")"
[ "$(wc -l <"$T/in")" -gt 3 ] || fail "bluesky: fetched $(wc -l <"$T/in")"
send jb || fail "bluesky: exit $?: $(cat "$T/err")"
[ "$(jq -r .reply.status "$T/out" | sort -u)" = sent ] ||
    fail "bluesky: statuses $(cat "$T/err")"
jq -r 'select(.method == "POST" and (.path | endswith("createRecord"))) |
    .body | fromjson | .record.reply | "\(.parent.uri) \(.parent.cid) \(.root.uri)"' \
    "$T/log" | sort >"$T/got"
# the parent read first: getPosts, or for the account's own posts
# getRecord from its server
jq -r 'if (.path | endswith("getPosts")) then .query.uris[0]
    elif (.path | endswith("getRecord")) then
    "at://\(.query.repo[0])/\(.query.collection[0])/\(.query.rkey[0])"
    else empty end' "$T/log" | sort -u >"$T/asked"
jq -r '.id | sub("^bluesky:"; "")' "$T/in" | sort -u >"$T/ids"
diff -u "$T/ids" "$T/asked" || fail "bluesky: getPosts"
jq -e -s 'map(select(.path | endswith("getRecord")) | .query.repo[0]) |
    length > 0 and all(. == "did:plc:acme123abc456def")' "$T/log" \
    >/dev/null || fail "bluesky: getRecord"
awk '{ print $1 }' "$T/got" | sort >"$T/parents"
diff -u "$T/ids" "$T/parents" || fail "bluesky: parents"
grep -q ' bafyreigen[0-9]* ' "$T/got" || fail "bluesky: cid"
# a reply's root is its thread's root, not the post answered
awk '$1 != $3' "$T/got" | grep -q . || fail "bluesky: no reply had another root"
mock_stop
: >"$T/log"

# Reddit
mock_start reddit --posts 3 --log "$T/log"
sc-fetch reddit --search acme --api-base "$MOCK_URL" 2>"$T/err" | approve \
    >"$T/in" || fail "reddit: fetch $(cat "$T/err")"
send jr || fail "reddit: exit $?: $(cat "$T/err")"
jq -r '.id | sub("reddit:"; "") | "\(.) re: reddit:\(.)"' "$T/in" |
    sort >"$T/want"
made | sort >"$T/got"
diff -u "$T/want" "$T/got" || fail "reddit: threads"
jq -e -s 'map(select(.method == "POST")) | length == 3 and all(
    .path == "/api/comment" and
    .headers["content-type"] == "application/x-www-form-urlencoded" and
    (.headers["user-agent"] | startswith("unix:sc-fetch:")) and
    (.body | startswith("api_type=json&thing_id=t3_")))' "$T/log" \
    >/dev/null || fail "reddit: requests"
jq -e -s 'map(.reply.sent_id | test("^reddit:t1_")) | all' "$T/out" \
    >/dev/null || fail "reddit: sent ids"
# a RATELIMIT in a 200: nothing made, the rest waits for the next run
mock_set ratelimit-comment=1
send jr2 --max-wait 5
[ $? -eq 75 ] || fail "reddit: RATELIMIT: exit"
[ "$(jq -r .reply.status "$T/out" | sort -u)" = approved ] ||
    fail "reddit: RATELIMIT: statuses"
grep -q '"op":"unsent"' "$T/jr2" || fail "reddit: RATELIMIT: journal"
mock_stop
: >"$T/log"

# Facebook: comments of a Page, and a Messenger message
mock_start facebook --posts 2 --log "$T/log"
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    2>"$T/err" | approve >"$T/in" || fail "facebook: fetch $(cat "$T/err")"
printf '%s\n' '{"id":"facebook:m_abc","platform":"facebook","channel":"private","reply":{"status":"approved","text":"dm"}}' >>"$T/in"
send jf
[ $? -eq 1 ] || fail "facebook: exit (one Messenger message): $(cat "$T/err")"
jq -r 'select(.channel != "private") | .id | sub("facebook:"; "") |
    "\(.) re: facebook:\(.)"' "$T/in" | sort >"$T/want"
made | sort >"$T/got"
diff -u "$T/want" "$T/got" || fail "facebook: objects"
jq -e -s 'map(select(.method == "POST")) | all((.query | length == 0) and
    (.body | test("^message=.*&access_token=test-token$")))' "$T/log" \
    >/dev/null || fail "facebook: the token is in the body only"
jq -e 'select(.channel == "private") | .reply.status == "failed" and
    (.reply.error | test("Messenger"))' "$T/out" >/dev/null ||
    fail "facebook: Messenger"
exit 0
