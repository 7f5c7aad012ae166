# -o FILE replaces FILE; - and no operand are standard input.
set -e
printf 'old contents\nmore\nand more\nand more\n' >"$SC_TMP/o.ndjson"
sc-fetch import -o "$SC_TMP/o.ndjson" dup-a.ndjson >"$SC_TMP/stdout"
[ ! -s "$SC_TMP/stdout" ]
[ "$(wc -l <"$SC_TMP/o.ndjson")" -eq 2 ]
! grep -q old "$SC_TMP/o.ndjson"
sc-fetch import dup-b.ndjson - <dup-a.ndjson >"$SC_TMP/two"
[ "$(sed 's/^{"id":"\([^"]*\)".*/\1/' "$SC_TMP/two" | tr '\n' ,)" = "x:2,x:3,x:1," ]
rc=0
sc-fetch import -o /nonexistent/dir/out dup-a.ndjson 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 2 ]
grep -q '^sc-fetch: /nonexistent/dir/out: No such file or directory$' "$SC_TMP/err"
# A --rejects file that cannot be opened is found before -o truncates.
printf 'keep\n' >"$SC_TMP/keep"
rc=0
sc-fetch import -o "$SC_TMP/keep" --rejects /nonexistent/dir/rej dup-a.ndjson 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 2 ]
[ "$(cat "$SC_TMP/keep")" = keep ]
grep -q '^sc-fetch: /nonexistent/dir/rej: No such file or directory$' "$SC_TMP/err"
