# A write error is fatal: exit 2 with a message.
[ -w /dev/full ] || exit 0
sc-fetch import dup-a.ndjson >/dev/full 2>"$SC_TMP/err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc"; exit 1; }
grep -q '^sc-fetch: <stdout>: write error' "$SC_TMP/err"
