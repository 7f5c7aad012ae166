# --strict: the first bad record stops training (exit 2), no model.
set -eu
t=$SC_TMP/model-train-strict
mkdir -p "$t"
rm -f "$t/m.model"
rc=0
sc-classify --strict --train "$t/m.model" --target gold.sentiment \
    model-data/bad.ndjson 2>"$t/err" || rc=$?
[ "$rc" -eq 2 ]
[ ! -e "$t/m.model" ]
cat >"$t/want" <<'END'
sc-classify: model-data/bad.ndjson:2: missing field "gold.sentiment"
sc-classify: stopping at the first bad record (--strict)
END
diff -u "$t/want" "$t/err"
