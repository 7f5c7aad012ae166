# gzip input is read transparently, alone or mixed with plain files.
set -u
d=$SC_TMP/route-gzip
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

gzip -c ops.in >"$d/ops.in.gz"
sc-route -r ops.json "$d/ops.in.gz" >"$d/out" || fail "gz: exit $?"
cmp ops.out "$d/out" || fail "gz: output differs"

sc-route -r ops.json <"$d/ops.in.gz" >"$d/out" || fail "gz stdin: exit $?"
cmp ops.out "$d/out" || fail "gz stdin: output differs"

cat ops.out ops.out >"$d/want"
sc-route -r ops.json ops.in - <"$d/ops.in.gz" >"$d/out" ||
    fail "plain and gz: exit $?"
cmp "$d/want" "$d/out" || fail "plain and gz: output differs"

# A bad record in a compressed file is named by that file and line.
gzip -c bad.ndjson >"$d/bad.ndjson.gz"
sc-route -r sla.json "$d/bad.ndjson.gz" >"$d/out" 2>"$d/err"
[ $? -eq 1 ] || fail "bad gz: want exit 1"
cmp bad-records.out "$d/out" || fail "bad gz: output differs"
sed "s|bad.ndjson|$d/bad.ndjson.gz|" bad-records.err | cmp - "$d/err" ||
    fail "bad gz: $(cat "$d/err")"
exit 0
