# net-x-ratelimit: a 429 waits until x-rate-limit-reset and asks again; a 200
# with x-rate-limit-remaining 0 waits before the next request; a reset past
# --max-wait saves the state and exits 75, and the next run resumes from
# the saved next_token.
. "$SC_TOP/tests/mock/lib.sh"

mock_start x --posts 25 --page-size 10 --reset 1 --on 2:429 --log "$T/log"
t0=$(now)
sc-fetch x --search acme --api-base "$MOCK_URL" >"$T/out" 2>"$T/err" ||
    fail "429: exit $?: $(cat "$T/err")"
t1=$(now)
[ -s "$T/err" ] && fail "429: stderr: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 25 ] || fail "429: $(wc -l <"$T/out") posts"
[ $((t1 - t0)) -ge 900 ] || fail "429: did not wait ($((t1 - t0)) ms)"
jq -se 'map(.status) == [200, 429, 200, 200] and
    .[1].query.next_token == .[2].query.next_token' "$T/log" >/dev/null ||
    fail "429: requests: $(jq -c '[.status, .query.next_token]' "$T/log")"

mock_set posts=15 on=1:remaining0 count=0
: >"$T/log"
t0=$(now)
sc-fetch x --search acme --api-base "$MOCK_URL" >"$T/out" 2>"$T/err" ||
    fail "remaining 0: exit $?: $(cat "$T/err")"
t1=$(now)
[ "$(wc -l <"$T/out")" -eq 15 ] || fail "remaining 0: $(wc -l <"$T/out")"
[ $((t1 - t0)) -ge 900 ] || fail "remaining 0: no wait ($((t1 - t0)) ms)"
[ "$(mock_count "$T/log")" -eq 2 ] || fail "remaining 0: requests"

mock_set posts=25 on=2:429 count=0 reset=600
: >"$T/log"
sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
    -o "$T/out3" --max-wait 5 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "past --max-wait: exit $rc, want 75"
grep -Eq '^sc-fetch: x: rate limited until 20[0-9-]{8}T[0-9:]{8}Z; state saved, try again later$' \
    "$T/err" || fail "past --max-wait: message: $(cat "$T/err")"
[ "$(wc -l <"$T/out3")" -eq 10 ] || fail "past --max-wait: first page lost"
jq -e '.queries["x search acme"].poll.cursor == "tok1790000000000016000" and
    (.queries["x search acme"] | has("position") | not)' "$T/st" \
    >/dev/null || fail "past --max-wait: state: $(cat "$T/st")"
sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
    -o "$T/out3" --max-wait 5 2>"$T/err" || fail "resume: exit $?"
[ "$(jq -r .id "$T/out3" | sort -u | wc -l)" -eq 25 ] &&
    [ "$(wc -l <"$T/out3")" -eq 25 ] || fail "resume: not 25 unique posts"
jq -se '.[2].query.next_token == ["tok1790000000000016000"] and
    (.[2].query | has("since_id") | not)' "$T/log" >/dev/null ||
    fail "resume: $(sed -n 3p "$T/log")"
jq -e '.queries["x search acme"].position == "1790000000000025000"' \
    "$T/st" >/dev/null || fail "resume: position"
