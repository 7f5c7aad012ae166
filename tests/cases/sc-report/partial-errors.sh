# A partial file that is truncated, corrupt, of another version, not a
# partial at all, or made with other options is an error naming it.
set -u
t=$SC_TMP
sc-report --now 2026-11-23T00:00:00Z --by platform --partial "$t/p" by-platform.in || exit 1
sc-report --now 2026-11-23T00:00:00Z --window 1h --by platform --partial "$t/q" by-platform.in || exit 1
check() {	# expected message, then the files
	want=$1
	shift
	sc-report --merge "$@" > "$t/out" 2> "$t/err"
	rc=$?
	[ $rc -eq 2 ] || { echo "exit $rc for: $want"; exit 1; }
	[ ! -s "$t/out" ] || { echo "wrote a report for: $want"; exit 1; }
	echo "sc-report: $want" | diff -u - "$t/err" || exit 1
}
head -c 200 "$t/p" > "$t/short"
check "$t/short: truncated or padded: the header says $(head -1 "$t/p" | cut -d' ' -f4) bytes, $(($(head -c 200 "$t/p" | wc -c) - $(head -1 "$t/p" | wc -c))) follow" "$t/short"
sed 's/facebook/fACEBOOK/' "$t/p" > "$t/corrupt"
check "$t/corrupt: checksum mismatch (corrupt file)" "$t/corrupt"
sed '1s/partial 1 /partial 9 /' "$t/p" > "$t/v9"
check "$t/v9: partial format version 9, this sc-report reads 1" "$t/v9"
check "by-platform.in: not an sc-report partial" by-platform.in
: > "$t/empty"
check "$t/empty: not an sc-report partial (no header line)" "$t/empty"
check "$t/q: made with --window 3600s --bucket 900s --tz UTC --by platform, but $t/p with --window 604800s --bucket 900s --tz UTC --by platform" "$t/p" "$t/q"
check "$t/nosuch: No such file or directory" "$t/nosuch"
# a body with a correct checksum but counts that do not add up
body=$(tail -n +2 "$t/p" | sed 's/"{\\"platform\\":\\"x\\"}",3,2,/"{\\"platform\\":\\"x\\"}",3,7,/')
printf 'sc-report-partial 1 %s %s\n%s\n' \
    "$(printf '%s\n' "$body" | python3 -c 'import sys, zlib; print("%08x" % zlib.crc32(sys.stdin.buffer.read()))')" \
    "$(printf '%s\n' "$body" | wc -c)" "$body" > "$t/bad"
check "$t/bad: by row 1: counts do not add up" "$t/bad"
# --partial to a directory that does not exist: exit 2, nothing written
sc-report --partial "$t/no/such/p" by-platform.in 2> "$t/err"
[ $? -eq 2 ] || exit 1
echo "sc-report: $t/no/such/p: No such file or directory" | diff -u - "$t/err"
