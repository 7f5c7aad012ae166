# net-x-incremental: pages followed with next_token under one since_id; the
# state's position is the newest id; the next run asks since_id=it and gets
# only the newer posts; a run with nothing new writes nothing.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 25 --page-size 10 --log "$T/log"
run() {
	sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
	    -o "$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
run
[ "$(wc -l <"$T/out")" -eq 25 ] || fail "first run: $(wc -l <"$T/out") posts"
[ "$(mock_count "$T/log")" -eq 3 ] || fail "first run: not 3 requests"
jq -e '.queries["x search acme"] | .position == "1790000000000025000" and
    (has("poll") | not) and (.recent | length) == 25' "$T/st" >/dev/null ||
    fail "state after run 1: $(cat "$T/st")"
jq -se 'map(.query.since_id) == [null, null, null] and
    map(.query.next_token[0]) == [null, "tok1790000000000016000",
    "tok1790000000000006000"]' "$T/log" >/dev/null || fail "run 1 requests"

mock_set posts=32
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 32 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'length == 1 and .[0].query.since_id == ["1790000000000025000"]' \
    "$T/log" >/dev/null || fail "run 2 requests: $(cat "$T/log")"
jq -e '.queries["x search acme"].position == "1790000000000032000"' \
    "$T/st" >/dev/null || fail "state after run 2"

: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 32 ] || fail "third run wrote posts"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 32 ] || fail "duplicates"
# newest first within a run, ids from 1..32
[ "$(jq -r .id "$T/out" | sed -n '1p;25p;26p;32p' | tr '\n' ' ')" = \
    "x:1790000000000025000 x:1790000000000001000 x:1790000000000032000 x:1790000000000026000 " ] ||
    fail "order: $(jq -r .id "$T/out" | sed -n '1p;25p;26p;32p')"
