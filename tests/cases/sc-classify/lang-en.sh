# English: function words carry it, even around handles, links, hashtags,
# emoji and a foreign word or two.
. ./check.inc
check lang <<'T'
en	@SkyLarkAir my flight was delayed again and nobody at the gate knows why
en	Can I bring my guitar on board as a carry-on?
en	Thanks for the quick rebooking, the crew was great
en	DM sent.
en	where is my bag??? 😡😡 https://example.com/track/123
en	Worst. Airline. Ever. #neveragain #SkyLark
en	lol this is so true 😂
en	Had the best paella in Madrid, gracias to the staff at the hotel!
en	We stayed at a tiny hotel near the Hauptbahnhof and it was lovely
en	gonna miss my connection, thanks for nothing
T
