# net-common-credentials: tokens from the environment or --credentials
# FILE (refused when others may read it; the file wins over the
# environment), clear messages when one is missing or refused, and a token
# never printed: not in messages, not in the output, not in -v -v traces.
. "$SC_TOP/tests/mock/lib.sh"
secret=sekrit-7f3a9c
mock_start x --posts 3 --token "$secret" --log "$T/log"
unset SC_X_TOKEN

sc-fetch x --search acme --api-base "$MOCK_URL" 2>"$T/err" >/dev/null
[ $? -eq 2 ] || fail "no token: exit"
[ "$(cat "$T/err")" = "sc-fetch: x: no token: set SC_X_TOKEN or use --credentials FILE" ] ||
    fail "no token: $(cat "$T/err")"

printf '{"x": {"token": "%s"}, "mastodon": {"token": "m"}}\n' "$secret" \
    >"$T/creds.json"
chmod 644 "$T/creds.json"
SC_X_TOKEN=$secret sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/creds.json" 2>"$T/err" >/dev/null
[ $? -eq 2 ] || fail "mode 644: exit"
[ "$(cat "$T/err")" = "sc-fetch: $T/creds.json: readable by others (mode 0644); chmod 600 it" ] ||
    fail "mode 644: $(cat "$T/err")"
chmod 640 "$T/creds.json"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/creds.json" 2>"$T/err" >/dev/null
[ $? -eq 2 ] && grep -q "(mode 0640)" "$T/err" || fail "mode 640"

chmod 600 "$T/creds.json"
SC_X_TOKEN=wrong sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/creds.json" -v -v >"$T/out" 2>"$T/err" ||
    fail "mode 600: exit $?: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 3 ] || fail "mode 600: posts"
grep -q '^> Authorization: \[redacted\]$' "$T/err" || fail "no trace"
grep -q "$secret" "$T/err" "$T/out" && fail "token printed"
[ "$(jq -r '.headers.authorization' "$T/log" | sort -u)" = "Bearer $secret" ] ||
    fail "token not sent"

# the environment when the file has no entry; a refused token
echo '{"mastodon": {"token": "m"}}' >"$T/other.json"
chmod 600 "$T/other.json"
SC_X_TOKEN=$secret sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/other.json" >/dev/null 2>"$T/err" ||
    fail "fallback to the environment: $(cat "$T/err")"
SC_X_TOKEN=wrong-token sc-fetch x --search acme --api-base "$MOCK_URL" \
    >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "refused: exit"
[ "$(cat "$T/err")" = "sc-fetch: x: HTTP 401: check SC_X_TOKEN: Unauthorized" ] ||
    fail "refused: $(cat "$T/err")"
echo '{"x": {"token": "bad"}}' >"$T/bad.json"
chmod 600 "$T/bad.json"
sc-fetch x --search acme --api-base "$MOCK_URL" --credentials "$T/bad.json" \
    >/dev/null 2>"$T/err"
[ "$(cat "$T/err")" = "sc-fetch: x: HTTP 401: check the \"x\" entry of $T/bad.json: Unauthorized" ] ||
    fail "refused from file: $(cat "$T/err")"
echo '{"x": ' >"$T/broken.json"
chmod 600 "$T/broken.json"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/broken.json" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q "^sc-fetch: $T/broken.json:[0-9]*: " "$T/err" ||
    fail "broken file: $(cat "$T/err")"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/missing.json" >/dev/null 2>"$T/err"
[ "$(cat "$T/err")" = "sc-fetch: $T/missing.json: No such file or directory" ] ||
    fail "missing file: $(cat "$T/err")"

# issue 8: a cut-off file never echoes the token; loose write modes, a
# directory and a token with CR LF (from the file or the environment) are
# refused before anything is sent
printf '{"x":{"token":"SECRETXYZ\n' >"$T/cut.json"
chmod 600 "$T/cut.json"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/cut.json" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "cut file: exit"
[ "$(cat "$T/err")" = "sc-fetch: $T/cut.json:1: not valid JSON at column 24" ] ||
    fail "cut file: $(cat "$T/err")"
echo '{"x": {"token": "t"}}' >"$T/gw.json"
chmod 620 "$T/gw.json"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/gw.json" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "mode 620: exit"
[ "$(cat "$T/err")" = "sc-fetch: $T/gw.json: writable by others (mode 0620); chmod 600 it" ] ||
    fail "mode 620: $(cat "$T/err")"
mkdir "$T/dir.json"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/dir.json" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && [ "$(cat "$T/err")" = "sc-fetch: $T/dir.json: Is a directory" ] ||
    fail "directory: $(cat "$T/err")"
printf '{"x": {"token": "%s\\r\\nX-Evil: 1"}}\n' "$secret" >"$T/crlf.json"
chmod 600 "$T/crlf.json"
: >"$T/log"
sc-fetch x --search acme --api-base "$MOCK_URL" \
    --credentials "$T/crlf.json" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "CR LF in the file: exit"
[ "$(cat "$T/err")" = "sc-fetch: $T/crlf.json: \"x\".\"token\": contains a control character (CR, LF or the like)" ] ||
    fail "CR LF in the file: $(cat "$T/err")"
SC_X_TOKEN="$secret
X-Evil: 1" sc-fetch x --search acme --api-base "$MOCK_URL" >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "LF in the environment: exit"
[ "$(cat "$T/err")" = "sc-fetch: SC_X_TOKEN: contains a control character (CR, LF or the like)" ] ||
    fail "LF in the environment: $(cat "$T/err")"
[ -s "$T/log" ] && fail "a request was sent with a bad token"

# a token in a URL (a proxy's, say) is redacted in messages too
SC_X_TOKEN=$secret sc-fetch x --search acme --retries 0 \
    --api-base "http://user:$secret@127.0.0.1:1/x?access_token=$secret" \
    >/dev/null 2>"$T/err"
[ $? -eq 75 ] || fail "bad port: exit"
grep -q "$secret" "$T/err" && fail "token in a message: $(cat "$T/err")"
grep -q 'http://\[redacted\]@127.0.0.1:1/x?access_token=\[redacted\]' "$T/err" ||
    fail "redaction: $(cat "$T/err")"
exit 0
