# cron-chaos: the chaos run of issue 8.  A team's cron pipeline (fetch from
# the X and Mastodon mocks, classify, route with assignment state, draft,
# send automatic replies, report) is killed with kill -9, the whole process
# group, at $SC_CHAOS_KILLS (100) random moments, and run again after each;
# then once to the end.  Every post must be in the archive and the inbox
# exactly once, the assignment state must equal an uninterrupted run's,
# and no reply may be created twice.  The figures go to standard output.
. "$SC_TOP/tests/mock/lib.sh"
PATH=$SC_TOP/scripts:$PATH
KILLS=${SC_CHAOS_KILLS:-100}
NX=40 NM=20
mock_start x --posts $NX --page-size 10 --delay 0.01 --log "$T/xlog" --lifetime 900
X=$MOCK_URL
mock_start mastodon --posts $NM --page-size 5 --delay 0.01 --log "$T/mlog" --lifetime 900
M=$MOCK_URL
cp "$SC_TOP/scripts/examples/rules.json" "$T/"
cat >"$T/templates.json" <<'TPL'
{"templates": [
 {"id": "any", "intent": "*", "lang": "en", "auto": true,
  "text": "Thanks for your message, we are on it. {{agent}}"}]}
TPL
conf() {
	mkdir -p "$T/$1"
	cat >"$T/$1/cron.conf" <<CONF
dir       $T/$1
source x  x --search SkyLark --api-base $X --brand-account SkyLarkAir
source m  mastodon --mentions --api-base $M
rules     $T/rules.json
templates $T/templates.json
reply     --review-below 0
agent     Maria
send      $2
api-base  x=$X
api-base  mastodon=$M
CONF
}
now=2026-12-02T12:00:00Z
ms() { date +%s%N | cut -c1-13; }

# more: the next posts arrive on both platforms.
more() {
	NX=$((NX + 2)) NM=$((NM + 1))
	MOCK_URL=$X mock_set posts=$NX
	MOCK_URL=$M mock_set posts=$NM
}
# How long a run with a few new posts takes here: the kill moments spread
# over it.
conf chaos auto
sc-cron -c "$T/chaos/cron.conf" --now $now 2>>"$T/chaos.err"
rc=$?
[ $rc -le 1 ] || fail "first run: exit $rc: $(cat "$T/chaos.err")"
more
t0=$(ms)
sc-cron -c "$T/chaos/cron.conf" --now $now 2>>"$T/chaos.err"
span=$(( $(ms) - t0 ))
[ $span -ge 50 ] || span=50

# The chaos: new posts keep coming; kill -9 at a random moment of a run,
# run again.
rnd() {
	od -An -N4 -tu4 /dev/urandom | awk -v s="$span" \
	    '{ printf "%.3f", ($1 % s) / 1000 }'
}
attempts=0 kills=0
while [ $attempts -lt "$KILLS" ]; do
	attempts=$((attempts + 1))
	[ $((attempts % 3)) -eq 0 ] && more
	setsid sc-cron -c "$T/chaos/cron.conf" --now $now \
	    >>"$T/chaos.out" 2>>"$T/chaos.err" &
	pid=$!
	sleep "$(rnd)"
	kill -9 "-$pid" 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
done
sc-cron -c "$T/chaos/cron.conf" --now $now 2>>"$T/chaos.err"
rc=$?
[ $rc -le 1 ] || fail "last run: exit $rc: $(tail -n 5 "$T/chaos.err")"

# The reference: the same posts, in the inbox's order, routed by one
# uninterrupted run from an empty state.
jq -c 'del(.route, .reply)' "$T"/chaos/inbox/*.ndjson >"$T/ref.in"
sc-route -r "$T/rules.json" --state "$T/ref.state" -o "$T/ref.out" \
    "$T/ref.in" || fail "reference route: exit $?"

cd "$T/chaos" || exit 2
all=$((NX + NM))
arch=$(cat archive/*/*.ndjson | jq -r .id | sort | uniq | wc -l)
archdup=$(cat archive/*/*.ndjson | jq -r .id | sort | uniq -d | wc -l)
inbox=$(jq -r .id inbox/*.ndjson | sort -u | wc -l)
inboxdup=$(jq -r .id inbox/*.ndjson | sort | uniq -d | wc -l)
made=$(jq -r 'select(.created) | .created.to' "$T/xlog" "$T/mlog" | wc -l)
madedup=$(jq -r 'select(.created) | .created.to' "$T/xlog" "$T/mlog" |
    sort | uniq -d | wc -l)
sent=$(jq -r 'select(.reply.status == "sent") | .id' inbox/*.ndjson | wc -l)
unknown=$(jq -r 'select(.reply.status == "unknown") | .id' inbox/*.ndjson | wc -l)
echo "# chaos: $attempts runs after the first, $kills killed with kill -9; posts $all:" \
    "archive $arch ($archdup twice), inbox $inbox ($inboxdup twice);" \
    "replies created $made ($madedup twice), sent $sent, unknown $unknown"
[ "$arch" -eq $all ] || fail "archive: $arch of $all posts"
[ "$archdup" -eq 0 ] || fail "archive: $archdup posts twice"
[ "$inbox" -eq $all ] || fail "inbox: $inbox of $all posts"
[ "$inboxdup" -eq 0 ] || fail "inbox: $inboxdup posts twice"
[ "$madedup" -eq 0 ] || fail "replies: $madedup created twice"
[ "$made" -gt 0 ] || fail "replies: none created"
[ "$made" -ge "$sent" ] || fail "replies: $sent sent but $made created"
cmp -s "$T/ref.state" state/route.state ||
    fail "route state differs from an uninterrupted run's:
$(diff "$T/ref.state" state/route.state | head -n 20)"
[ "$kills" -ge $((KILLS / 4)) ] || fail "only $kills of $KILLS kills hit a run"
exit 0
