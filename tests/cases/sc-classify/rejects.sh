# --rejects keeps the raw rejected lines (appended); the others go on.
printf '%s\n' '{"id":"x:1","text":"fine"}' '{"id":"x:2", "text": 7}' \
    'not json' '{"id":"x:3","text":"also fine"}' >"$SC_TMP/bt.in"
echo 'kept from before' >"$SC_TMP/rej"
sc-classify --rejects "$SC_TMP/rej" "$SC_TMP/bt.in" >"$SC_TMP/bt.out" \
    2>"$SC_TMP/bt.err"
[ $? -eq 1 ] || exit 1
[ "$(wc -l <"$SC_TMP/bt.out")" -eq 2 ] || exit 1
printf '%s\n' 'kept from before' '{"id":"x:2", "text": 7}' 'not json' |
    cmp - "$SC_TMP/rej" || exit 1
grep -q ':2: "text": expected a string, got a number$' "$SC_TMP/bt.err"
