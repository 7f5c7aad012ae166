# merge-output-is-input: --merge -o naming one of the partials it merges
# is refused (exit 2) and the partial is left whole, as -o naming an input
# is in every program.
set -u
sc-report --partial "$SC_TMP/a.part" chain.in || exit 1
cp "$SC_TMP/a.part" "$SC_TMP/keep"
sc-report --merge -o "$SC_TMP/a.part" "$SC_TMP/a.part" 2>"$SC_TMP/err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc, want 2"; exit 1; }
echo "sc-report: $SC_TMP/a.part: output file is also an input" |
    diff -u - "$SC_TMP/err" || exit 1
cmp "$SC_TMP/keep" "$SC_TMP/a.part"
