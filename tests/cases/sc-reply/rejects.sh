# --rejects appends the raw rejected lines, and the good records still go out.
r=$SC_TMP/reply-rejects.ndjson
echo 'kept from before' > "$r"
sc-reply -t sel.json --rejects "$r" bad.ndjson >"$SC_TMP/reply-rej.out" \
    2>"$SC_TMP/reply-rej.err"
rc=$?
[ $rc -eq 1 ] || { echo "exit $rc, want 1"; exit 1; }
{ echo 'kept from before'; sed -n '2p;3p;5,8p' bad.ndjson; } |
    cmp - "$r" || exit 1
cmp bad-records.out "$SC_TMP/reply-rej.out" || exit 1
cmp bad-records.err "$SC_TMP/reply-rej.err" || exit 1
# With --strict the first bad line is kept too.
: >"$r"
sc-reply -t sel.json --strict --rejects "$r" bad.ndjson >/dev/null 2>&1
[ $? -eq 2 ] || exit 1
sed -n 2p bad.ndjson | cmp - "$r"
