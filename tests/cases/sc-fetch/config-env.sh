# $SC_CONFIG names the configuration; a bad one is fatal with file:line.
set -e
out=$(printf '%s\n' '{"id":"1","created_at":"2026-11-22T10:15:00Z","text":"t","author":"SkyLarkAir"}' |
    SC_CONFIG=brand-config.json sc-fetch import --platform x)
[ "$out" = '{"id":"x:1","platform":"x","created_at":"2026-11-22T10:15:00Z","text":"t","author":{"handle":"SkyLarkAir"},"from_brand":true}' ]
printf '{\n  "brand": {\n    "accounts": [1,\n}\n' >"$SC_TMP/bad.json"
rc=0
SC_CONFIG=$SC_TMP/bad.json sc-fetch import </dev/null >"$SC_TMP/out" 2>"$SC_TMP/err" || rc=$?
[ $rc -eq 2 ]
grep -q "^sc-fetch: $SC_TMP/bad.json:4: " "$SC_TMP/err"
[ ! -s "$SC_TMP/out" ]
# --config beats $SC_CONFIG.
out=$(printf '%s\n' '{"id":"1","created_at":"2026-11-22T10:15:00Z","text":"t","author":"SkyLarkAir"}' |
    SC_CONFIG=$SC_TMP/bad.json sc-fetch import --platform x --config brand-config.json)
[ "$out" = '{"id":"x:1","platform":"x","created_at":"2026-11-22T10:15:00Z","text":"t","author":{"handle":"SkyLarkAir"},"from_brand":true}' ]
