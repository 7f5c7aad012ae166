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
sed '1s/partial 2 /partial 9 /' "$t/p" > "$t/v9"
check "$t/v9: partial format version 9, this sc-report reads 1 to 2" "$t/v9"
check "by-platform.in: not an sc-report partial" by-platform.in
: > "$t/empty"
check "$t/empty: not an sc-report partial (no header line)" "$t/empty"
check "$t/q: made with --window 3600s --bucket 900s --tz UTC --by platform, but $t/p with --window 604800s --bucket 900s --tz UTC --by platform" "$t/p" "$t/q"
check "$t/nosuch: No such file or directory" "$t/nosuch"
# a body with a correct checksum but counts that do not add up
body=$(tail -n +2 "$t/p" | sed 's/"{\\"platform\\":\\"x\\"}",3,2,/"{\\"platform\\":\\"x\\"}",3,7,/')
printf 'sc-report-partial 2 %s %s\n%s\n' \
    "$(printf '%s\n' "$body" | python3 -c 'import sys, zlib; print("%08x" % zlib.crc32(sys.stdin.buffer.read()))')" \
    "$(printf '%s\n' "$body" | wc -c)" "$body" > "$t/bad"
check "$t/bad: by row 1: counts do not add up" "$t/bad"
# made with -r and without, or with two rules files: not merged
sc-report --now 2026-11-23T00:00:00Z --by platform -r business-rules.json --partial "$t/r" by-platform.in || exit 1
sed 's/Saturday/Sunday/' business-rules.json > "$t/rules2.json"
sc-report --now 2026-11-23T00:00:00Z --by platform -r "$t/rules2.json" --partial "$t/r2" by-platform.in || exit 1
crc() { python3 -c 'import sys, zlib; print("%08x" % zlib.crc32(open(sys.argv[1], "rb").read()))' "$1"; }
o="--window 604800s --bucket 900s --tz UTC --by platform"
check "$t/r: made with $o -r (a rules file of CRC-32 $(crc business-rules.json)), but $t/p with $o" "$t/p" "$t/r"
check "$t/r2: made with $o -r (a rules file of CRC-32 $(crc "$t/rules2.json")), but $t/r with $o -r (a rules file of CRC-32 $(crc business-rules.json))" "$t/r" "$t/r2"
# PROGRAM IN OUT: the partial IN with its body changed by the Python
# PROGRAM (doc is the body's JSON; v the version to write), checksummed
edit() {
	python3 - "$2" "$3" "$1" <<'PY'
import json, sys, zlib
head, body = open(sys.argv[1], "rb").read().split(b"\n", 1)
doc, v = json.loads(body), 2
exec(sys.argv[3])
out = (json.dumps(doc, separators=(",", ":")) + "\n").encode()
open(sys.argv[2], "wb").write(b"sc-report-partial %d %08x %d\n" % (v, zlib.crc32(out), len(out)) + out)
PY
}
# a version 1 partial (no business times) is still read, and merges
# with version 2 ones made without -r
edit '
v = 1
for rows in doc["tables"].values():
    for r in rows:
        assert r[8:] == [0, []], r
        del r[8:]' "$t/p" "$t/v1" || exit 1
sc-report --merge "$t/p" > "$t/want" || exit 1
sc-report --merge "$t/v1" | cmp "$t/want" - || { echo "v1 read differently"; exit 1; }
sc-report --merge "$t/p" "$t/p" > "$t/want" || exit 1
sc-report --merge "$t/v1" "$t/p" | cmp "$t/want" - || { echo "v1 + v2 differ"; exit 1; }
# a version 1 partial names no rules file; a version 2 row has 10 items
edit 'v = 1; doc["options"]["rules"] = "0123abcd"' "$t/v1" "$t/v1r" || exit 1
check "$t/v1r: options: bad rules" "$t/v1r"
edit 'del doc["tables"]["by"][0][8:]' "$t/p" "$t/short8" || exit 1
check "$t/short8: by row 1: not [key, 6 counts, bins, business sum, bins]" "$t/short8"
# with -r, the business histogram holds every answer of a row; without,
# none; and the business sum is at most the wall-clock one
edit 'doc["tables"]["by"][0][9] = []' "$t/r" "$t/nob" || exit 1
check "$t/nob: by row 1: business histogram holds 0, answered 2" "$t/nob"
edit 'doc["tables"]["by"][0][9] = [[5, 2]]; doc["tables"]["by"][0][8] = 10' "$t/p" "$t/bus" || exit 1
check "$t/bus: by row 1: business histogram holds 2, answered 2 (and no -r)" "$t/bus"
edit 'doc["tables"]["by"][0][8] = doc["tables"]["by"][0][3] + 1' "$t/r" "$t/bsum" || exit 1
check "$t/bsum: by row 1: counts do not add up" "$t/bsum"
# --partial to a directory that does not exist: exit 2, nothing written
sc-report --partial "$t/no/such/p" by-platform.in 2> "$t/err"
[ $? -eq 2 ] || exit 1
echo "sc-report: $t/no/such/p: No such file or directory" | diff -u - "$t/err"
