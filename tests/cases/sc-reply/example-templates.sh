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
    -e 's/.*"template":"\([^"]*\)".*/\1/' "$SC_TMP/reply-ex.out" |
    diff -u "$want" - || exit 1
# Signed by the agent: "^NAME" on X, "– NAME" elsewhere.
grep '"platform":"x"' "$SC_TMP/reply-ex.out" | grep -v '"status":"none"' |
    grep -v -c '\^Alexandra Konstantinopoulou' | grep -qx 0 || exit 1
# The file's own agent is used when no other is given: 8 languages x 5
# intents x 5 platforms other than X, less the 2 LinkedIn ones ("Kind
# regards, Maria – ...").
sc-reply -t "$t" "$in" | grep -c "– Maria\"" | grep -qx 198
