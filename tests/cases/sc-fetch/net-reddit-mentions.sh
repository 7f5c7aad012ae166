# net-reddit-mentions: the inbox's username mentions (/message/mentions),
# and in_reply_to_brand (sc-post(5)) from the parent's author.  parent_id
# names only the parent: the authors of parents not on the page are asked
# of /api/info, all of a page's in one request (fullnames joined by ","),
# with the page loop's retries and rate-limit waits.  A parent by the
# brand -> true, by another customer -> false, deleted or not found -> no
# key, and a submission (search) answers nothing -> no key.  An inbox
# comment has no permalink or link_id: url and conversation_id come from
# its context.
. "$SC_TOP/tests/mock/lib.sh"
export SC_REDDIT_TOKEN=test-token
mock_start reddit --data net-reddit-mentions/data.json --page-size 4 \
    --log "$T/log"
brand() {
	reply_tsv "$1" '.id'
}
sc-fetch reddit --mentions --api-base "$MOCK_URL" \
    --brand-account acme_support --state "$T/state" >"$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
brand "$T/out" >"$T/got"
cat >"$T/want" <<'EOT'
reddit:t1_l8a0007	false
reddit:t1_l8a0006	absent
reddit:t1_l8a0005	absent
reddit:t1_l8a0004	false
reddit:t1_l8a0003	false
reddit:t1_l8a0002	true
reddit:t1_l8a0001	true
EOT
diff -u "$T/want" "$T/got" || fail "in_reply_to_brand differs"
jq -se '.[0] | .conversation_id == "reddit:t3_1dcu002" and
    .url == "https://www.reddit.com/r/acme/comments/1dcu002/acme_order_thread/l8a0007/" and
    .in_reply_to == "reddit:t1_l8a0003" and .author.handle == "jdoe_rd"' \
    "$T/out" >/dev/null || fail "post: $(head -1 "$T/out")"
# one /api/info per page of mentions, asking for the parents not on it
jq -se 'map([.path, (.query.id // [] | join(" "))]) == [
    ["/message/mentions", ""],
    ["/api/info", "t1_l8a0003,t1_l7zzzzz,t1_l7d0003,t3_1dcu002"],
    ["/message/mentions", ""],
    ["/api/info", "t1_l7c0002,t3_1dbr001,t1_l7b0001"]] and
    all(.headers.authorization == "bearer test-token" and
    (.headers["user-agent"] | test("^unix:sc-fetch:"))) and
    all(.[]; .query.raw_json == ["1"])' "$T/log" >/dev/null ||
    fail "requests: $(jq -c '[.path, .query]' "$T/log")"

# The next poll, nothing new: the first page only, and no parent asked for
# comments it drops.
: >"$T/log"
sc-fetch reddit --mentions --api-base "$MOCK_URL" \
    --brand-account acme_support --state "$T/state" >"$T/out2" \
    2>"$T/err" || fail "again: exit $?: $(cat "$T/err")"
[ -s "$T/out2" ] && fail "again: $(cat "$T/out2")"
jq -se 'map(.path) == ["/message/mentions"]' "$T/log" >/dev/null ||
    fail "again: requests: $(jq -c '[.path, .query]' "$T/log")"

# /api/info throttled (429): waited for, then the same posts.
mock_set on=2:429 reset=1 count=0
sc-fetch reddit --mentions --api-base "$MOCK_URL" \
    --brand-account acme_support >"$T/out3" 2>"$T/err" ||
    fail "429: exit $?: $(cat "$T/err")"
diff -u "$T/out" "$T/out3" || fail "429: output differs"

# /api/info failing: exit 75 with nothing of that page written or saved;
# the next run writes every post once.
mock_set on=4:500 count=0
sc-fetch reddit --mentions --api-base "$MOCK_URL" --retries 0 \
    --brand-account acme_support --state "$T/st4" -o "$T/out4" 2>"$T/err"
rc=$?
[ $rc -eq 75 ] || fail "500: exit $rc: $(cat "$T/err")"
[ "$(wc -l <"$T/out4")" -eq 4 ] || fail "500: $(cat "$T/out4")"
mock_set on= count=0
sc-fetch reddit --mentions --api-base "$MOCK_URL" \
    --brand-account acme_support --state "$T/st4" -o "$T/out4" 2>"$T/err" ||
    fail "resume: exit $?: $(cat "$T/err")"
diff -u "$T/out" "$T/out4" || fail "resume: output differs"

# Without brand accounts, and a token that may not ask whose it is (no
# identity scope, see net-reddit-own-account), nothing is guessed, and no
# parent looked up.
mock_set scopes=read,privatemessages
: >"$T/log"
sc-fetch reddit --mentions --api-base "$MOCK_URL" >"$T/out5" 2>"$T/err" ||
    fail "no brand: exit $?: $(cat "$T/err")"
jq -se 'length == 7 and (any(has("in_reply_to_brand")) | not)' \
    "$T/out5" >/dev/null || fail "no brand: $(cat "$T/out5")"
jq -se 'map(.path) == ["/api/v1/me", "/message/mentions",
    "/message/mentions"]' "$T/log" >/dev/null ||
    fail "no brand: requests: $(jq -c .path "$T/log")"
mock_set 'scopes=*'

# Search: submissions answer nothing; no key, no /api/info.
: >"$T/log"
sc-fetch reddit --search acme --api-base "$MOCK_URL" \
    --brand-account acme_support >"$T/out6" 2>"$T/err" ||
    fail "search: exit $?: $(cat "$T/err")"
jq -se 'length == 2 and (any(has("in_reply_to_brand")) | not)' \
    "$T/out6" >/dev/null || fail "search: $(cat "$T/out6")"
jq -se 'all(.path == "/search")' "$T/log" >/dev/null ||
    fail "search: requests: $(jq -c .path "$T/log")"

# A saved page replayed: no requests, so only a parent on the same page
# is known.
mock_set page-size=100
mock_get "/message/mentions?limit=100&raw_json=1" \
    "Authorization: bearer test-token" >"$T/page" || fail "saving the page"
sc-fetch import --raw-pages reddit --brand-account acme_support \
    "$T/page" >"$T/out7" 2>"$T/err" || fail "replay: exit $?: $(cat "$T/err")"
brand "$T/out7" >"$T/got"
sed 's/	\(true\|false\)$/	absent/; /l8a0007/s/absent$/false/' "$T/want" |
    diff -u - "$T/got" || fail "replay differs"
