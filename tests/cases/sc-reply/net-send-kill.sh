# net-send-kill: kill -9 at random moments of a send of 60 replies, run
# again until a run finishes; the mock's log then shows each reply created
# exactly once (Mastodon: a try cut in its middle is repeated with the
# journal's Idempotency-Key), or at most once with the rest marked unknown
# (X, which honours no such key).  The same loop with the journal thrown
# away before each run must post some reply twice: that is the proof that
# the check can fail and that it is the journal that keeps it from failing.
. "$SC_TOP/tests/mock/lib.sh"

N=60

# make_in PLATFORM BASE_ID: N approved replies
make_in() {
	i=1
	while [ $i -le $N ]; do
		printf '{"id":"%s:%s","platform":"%s","reply":{"status":' \
		    "$1" "$(($2 + i))" "$1"
		printf '"approved","text":"reply %d"}}\n' $i
		i=$((i + 1))
	done >"$T/in"
}

# kill_loop MODE: send, kill -9 at a random moment (0 to 0.35 s), again,
# until a run ends by itself with 0 or 1 (at most 200 runs).  MODE
# "nojournal": the journal is removed before every run, and 8 runs are
# enough (each starts from the first reply again, so none would finish in
# time).
send_once() {
	exec sc-reply --send --journal "$T/j" --api-base "$MOCK_URL" "$T/in" \
	    >"$T/out" 2>>"$T/err"
}
kill_loop() {
	runs=0 max=200 rc=124
	[ "$1" = nojournal ] && max=8
	while [ $runs -lt $max ] && [ $rc -eq 124 ]; do
		runs=$((runs + 1))
		[ "$1" = nojournal ] && rm -f "$T/j"
		kill_runs 1 350 send_once
		rc=$?
	done
	[ $rc -le 1 ] && return 0
	[ $rc -eq 124 ] && [ "$1" = nojournal ] && return 0
	[ $rc -eq 124 ] && fail "$1: no run finished in $max"
	fail "$1: run $runs: exit $rc: $(tail -n 3 "$T/err")"
}

# created_dups: replies created more than once (by target); "" if none
created_dups() {
	jq -r 'select(.created) | .created.to' "$T/log" | sort | uniq -d
}
created_count() {
	jq -r 'select(.created) | .created.to' "$T/log" | sort -u | wc -l
}

# Mastodon: exactly once, every reply sent
mock_start mastodon --delay 0.03 --log "$T/log" --lifetime 300
make_in mastodon 112432100000000000
: >"$T/err"
kill_loop journal
kills=$runs
[ -z "$(created_dups)" ] || fail "mastodon: created twice: $(created_dups)"
[ "$(created_count)" -eq $N ] || fail "mastodon: created $(created_count)"
[ "$(jq -r .reply.status "$T/out" | sort | uniq -c | awk '{ print $1, $2 }')" \
    = "$N sent" ] || fail "mastodon: statuses $(jq -r .reply.status "$T/out" |
    sort | uniq -c)"
# each record's sent_id is the status the mock made for it
jq -r 'select(.created) | "mastodon:\(.created.id) \(.created.to)"' \
    "$T/log" | sort -k2 >"$T/made"
jq -r '"\(.reply.sent_id) \(.id | sub("^mastodon:"; ""))"' "$T/out" |
    sort -k2 >"$T/got"
diff -u "$T/made" "$T/got" || fail "mastodon: sent ids"
[ $kills -gt 1 ] || fail "mastodon: never killed ($kills runs)"
echo "mastodon: $kills runs" >&2

# The same without the journal: some reply is created twice.
: >"$T/log"
kill_loop nojournal
[ -n "$(created_dups)" ] ||
    fail "without the journal no reply was posted twice ($runs runs): the check proves nothing"
mock_stop
: >"$T/log"

# X: at most once; what was cut in its middle is unknown, the rest sent
mock_start x --delay 0.03 --log "$T/log" --lifetime 300
make_in x 1790000000000000000
rm -f "$T/j"
kill_loop journal
[ -z "$(created_dups)" ] || fail "x: created twice: $(created_dups)"
sent=$(jq -r 'select(.reply.status == "sent") | .id' "$T/out" | wc -l)
unknown=$(jq -r 'select(.reply.status == "unknown") | .id' "$T/out" | wc -l)
[ $((sent + unknown)) -eq $N ] || fail "x: $sent sent + $unknown unknown"
# every sent one was created once, with the id written back
jq -r 'select(.created) | "x:\(.created.id) \(.created.to)"' "$T/log" |
    sort -k2 >"$T/made"
jq -r 'select(.reply.status == "sent") |
    "\(.reply.sent_id) \(.id | sub("^x:"; ""))"' "$T/out" | sort -k2 >"$T/got"
join -1 2 -2 2 -v 2 "$T/made" "$T/got" | grep . &&
    fail "x: sent but not created"
[ "$(created_count)" -ge "$sent" ] || fail "x: created"
exit 0
