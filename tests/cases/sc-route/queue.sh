# sc-route --queue: one NDJSON row per open conversation, waiting first,
# oldest first; --format table aligned by display width (李娜 is four
# columns wide); -o FILE; and the usage errors around it.
set -u
d=$SC_TMP/queue
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

sc-route -r agents.json --state "$d/st" assign-sticky.in >/dev/null ||
    fail "run: exit $?"
sc-route --queue --state "$d/st" >"$d/ndjson" || fail "--queue: exit $?"
cat >"$d/want" <<'WANT'
{"post":"x:1","conversation":"x:1","team":"care-pl","agent":{"id":"a1","name":"Maria Nowak"},"since":"2026-11-20T10:00:00Z","first_response_due":"2026-11-20T11:00:00Z"}
{"post":"x:3","conversation":"x:3","team":"care-pl","agent":{"id":"a3","name":"李娜"},"since":"2026-11-20T10:02:00Z","first_response_due":"2026-11-20T11:02:00Z"}
{"post":"x:4","conversation":"x:4","team":"care-pl","agent":{"id":"a1","name":"Maria Nowak"},"since":"2026-11-20T10:03:00Z","first_response_due":"2026-11-20T11:03:00Z"}
{"post":"x:6","conversation":"x:6","team":"care-pl","agent":{"id":"a2","name":"Jan Kowalski"},"since":"2026-11-20T10:05:00Z","first_response_due":"2026-11-20T11:05:00Z"}
{"post":"x:8","conversation":"x:2","team":"care-pl","agent":{"id":"a2","name":"Jan Kowalski"},"since":"2026-11-20T10:07:00Z","first_response_due":"2026-11-20T11:07:00Z"}
WANT
diff -u "$d/want" "$d/ndjson" || fail "--queue differs"

# One more post, which waits: it comes first.
printf '%s\n' '{"id":"x:9","created_at":"2026-11-20T10:09:00Z","text":"hej","class":{"lang":"pl"}}' |
    sc-route -r agents.json --state "$d/st" >/dev/null || fail "run 2: exit $?"
sc-route --queue --format table --state "$d/st" -o "$d/table" ||
    fail "--format table: exit $?"
cat >"$d/want" <<'WANT'
SINCE                 DUE                   TEAM     AGENT         CONVERSATION  POST
2026-11-20T10:09:00Z  2026-11-20T11:09:00Z  care-pl  (waiting)     x:9           x:9
2026-11-20T10:00:00Z  2026-11-20T11:00:00Z  care-pl  Maria Nowak   x:1           x:1
2026-11-20T10:02:00Z  2026-11-20T11:02:00Z  care-pl  李娜          x:3           x:3
2026-11-20T10:03:00Z  2026-11-20T11:03:00Z  care-pl  Maria Nowak   x:4           x:4
2026-11-20T10:05:00Z  2026-11-20T11:05:00Z  care-pl  Jan Kowalski  x:6           x:6
2026-11-20T10:07:00Z  2026-11-20T11:07:00Z  care-pl  Jan Kowalski  x:2           x:8
WANT
diff -u "$d/want" "$d/table" || fail "--format table differs"
sc-route --queue --state "$d/st" --format ndjson | head -n 1 |
    grep -q '"post":"x:9".*"agent":null' || fail "--format ndjson"

# Usage: --queue needs --state and no input; --format only with --queue.
sc-route --queue 2>"$d/err"
[ $? -eq 2 ] || fail "--queue without --state: not exit 2"
grep -q '^sc-route: --queue: give --state FILE and no input$' "$d/err" ||
    fail "--queue without --state: $(cat "$d/err")"
sc-route --queue --state "$d/st" --format csv 2>"$d/err"
[ $? -eq 2 ] || fail "--format csv: not exit 2"
grep -q '^sc-route: --format: expected ndjson or table: csv$' "$d/err" ||
    fail "--format csv: $(cat "$d/err")"
sc-route -r agents.json --format table </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "--format without --queue: not exit 2"
# A state file that is not there is an error, not an empty queue.
sc-route --queue --state "$d/nothere" 2>"$d/err"
[ $? -eq 2 ] || fail "missing state: not exit 2"
grep -q "nothere" "$d/err" || fail "missing state: $(cat "$d/err")"
exit 0
