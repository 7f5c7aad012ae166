# A model trained on 63 posts in English, Spanish and Chinese, named
# "sentiment" after its target gold.sentiment, labels each held-out post
# right, replaces the built-in sentiment (score = P(positive) -
# P(negative)), leaves the other built-in fields, and says so in
# class.model.
set -eu
t=$SC_TMP/model-train-predict
mkdir -p "$t"
sc-classify --train "$t/m.model" --target gold.sentiment \
    model-data/train.ndjson
sc-classify --model "$t/m.model" model-data/heldout.ndjson >"$t/out"
[ "$(wc -l <"$t/out")" -eq 9 ]
jq -r 'select(.class.sentiment != .gold.sentiment) |
    "wrong: \(.class.sentiment) for \(.text)"' "$t/out" >"$t/wrong"
if [ -s "$t/wrong" ]; then cat "$t/wrong"; exit 1; fi
jq -e -s 'all(.[]; .class.confidence.sentiment > 0.5 and
    .class.confidence.sentiment <= 1 and
    (.class.model | startswith("builtin") and
    endswith("+sentiment:m.model")) and
    .class.lang != null and .class.intent != null and
    (.class.sentiment_score as $s | if .class.sentiment == "positive"
    then $s > 0.5 elif .class.sentiment == "negative" then $s < -0.5
    else $s * $s < 0.25 end))' "$t/out" >/dev/null
