# net-send-thread: a reply split into a thread (reply.thread, --thread) is
# sent part by part, in order, each part a reply to the one before (the
# first to the post), each once through the journal under its own key
# "ID#k".  The record: sent, reply.sent_id the first part, reply.sent_ids
# every part.  A run stopped between parts goes on with the next part,
# answering the last part sent; a part refused leaves the thread failed
# with the parts posted named; kill -9 at random moments never posts a
# part twice (Mastodon: exactly once, with its Idempotency-Key).
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --log "$T/log"

thread() {	# id part... : an approved reply in parts
	id=$1
	shift
	printf '{"id":"x:%s","platform":"x","text":"hi","reply":' "$id"
	printf '{"status":"approved","text":"%s","parts":%d,"thread":[' \
	    "$*" $#
	sep=
	for p; do
		printf '%s"%s"' "$sep" "$p"
		sep=,
	done
	printf ']}}\n'
}
{
	thread 1790000000000001000 "one (1/3)" "two (2/3)" "three (3/3)"
	printf '%s\n' '{"id":"x:1790000000000002000","platform":"x","reply":{"status":"approved","text":"single"}}'
} >"$T/in"
# chain: "to created-id text" of each POST, in order
chain() {
	jq -r 'select(.created) | "\(.created.to) \(.created.id) \(.created.text)"' "$1"
}

sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/in" \
    >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
chain "$T/log" >"$T/got"
cat >"$T/want" <<'EOT'
1790000000000001000 1800000000000000001 one (1/3)
1800000000000000001 1800000000000000002 two (2/3)
1800000000000000002 1800000000000000003 three (3/3)
1790000000000002000 1800000000000000004 single
EOT
diff -u "$T/want" "$T/got" || fail "posts"
jq -c '.reply | [.status, .sent_id, .sent_ids]' "$T/out" >"$T/got"
cat >"$T/want" <<'EOT'
["sent","x:1800000000000000001",["x:1800000000000000001","x:1800000000000000002","x:1800000000000000003"]]
["sent","x:1800000000000000004",null]
EOT
diff -u "$T/want" "$T/got" || fail "records"
jq -r 'select(.op == "sent") | .key' "$T/j" | tr '\n' ' ' >"$T/got"
[ "$(cat "$T/got")" = "x:1790000000000001000#1 x:1790000000000001000#2 x:1790000000000001000#3 x:1790000000000002000 " ] ||
    fail "journal keys: $(cat "$T/got")"

# --dry-run shows the first part's request; the others answer it.
sc-reply --send --dry-run --journal "$T/jd" --api-base "$MOCK_URL" \
    "$T/in" >"$T/outd" 2>"$T/errd" || fail "dry: exit $?: $(cat "$T/errd")"
grep -c '^POST ' "$T/errd" | grep -qx 2 || fail "dry: $(cat "$T/errd")"
grep -q '"text":"one (1/3)","reply":{"in_reply_to_tweet_id":"1790000000000001000"}' \
    "$T/errd" && grep -qx '(then 2 more parts, each a reply to the one before)' \
    "$T/errd" || fail "dry: $(cat "$T/errd")"
jq -r .reply.status "$T/outd" | sort -u | grep -qx approved ||
    fail "dry: $(cat "$T/outd")"

# Again: the journal knows every part; nothing is posted, same records.
cp "$T/out" "$T/out1"
: >"$T/log"
sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/in" \
    >"$T/out" 2>"$T/err" || fail "again: exit $?: $(cat "$T/err")"
[ -s "$T/log" ] && fail "again: requests: $(cat "$T/log")"
diff -u "$T/out1" "$T/out" || fail "again: records"

# A kill between parts leaves the journal as it was after part 1 (every
# line is on disk before the next step): the next run posts parts 2 and 3
# only, part 2 answering part 1.
head -n 2 "$T/j" >"$T/j2"
jq -e -s 'map(.key) | unique == ["x:1790000000000001000#1"]' "$T/j2" \
    >/dev/null || fail "j2: $(cat "$T/j2")"
head -n 1 "$T/in" >"$T/in1"
: >"$T/log"
sc-reply --send --journal "$T/j2" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "resume: exit $?: $(cat "$T/err")"
chain "$T/log" | cut -d' ' -f1,3- >"$T/got"
printf '%s\n' '1800000000000000001 two (2/3)' \
    '1800000000000000005 three (3/3)' >"$T/want"
diff -u "$T/want" "$T/got" || fail "resume: posts"
jq -e '.reply.status == "sent" and .reply.sent_id == "x:1800000000000000001"
    and .reply.sent_ids == ["x:1800000000000000001",
    "x:1800000000000000005", "x:1800000000000000006"]' "$T/out" \
    >/dev/null || fail "resume: $(cat "$T/out")"

