# A write error on standard output is fatal: exit 2 and a message.
[ -w /dev/full ] || exit 0
sc-reply --no-mention -t sel.json select.in >/dev/full 2>"$SC_TMP/reply-full.err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc, want 2"; exit 1; }
grep -q '^sc-reply: <stdout>: write error: ' "$SC_TMP/reply-full.err"
