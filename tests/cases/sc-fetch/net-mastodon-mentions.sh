# net-mastodon-mentions: notifications paged by the Link header's
# rel="next" (max_id) under one since_id; the saved position is the newest
# notification's id (not the status's); the next run gets only newer ones;
# a 429 waits until the ISO X-RateLimit-Reset; a bad token is exit 2.
# A brand account is given, so that no verify_credentials comes first
# (net-mastodon-own-account has that).
. "$SC_TOP/tests/mock/lib.sh"
mock_start mastodon --posts 25 --page-size 10 --log "$T/log"
brand="acme@127.0.0.1:$MOCK_PORT"
run() {
	sc-fetch mastodon --mentions --api-base "$MOCK_URL" --state "$T/st" \
	    --brand-account "$brand" -o "$T/out" "$@" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
}
key="mastodon $MOCK_URL mentions"
run
[ "$(wc -l <"$T/out")" -eq 25 ] || fail "first run: $(wc -l <"$T/out")"
jq -se 'map(.query.max_id[0]) == [null, "34975016", "34975006"] and
    (map(.query["types[]"]) | unique) == [["mention"]]' "$T/log" \
    >/dev/null || fail "first run: requests $(cat "$T/log")"
jq -e --arg k "$key" '.queries[$k].position == "34975025"' "$T/st" \
    >/dev/null || fail "first run: state $(cat "$T/st")"
[ "$(head -n 1 "$T/out" | jq -r .id)" = "mastodon:112432100000025000" ] ||
    fail "first run: ids"

mock_set posts=28 on=1:429 count=0 reset=1
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 28 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'map(.status) == [429, 200] and
    .[1].query.since_id == ["34975025"]' "$T/log" >/dev/null ||
    fail "second run: $(cat "$T/log")"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 28 ] || fail "duplicates"

mock_set on=1:429 count=0 reset=100
sc-fetch mastodon --mentions --api-base "$MOCK_URL" --state "$T/st" \
    --brand-account "$brand" -o "$T/out" --max-wait 0 2>"$T/err"
[ $? -eq 75 ] || fail "--max-wait 0: exit"
grep -Eq '^sc-fetch: mastodon: rate limited until [0-9T:-]+Z; state saved, try again later$' \
    "$T/err" || fail "--max-wait 0: $(cat "$T/err")"

mock_set on= count=0
SC_MASTODON_TOKEN=nope sc-fetch mastodon --mentions --api-base "$MOCK_URL" \
    2>"$T/err" >/dev/null
[ $? -eq 2 ] || fail "bad token: exit"
[ "$(cat "$T/err")" = "sc-fetch: mastodon: HTTP 401: check SC_MASTODON_TOKEN: The access token is invalid" ] ||
    fail "bad token: $(cat "$T/err")"
unset SC_MASTODON_TOKEN
sc-fetch mastodon --mentions --api-base "$MOCK_URL" 2>"$T/err" >/dev/null
[ "$(cat "$T/err")" = "sc-fetch: mastodon: no token: set SC_MASTODON_TOKEN or use --credentials FILE (only --tag works without)" ] ||
    fail "no token: $(cat "$T/err")"
