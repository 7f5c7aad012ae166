# net-facebook-throttle: throttling is no 429 but an error body with code
# 4, 17, 32 or 613 (HTTP 400 or 403) and the usage headers'
# estimated_time_to_regain_access (minutes): access already back waits a
# moment and asks again; minutes past --max-wait save the state (its cursor
# without the token) and exit 75, and the next run resumes; a 200 whose
# usage is at 100% with access minutes away waits before the next request.
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=fb-secret-0815
fetch() {
	sc-fetch facebook --page 104857600000001 --comments \
	    --api-base "$MOCK_URL" "$@"
}
mock_start facebook --posts 6 --page-size 4 --reset 0.2 --on 2:429 \
    --token fb-secret-0815 --log "$T/log"

t0=$(now)
fetch >"$T/out" 2>"$T/err" || fail "code 4: exit $?: $(cat "$T/err")"
t1=$(now)
[ -s "$T/err" ] && fail "code 4: stderr: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 13 ] || fail "code 4: $(wc -l <"$T/out") posts"
[ $((t1 - t0)) -ge 900 ] || fail "code 4: did not wait ($((t1 - t0)) ms)"
jq -se 'map(.status) == [200, 400, 200] and
    .[1].query.after == .[2].query.after' "$T/log" >/dev/null ||
    fail "code 4: requests: $(jq -c '[.status, .query.after]' "$T/log")"

mock_set on=2:429 count=0 throttle-code=32 throttle-status=403
fetch >"$T/out" 2>"$T/err" || fail "code 32: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 13 ] || fail "code 32: $(wc -l <"$T/out") posts"

mock_set on=2:429 count=0 reset=600 throttle-code=613
fetch --state "$T/st" -o "$T/out3" --max-wait 5 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "past --max-wait: exit $rc, want 75"
grep -Eq '^sc-fetch: facebook: rate limited until 20[0-9-]{8}T[0-9:]{8}Z; state saved, try again later$' \
    "$T/err" || fail "past --max-wait: message: $(cat "$T/err")"
[ "$(wc -l <"$T/out3")" -eq 10 ] || fail "past --max-wait: first page lost"
grep -q fb-secret "$T/st" && fail "the token in the state: $(cat "$T/st")"
jq -e '.queries["facebook 104857600000001 comments"].poll.cursor | fromjson |
    (.q | startswith("after=")) and .more == []' "$T/st" >/dev/null ||
    fail "past --max-wait: state: $(cat "$T/st")"
fetch --state "$T/st" -o "$T/out3" --max-wait 5 2>"$T/err" ||
    fail "resume: exit $?: $(cat "$T/err")"
[ "$(jq -r .id "$T/out3" | sort -u | wc -l)" -eq 13 ] &&
    [ "$(wc -l <"$T/out3")" -eq 13 ] || fail "resume: not 13 unique posts"

mock_set on=1:remaining0 count=0 reset=120
rm -f "$T/st"
fetch --state "$T/st" -o "$T/out4" --max-wait 5 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "usage 100%: exit $rc, want 75: $(cat "$T/err")"
grep -q '^sc-fetch: facebook: rate limited until ' "$T/err" ||
    fail "usage 100%: $(cat "$T/err")"
[ "$(wc -l <"$T/out4")" -eq 10 ] || fail "usage 100%: first page"
