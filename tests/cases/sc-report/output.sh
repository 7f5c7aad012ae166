# -o writes the report to a file (replacing it), nothing to standard output;
# an -o file that is also the input is refused (exit 2) and left whole: the
# report would replace the posts (issue 8: one rule in every program).
set -u
echo stale > "$SC_TMP/report.ndjson"
sc-report -o "$SC_TMP/report.ndjson" --by platform by-platform.in \
    > "$SC_TMP/stdout" || exit 1
[ ! -s "$SC_TMP/stdout" ] || { echo "stdout not empty"; exit 1; }
cmp by-platform.out "$SC_TMP/report.ndjson" || exit 1
cp chain.in "$SC_TMP/posts.ndjson"
sc-report --output "$SC_TMP/posts.ndjson" "$SC_TMP/posts.ndjson" \
    2> "$SC_TMP/err"
rc=$?
[ $rc -eq 2 ] || { echo "output is input: exit $rc, want 2"; exit 1; }
echo "sc-report: $SC_TMP/posts.ndjson: output file is also an input" |
    diff -u - "$SC_TMP/err" || exit 1
cmp chain.in "$SC_TMP/posts.ndjson" || exit 1
sc-report -o "$SC_TMP/no/such/dir/x" < chain.in 2> "$SC_TMP/err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc, want 2"; exit 1; }
echo "sc-report: $SC_TMP/no/such/dir/x: No such file or directory" |
    diff -u - "$SC_TMP/err"
