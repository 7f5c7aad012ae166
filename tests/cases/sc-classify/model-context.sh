# Context: a stacked model reads in_reply_to_brand (sc-post(5)) beside
# the text.  Trained on the same texts labelled by where they were sent
# (to the brand's post, to someone else's, out of the blue), it tells
# them apart on texts it has not seen; the --plain model, which reads
# the text alone, cannot: it gives one label to all three.
set -eu
t=$SC_TMP/model-context
mkdir -p "$t"
for w in fine done sure yes right okay thanks noted great cool; do
	jq -nc --arg w "$w" '
	    {text: "\($w) then", in_reply_to_brand: true, gold: "answer"},
	    {text: "\($w) then", in_reply_to_brand: false, gold: "aside"},
	    {text: "\($w) then", gold: "opening"}'
done >"$t/train.ndjson"
jq -nc '{text: "alright then", in_reply_to_brand: true},
    {text: "alright then", in_reply_to_brand: false},
    {text: "alright then", in_reply_to_brand: null}' >"$t/test.ndjson"
sc-classify --train "$t/s.model" --target gold "$t/train.ndjson"
sc-classify --train "$t/p.model" --target gold --plain "$t/train.ndjson"
gzip -dc "$t/s.model" | grep -qx \
    'features words:1-2 chars:1-4 l2:blocks context builtin-1 builtin-1:context'
sc-classify --model "$t/s.model" --as got "$t/test.ndjson" |
    jq -r .class.got | paste -sd' ' - >"$t/got"
echo 'answer aside opening' | diff -u - "$t/got"
sc-classify --model "$t/p.model" --as got "$t/test.ndjson" |
    jq -r .class.got | sort -u | wc -l | tr -d ' ' >"$t/plain"
echo 1 | diff -u - "$t/plain"
