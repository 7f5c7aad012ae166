# log-sim: the partitioned log of sc(7) ("Beyond batch"), simulated with
# files.  600 generated posts are produced into 3 partitions keyed by
# conversation; one consumer per partition reads chunks from its committed
# offset through sc-classify and sc-route (its own assignment state), and
# commits the offset with its output's length only after the output is
# synced.  Consumers are killed with kill -9 at random moments and
# restarted.  At the end each partition's output holds its posts exactly
# once and in order, each assignment state equals one uninterrupted run's,
# and the partitions' partial reports merge into the single run's report.
set -u
: "${SC_TOP:?}" "${SC_TMP:?}"
T=$SC_TMP/logsim
mkdir -p "$T" && cd "$T" || exit 2
fail() { echo "$*" >&2; exit 1; }
python3 "$SC_TOP/scripts/gen-posts" -s 7 600 | jq -c 'del(.gen)' >all.ndjson ||
    exit 2
cp "$SC_TOP/scripts/examples/airline-rules.json" rules.json
# the producer: key = conversation_id, else id
python3 - <<'PY' || exit 2
import json, zlib
parts = [open("part-%d.ndjson" % p, "w") for p in range(3)]
for line in open("all.ndjson"):
    r = json.loads(line)
    key = r.get("conversation_id") or r["id"]
    parts[zlib.crc32(key.encode()) % 3].write(line)
PY

# consume P: until the partition is read, take up to 10 lines from the
# committed offset, process, append, sync, commit.
cat >consume.sh <<'SH'
p=$1
st=c-$p.state out=out-$p.ndjson
[ -f $st ] || echo "0 0" >$st
while :; do
	read -r off len <$st
	[ -f $out ] && [ "$(wc -c <$out)" -gt "$len" ] && truncate -s "$len" $out
	tail -c +$((off + 1)) part-$p.ndjson | head -n 10 >chunk-$p
	[ -s chunk-$p ] || exit 0
	sc-classify chunk-$p | sc-route -r rules.json --state route-$p.state \
	    >>$out || exit 2
	sync $out
	echo "$((off + $(wc -c <chunk-$p))) $(wc -c <$out)" >$st.tmp
	sync $st.tmp
	mv $st.tmp $st
done
SH
rnd() {
	od -An -N2 -tu2 /dev/urandom | awk '{ printf "%.3f", ($1 % 150) / 1000 }'
}
kills=0
for p in 0 1 2; do
	i=0
	while [ $i -lt 5 ]; do
		setsid sh consume.sh $p 2>>err &
		pid=$!
		sleep "$(rnd)"
		kill -9 "-$pid" 2>/dev/null && kills=$((kills + 1))
		wait $pid 2>/dev/null
		i=$((i + 1))
	done
	sh consume.sh $p || fail "consumer $p: exit $?: $(tail -n 3 err)"
done
for p in 0 1 2; do
	jq -r .id part-$p.ndjson >want
	jq -r .id out-$p.ndjson >got
	cmp -s want got || fail "partition $p: not each post once, in order"
	sc-classify part-$p.ndjson |
	    sc-route -r rules.json --state ref-$p.state >/dev/null ||
	    fail "partition $p: reference run"
	cmp -s ref-$p.state route-$p.state ||
	    fail "partition $p: assignment state differs"
	sc-report --partial rep-$p out-$p.ndjson >/dev/null ||
	    fail "partition $p: partial report"
done
sc-report --merge rep-0 rep-1 rep-2 >merged || fail "merge: exit $?"
cat out-0.ndjson out-1.ndjson out-2.ndjson | sc-report >single ||
    fail "single report"
cmp -s merged single || fail "merged report differs: $(diff merged single)"
echo "# log-sim: 3 partitions, $kills consumers killed with kill -9; each" \
    "post once and in order, states and report equal"
exit 0
