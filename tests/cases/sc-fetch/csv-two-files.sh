# Each CSV file has its own header, and a quote left open at the end of
# one file is reported against that file; the next file starts afresh.
set -e
printf 'id,created_at,text\n1,2026-11-22T10:15:00Z,"open\n' >"$SC_TMP/a.csv"
printf 'text,id,created_at\nfrom b,2,2026-11-22T10:15:00Z\n' >"$SC_TMP/b.csv"
rc=0
sc-fetch import --csv "$SC_TMP/a.csv" "$SC_TMP/b.csv" >"$SC_TMP/out" 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 1 ]
[ "$(cat "$SC_TMP/out")" = '{"id":"import:2","platform":"import","created_at":"2026-11-22T10:15:00Z","text":"from b","from_brand":false}' ]
[ "$(cat "$SC_TMP/err")" = "sc-fetch: $SC_TMP/a.csv:2: field 3: unterminated quote at the end of the input" ]
