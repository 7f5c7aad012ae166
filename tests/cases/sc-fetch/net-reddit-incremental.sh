# net-reddit-incremental: a first run follows data.after (a fullname)
# through every page of sort=new; the state's position is the newest
# base-36 id; the next run stops there, so only newer posts come; a run
# with nothing new writes nothing.  CJK and emoji text intact.
. "$SC_TOP/tests/mock/lib.sh"
export SC_REDDIT_TOKEN=test-token
mock_start reddit --posts 23 --page-size 5 --log "$T/log"
run() {
	sc-fetch reddit --search acme --api-base "$MOCK_URL" --state "$T/st" \
	    --brand-account acme_support -o "$T/out" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
run
[ "$(wc -l <"$T/out")" -eq 23 ] || fail "first run: $(wc -l <"$T/out") posts"
newest=$(head -n 1 "$T/out" | jq -r '.id | ltrimstr("reddit:t3_")')
jq -se --arg n "$newest" 'length == 5 and
    map(.query.after[0]) == [null] + ([.[1:][] | .query.after[0]]) and
    (.[1:] | all(.query.after[0] | startswith("t3_"))) and
    .[0].query.after == null' "$T/log" >/dev/null ||
    fail "run 1 requests: $(jq -c .query "$T/log")"
jq -e --arg n "$newest" '.queries["reddit search acme"] | .position == $n
    and (has("poll") | not) and (.recent | length) == 23' "$T/st" \
    >/dev/null || fail "state after run 1 (newest $newest): $(cat "$T/st")"
# sort=new: newest first, ids never repeat
[ "$(jq -r .created_at "$T/out" | sort -r | uniq | wc -l)" -eq 23 ] &&
    jq -r .created_at "$T/out" | sort -rc || fail "run 1: not newest first"
grep -q '"text":"acme のサポートに連絡がつかない #11\\n\\nメールも電話も返事なし 😢 どうすれば?"' \
    "$T/out" && grep -q '"text":"Acme 退款问题 #17\\n\\n申请退款两周了还没到账 💸 有人遇到过吗？"' \
    "$T/out" || fail "CJK or emoji text changed"
[ "$(jq -r 'select(.from_brand) | .author.handle' "$T/out" | sort | uniq -c |
    tr -s ' ')" = " 3 acme_support" ] || fail "from_brand"

mock_set posts=27
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 27 ] || fail "second run: $(wc -l <"$T/out")"
jq -se 'length == 1 and (.[0].query | has("after") | not)' "$T/log" \
    >/dev/null || fail "run 2 requests: $(cat "$T/log")"
[ "$(tail -n 4 "$T/out" | jq -r .text | sed -n 's/^[^#]*#\([0-9]*\).*/\1/p' |
    tr '\n' ' ')" = "26 25 24 23 " ] ||
    fail "run 2 posts: $(tail -n 4 "$T/out" | jq -r .text)"

: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 27 ] || fail "third run wrote posts"
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 27 ] || fail "duplicates"

# Overlapping pages (each starts 2 posts early): no post twice.
mock_set overlap=2
sc-fetch reddit --search acme --api-base "$MOCK_URL" -v >"$T/out2" \
    2>"$T/err" || fail "overlap: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out2")" -eq 27 ] &&
    [ "$(jq -r .id "$T/out2" | sort -u | wc -l)" -eq 27 ] ||
    fail "overlap: $(wc -l <"$T/out2") posts"
grep -q '^sc-fetch: reddit: 9 pages, 27 posts, 16 duplicates dropped$' \
    "$T/err" || fail "overlap: $(cat "$T/err")"
