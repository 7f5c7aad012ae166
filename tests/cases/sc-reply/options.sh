# --help, --version, bad options and bad option values.
sc-reply --help >"$SC_TMP/reply-help" 2>"$SC_TMP/reply-help.err" || exit 1
[ -s "$SC_TMP/reply-help.err" ] && exit 1
head -1 "$SC_TMP/reply-help" | grep -q '^usage: sc-reply \[-uz\] ' || exit 1
grep -q -- '--fallback-lang CODE' "$SC_TMP/reply-help" || exit 1
grep -q -- '--no-mention' "$SC_TMP/reply-help" || exit 1
grep -q -- '-t, --templates FILE' "$SC_TMP/reply-help" || exit 1
sc-reply -h | cmp - "$SC_TMP/reply-help" || exit 1
[ "$(sc-reply --version)" = "sc-reply 0.1.0" ] || exit 1

sc-reply --bogus -t sel.json >"$SC_TMP/reply-o" 2>"$SC_TMP/reply-e"
[ $? -eq 2 ] || exit 1
[ -s "$SC_TMP/reply-o" ] && exit 1
grep -q '^usage: sc-reply ' "$SC_TMP/reply-e" || exit 1
sc-reply -t 2>/dev/null
[ $? -eq 2 ] || exit 1
sc-reply --fallback-lang 'e n' -t sel.json 2>"$SC_TMP/reply-e"
[ $? -eq 2 ] || exit 1
echo 'sc-reply: --fallback-lang: not a language code: "e n"' |
    cmp - "$SC_TMP/reply-e" || exit 1
sc-reply --fallback-lang '' -t sel.json 2>/dev/null
[ $? -eq 2 ] || exit 1
sc-reply --max-line 0 -t sel.json 2>"$SC_TMP/reply-e"
[ $? -eq 2 ] || exit 1
echo 'sc-reply: --max-line: must be 1 to 4294967296: 0' |
    cmp - "$SC_TMP/reply-e"
