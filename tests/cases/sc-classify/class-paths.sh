# The class of a line is written two ways: straight (the fast path) and
# through jansson (with --scores or --model).  Both must give the same
# class, key for key and in the same order, for every kind of post.
cat >"$SC_TMP/in" <<'T'
{"id":"1","text":"Lovely crew /s"}
{"id":"2","text":"My flight was cancelled and nobody answers. @SkyLarkAir fix it","author":{"handle":"a","followers":250000,"verified":true}}
{"id":"3","text":"Danke für die schnelle Hilfe!","lang":"de"}
{"id":"4","text":"my card number is 4111 1111 1111 1111, call me at +48 600 100 200"}
{"id":"5","text":"I will sue you and tell the @FTC","in_reply_to_brand":true}
{"id":"6","text":"🙂"}
{"id":"7","text":"Win a free iPhone!!! click http://x.example #giveaway #win #free #now"}
T
sc-classify "$SC_TMP/in" >"$SC_TMP/fast" || exit 1
sc-classify --scores "$SC_TMP/in" |
    jq -c 'del(.class.scores, .class.scores_corpus)' \
    >"$SC_TMP/slow" || exit 1
jq -c . "$SC_TMP/fast" >"$SC_TMP/fast.jq"
diff -u "$SC_TMP/slow" "$SC_TMP/fast.jq" || exit 1
# the set covers the optional keys
grep -q '"irony":true' "$SC_TMP/fast" || { echo "no irony"; exit 1; }
