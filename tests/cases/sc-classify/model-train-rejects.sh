# Records without text or label are rejected with file:line, kept by
# --rejects, and the model is still written from the others (exit 1).
set -eu
t=$SC_TMP/model-train-rejects
mkdir -p "$t"
rm -f "$t/m.model"
rc=0
sc-classify --train "$t/m.model" --target gold.sentiment \
    --rejects "$t/rej" model-data/bad.ndjson >"$t/out" 2>"$t/err" || rc=$?
[ "$rc" -eq 1 ]
[ ! -s "$t/out" ]
cat >"$t/want" <<'END'
sc-classify: model-data/bad.ndjson:2: missing field "gold.sentiment"
sc-classify: model-data/bad.ndjson:3: missing field "text"
sc-classify: model-data/bad.ndjson:4: "gold.sentiment": expected a string, got an array
sc-classify: model-data/bad.ndjson:5: "gold.sentiment": empty label
sc-classify: model-data/bad.ndjson:6: invalid JSON at byte 3: invalid token near 'not'
sc-classify: model-data/bad.ndjson:8: missing field "gold.sentiment"
END
diff -u "$t/want" "$t/err"
sed -n '2,6p;8p' model-data/bad.ndjson | cmp - "$t/rej"
gzip -dc "$t/m.model" | sed -n '2,6p;9p' >"$t/head"
cat >"$t/want" <<'END'
target "gold.sentiment"
labels 3
label "negative"
label "neutral"
label "positive"
records 3
END
diff -u "$t/want" "$t/head"
