# Labels that are numbers or booleans are learnt in their JSON form and
# predicted as strings; --eval compares them the same way.
set -eu
t=$SC_TMP/model-numeric-labels
mkdir -p "$t"
jq -c '.stars = (if .gold.sentiment == "positive" then 5
    elif .gold.sentiment == "negative" then 1 else 3 end) |
    .ok = (.gold.sentiment != "negative")' \
    model-data/train.ndjson >"$t/train"
sc-classify --train "$t/stars.model" --target stars "$t/train"
sc-classify --train "$t/ok.model" --target ok "$t/train"
gzip -dc "$t/stars.model" | sed -n '3,6p' >"$t/got"
gzip -dc "$t/ok.model" | sed -n '3,5p' >>"$t/got"
cat >"$t/want" <<'END'
labels 3
label "1"
label "3"
label "5"
labels 2
label "false"
label "true"
END
diff -u "$t/want" "$t/got"
jq -c '.stars = (if .gold.sentiment == "positive" then 5
    elif .gold.sentiment == "negative" then 1 else 3 end)' \
    model-data/heldout.ndjson |
    sc-classify --model "$t/stars.model" --model "$t/ok.model" |
    tee "$t/out" |
    sc-classify --eval stars --field stars --format ndjson |
    jq -e '.records == 9 and .accuracy == 1' >/dev/null
jq -r '[.class.stars, .class.ok] | @tsv' "$t/out" | tr '\t' ' ' >"$t/got"
printf '%s\n' '1 false' '3 true' '5 true' '1 false' '3 true' '5 true' \
    '1 false' '3 true' '5 true' | diff -u - "$t/got"