# A throttle on part 2 longer than --max-wait stops the run (75) with
# part 1 sent; the next run goes on with part 2, answering part 1.
mock_set on=2:429 reset=30 count=0
: >"$T/log"
sc-reply --send --journal "$T/j3" --api-base "$MOCK_URL" --max-wait 1 \
    "$T/in1" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "stop: exit $rc: $(cat "$T/err")"
jq -e '.reply.status == "approved" and (.reply.error |
    startswith("part 2 of 3: rate limited"))' "$T/out" >/dev/null ||
    fail "stop: $(cat "$T/out")"
first=$(chain "$T/log" | cut -d' ' -f2)
[ "$(echo "$first" | wc -l)" -eq 1 ] || fail "stop: posts: $first"
mock_set on= count=0
: >"$T/log"
sc-reply --send --journal "$T/j3" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err" || fail "go on: exit $?: $(cat "$T/err")"
[ "$(chain "$T/log" | head -1 | cut -d' ' -f1,3-)" = "$first two (2/3)" ] ||
    fail "go on: $(chain "$T/log")"
[ "$(chain "$T/log" | wc -l)" -eq 2 ] || fail "go on: $(chain "$T/log")"
jq -e --arg f "x:$first" '.reply.status == "sent" and .reply.sent_id == $f
    and (.reply.sent_ids | length) == 3' "$T/out" >/dev/null ||
    fail "go on: $(cat "$T/out")"

# Part 2 refused: failed, saying which part, with part 1 named as posted;
# part 3 is never sent, not even by the next run.
mock_set on=2:status:400 count=0
: >"$T/log"
sc-reply --send --journal "$T/j4" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "refused: exit"
jq -e '.reply.status == "failed" and (.reply.error |
    startswith("part 2 of 3: HTTP 400")) and (.reply.sent_ids | length)
    == 1 and (has("sent_id") | not)' "$T/out" >/dev/null ||
    fail "refused: $(cat "$T/out")"
grep -q 'x: not sent: part 2 of 3: HTTP 400' "$T/err" ||
    fail "refused: message: $(cat "$T/err")"
mock_set on= count=0
: >"$T/log"
sc-reply --send --journal "$T/j4" --api-base "$MOCK_URL" "$T/in1" \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "refused again: exit"
[ -s "$T/log" ] && fail "refused again: requests: $(cat "$T/log")"
mock_stop

# Bluesky: each part's reply names the part before (uri and cid, read
# with getRecord from the account's own server, where the new post is at
# once) and the root of the customer's thread.
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
mock_start bluesky --posts 6 --log "$T/logb"
sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" \
    2>"$T/err" | jq -c 'select(.from_brand | not) |
    select(.conversation_id != .id) | .reply = {status: "approved",
    text: "t", thread: ["b1 (1/3)", "b2 (2/3)", "b3 (3/3)"]}' |
    head -n 1 >"$T/inb"
[ -s "$T/inb" ] || fail "bluesky: no reply in the mock's posts"
sc-reply --send --journal "$T/jb" --api-base "$MOCK_URL" "$T/inb" \
    >"$T/out" 2>"$T/err" || fail "bluesky: exit $?: $(cat "$T/err")"
root=$(jq -r '.conversation_id | sub("^bluesky:"; "")' "$T/inb")
post=$(jq -r '.id | sub("^bluesky:"; "")' "$T/inb")
jq -r 'select(.created) | "\(.created.id) \(.created.text)"' "$T/logb" \
    >"$T/made"
jq -r 'select(.path | endswith("createRecord")) | .body | fromjson |
    .record | "\(.reply.parent.uri) \(.reply.root.uri) \(.text)"' \
    "$T/logb" >"$T/got"
p1=$(sed -n 1p "$T/made" | cut -d' ' -f1)
p2=$(sed -n 2p "$T/made" | cut -d' ' -f1)
printf '%s\n' "$post $root b1 (1/3)" "$p1 $root b2 (2/3)" \
    "$p2 $root b3 (3/3)" >"$T/want"
diff -u "$T/want" "$T/got" || fail "bluesky: chain"
# the parts' cids are those of the posts created (from getRecord)
jq -r 'select(.path | endswith("createRecord")) | .body | fromjson |
    .record.reply.parent.cid' "$T/logb" | sed 1d | grep -v '^bafyreimade' &&
    fail "bluesky: cids: $(cat "$T/logb")"
jq -e -s '[.[] | select(.path | endswith("getRecord"))] | length == 2' \
    "$T/logb" >/dev/null || fail "bluesky: getRecord"
jq -e --arg p1 "bluesky:$p1" '.reply.status == "sent" and
    .reply.sent_id == $p1 and (.reply.sent_ids | length) == 3' "$T/out" \
    >/dev/null || fail "bluesky: $(cat "$T/out")"
