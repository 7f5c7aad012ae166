# in_reply_to_brand (sc-post(5)): a customer's answer to the brand.  Short
# answers and details given on request are "other"; "still" and "again"
# say the fix did not work.  The same texts without the field, or with it
# false, are read as posts of their own.
. ./check.inc
reply() {
	jq -Rc 'split("\t") | {want: .[0], text: .[2],
	    in_reply_to_brand: (.[1] == "reply")}' >"$SC_TMP/ctx.in" ||
	    return 1
	sc-classify "$SC_TMP/ctx.in" >"$SC_TMP/ctx.out" || return 1
	jq -r 'select(.class.intent != .want) |
	    "class.intent is \(.class.intent), want \(.want): \(.text)"' \
	    "$SC_TMP/ctx.out" >"$SC_TMP/ctx.bad" || return 1
	cat "$SC_TMP/ctx.bad"
	[ -s "$SC_TMP/ctx.out" ] && [ ! -s "$SC_TMP/ctx.bad" ]
}
reply <<'T'
other	reply	@AcmeTel will do
other	reply	@AcmeTel done, order number 55123
other	reply	@AcmeShop sent it in a DM just now
complaint	reply	@AcmeTel tried that already, still the same
complaint	reply	@AcmeTel restarted it, still not working
complaint	post	@AcmeTel my internet is still not working
complaint	reply	@AcmeTel it happened again this morning
other	reply	@AcmeTel No, it's not selectable on the guide
complaint	post	@AcmeTel No, it's not selectable on the guide
T
# A mistyped field is no reply: the text alone decides.
printf '%s\n' '{"text":"@AcmeTel will do","in_reply_to_brand":"yes"}' |
    sc-classify | jq -e '.class.intent' >/dev/null
