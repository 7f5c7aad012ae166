# net-common-options: the network sources' options are checked before
# anything is fetched, with the usual messages and exit 2; --help lists
# them; a full disk is an error (2) and a closed pipe ends the run quietly.
. "$SC_TOP/tests/mock/lib.sh"

# expect WANT_FIRST_LINE_OF_STDERR sc-fetch args...
expect() {
	want=$1
	shift
	sc-fetch "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$*: exit $rc, want 2"
	[ "$(head -n 1 "$T/err")" = "$want" ] ||
	    fail "$*: $(cat "$T/err")"
	[ -s "$T/out" ] && fail "$*: output"
	:
}
expect 'sc-fetch: --max: must be 1 to 1000000: 0' x --search a --max 0
expect 'sc-fetch: --max-wait: must be 0 to 86400: -1' x --search a --max-wait -1
expect 'sc-fetch: --retries: must be 0 to 20: 21' x --search a --retries 21
expect 'sc-fetch: --timeout: must be 1 to 3600: 0' x --search a --timeout 0
expect 'sc-fetch: --since: not a time (RFC 3339, or relative like -2h, -7d): "yesterday"' \
    x --search a --since yesterday
expect 'sc-fetch: --since must be before --until' \
    x --search a --since -1h --until -2h
expect 'sc-fetch: --api-base: expected an http:// or https:// URL: "ftp://h"' \
    x --search a --api-base ftp://h
expect 'sc-fetch: x: unexpected argument "file.ndjson"' \
    x --search a file.ndjson
expect 'sc-fetch: x: give one of --search or --mentions' x
expect 'sc-fetch: x: give one of --search or --mentions' \
    x --search a --mentions 1
expect 'sc-fetch: --search: empty query' x --search ''
expect 'sc-fetch: --brand-account: empty handle' x --search a --brand-account @
expect 'sc-fetch: mastodon: --api-base URL is needed' mastodon --tag acme
expect 'sc-fetch: mastodon: give one of --mentions, --tag or --search' \
    mastodon --api-base http://h --tag a --mentions
expect 'sc-fetch: -z with -o and --state: a compressed file cannot be cut back after a crash; compress it later' \
    x --search a -z -o "$T/o.gz" --state "$T/st"
grep -q '^usage: sc-fetch x \[-uvz\] \[-o file\] \[--state file\] \[--api-base url\]$' \
    "$T/err" && fail "usage printed for a non-usage error"
expect "sc-fetch: unrecognized option '--frobnicate'" \
    mastodon --api-base http://h --tag a --frobnicate
sed -n 2p "$T/err" | grep -qx 'usage: sc-fetch mastodon \[-uvz\] \[-o file\] \[--state file\] \[--api-base url\]' ||
    fail "usage: $(cat "$T/err")"
sc-fetch x --help >"$T/out" || fail "--help: exit $?"
for o in --search --mentions --api-base --state --since --until --max \
    --max-wait --retries --retry-wait --timeout --brand-account \
    --credentials --raw --verbose; do
	grep -q -- "^  .*$o" "$T/out" || fail "--help: no $o"
done
[ -e "$T/st" ] && fail "a state file was written"

mock_start x --posts 30 --page-size 10
sc-fetch x --search acme --api-base "$MOCK_URL" >/dev/full 2>"$T/err"
[ $? -eq 2 ] || fail "/dev/full: exit"
grep -q '^sc-fetch: <stdout>: write error: No space left on device$' \
    "$T/err" || fail "/dev/full: $(cat "$T/err")"
sc-fetch x --search acme --api-base "$MOCK_URL" 2>"$T/err" |
    head -n 1 >"$T/out"
[ -s "$T/err" ] && fail "closed pipe: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 1 ] || fail "closed pipe: output"
# gzip on standard output, and -o with -z without a state
sc-fetch x --search acme --api-base "$MOCK_URL" -z | gzip -dc >"$T/out" ||
    fail "-z: exit"
[ "$(wc -l <"$T/out")" -eq 30 ] || fail "-z: posts"
sc-fetch x --search acme --api-base "$MOCK_URL" -z -o "$T/o.gz" ||
    fail "-z -o: exit"
[ "$(gzip -dc "$T/o.gz" | wc -l)" -eq 30 ] || fail "-z -o: posts"
