# A model file made before models read the context (feature line
# "... l2:blocks builtin-1", model-data/stacked-no-context.model, trained
# by that sc-classify on model-data/train.ndjson) still loads, and is
# applied as it was trained: without the context feature, so its labels
# do not change when the posts are replies to the brand.
set -eu
t=$SC_TMP/model-old-features
mkdir -p "$t"
m=model-data/stacked-no-context.model
gzip -dc "$m" | sed -n 8p |
    grep -qx 'features words:1-2 chars:1-4 l2:blocks builtin-1'
sc-classify --model "$m" model-data/heldout.ndjson >"$t/out"
jq -r 'select(.class.sentiment != .gold.sentiment) |
    "wrong: \(.class.sentiment) for \(.text)"' "$t/out" >"$t/wrong"
if [ -s "$t/wrong" ]; then cat "$t/wrong"; exit 1; fi
jq -c '.in_reply_to_brand = true' model-data/heldout.ndjson |
    sc-classify --model "$m" | jq -r .class.sentiment >"$t/reply"
jq -r .class.sentiment "$t/out" | diff -u - "$t/reply"
