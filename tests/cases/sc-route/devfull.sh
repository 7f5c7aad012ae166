# A write error on standard output is fatal: exit 2 and a message.
set -u
d=$SC_TMP/route-devfull
rm -rf "$d"
mkdir -p "$d"
[ -w /dev/full ] || exit 0
sc-route -r ops.json ops.in >/dev/full 2>"$d/err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc, want 2"; exit 1; }
echo "sc-route: <stdout>: write error: No space left on device" |
    cmp - "$d/err" || { cat "$d/err"; exit 1; }
