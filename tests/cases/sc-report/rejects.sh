# --rejects keeps the raw rejected lines (appending); the report and exit 1
# still come.
set -u
rej=$SC_TMP/report-rejects.ndjson
echo '{"kept":"from before"}' > "$rej"
sc-report --rejects "$rej" < bad.in > "$SC_TMP/out" 2>/dev/null
rc=$?
[ $rc -eq 1 ] || { echo "exit $rc, want 1"; exit 1; }
cmp -s bad.out "$SC_TMP/out" || { echo "report differs"; exit 1; }
{
	echo '{"kept":"from before"}'
	sed -n '2,9p;12p;14p' bad.in
} > "$SC_TMP/want"
diff -u "$SC_TMP/want" "$rej"
