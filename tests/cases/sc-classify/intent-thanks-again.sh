# Cues found reading real inbound tweets outside the dev set: "thanks
# again" is thanks, not a problem back; "nothing short of" praises, it does
# not negate; a hashtag of woes, a hair in the food and a misshipped order
# are complaints; saying you will go back to a rival is one too, and so
# is telling the brand it just lost you.  "keyboard lag" is a guess of
# romanized Hindi ("lag" is a word of it): English cues still read it.  And a
# short warm reply to the brand is praise, not the details asked for.
. ./check.inc
check intent <<'T'
praise	@AcmeAir thanks once again for your help today
praise	@AcmeAir thank you again, the crew sorted it all out
praise	@AcmeAir the cabin crew were nothing short of brilliant
complaint	@AcmeAir where are our bags #travelwoes
complaint	@AcmeFood found a hair in my salad
complaint	@AcmeShop got someone else's shoes in the box #misship
complaint	@AcmeAir after this trip I'm going back to flying with BlueJet
complaint	@AcmeTel great job, you have just lost a family of four
complaint	@AcmeTel keyboard lag
complaint	@AcmeTel calling your helpline isn't helping
complaint	@AcmeBank what kind of security is this?
question	@AcmeAir my connection was moved, any tips on getting a seat together
request	@AcmeFood hey, I was wondering if you could send me a new voucher
praise	@AcmeFood thanx
praise	@AcmeTel my problem has been resolved, the engineer was great
complaint	@AcmeTel my problem has not been resolved
T
score 'the staff were nothing short of amazing' >"$SC_TMP/s"
lower 0 "$(cat "$SC_TMP/s")"
score 'we had a blast at the new place' >"$SC_TMP/s"
lower 0.3 "$(cat "$SC_TMP/s")"
printf '%s\n' '{"text":"@AcmeFood it was absolutely delicious","in_reply_to_brand":true}' |
    sc-classify | jq -e '.class.intent == "praise"' >/dev/null
