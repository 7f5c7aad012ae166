# "route.rules" in the configuration file, relative to that file's folder,
# found through --config, $SC_CONFIG and ~/.config/sc/config.json; -r wins.
set -u
d=$SC_TMP/route-config
rm -rf "$d"
mkdir -p "$d/etc/sc" "$d/home/.config/sc" "$d/rules"
cp combo.json "$d/etc/sc/my-rules.json"
printf '{\n  "route": {\n    "rules": "my-rules.json"\n  }\n}\n' \
    >"$d/etc/sc/config.json"
fail() { echo "FAIL: $*"; exit 1; }

sc-route --config "$d/etc/sc/config.json" combo.in >"$d/out" ||
    fail "--config: exit $?"
cmp combo.out "$d/out" || fail "--config: output differs"

SC_CONFIG=$d/etc/sc/config.json sc-route <combo.in >"$d/out" ||
    fail "SC_CONFIG: exit $?"
cmp combo.out "$d/out" || fail "SC_CONFIG: output differs"

# An absolute path in the default configuration file.
cp sla.json "$d/rules/sla.json"
printf '{"route": {"rules": "%s"}}\n' "$d/rules/sla.json" \
    >"$d/home/.config/sc/config.json"
HOME=$d/home sc-route sla.in >"$d/out" || fail "HOME: exit $?"
cmp sla.out "$d/out" || fail "HOME: output differs"

# -r wins, and a configuration that does not even parse is not read.
printf '{ "route": ' >"$d/broken.json"
sc-route --config "$d/broken.json" -r ops.json ops.in >"$d/out" ||
    fail "-r with a broken configuration: exit $?"
cmp ops.out "$d/out" || fail "-r: output differs"

# Without -r a broken configuration is fatal.
sc-route --config "$d/broken.json" </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "broken configuration: want exit 2"
grep -q "^sc-route: $d/broken.json:1: " "$d/err" ||
    fail "broken configuration: $(cat "$d/err")"

# The rules file named is missing: the message names the resolved path.
printf '{"route": {"rules": "gone.json"}}\n' >"$d/etc/sc/c-gone.json"
sc-route --config "$d/etc/sc/c-gone.json" </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "missing rules file: want exit 2"
echo "sc-route: $d/etc/sc/gone.json: No such file or directory" |
    cmp - "$d/err" || fail "missing rules file: $(cat "$d/err")"

# An error in the rules file names the resolved path too.
cp bad/op-unknown.json "$d/etc/sc/bad.json"
printf '{"route": {"rules": "bad.json"}}\n' >"$d/etc/sc/c-bad.json"
sc-route --config "$d/etc/sc/c-bad.json" </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "bad rules: want exit 2"
echo "sc-route: $d/etc/sc/bad.json:14: rule \"complaint-fast\": unknown operator \"gtx\"" |
    cmp - "$d/err" || fail "bad rules: $(cat "$d/err")"

# "route.rules" of the wrong type, with the configuration's line.
printf '{\n  "brand": {},\n  "route": {\n    "rules": 7\n  }\n}\n' \
    >"$d/etc/sc/c-num.json"
sc-route --config "$d/etc/sc/c-num.json" </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "route.rules a number: want exit 2"
echo "sc-route: $d/etc/sc/c-num.json:4: \"route.rules\": expected the path of a rules file, got a number" |
    cmp - "$d/err" || fail "route.rules a number: $(cat "$d/err")"

# A configuration without "route.rules" is the same as none.
printf '{"route": {}}\n' >"$d/etc/sc/c-none.json"
sc-route --config "$d/etc/sc/c-none.json" </dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "no route.rules: want exit 2"
grep -q '^sc-route: no rules: ' "$d/err" || fail "no route.rules: $(cat "$d/err")"
exit 0
