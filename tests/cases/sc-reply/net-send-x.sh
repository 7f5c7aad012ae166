# net-send-x: sc-reply --send posts the approved replies to X as replies
# in their threads (POST /2/tweets, reply.in_reply_to_tweet_id, the user
# token), writes each back sent/failed with its id, leaves drafts alone,
# and a second run with the same journal creates nothing new.  A 429 is
# waited out and the reply made once; a 500 after the reply was made and a
# connection cut after it are "unknown", never tried again; a refused
# connection is tried again by the next run; a second sender on the same
# journal exits 75.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --log "$T/log"

rec() {	# id status text
	printf '{"id":"x:%s","platform":"x","text":"hi @acme_help",' "$1"
	printf '"reply":{"status":"%s","text":"%s"}}\n' "$2" "$3"
}
{
	rec 1790000000000001000 approved "Sorry about that! We are on it."
	rec 1790000000000002000 draft "not yet"
	rec 4041 approved "to a deleted tweet"
	rec 1790000000000003000 approved "Thanks \\u2728 -- Ann"
	rec 1790000000000004000 rejected "no"
} >"$T/in"
created() {	# how many replies the mock made
	grep -c '"created"' "$T/log"
}

sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/in" \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 (one failed): $(cat "$T/err")"
grep -q '^sc-reply: .*/in:3: x: not sent: HTTP 403: ' "$T/err" ||
    fail "message: $(cat "$T/err")"
jq -r '.reply | [.status, .sent_id // "-", .error // "-"] | join(" ")' \
    "$T/out" | cut -c1-40 >"$T/got"
cat >"$T/want" <<'EOF'
sent x:1800000000000000001 -
draft - -
failed - HTTP 403: {"title": "Forbidden"
sent x:1800000000000000002 -
rejected - -
EOF
diff -u "$T/want" "$T/got" || fail "statuses"
jq -s -e 'map(select(.reply.status == "sent") | .reply.sent_at |
    test("^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]{8}Z$")) |
    length == 2 and all' "$T/out" >/dev/null || fail "sent_at"
# what X received: the thread, the text, the token, JSON
jq -c 'select(.method == "POST") | [.path, (.body | fromjson),
    .headers.authorization, .headers["content-type"]]' "$T/log" >"$T/got"
cat >"$T/want" <<'EOF'
["/2/tweets",{"text":"Sorry about that! We are on it.","reply":{"in_reply_to_tweet_id":"1790000000000001000"}},"Bearer test-token","application/json"]
["/2/tweets",{"text":"to a deleted tweet","reply":{"in_reply_to_tweet_id":"4041"}},"Bearer test-token","application/json"]
["/2/tweets",{"text":"Thanks ✨ -- Ann","reply":{"in_reply_to_tweet_id":"1790000000000003000"}},"Bearer test-token","application/json"]
EOF
diff -u "$T/want" "$T/got" || fail "requests"

# again: the journal knows; nothing new is created, the output is the same
cp "$T/out" "$T/out1"
sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/in" \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "re-run: exit"
[ "$(created)" -eq 2 ] || fail "re-run created again: $(created)"
diff -u "$T/out1" "$T/out" || fail "re-run output"
# the output of a run fed back in: nothing is approved any more
sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/out1" \
    >"$T/out" 2>"$T/err" || fail "sent records again: exit $?"
diff -u "$T/out1" "$T/out" || fail "sent records changed"

# one approved reply per scenario, on a fresh journal each
one() {	# name spec
	rec "179000000000000$2" approved "reply $1" >"$T/in1"
	mock_set "on=$3" count=0
	: >"$T/log"
	sc-reply --send --journal "$T/j-$1" --api-base "$MOCK_URL" \
	    --timeout 2 "$T/in1" >"$T/out" 2>"$T/err"
}
# a 429 (reset 1 s ahead): waited out, then made once
mock_set reset=1
one 429 5000 1:429 || fail "429: exit $?: $(cat "$T/err")"
jq -e '.reply.status == "sent"' "$T/out" >/dev/null || fail "429: status"
[ "$(created)" -eq 1 ] || fail "429: created $(created)"
[ "$(grep -c '"POST"' "$T/log")" -eq 2 ] || fail "429: requests"
# a 429 with a wait beyond --max-wait: exit 75, the record untouched but
# for the error, and the next run sends it
mock_set reset=30
rec 1790000000000006000 approved "reply later" >"$T/in1"
mock_set on=1:429 count=0
sc-reply --send --journal "$T/j-later" --api-base "$MOCK_URL" --max-wait 5 \
    "$T/in1" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "max-wait: exit $rc"