# An answer to a post of the account's own that is gone (getRecord
# answers 400 RecordNotFound) fails alone; the next record still goes.
gone=$(printf '%s' "$p1" | sed 's,/[^/]*$,/3zzzgone,')
jq -c --arg g "bluesky:$gone" '.id = $g | del(.reply.thread) |
    .reply.text = "t1"' "$T/inb" >"$T/ing"
jq -c 'del(.reply.thread) | .reply.text = "t2"' "$T/inb" >>"$T/ing"
sc-reply --send --journal "$T/jg" --api-base "$MOCK_URL" "$T/ing" \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "bluesky gone: exit: $(cat "$T/err")"
jq -s -e '.[0].reply.status == "failed" and (.[0].reply.error |
    test("the post is gone")) and .[1].reply.status == "sent"' "$T/out" \
    >/dev/null || fail "bluesky gone: $(cat "$T/out")"
mock_stop

# kill -9 at random moments of a send of threads, run again until a run
# finishes: every part created at most once (X) or exactly once
# (Mastodon), and every part k > 1 answers the part k - 1 created.
send_once() {
	exec sc-reply --send --journal "$T/jk" --api-base "$MOCK_URL" \
	    "$T/ink" >"$T/out" 2>>"$T/errk"
}
kill_loop() {
	kill_runs 200 300 send_once
	rc=$?
	[ $rc -le 1 ] && return 0
	[ $rc -eq 124 ] && fail "$1: no run finished in 200"
	fail "$1: run $kill_n: exit $rc: $(tail -n 3 "$T/errk")"
}
# check PLATFORM: the chains in the log against the records
check() {
	dups=$(jq -r 'select(.created) | .created.text' "$T/log" | sort |
	    uniq -d)
	[ -z "$dups" ] || fail "$1: created twice: $dups"
	# each created part: "text to id"; part 1 answers the post
	jq -r 'select(.created) | "\(.created.text)\t\(.created.to)\t\(.created.id)"' \
	    "$T/log" | sort >"$T/made"
	awk -F'\t' -v p="$1" '
	{ split($1, w, " "); post = w[1]; k = w[2]
	  id[post, k] = $3; to[post, k] = $2 }
	END {
		for (key in to) {
			split(key, a, SUBSEP)
			if (a[2] == 1) {
				if (to[key] != a[1]) { print "part 1 of " a[1] " answers " to[key]; bad = 1 }
			} else if (((a[1], a[2] - 1) in id) && to[key] != id[a[1], a[2] - 1]) {
				print "part " a[2] " of " a[1] " answers " to[key]; bad = 1
			} else if (!((a[1], a[2] - 1) in id)) {
				print "part " a[2] " of " a[1] " without part " a[2] - 1; bad = 1
			}
		}
		exit bad
	}' "$T/made" || fail "$1: chains"
}
N=15
# make_ink PLATFORM BASE: N threads of 3 parts, "POSTID k" the text of
# part k
make_ink() {
	i=1
	while [ $i -le $N ]; do
		pid=$(($2 + i))
		printf '{"id":"%s:%s","platform":"%s","reply":{"status":"approved","text":"t","thread":["%s 1","%s 2","%s 3"]}}\n' \
		    "$1" $pid "$1" $pid $pid $pid
		i=$((i + 1))
	done >"$T/ink"
}

mock_start mastodon --delay 0.02 --log "$T/log" --lifetime 300
make_ink mastodon 112432100000000000
: >"$T/errk"
rm -f "$T/jk"
kill_loop mastodon
kills=$kill_n
check mastodon
[ "$(jq -r 'select(.created) | .created.text' "$T/log" | wc -l)" -eq \
    $((3 * N)) ] || fail "mastodon: not every part created"
[ "$(jq -r .reply.status "$T/out" | sort -u)" = sent ] ||
    fail "mastodon: $(jq -r .reply.status "$T/out" | sort | uniq -c)"
[ $kills -gt 1 ] || fail "mastodon: never killed"
echo "mastodon: $kills runs" >&2
mock_stop

mock_start x --delay 0.02 --log "$T/log" --lifetime 300
: >"$T/log"
make_ink x 1790000000000000000
rm -f "$T/jk"
kill_loop x
check x
# a sent thread has all its parts created, with the ids written back
jq -r 'select(.reply.status == "sent") | .reply.sent_ids[]' "$T/out" |
    sed 's/^x://' | sort >"$T/got"
jq -r 'select(.created) | .created.id' "$T/log" | sort >"$T/made"
[ -z "$(comm -23 "$T/got" "$T/made")" ] || fail "x: sent but not created"
[ "$(jq -r .reply.status "$T/out" | sort -u | tr '\n' ' ')" != "" ] ||
    fail "x: no records"
jq -e -s 'all(.reply.status == "sent" or .reply.status == "unknown")' \
    "$T/out" >/dev/null || fail "x: $(jq -r .reply.status "$T/out" | sort | uniq -c)"
exit 0
