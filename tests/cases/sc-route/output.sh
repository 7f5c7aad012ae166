# -o FILE, -z and -u.
set -u
d=$SC_TMP/route-output
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

echo old >"$d/out"
sc-route -o "$d/out" -r ops.json ops.in >"$d/stdout" || fail "-o: exit $?"
cmp ops.out "$d/out" || fail "-o: output differs"
[ -s "$d/stdout" ] && fail "-o: wrote to standard output"

sc-route -z -r ops.json ops.in >"$d/out.gz" || fail "-z: exit $?"
gzip -dc "$d/out.gz" | cmp ops.out - || fail "-z: output differs"

sc-route -z --output="$d/o.gz" -r ops.json ops.in || fail "-z -o: exit $?"
gzip -dc "$d/o.gz" | cmp ops.out - || fail "-z -o: output differs"

sc-route -u -r ops.json <ops.in >"$d/out" || fail "-u: exit $?"
cmp ops.out "$d/out" || fail "-u: output differs"

exit 0
