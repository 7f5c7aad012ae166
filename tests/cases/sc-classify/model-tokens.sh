# --features tokens: a model of the built-in's tokens and token pairs,
# with the context (in_reply_to_brand) even with --plain.  It learns
# what the words say, numbers as one token ("day 3" and "day 12" meet),
# tells the contexts apart, and names its feature set in the file; it
# is applied with --model as any model is.
set -eu
t=$SC_TMP/model-tokens
mkdir -p "$t"
for w in parcel order package refund bill router phone flight seat app; do
	jq -nc --arg w "$w" '
	    {text: "my \($w) is late again, day 3", gold: "late"},
	    {text: "thanks, the \($w) came early", gold: "early"},
	    {text: "ok \($w) sent", in_reply_to_brand: true, gold: "answer"},
	    {text: "ok \($w) sent", gold: "opening"}'
done >"$t/train.ndjson"
sc-classify --train "$t/m" --target gold --plain --features tokens \
    "$t/train.ndjson"
gzip -dc "$t/m" | grep -qx 'features tokens:1-2 context'
gzip -dc "$t/m" | grep -qx 'hash 18'
jq -nc '{text: "the modem is late again, day 12"},
    {text: "thanks, the modem came early"},
    {text: "ok modem sent", in_reply_to_brand: true},
    {text: "ok modem sent"}' >"$t/test.ndjson"
sc-classify --model "$t/m" --as got "$t/test.ndjson" |
    jq -r .class.got | paste -sd' ' - >"$t/got"
echo 'late early answer opening' | diff -u - "$t/got"
# Numbers are one token: "day 12" reads as the "day 3" it learnt, not as
# the bare "day", though it never saw a 12.
jq -nc '{text: "day 3", gold: "counted"}, {text: "day 4", gold: "counted"},
    {text: "day", gold: "bare"}, {text: "day off", gold: "bare"},
    {text: "day x", gold: "bare"}' >"$t/num.ndjson"
sc-classify --train "$t/n" --target gold --plain --features tokens \
    --epochs 20 "$t/num.ndjson"
echo '{"text":"day 12"}' | sc-classify --model "$t/n" --as got |
    jq -r .class.got >"$t/got"
echo counted | diff -u - "$t/got"
# Stacked, it reads the built-in too.
sc-classify --train "$t/s" --target gold --features tokens "$t/train.ndjson"
gzip -dc "$t/s" | grep -qx \
    'features tokens:1-2 context builtin-1 builtin-1:context'
# The same records and seed, the same bytes.
sc-classify --train "$t/m2" --target gold --plain --features tokens \
    "$t/train.ndjson"
cmp "$t/m" "$t/m2"
# The option's values, and where it goes.
rc=0
sc-classify --train "$t/x" --target gold --features words \
    "$t/train.ndjson" 2>"$t/err" || rc=$?
[ "$rc" -eq 2 ]
grep -q 'features: must be text or tokens: words' "$t/err"
rc=0
sc-classify --features tokens "$t/test.ndjson" 2>"$t/err" >/dev/null || rc=$?
[ "$rc" -eq 2 ]
grep -q 'go with --train' "$t/err"
