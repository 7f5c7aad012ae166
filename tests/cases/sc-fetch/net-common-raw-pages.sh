# net-common-raw-pages: saved API answers (one page a line) replayed with
# "sc-fetch import --raw-pages DRIVER" come out as the network run's posts;
# a line that is no page is rejected with file:line.
. "$SC_TOP/tests/mock/lib.sh"
get() {
	mock_get "$1" "Authorization: Bearer test-token" | jq -c .
}
mock_start x --posts 25 --page-size 10
q='/2/tweets/search/recent?query=a&max_results=100&expansions=author_id'
{
	get "$q"
	get "$q&next_token=tok1790000000000016000"
	get "$q&next_token=tok1790000000000006000"
} >"$T/x.pages" || fail "saving X pages"
sc-fetch x --search a --api-base "$MOCK_URL" >"$T/x.net" || fail "x: exit $?"
sc-fetch import --raw-pages x "$T/x.pages" >"$T/x.out" 2>"$T/err" ||
    fail "import x: exit $?: $(cat "$T/err")"
diff -u "$T/x.net" "$T/x.out" || fail "x: import differs from the network"

mock_start mastodon --posts 12 --page-size 5
q='/api/v1/notifications?types%5B%5D=mention'
{
	get "$q"
	get "$q&max_id=34975008"
	get "$q&max_id=34975003"
} >"$T/m.pages" || fail "saving Mastodon pages"
sc-fetch mastodon --mentions --api-base "$MOCK_URL" |
    sed "s/@127\.0\.0\.1:$MOCK_PORT\"/\"/" >"$T/m.net" || fail "mastodon: exit"
# --mentions takes the token's account (acme) as the brand's; a replay
# knows no token and no host: the account is given as the page names it.
sc-fetch import --raw-pages mastodon --brand-account acme "$T/m.pages" \
    >"$T/m.out" || fail "import mastodon: exit $?"
diff -u "$T/m.net" "$T/m.out" || fail "mastodon: import differs"

printf '%s\n' 'not json' '{"hello": 1}' '[]' >"$T/bad.pages"
sc-fetch import --raw-pages x "$T/bad.pages" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "bad pages: exit"
cat >"$T/want" <<EOT
sc-fetch: $T/bad.pages:1: not JSON: '[' or '{' expected near 'not'
sc-fetch: $T/bad.pages:2: neither "data" nor "meta": not a page of tweets
sc-fetch: $T/bad.pages:3: expected an object, got an array
EOT
diff -u "$T/want" "$T/err" || fail "bad pages: messages"
sc-fetch import --raw-pages myspace "$T/bad.pages" 2>"$T/err"
[ $? -eq 2 ] || fail "unknown driver: exit"
[ "$(cat "$T/err")" = 'sc-fetch: --raw-pages: no such driver: "myspace"' ] ||
    fail "unknown driver: $(cat "$T/err")"
