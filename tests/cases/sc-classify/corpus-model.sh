# The corpus model (classify/intent-en.model, trained by make from
# tools/sc-classify/intent-en.corpus): its probabilities join the cue
# scores of English posts, to settle close calls.  A stand-in trained to
# read a made-up word as praise, then as other, settles "great" (a weak
# praise cue) either way, and leaves a Spanish post alone; a model of
# other labels or of the text's own features is refused with exit 2.
set -eu
t=$SC_TMP/corpus-model
mkdir -p "$t/a/classify" "$t/b/classify" "$t/c/classify" "$t/d/classify"
corpus() {	# corpus INTENT-OF-ZORBLAX
	for i in 1 2 3 4 5 6 7 8; do
		jq -nc --arg z "$1" --arg i "$i" '
		    {text: "zorblax zorblax \($i)", intent: $z},
		    {text: "plinth \($i)", intent: "complaint"},
		    {text: "quorn \($i)", intent: "question"},
		    {text: "vesper \($i)", intent: "request"},
		    {text: "tamsin \($i)", intent: "feedback"},
		    {text: "ulloa \($i)", intent: "other"},
		    {text: "brisk \($i)", intent: "praise"},
		    {text: "nimbus \($i)", intent: "spam"}'
	done
}
corpus praise >"$t/praise.ndjson"
corpus other >"$t/other.ndjson"
sc-classify --train "$t/a/classify/intent-en.model" --target intent --plain \
    --features tokens --epochs 20 "$t/praise.ndjson"
sc-classify --train "$t/b/classify/intent-en.model" --target intent --plain \
    --features tokens --epochs 20 "$t/other.ndjson"
post='{"text":"great zorblax zorblax zorblax"}'
a=$(echo "$post" | SC_DATADIR=$t/a sc-classify | jq -r .class.intent)
b=$(echo "$post" | SC_DATADIR=$t/b sc-classify | jq -r .class.intent)
[ "$a" = praise ] || { echo "a: $a"; exit 1; }
[ "$b" = other ] || { echo "b: $b"; exit 1; }
# English posts only: the same word in a Spanish post is left to the cues.
es='{"text":"genial la zorblax zorblax zorblax de la noche, para el y la casa"}'
ea=$(echo "$es" | SC_DATADIR=$t/a sc-classify | jq -r .class.intent)
eb=$(echo "$es" | SC_DATADIR=$t/b sc-classify | jq -r .class.intent)
[ "$ea" = "$eb" ] || { echo "es: $ea $eb"; exit 1; }
# Foreign models.
jq -c '.intent = (if .intent == "praise" then "good" else "bad" end)' \
    "$t/praise.ndjson" >"$t/two.ndjson"
sc-classify --train "$t/c/classify/intent-en.model" --target intent --plain \
    --features tokens "$t/two.ndjson"
sc-classify --train "$t/d/classify/intent-en.model" --target intent --plain \
    "$t/praise.ndjson"
jq -c 'if .intent == "feedback" then .intent = "idea" else . end' \
    "$t/praise.ndjson" >"$t/idea.ndjson"
mkdir -p "$t/e/classify" "$t/f/classify"
sc-classify --train "$t/e/classify/intent-en.model" --target intent --plain \
    --features tokens "$t/idea.ndjson"
sc-classify --train "$t/f/classify/intent-en.model" --target intent \
    --features tokens "$t/praise.ndjson"
rc=0
echo "$post" | SC_DATADIR=$t/e sc-classify >/dev/null 2>"$t/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q 'classify/intent-en.model: "idea" is not an intent' "$t/err"
rc=0
echo "$post" | SC_DATADIR=$t/f sc-classify >/dev/null 2>"$t/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q 'classify/intent-en.model: a stacked model: the corpus model is trained with --plain' "$t/err"
for d in c d; do
	rc=0
	echo "$post" | SC_DATADIR=$t/$d sc-classify >/dev/null 2>"$t/err" ||
	    rc=$?
	[ "$rc" -eq 2 ] || { echo "$d: exit $rc"; exit 1; }
	grep -q "classify/intent-en.model: not a model of the seven intents on the built-in's tokens" "$t/err"
done
