# --as NAME writes class.NAME and class.confidence.NAME and keeps the
# built-in sentiment; several models apply in order, each named in
# class.model.
set -eu
t=$SC_TMP/model-as
mkdir -p "$t"
sc-classify --train "$t/m.model" --target gold.sentiment \
    model-data/train.ndjson
sc-classify --train "$t/lang.model" --target lang model-data/train.ndjson
sc-classify --model "$t/m.model" --as mood model-data/heldout.ndjson \
    >"$t/as"
jq -e -s 'length == 9 and all(.[]; .class.mood == .gold.sentiment and
    .class.confidence.mood > 0.5 and .class.confidence.mood <= 1 and
    .class.confidence.sentiment != null and
    (.class.model | startswith("builtin") and endswith("+mood:m.model")))' \
    "$t/as" >/dev/null
# the built-in sentiment is untouched: the same as without any model
sc-classify model-data/heldout.ndjson | jq -c '.class.sentiment' >"$t/b1"
jq -c '.class.sentiment' "$t/as" | cmp - "$t/b1"
# two models; the second one's default name is its target, "lang"
sc-classify --model "$t/m.model" --as mood --model "$t/lang.model" \
    model-data/heldout.ndjson >"$t/two"
jq -r '[.class.mood, .class.lang, .class.model] | @tsv' "$t/two" |
    sed 's/^\([a-z]*\)	\([a-z]*\)	builtin[^+]*+/\1 \2 /' >"$t/got"
cat >"$t/want" <<'END'
negative en mood:m.model+lang:lang.model
neutral en mood:m.model+lang:lang.model
positive en mood:m.model+lang:lang.model
negative es mood:m.model+lang:lang.model
neutral es mood:m.model+lang:lang.model
positive es mood:m.model+lang:lang.model
negative zh mood:m.model+lang:lang.model
neutral zh mood:m.model+lang:lang.model
positive zh mood:m.model+lang:lang.model
END
diff -u "$t/want" "$t/got"
