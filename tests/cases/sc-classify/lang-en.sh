. ./check.inc
check lang <<'T'
en	@SkyLarkAir my flight was delayed again and nobody at the gate knows why
en	Can I bring my guitar on board as a carry-on?
en	Thanks for the quick rebooking, the crew was great
en	DM sent.
T
