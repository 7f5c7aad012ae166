# The score stays in [-1, 1] with three decimals at most, and agrees in
# sign with the label; confidences are numbers from 0 to 1.
. ./check.inc
python3 "$SC_TOP/scripts/gen-posts" -s 5 400 | sc-classify >"$SC_TMP/g.out" ||
    exit 1
jq -e -s 'def dec3: (. * 1000 - (. * 1000 | round)) | . < 1e-6 and . > -1e-6;
    all(.[]; .class as $c |
    ($c.sentiment_score | . >= -1 and . <= 1 and dec3) and
    (if $c.sentiment == "positive" then $c.sentiment_score > 0
     elif $c.sentiment == "negative" then $c.sentiment_score < 0
     else true end) and
    ($c.confidence | [.intent, .sentiment, .lang] |
        all(type == "number" and . >= 0 and . <= 1 and dec3)) and
    $c.model == "builtin-2")' "$SC_TMP/g.out" >/dev/null
