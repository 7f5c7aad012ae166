# A write error is fatal (exit 2), in both formats.
set -u
[ -w /dev/full ] || { echo "no /dev/full here"; exit 0; }
for f in ndjson table; do
	sc-report --format $f --by platform < by-platform.in > /dev/full \
	    2> "$SC_TMP/err"
	rc=$?
	[ $rc -eq 2 ] || { echo "--format $f: exit $rc, want 2"; exit 1; }
	grep -q '^sc-report: <stdout>: write error' "$SC_TMP/err" || {
		cat "$SC_TMP/err"; exit 1; }
done
