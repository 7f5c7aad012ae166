# net-x-mentions: /2/users/:id/mentions pages with pagination_token (the
# mock refuses next_token there); --since/--until go out as start_time and
# end_time and bound the posts; a handle instead of an id is refused.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 40 --page-size 10 --log "$T/log"
sc-fetch x --mentions 1500000000000000001 --api-base "$MOCK_URL" \
    >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 40 ] || fail "$(wc -l <"$T/out") posts"
jq -se 'map(.path) | unique == ["/2/users/1500000000000000001/mentions"]' \
    "$T/log" >/dev/null || fail "paths"
jq -se '.[1].query.pagination_token == ["tok1790000000000031000"]' \
    "$T/log" >/dev/null || fail "cursor parameter: $(sed -n 2p "$T/log")"

# 2026-11-20T00:10:00Z <= created_at < 2026-11-20T00:20:00Z: posts 10..19
: >"$T/log"
sc-fetch x --mentions 1500000000000000001 --api-base "$MOCK_URL" \
    --since 2026-11-20T00:10:00Z --until 2026-11-20T00:20:00Z \
    >"$T/out" 2>"$T/err" || fail "window: exit $?: $(cat "$T/err")"
[ "$(jq -r .created_at "$T/out" | sed -n '1p;$p' | tr '\n' ' ')" = \
    "2026-11-20T00:19:00Z 2026-11-20T00:10:00Z " ] || fail "window: $(cat "$T/out")"
[ "$(wc -l <"$T/out")" -eq 10 ] || fail "window: $(wc -l <"$T/out") posts"
jq -se '.[0].query.start_time == ["2026-11-20T00:10:00Z"] and
    .[0].query.end_time == ["2026-11-20T00:20:00Z"]' "$T/log" >/dev/null ||
    fail "window parameters: $(head -1 "$T/log")"

sc-fetch x --mentions acme_help --api-base "$MOCK_URL" 2>"$T/err"
[ $? -eq 2 ] || fail "handle: not exit 2"
[ "$(cat "$T/err")" = 'sc-fetch: --mentions: expected a numeric user id (not a handle): "acme_help"' ] ||
    fail "handle: $(cat "$T/err")"
