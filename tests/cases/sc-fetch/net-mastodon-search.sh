# net-mastodon-search: v2/search has no Link header and ranks by relevance:
# pages go by offset until one is empty, the next run asks min_id, and an
# old post on a page does not end a --since window early.
. "$SC_TOP/tests/mock/lib.sh"
mock_start mastodon --posts 25 --page-size 10 --log "$T/log"
sc-fetch mastodon --search 'lost bag' --api-base "$MOCK_URL" \
    --state "$T/st" -o "$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 25 ] || fail "posts"
jq -se 'map(.query.offset[0]) == [null, "10", "20", "25"] and
    .[0].query.q == ["lost bag"] and .[0].query.type == ["statuses"]' \
    "$T/log" >/dev/null || fail "requests: $(jq -c .query "$T/log")"
jq -e '.queries[].position == "112432100000025000"' "$T/st" >/dev/null ||
    fail "state: $(cat "$T/st")"

mock_set posts=30
: >"$T/log"
sc-fetch mastodon --search 'lost bag' --api-base "$MOCK_URL" \
    --state "$T/st" -o "$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 30 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'map(.query.min_id[0]) | unique == ["112432100000025000"]' \
    "$T/log" >/dev/null || fail "second run: $(jq -c .query "$T/log")"

: >"$T/log"
sc-fetch mastodon --search 'lost bag' --api-base "$MOCK_URL" \
    --since 2026-11-20T00:20:00Z >"$T/win" 2>"$T/err" ||
    fail "window: exit $?"
[ "$(jq -r .created_at "$T/win" | sort | sed -n '1p;$p' | tr '\n' ' ')" = \
    "2026-11-20T00:20:00Z 2026-11-20T00:30:00Z " ] ||
    fail "window: $(jq -r .created_at "$T/win")"
[ "$(wc -l <"$T/win")" -eq 11 ] || fail "window: posts"
[ "$(mock_count "$T/log")" -eq 4 ] || fail "window: stopped early"

# a tag timeline is newest first: --since ends the paging at the first
# older post; --until drops the newer ones, and the saved position is the
# newest post written, so a later run without --until gets them
: >"$T/log"
sc-fetch mastodon --tag acme --api-base "$MOCK_URL" --state "$T/st2" \
    --since 2026-11-20T00:12:00Z --until 2026-11-20T00:25:00Z \
    >"$T/tag" 2>"$T/err" || fail "tag window: exit $?"
[ "$(jq -r .created_at "$T/tag" | sed -n '1p;$p' | tr '\n' ' ')" = \
    "2026-11-20T00:24:00Z 2026-11-20T00:12:00Z " ] ||
    fail "tag window: $(jq -r .created_at "$T/tag")"
[ "$(mock_count "$T/log")" -eq 2 ] || fail "tag window: did not stop"
sc-fetch mastodon --tag acme --api-base "$MOCK_URL" --state "$T/st2" \
    >"$T/tag" 2>"$T/err" || fail "tag after: exit $?"
[ "$(jq -r .created_at "$T/tag" | sed -n '1p;$p' | tr '\n' ' ')" = \
    "2026-11-20T00:30:00Z 2026-11-20T00:25:00Z " ] ||
    fail "tag after: $(jq -r .created_at "$T/tag")"
