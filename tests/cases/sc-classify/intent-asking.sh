# Complaints that ask, and protest in words the first cues missed: "why"
# and "when will you" to a brand, what used to work, what makes no sense,
# what is going on, what was taken or never shown; beside questions that
# only ask, a care agent's signed message, and a chat among many
# accounts.  A short thanks in a reply is praise, not an acknowledgement,
# and so is a fix that worked.  A question that thanks asks politely:
# its complaint cues do not make it rhetorical.
. ./check.inc
check intent <<'T'
complaint	@AcmeTel when will you fix this? the app logs me out every morning
complaint	@AcmeApp it used to work fine before, now nothing syncs
complaint	@AcmeShop how does this route make any sense? the van passed my door
complaint	@AcmeBank what is going on with my transfer? gone from my account
complaint	@AcmeAir we are sitting at the gate without any updates
complaint	@AcmeFood the courier didn't even show up and I was charged for it
complaint	@AcmeTel can you actually help or not?
complaint	@AcmeTel fuming, the engineer was a no-show for the second time
complaint	@AcmeFood did not receive half my order tonight
complaint	@AcmeApp the widget doesn't refresh anymore
complaint	@AcmeApp your app seems to be down
complaint	@AcmeTel complete ineptness from the shop today
other	@AcmeTel Do you still have the letter we sent? What town are you in? ^JD
other	@ana @ben @cal @dee @eve @AcmeFood Round two tomorrow, who is bringing the best pies?
question	@AcmeAir any way to look up my confirmation number?
question	@AcmeTel what happens if I move house mid contract?
question	@AcmeTel my box won't find channel 5, is there a setting for it? thanks
complaint	@AcmeTel my box won't find channel 5, is there a setting for it?
T
reply() {
	jq -Rc 'split("\t") | {want: .[0], text: .[1],
	    in_reply_to_brand: true}' >"$SC_TMP/r.in" || return 1
	sc-classify "$SC_TMP/r.in" |
	    jq -r 'select(.class.intent != .want) |
	    "class.intent is \(.class.intent), want \(.want): \(.text)"' \
	    >"$SC_TMP/r.bad" || return 1
	cat "$SC_TMP/r.bad"
	[ ! -s "$SC_TMP/r.bad" ]
}
reply <<'T'
praise	@AcmeShop thanks!!
praise	@AcmeTel thank you so much
praise	@AcmeTel restarted the box and that worked
praise	@AcmeTel its working again
complaint	@AcmeTel tried that, the light is red
other	@AcmeTel will do
T
