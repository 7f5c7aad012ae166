# class.irony is true when irony is found, right after sentiment_score,
# and absent otherwise, whatever the post before had.
cat >"$SC_TMP/in" <<'T'
{"id":"1","text":"Lovely crew /s"}
{"id":"2","text":"Lovely crew"}
{"id":"3","text":"I love how my flight got cancelled again"}
{"id":"4","text":"I love how friendly your staff is"}
{"id":"5","text":"Thanks for nothing"}
T
sc-classify "$SC_TMP/in" >"$SC_TMP/out" || exit 1
got=$(jq -c '[.id, .class.irony, (.class | keys_unsorted |
    if index("irony") then index("irony") - index("sentiment_score")
    else null end)]' "$SC_TMP/out")
want='["1",true,1]
["2",null,null]
["3",true,1]
["4",null,null]
["5",true,1]'
[ "$got" = "$want" ] || { printf 'got:\n%s\n' "$got"; exit 1; }