jq -e '.reply.status == "approved" and (.reply.error |
    test("rate limited"))' "$T/out" >/dev/null || fail "max-wait: record"
mock_set on= count=0
sc-reply --send --journal "$T/j-later" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "after max-wait: exit $?"
jq -e '.reply.status == "sent"' "$T/out" >/dev/null || fail "later: status"
# made, then a 500: unknown, and never sent again
one 500after 7000 1:500after
[ $? -eq 1 ] || fail "500after: exit"
jq -e '.reply.status == "unknown" and (.reply.error | test("HTTP 500"))' \
    "$T/out" >/dev/null || fail "500after: $(cat "$T/out")"
grep -q 'may or may not have been sent: HTTP 500' "$T/err" ||
    fail "500after: message $(cat "$T/err")"
mock_set on= count=0
sc-reply --send --journal "$T/j-500after" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err"
[ "$(created)" -eq 1 ] || fail "500after: tried again"
jq -e '.reply.status == "unknown"' "$T/out" >/dev/null ||
    fail "500after: re-run status"
# made, then the connection cut: unknown too
one dropafter 8000 1:dropafter
[ $? -eq 1 ] || fail "dropafter: exit"
jq -e '.reply.status == "unknown"' "$T/out" >/dev/null ||
    fail "dropafter: $(cat "$T/out")"
[ "$(created)" -eq 1 ] || fail "dropafter: created"
# a plain 500 before anything was made: still unknown (we cannot tell)
one 500 9000 1:500
jq -e '.reply.status == "unknown"' "$T/out" >/dev/null || fail "500: status"
[ "$(grep -c '"POST"' "$T/log")" -eq 1 ] || fail "500: a POST is not retried"

# a 401: the token, not the reply; stop with 2, the next run sends it
one 401 9500 1:401
[ $? -eq 2 ] || fail "401: exit"
jq -e '.reply.status == "approved" and .reply.error ==
    "HTTP 401: check the credentials"' "$T/out" >/dev/null ||
    fail "401: $(cat "$T/out")"
mock_set on= count=0
sc-reply --send --journal "$T/j-401" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "after 401: exit $?"
jq -e '.reply.status == "sent"' "$T/out" >/dev/null || fail "after 401"

# a second sender on the same journal: 75
mock_set on=1+:slow:2 count=0
rec 1790000000000010000 approved "slow" >"$T/in1"
sc-reply --send --journal "$T/j-lock" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out-a" 2>"$T/err-a" &
first=$!
sleep 0.7
sc-reply --send --journal "$T/j-lock" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err"
rc=$?
wait $first || fail "lock: the first run: $(cat "$T/err-a")"
[ $rc -eq 75 ] || fail "lock: exit $rc"
grep -q "j-lock: another sc-reply --send is using it; try again later" \
    "$T/err" || fail "lock: message $(cat "$T/err")"

# no connection at all: nothing left, exit 75; the next run sends it
mock_set on= count=0
mock_stop
rec 1790000000000011000 approved "when up" >"$T/in1"
sc-reply --send --journal "$T/j-down" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "down: exit $rc: $(cat "$T/err")"
jq -e '.reply.status == "approved"' "$T/out" >/dev/null || fail "down: record"
grep -q '"op":"unsent"' "$T/j-down" || fail "down: journal"
mock_start x --log "$T/log2"
sc-reply --send --journal "$T/j-down" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "up again: exit $?: $(cat "$T/err")"
jq -e '.reply.status == "sent"' "$T/out" >/dev/null || fail "up: status"

# --auto: drafts marked reply.auto go too; other drafts never do (a
# reply in several parts goes part by part: net-send-thread)
{
	printf '%s\n' '{"id":"x:1790000000000012000","platform":"x","reply":{"status":"draft","auto":true,"text":"auto one"}}'
	printf '%s\n' '{"id":"x:1790000000000013000","platform":"x","reply":{"status":"draft","text":"not auto"}}'
	printf '%s\n' '{"id":"x:1790000000000014000","platform":"x","reply":{"status":"approved","text":"a (1/2)","thread":["a (1/2)","b (2/2)"]}}'
} >"$T/in1"
sc-reply --send --journal "$T/j-auto" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "no --auto: exit $?: $(cat "$T/err")"
[ "$(jq -r .reply.status "$T/out" | tr '\n' ' ')" = "draft draft sent " ] ||
    fail "no --auto: $(cat "$T/out")"
sc-reply --send --auto --journal "$T/j-auto" --api-base "$MOCK_URL" \
    "$T/in1" >"$T/out" 2>"$T/err"
[ "$(jq -r .reply.status "$T/out" | tr '\n' ' ')" = "sent draft sent " ] ||
    fail "--auto: $(cat "$T/out")"
exit 0
