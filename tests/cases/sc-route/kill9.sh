# kill -9 at random moments, then a re-run over the same input: the state
# and the re-run's output are those of one uninterrupted run.  The runs
# write a checkpoint every 5 records and write their output (-u) into a
# pipe that a slow reader drains, so they are stopped at many points of
# their input and most kills land after some posts were saved as applied:
# without the memory of applied posts (by id) the re-run would apply them
# twice and this test fails.
set -u
d=$SC_TMP/kill9
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }
pid= reader=
trap 'for p in $pid $reader; do kill -9 "$p" 2>/dev/null; done' EXIT

# 300 posts: new conversations, follow-ups and brand answers, in three
# languages, some needing the payments skill; each with a long note, so
# that the pipe holds few records.
awk 'BEGIN {
	srand(7); n = 0
	pad = "note"
	while (length(pad) < 1000)
		pad = pad pad
	for (i = 1; i <= 300; i++) {
		t = 36000 + i * 30
		ts = sprintf("2026-11-20T%02d:%02d:%02dZ", t / 3600,
		    t % 3600 / 60, t % 60)
		r = rand()
		if (r < 0.35 && n > 0) {
			c = conv[int(rand() * n)]
			printf "{\"id\":\"x:%d\",\"created_at\":\"%s\",\"text\":\"on it\",\"from_brand\":true,\"conversation_id\":\"x:%d\",\"note\":\"%s\"}\n", i, ts, c, pad
			continue
		}
		if (r < 0.55 && n > 0)
			c = conv[int(rand() * n)]
		else
			c = conv[n++] = i
		l = substr("plende", int(rand() * 3) * 2 + 1, 2)
		txt = rand() < 0.2 ? "refund" : "help"
		printf "{\"id\":\"x:%d\",\"created_at\":\"%s\",\"text\":\"%s\",\"class\":{\"lang\":\"%s\"},\"conversation_id\":\"x:%d\",\"note\":\"%s\"}\n", i, ts, txt, l, c, pad
	}
}' >"$d/in"
[ "$(wc -l <"$d/in")" -eq 300 ] || fail "generator"

sc-route -r agents.json --state "$d/ref" --checkpoint 5 "$d/in" \
    >"$d/ref.out" || fail "uninterrupted run: exit $?"
grep -q '"assigned"' "$d/ref.out" || fail "no post was freed: a weak input"

mkfifo "$d/fifo"
mid=0
i=0
while [ $i -lt 25 ]; do
	i=$((i + 1))
	rm -f "$d/st"
	sc-route -r agents.json --state "$d/st" --checkpoint 5 -u "$d/in" \
	    >"$d/fifo" 2>/dev/null &
	pid=$!
	awk '{ n++ } n % 4 == 0 { system("sleep 0.01") }' <"$d/fifo" \
	    >/dev/null 2>&1 &
	reader=$!
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	sleep "$(printf '0.%03d' $((r % 900)))"
	kill -9 "$pid" "$reader" 2>/dev/null
	wait "$pid" "$reader" 2>/dev/null
	pid= reader=
	if [ -e "$d/st" ] && ! cmp -s "$d/st" "$d/ref"; then
		mid=$((mid + 1))
	fi
	sc-route -r agents.json --state "$d/st" --checkpoint 5 "$d/in" \
	    >"$d/out" || fail "re-run $i: exit $?"
	cmp -s "$d/st" "$d/ref" || fail "re-run $i: the state differs from one uninterrupted run's"
	cmp -s "$d/out" "$d/ref.out" || fail "re-run $i: the output differs from one uninterrupted run's"
done
# The test means something only if some kills came mid-run.
[ $mid -gt 0 ] || fail "no kill landed after a checkpoint"
echo "$mid of $i kills after a checkpoint"
exit 0
