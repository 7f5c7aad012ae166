# Plain posts, then tricky ones: irony, capitals, negation, elongation.
. ./check.inc
check intent <<'T'
complaint	Flight cancelled, still waiting for a refund. Worst airline ever
complaint	@SkyLarkAir lost my bag again, 3 days and no answer
complaint	the crew was nice but the flight was delayed 5 hours
complaint	Hello?? Anyone there?
question	Can I bring my guitar on board as a carry-on?
question	How long does a refund usually take?
question	Is there wifi on the Lisbon flights?
request	Please refund booking X7Y8Z9, I took the train instead
request	Could you change my seat to an aisle one pls
request	I need the invoice for booking ABC123
praise	Thank you so much, the crew was amazing!
praise	Kudos to the team at gate 12, great job
spam	Follow for follow! Earn $500 a day with crypto https://bit.ly/x
spam	Giveaway! Click here to claim your prize www.example.com
other	DM sent.
other	Watching the planes land from the terrace
complaint	Just great, another delay
complaint	WORST AIRLINE EVER, NEVER AGAIN
complaint	I'm not happy at all, you lost my bag
praise	Thaaaank you sooo much, best crew
T
