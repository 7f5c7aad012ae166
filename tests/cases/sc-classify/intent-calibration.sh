# The intent confidence (sc-classify(1), Calibration).  A short reply to
# the brand with no cue is the details asked for: sure of other, as the
# same words posted on their own are not.  A complaint that also asks a
# question is less sure than one with no greater lead that does not ask.
# A complaint's confidence follows its lead alone, however negative it
# is: z = -1 + 1.25 lead, where for an English post the corpus model read
# the lead is that of the scores with its probabilities added, and z is
# 0.25 lower.  Warm praise is sure.
. ./check.inc
conf() {
	jq -Rc 'split("\t") |
	    {text: .[1], in_reply_to_brand: (.[0] == "reply")}' |
	    sc-classify --scores | jq -c '.class | [.intent,
	    .confidence.intent, .scores, .scores_corpus]'
}
conf <<'T' >"$SC_TMP/bare" || exit 1
reply	@AcmeShop the one in Leeds
post	@AcmeShop the one in Leeds
reply	@AcmeAir from Leeds to Paris on Friday
post	@AcmeAir from Leeds to Paris on Friday
T
jq -se 'map(.[0] == "other") | all' "$SC_TMP/bare" >/dev/null ||
    { echo "not other: $(cat "$SC_TMP/bare")"; exit 1; }
jq -se '[.[0][1], .[2][1]] | map(. >= 0.8) | all' "$SC_TMP/bare" \
    >/dev/null || { echo "a bare reply is not sure: $(cat "$SC_TMP/bare")"
    exit 1; }
jq -se '[.[1][1], .[3][1]] | map(. < 0.8) | all' "$SC_TMP/bare" \
    >/dev/null || { echo "a bare post is sure: $(cat "$SC_TMP/bare")"
    exit 1; }
# lead: the winner's score over the runner-up's, the corpus model's
# probabilities added.
lead='(.[2] as $s | .[3] as $p | [$s | keys[] | $s[.] + $p[.]] | sort |
    .[-1] - .[-2])'
conf <<'T' >"$SC_TMP/asks" || exit 1
post	@AcmeTel my internet has been down for three days, when will you fix it?
post	@AcmeTel my internet has been down for three days, not good enough
T
jq -se "(map(.[0] == \"complaint\") | all) and
    (.[0] | $lead) >= (.[1] | $lead) and .[0][1] < .[1][1]" \
    "$SC_TMP/asks" >/dev/null ||
    { echo "the complaint that asks is as sure: $(cat "$SC_TMP/asks")"
    exit 1; }
conf <<'T' >"$SC_TMP/lead" || exit 1
post	@AcmeTel my internet has been down for three days, worst service ever
post	@AcmeAir absolutely disgusting, rude staff and a filthy cabin, never again
post	@AcmeFood the courier didn't even show up and I was charged for it
T
jq -se "map(.[0] == \"complaint\" and .[2].question < 0.5 and
    .[2].request < 0.5 and .[3] != null) | all" "$SC_TMP/lead" >/dev/null ||
    { echo "not plain complaints: $(cat "$SC_TMP/lead")"; exit 1; }
jq -e "(-1.25 + 1.25 * ([$lead, 4] | min)) as \$z |
    ((1 / (1 + (-\$z | exp))) - .[1]) | fabs < 0.001" "$SC_TMP/lead" |
    grep -qv true && { echo "not z = -1.25 + 1.25 lead: $(cat "$SC_TMP/lead")"
    exit 1; }
printf '%s\n' '{"text":"Thank you, the crew was great!"}' | sc-classify |
    jq -e '.class.intent == "praise" and .class.confidence.intent >= 0.8' \
    >/dev/null || { echo "warm praise is not sure"; exit 1; }
exit 0
