# net-facebook-incremental: the first run reads every page of the feed; the
# state's position is the newest creation time; the next run asks the feed
# since= it (Facebook filters on updated_time, so an old post with a new
# comment comes back) and writes only what is newer: new posts, their
# comments, the new comment on the old post - not the old post again; a
# run with nothing new writes nothing.
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=test-token
mock_start facebook --posts 10 --page-size 4 --log "$T/log"
run() {
	sc-fetch facebook --page 104857600000001 --comments \
	    --api-base "$MOCK_URL" --state "$T/st" -o "$T/out" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
run
# 10 posts, 13 comments
[ "$(wc -l <"$T/out")" -eq 23 ] || fail "first run: $(wc -l <"$T/out") posts"
jq -se 'map(.path) == [range(3) | "/104857600000001/feed"] and
    all(.query | has("since") | not)' "$T/log" >/dev/null ||
    fail "run 1 requests: $(jq -c '[.path, .query.after]' "$T/log")"
jq -e '.queries["facebook 104857600000001 comments"] |
    .position == "1795167060" and (has("poll") | not)' "$T/st" \
    >/dev/null || fail "state after run 1: $(cat "$T/st")"
[ "$(jq -r 'select(.from_brand) | .author.name' "$T/out" | wc -l)" -eq 7 ] ||
    fail "from_brand: $(jq -c 'select(.from_brand) | .id' "$T/out")"
grep -q '"text":"私も同じです 😢"' "$T/out" &&
    grep -q '"name":"Lucía Gómez 🌻"' "$T/out" || fail "CJK or emoji text"

mock_set posts=12 new-comment=1
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 31 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'length == 1 and .[0].query.since == ["1795167060"]' "$T/log" \
    >/dev/null || fail "run 2 requests: $(jq -c .query "$T/log")"
[ "$(tail -n 8 "$T/out" | jq -r .id | tr '\n' ' ')" = \
    "facebook:104857600000001_771122334400011 facebook:771122334400011_998877665500112 facebook:771122334400011_998877665500111 facebook:771122334400011_998877665500110 facebook:104857600000001_771122334400010 facebook:771122334400010_998877665500101 facebook:771122334400010_998877665500100 facebook:771122334400001_998877669999999 " ] ||
    fail "run 2 posts: $(tail -n 8 "$T/out" | jq -r .id)"
jq -e '.queries["facebook 104857600000001 comments"].position ==
    "1795171800"' "$T/st" >/dev/null || fail "state after run 2: $(cat "$T/st")"

: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 31 ] || fail "third run wrote posts"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 31 ] || fail "duplicates"

# Overlapping pages (each starts a post early): no post twice.
mock_set overlap=1
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    -v >"$T/out2" 2>"$T/err" || fail "overlap: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out2")" -eq 31 ] &&
    [ "$(jq -r .id "$T/out2" | sort -u | wc -l)" -eq 31 ] ||
    fail "overlap: $(wc -l <"$T/out2") posts"
grep -q '^sc-fetch: facebook: [0-9]* pages, 31 posts, [1-9][0-9]* duplicates dropped$' \
    "$T/err" || fail "overlap: $(cat "$T/err")"
