# A write error is fatal: exit 2 with a message.
[ -w /dev/full ] || { echo "no /dev/full here"; exit 0; }
python3 "$SC_TOP/scripts/gen-posts" -s 4 200 >"$SC_TMP/bt.in" || exit 1
sc-classify "$SC_TMP/bt.in" >/dev/full 2>"$SC_TMP/bt.err"
[ $? -eq 2 ] || exit 1
grep -q '^sc-classify: .*' "$SC_TMP/bt.err"
