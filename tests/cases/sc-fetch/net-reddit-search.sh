# net-reddit-search: a search listing normalized in full (fullnames, float
# created_utc, title and selftext or the link, markdown kept, "&", "<" and
# ">" as typed, CJK and emoji, a deleted author, the brand's own post,
# crossposts and a negative score), the same whether Reddit honours
# raw_json=1 or sends the text HTML-escaped; the requests as Reddit wants
# them: bearer token, a User-Agent naming the program, sort=new, after=.
. "$SC_TOP/tests/mock/lib.sh"
export SC_REDDIT_TOKEN=test-token
mock_start reddit --data net-reddit-search/data.json --page-size 4 \
    --log "$T/log"
fetch() {
	sc-fetch reddit --search acme --api-base "$MOCK_URL" \
	    --brand-account acme_support "$@" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
fetch >"$T/out"
diff -u net-reddit-search/expected.ndjson "$T/out" || fail "output differs"
jq -se 'length == 2 and all(.path == "/search" and
	.query.q == ["acme"] and .query.sort == ["new"] and
	.query.limit == ["100"] and .query.raw_json == ["1"] and
	(.query | has("restrict_sr") | not) and
	.headers.authorization == "bearer test-token" and
	(.headers["user-agent"] | test("^unix:sc-fetch:[0-9.]+ ")))
    and (.[0].query | has("after") | not) and
    .[1].query.after == ["t3_1h7k2ad"]' "$T/log" >/dev/null ||
    fail "requests: $(cat "$T/log")"

# Escaped anyway (a proxy dropped raw_json=1): the same posts.
mock_set ignore-raw-json=1
fetch >"$T/out"
diff -u net-reddit-search/expected.ndjson "$T/out" ||
    fail "escaped page: output differs"

mock_set ignore-raw-json=0

# Pages saved raw, with raw_json=1 and without (escaped), and replayed
# with "import --raw-pages": the same posts.
for raw in '&raw_json=1' ''; do
	{
		mock_get "/search?q=acme&sort=new&limit=100$raw" \
		    'Authorization: bearer test-token'
		mock_get "/search?q=acme&sort=new&limit=100&after=t3_1h7k2ad$raw" \
		    'Authorization: bearer test-token'
	} | jq -c . >"$T/pages" || fail "saving pages"
	sc-fetch import --raw-pages reddit --brand-account acme_support \
	    "$T/pages" >"$T/out" 2>"$T/err" ||
	    fail "import: exit $?: $(cat "$T/err")"
	diff -u net-reddit-search/expected.ndjson "$T/out" ||
	    fail "import ($raw): output differs"
done

# One subreddit; the User-Agent Reddit asks for.
: >"$T/log"
SC_REDDIT_USER_AGENT='linux:com.example.acme-care:1.2 (by /u/acme_support)' \
    fetch --subreddit r/BuyItForLife >"$T/out"
[ "$(jq -r .id "$T/out" | tr '\n' ' ')" = \
    "reddit:t3_1h7k2ae reddit:t3_1h7k2ad reddit:t3_1h7k2ab " ] ||
    fail "subreddit: $(jq -r .id "$T/out")"
jq -se 'length == 1 and .[0].path == "/r/BuyItForLife/search" and
    .[0].query.restrict_sr == ["1"] and .[0].headers["user-agent"] ==
    "linux:com.example.acme-care:1.2 (by /u/acme_support)"' "$T/log" \
    >/dev/null || fail "subreddit requests: $(cat "$T/log")"
sc-fetch reddit --search acme --subreddit 'no spaces' --api-base "$MOCK_URL" \
    2>"$T/err"
[ $? -eq 2 ] || fail "bad subreddit: exit"
[ "$(cat "$T/err")" = 'sc-fetch: --subreddit: not a subreddit name: "no spaces"' ] ||
    fail "bad subreddit: $(cat "$T/err")"
