# --rejects FILE keeps the raw rejected lines (appending), with and
# without --strict.
set -u
d=$SC_TMP/route-rejects
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

sc-route --rejects "$d/rej" -r sla.json bad.ndjson >"$d/out" 2>"$d/err"
[ $? -eq 1 ] || fail "want exit 1"
cmp bad-records.out "$d/out" || fail "output differs"
cmp bad-records.err "$d/err" || fail "messages differ"
sed -n '2,6p;8,10p' bad.ndjson >"$d/want"
cmp "$d/want" "$d/rej" || fail "rejects differ"

sc-route --strict --rejects "$d/rej" -r sla.json bad.ndjson >"$d/out" \
    2>/dev/null
[ $? -eq 2 ] || fail "--strict: want exit 2"
cmp strict.out "$d/out" || fail "--strict: output differs"
sed -n 2p bad.ndjson >>"$d/want"
cmp "$d/want" "$d/rej" || fail "--strict: rejects differ"
exit 0
