# scripts/examples/templates.json: every language and intent has a
# template, X gets its own, LinkedIn and Facebook (en) theirs, spam none;
# every draft fits its platform even with long names.
t=$SC_TOP/scripts/examples/templates.json
in=$SC_TMP/reply-ex.in
want=$SC_TMP/reply-ex.want
name='Maximilian Alexander Featherstonehaugh-Worthington'
: >"$in"
: >"$want"
for l in en es de pl ru zh fr pt; do
	for i in complaint question request praise other spam; do
		for p in x mastodon bluesky facebook reddit linkedin; do
			case $p in
			x)		h=abcdefghijklmno ;;
			mastodon)	h=averylonghandle@fosstodon.org ;;
			bluesky)	h=averylonghandle.bsky.social ;;
			*)		h=averylonghandle ;;
			esac
			printf '{"id":"%s:1","platform":"%s","author":{"handle":"%s","name":"%s"},"class":{"intent":"%s","lang":"%s"}}\n' \
			    "$p" "$p" "$h" "$name" "$i" "$l" >>"$in"
			case $i/$l/$p in
			spam/*)			echo none ;;
			*/*/x)			echo "$i-$l-x" ;;
			complaint/en/linkedin|question/en/linkedin)
						echo "$i-$l-linkedin" ;;
			*/en/facebook)		echo "$i-$l-facebook" ;;
			*)			echo "$i-$l" ;;
			esac >>"$want"
		done
	done
done
sc-reply -t "$t" -a 'Alexandra Konstantinopoulou' "$in" \
    >"$SC_TMP/reply-ex.out" 2>"$SC_TMP/reply-ex.err" || exit 1
[ -s "$SC_TMP/reply-ex.err" ] && { cat "$SC_TMP/reply-ex.err"; exit 1; }
grep -q '"fits":false' "$SC_TMP/reply-ex.out" && exit 1
sed -e 's/.*"reply":{"status":"none".*/none/' \
    -e 's/.*"template":"\([^"]*\)".*/\1/' -e 's/-2$//' "$SC_TMP/reply-ex.out" |
    diff -u "$want" - || exit 1
# Signed by the agent: "^NAME" on X, "– NAME" elsewhere.
grep '"platform":"x"' "$SC_TMP/reply-ex.out" | grep -v '"status":"none"' |
    grep -v -c '\^Alexandra Konstantinopoulou' | grep -qx 0 || exit 1
# The file's own agent is used when no other is given: 8 languages x 5
# intents x 5 platforms other than X, less the 2 LinkedIn ones ("Kind
# regards, Maria – ...").
sc-reply -t "$t" "$in" | grep -c "– Maria\"" | grep -qx 198

# Context (every language, intent and platform): a private channel is
# never asked for a private message; a post that gave its booking code
# is not asked for it; a reply in a conversation is not greeted anew.
dm='direct message|private message| DM|DM us| MD|mensaje privado|Direktnachricht|message privé|mensagem privada|wiadomość prywatną|wiadomości prywatnej|na DM|личные сообщения|私信'
sed 's/"class":{/"channel":"private","class":{/' "$in" |
    sc-reply -t "$t" -a Ana >"$SC_TMP/reply-ex.priv" || exit 1
jq -r '.reply.text // empty' "$SC_TMP/reply-ex.priv" | grep -E "$dm" &&
    { echo "private posts asked for a private message"; exit 1; }
[ "$(jq -r '.reply.text // empty' "$SC_TMP/reply-ex.priv" | wc -l)" -eq 240 ] || exit 1
sed 's/"class":{/"class":{"pii":["booking_ref"],/' "$in" |
    sc-reply -t "$t" -a Ana >"$SC_TMP/reply-ex.book" || exit 1
# Every complaint, question and request thanks for the code instead.
jq -r 'select(.class.intent | test("complaint|question|request")) |
    .reply.text' "$SC_TMP/reply-ex.book" >"$SC_TMP/reply-ex.bt"
[ "$(wc -l <"$SC_TMP/reply-ex.bt")" -eq 144 ] || exit 1
grep -v -E "booking code –|código de reserva:|Buchungscode –|code de réservation :|kodu rezerwacji|указали код бронирования|感谢您提供预订编号" \
    "$SC_TMP/reply-ex.bt" && { echo "asked again for a booking code"; exit 1; }
grep -E 'your booking code and|DM us your booking code' \
    "$SC_TMP/reply-ex.bt" && exit 1
sed 's/"class":{/"in_reply_to":"x:0","conversation_id":"x:0","class":{/' "$in" |
    sc-reply -t "$t" -a Ana --no-mention >"$SC_TMP/reply-ex.on" || exit 1
jq -r 'select(.platform != "linkedin") | .reply.text // empty' "$SC_TMP/reply-ex.on" |
    grep -E '^(Hi|Hey|Hallo|Bonjour|Dzień dobry|Здравствуйте|您好|Olá|Hola|Maximilian)' |
    grep -v -E '^(Hi|Hey|Aw).*(kind words|lovely message)|^Aw' |
    grep . && { echo "greeted a conversation under way"; exit 1; }
# A person's first name, not the whole display name.
jq -r 'select(.platform == "reddit" and .class.intent == "complaint" and
    .class.lang == "en") | .reply.text' "$SC_TMP/reply-ex.out" |
    grep -q '^Hi Maximilian, ' || exit 1
exit 0
