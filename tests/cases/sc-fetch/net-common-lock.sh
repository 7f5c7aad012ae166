# net-common-lock: while a run holds the state, a second run on it exits 75
# at once; a second run writing the same -o FILE with another state too.
# The lock goes with the run.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 5 --delay 1 --log "$T/log"
sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
    -o "$T/out" 2>"$T/err1" &
first=$!
i=0
# the state is written once the lock is held
until [ -s "$T/st" ] || [ -s "$T/err1" ]; do
	i=$((i + 1))
	[ $i -gt 100 ] && fail "the first run sent nothing"
	sleep 0.02
done

t0=$(now)
sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
    -o "$T/other" 2>"$T/err2"
rc=$?
t1=$(now)
[ $rc -eq 75 ] || fail "same state: exit $rc, want 75"
[ "$(cat "$T/err2")" = "sc-fetch: $T/st: locked by another run" ] ||
    fail "same state: $(cat "$T/err2")"
[ $((t1 - t0)) -lt 1000 ] || fail "same state: not at once ($((t1 - t0)) ms)"

sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st2" \
    -o "$T/out" 2>"$T/err3"
rc=$?
[ $rc -eq 75 ] || fail "same output: exit $rc, want 75"
[ "$(cat "$T/err3")" = "sc-fetch: $T/out: written by another run" ] ||
    fail "same output: $(cat "$T/err3")"

wait $first || fail "first run: exit $?: $(cat "$T/err1")"
[ "$(wc -l <"$T/out")" -eq 5 ] || fail "first run: posts"
[ -e "$T/other" ] && fail "the refused run opened its output"
mock_set delay=0
sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
    -o "$T/out" 2>"$T/err4" || fail "after: exit $?: $(cat "$T/err4")"
exit 0
