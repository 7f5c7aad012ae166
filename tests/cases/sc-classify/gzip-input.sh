# gzip-compressed input is read as it is; -o writes a file; -z compresses.
python3 "$SC_TOP/scripts/gen-posts" -s 4 50 >"$SC_TMP/in" || exit 1
gzip -c "$SC_TMP/in" >"$SC_TMP/in.gz" || exit 1
sc-classify "$SC_TMP/in" >"$SC_TMP/plain" || exit 1
sc-classify "$SC_TMP/in.gz" | cmp - "$SC_TMP/plain" || exit 1
sc-classify <"$SC_TMP/in.gz" | cmp - "$SC_TMP/plain" || exit 1
out=$(sc-classify -o "$SC_TMP/o" "$SC_TMP/in") || exit 1
[ -z "$out" ] && cmp "$SC_TMP/o" "$SC_TMP/plain" || exit 1
sc-classify -z "$SC_TMP/in.gz" | gzip -dc | cmp - "$SC_TMP/plain" || exit 1
sc-classify -z -o "$SC_TMP/o.gz" "$SC_TMP/in" &&
    gzip -dc "$SC_TMP/o.gz" | cmp - "$SC_TMP/plain"
