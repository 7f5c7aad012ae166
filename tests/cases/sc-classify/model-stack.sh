# Stacking: a model trained with the built-in's scores (the default)
# labels posts whose words it never saw in training by what the built-in
# cues say of them; the same model with --plain cannot.  --scores shows
# those scores, the best of which is class.intent.
set -eu
t=$SC_TMP/model-stack
mkdir -p "$t"
jq -Rc 'split("\t") | {text: .[1], gold: .[0]}' >"$t/train.ndjson" <<'T'
bad	the router is broken again
bad	worst service, waited 3 hours
bad	my parcel never arrived
bad	charged me twice, still no refund
bad	app keeps crashing
bad	no signal since monday
good	thank you so much, great job
good	love the new menu, thanks
good	kudos to the crew
good	amazing staff, well done
good	great service today, thanks
good	the best support ever
T
jq -Rc '{text: .}' >"$t/test.ndjson" <<'T'
absolutely useless, disgusting food and rude staff
fantastic, much appreciated, brilliant people
T
sc-classify --train "$t/s.model" --target gold "$t/train.ndjson"
sc-classify --train "$t/p.model" --target gold --plain "$t/train.ndjson"
sc-classify --model "$t/s.model" --as stacked --model "$t/p.model" \
    --as plain "$t/test.ndjson" >"$t/out.ndjson"
jq -r '.class.stacked' "$t/out.ndjson" | paste -sd' ' - >"$t/got"
echo 'bad good' | diff -u - "$t/got"
# the plain model, on the same words, is not as sure of them
jq -e -s '[.[] | .class.confidence.stacked > .class.confidence.plain] |
    all' "$t/out.ndjson" >/dev/null
# --scores: one number per intent, the best one is class.intent
sc-classify --scores "$t/test.ndjson" | jq -e '.class as $c |
    ($c.scores | length) == 7 and
    ($c.scores | to_entries | max_by(.value) | .key) == $c.intent' \
    >/dev/null
