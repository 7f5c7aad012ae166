# Japanese intents and sentiment (lexicon-ja.tsv, intent-ja.tsv): a parcel
# that does not come and a fault after a call are complaints, a polite
# question and a request for a refund are what they ask, thanks are
# praise; the negated forms ("使えない") are negative although Japanese
# negates after the word.
. ./check.inc
jq -Rc '{text: .}' <<'T' | sc-classify | jq -r '.class |
    [.lang, .intent, .sentiment] | @tsv' >"$SC_TMP/out" || exit 1
@AmazonHelp 注文した荷物がまだ届かない。最悪です
@AppleSupport アップデートしてから電話が使えない。何度も再起動したのに直らない
@AmazonHelp 返品はコンビニからでもできますか？
@AmazonHelp 二重に請求されたので返金してください
@AmazonHelp 迅速な対応ありがとうございました！助かりました
T
cat >"$SC_TMP/want" <<'T'
ja	complaint	negative
ja	complaint	negative
ja	question	neutral
ja	request	neutral
ja	praise	positive
T
diff "$SC_TMP/want" "$SC_TMP/out" || exit 1
exit 0
