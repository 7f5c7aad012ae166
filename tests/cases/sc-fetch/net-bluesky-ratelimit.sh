# net-bluesky-ratelimit: a 429 waits for Retry-After (or, without it, until
# RateLimit-Reset) and asks again; a 200 with RateLimit-Remaining 0 waits
# before the next request; a wait past --max-wait saves the state and exits
# 75, and the next run resumes from the saved cursor.
. "$SC_TOP/tests/mock/lib.sh"
export SC_BLUESKY_HANDLE=acme.bsky.social SC_BLUESKY_APP_PASSWORD=test-token
fetch() {
	sc-fetch bluesky --no-followers --search acme --api-base "$MOCK_URL" "$@"
}
mock_start bluesky --posts 12 --page-size 5 --reset 0.2 --on 3:429 \
    --log "$T/log"

t0=$(now)
fetch >"$T/out" 2>"$T/err" || fail "429: exit $?: $(cat "$T/err")"
t1=$(now)
[ -s "$T/err" ] && fail "429: stderr: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 12 ] || fail "429: $(wc -l <"$T/out") posts"
[ $((t1 - t0)) -ge 900 ] || fail "429: did not wait ($((t1 - t0)) ms)"
jq -se 'map(.status) == [200, 200, 429, 200, 200] and
    .[2].query.cursor == ["5"] and .[3].query.cursor == ["5"]' "$T/log" \
    >/dev/null || fail "429: requests: $(jq -c '[.status, .query]' "$T/log")"

mock_set on=2:429 count=0 no-retry-after=1
t0=$(now)
fetch >"$T/out" 2>"$T/err" || fail "RateLimit-Reset: exit $?: $(cat "$T/err")"
t1=$(now)
[ "$(wc -l <"$T/out")" -eq 12 ] || fail "RateLimit-Reset: $(wc -l <"$T/out")"
[ $((t1 - t0)) -ge 900 ] || fail "RateLimit-Reset: no wait"

mock_set on=2:remaining0 count=0
: >"$T/log"
t0=$(now)
fetch >"$T/out" 2>"$T/err" || fail "remaining 0: exit $?: $(cat "$T/err")"
t1=$(now)
[ "$(wc -l <"$T/out")" -eq 12 ] || fail "remaining 0: $(wc -l <"$T/out")"
[ $((t1 - t0)) -ge 900 ] || fail "remaining 0: no wait ($((t1 - t0)) ms)"
[ "$(mock_count "$T/log")" -eq 4 ] || fail "remaining 0: requests"

mock_set on=3:429 count=0 reset=600 no-retry-after=
: >"$T/log"
fetch --state "$T/st" -o "$T/out3" --max-wait 5 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "past --max-wait: exit $rc, want 75"
grep -Eq '^sc-fetch: bluesky: rate limited until 20[0-9-]{8}T[0-9:]{8}Z; state saved, try again later$' \
    "$T/err" || fail "past --max-wait: message: $(cat "$T/err")"
[ "$(wc -l <"$T/out3")" -eq 5 ] || fail "past --max-wait: first page lost"
jq -e '.queries["bluesky search acme"] | .poll.cursor == "5" and
    (has("position") | not)' "$T/st" >/dev/null ||
    fail "past --max-wait: state: $(cat "$T/st")"
fetch --state "$T/st" -o "$T/out3" --max-wait 5 2>"$T/err" ||
    fail "resume: exit $?: $(cat "$T/err")"
[ "$(jq -r .id "$T/out3" | sort -u | wc -l)" -eq 12 ] &&
    [ "$(wc -l <"$T/out3")" -eq 12 ] || fail "resume: not 12 unique posts"
jq -se '.[4].query.cursor == ["5"] and (.[4].query | has("since") | not)' \
    "$T/log" >/dev/null || fail "resume: $(sed -n 5p "$T/log")"
jq -e '.queries["bluesky search acme"].position == "1795162260111"' \
    "$T/st" >/dev/null || fail "resume: position: $(cat "$T/st")"
