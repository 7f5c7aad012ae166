# Stacking by context: a stacked model weighs the built-in's answer apart
# in each context (MODEL_CROSS in model.h).  Here the labels turn on the
# two together, as no sum of a weight for the text and one for the
# context can: a question about a thing is "b" in a reply to the brand
# and "a" out of the blue, and the other way round for the thing's name
# alone, which the built-in tells apart from the question.  Learnt from
# one set of words, it holds for new ones.
set -eu
t=$SC_TMP/model-cross
mkdir -p "$t"
for w in order parcel refund ticket bill router phone card seat bag; do
	jq -nc --arg w "$w" '
	    {text: "where is my \($w)?", in_reply_to_brand: true, gold: "b"},
	    {text: "where is my \($w)?", gold: "a"},
	    {text: "\($w) \($w)", in_reply_to_brand: true, gold: "a"},
	    {text: "\($w) \($w)", gold: "b"}'
done >"$t/train.ndjson"
jq -nc '{text: "where is my laptop?", in_reply_to_brand: true},
    {text: "where is my laptop?"},
    {text: "laptop laptop", in_reply_to_brand: true},
    {text: "laptop laptop"}' >"$t/test.ndjson"
sc-classify "$t/test.ndjson" | jq -r .class.intent >"$t/builtin"
[ "$(sed -n 2p "$t/builtin")" != "$(sed -n 4p "$t/builtin")" ]
sc-classify --train "$t/m.model" --target gold "$t/train.ndjson"
gzip -dc "$t/m.model" | grep -qx \
    'features words:1-2 chars:1-4 l2:blocks context builtin-1 builtin-1:context'
sc-classify --model "$t/m.model" --as got "$t/test.ndjson" |
    jq -r .class.got | paste -sd' ' - >"$t/got"
echo 'b a a b' | diff -u - "$t/got"
