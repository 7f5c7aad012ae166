# net-common-kill: kill -9 at random moments of a long run with -o FILE and
# --state FILE, run again after each kill; at the end FILE holds exactly
# the posts of an uninterrupted run, each once.  -u puts each record in
# the file as it comes, so that kills land between the records of a page
# and the state that commits them (the tail a re-run must cut) more often.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 300 --page-size 10 --delay 0.05
sc-fetch x --search acme --api-base "$MOCK_URL" >"$T/ref" ||
    fail "reference run: exit $?"
[ "$(wc -l <"$T/ref")" -eq 300 ] || fail "reference run: posts"

seed=$(date +%N | sed 's/^0*//')
delays=$(awk -v seed="${seed:-1}" 'BEGIN { srand(seed);
	for (i = 0; i < 12; i++) printf "%.3f ", 0.02 + rand() * 0.25 }')
kills=0
for d in $delays; do
	sc-fetch x --search acme --api-base "$MOCK_URL" -u -o "$T/out" \
	    --state "$T/st" 2>>"$T/err" &
	pid=$!
	sleep "$d"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
done
sc-fetch x --search acme --api-base "$MOCK_URL" -u -o "$T/out" \
    --state "$T/st" 2>>"$T/err" || fail "last run: exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "messages: $(cat "$T/err")"
[ $kills -ge 6 ] || fail "only $kills runs were killed (delays $delays)"
sort "$T/ref" >"$T/ref.sorted"
sort "$T/out" >"$T/out.sorted"
cmp -s "$T/ref.sorted" "$T/out.sorted" || fail "posts differ after \
$kills kills (delays $delays): $(wc -l <"$T/out") lines, \
$(jq -r .id "$T/out" | sort | uniq -d | wc -l) duplicated ids"
jq -e '.queries["x search acme"] | .position == "1790000000000300000" and
    (has("poll") | not)' "$T/st" >/dev/null || fail "state: $(cat "$T/st")"
