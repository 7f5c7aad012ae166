# --rejects keeps the raw bytes of rejected records: NDJSON lines, and a
# CSV record over several lines whole; the file is appended to.
set -e
r=$SC_TMP/rejects
printf 'kept from before\n' >"$r"
rc=0
printf '%s\n' '{"id":"1","created_at":"2026-11-22T10:15:00Z","text":"good"}' \
    'not json' '{"id":"2","created_at":"someday",  "text":"bad time"}' |
    sc-fetch import --rejects "$r" >"$SC_TMP/out" 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 1 ]
printf 'id,created_at,text\n' >"$SC_TMP/in.csv"
printf '5,2026-11-22T10:15:00Z,"fine"\n' >>"$SC_TMP/in.csv"
printf '6,2026-11-31T10:15:00Z,"a bad date,\nover ""three""\nlines"\n' >>"$SC_TMP/in.csv"
printf '7,2026-11-22T10:15:00Z,too,many\r\n' >>"$SC_TMP/in.csv"
printf '8,2026-11-22T10:15:00Z,"also fine"\n' >>"$SC_TMP/in.csv"
rc=0
sc-fetch import --csv --rejects "$r" "$SC_TMP/in.csv" >>"$SC_TMP/out" 2>>"$SC_TMP/err" || rc=$?
[ $rc -eq 1 ]
printf '%s\n' 'kept from before' 'not json' \
    '{"id":"2","created_at":"someday",  "text":"bad time"}' \
    '6,2026-11-31T10:15:00Z,"a bad date,' 'over ""three""' 'lines"' \
    "$(printf '7,2026-11-22T10:15:00Z,too,many\r')" >"$SC_TMP/want"
cmp "$SC_TMP/want" "$r"
cat >"$SC_TMP/want" <<EOT
sc-fetch: <stdin>:2: invalid JSON at byte 3: invalid token near 'not'
sc-fetch: <stdin>:3: "created_at": not a time: "someday"
sc-fetch: $SC_TMP/in.csv:3: "created_at": not a time: "2026-11-31T10:15:00Z"
sc-fetch: $SC_TMP/in.csv:6: expected 3 fields, got 4
EOT
diff -u "$SC_TMP/want" "$SC_TMP/err"
[ "$(wc -l <"$SC_TMP/out")" -eq 3 ]
