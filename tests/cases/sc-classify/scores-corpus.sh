# --scores writes class.scores_corpus, the corpus model's probability of
# each intent, for the posts it read (English, and Latin letters with no
# language cue) and for no other: a German post or an emoji after an
# English one must not keep the English post's numbers.  They are the
# corpus model's own: its best intent is what --model gives with it.
. ./check.inc
cat >"$SC_TMP/in" <<'T'
{"id":"1","text":"@AcmeTel third dropped call today, sort it out"}
{"id":"2","text":"Danke für die schnelle Hilfe!","lang":"de"}
{"id":"3","text":"🙂"}
{"id":"4","text":"@AcmeAir what time does boarding start for AC123?"}
T
sc-classify --scores "$SC_TMP/in" >"$SC_TMP/out" || exit 1
jq -se 'map(.class.scores_corpus != null) == [true, false, false, true]' \
    "$SC_TMP/out" >/dev/null ||
    { echo "scores_corpus on the wrong posts:"; cat "$SC_TMP/out"; exit 1; }
jq -se '[.[0], .[3]] | map(.class.scores_corpus | (keys | length) == 7 and
    (([.[]] | add) - 1 | fabs) < 0.01) | all' "$SC_TMP/out" >/dev/null ||
    { echo "not a probability of each intent:"; cat "$SC_TMP/out"; exit 1; }
model=$(dirname "$(command -v sc-classify)")/../share/sc/classify/intent-en.model
sc-classify --model "$model" --as corpus "$SC_TMP/in" |
    jq -c '.class.corpus' >"$SC_TMP/label" || exit 1
jq -c '.class.scores_corpus // empty | to_entries | max_by(.value) | .key' \
    "$SC_TMP/out" >"$SC_TMP/best"
sed -n '1p;4p' "$SC_TMP/label" | diff - "$SC_TMP/best" || exit 1
exit 0
