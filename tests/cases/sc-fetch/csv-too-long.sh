# A record over --max-line bytes is rejected; its quotes are still
# followed, so the records after it are read right.
set -e
{
	printf 'id,created_at,text\n'
	printf '1,2026-11-22T10:15:00Z,"short"\n'
	printf '2,2026-11-22T10:15:00Z,"long\n'
	i=0
	while [ $i -lt 20 ]; do printf 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, ""quoted""\n'; i=$((i + 1)); done
	printf 'end"\n'
	printf '3,2026-11-22T10:15:00Z,"after"\n'
} >"$SC_TMP/long.csv"
rc=0
sc-fetch import --csv --max-line 200 --rejects "$SC_TMP/rej" "$SC_TMP/long.csv" >"$SC_TMP/out" 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 1 ]
[ "$(cut -c1-16 "$SC_TMP/out" | tr '\n' ' ')" = '{"id":"import:1" {"id":"import:3" ' ]
[ "$(cat "$SC_TMP/err")" = "sc-fetch: $SC_TMP/long.csv:3: record too long (over 200 bytes; see --max-line)" ]
[ "$(head -1 "$SC_TMP/rej")" = '2,2026-11-22T10:15:00Z,"long' ]
# An overlong line inside a quoted field cuts its record, which is
# rejected with the lines it had; reading goes on after it.
x=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
printf 'id,created_at,text\n1,2026-11-22T10:15:00Z,"a\n%s\n2,2026-11-22T10:15:00Z,ok\n' \
    "$x$x$x$x$x" >"$SC_TMP/cut.csv"
rc=0
sc-fetch import --csv --max-line 200 --rejects "$SC_TMP/rej2" "$SC_TMP/cut.csv" >"$SC_TMP/out" 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 1 ]
[ "$(cut -c1-16 "$SC_TMP/out")" = '{"id":"import:2"' ]
cat >"$SC_TMP/want" <<EOT
sc-fetch: $SC_TMP/cut.csv:3: line too long (over 200 bytes; see --max-line)
sc-fetch: $SC_TMP/cut.csv:2: record cut by an overlong line
EOT
diff -u "$SC_TMP/want" "$SC_TMP/err"
printf '%s\n' "$x$x$x$x$x" '1,2026-11-22T10:15:00Z,"a' | cmp - "$SC_TMP/rej2"
