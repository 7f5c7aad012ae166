# German: function words, umlauts and endings such as -ung, -lich, -keit;
# not English for a borrowed word, nor Dutch for "die" or "was".
. ./check.inc
check lang <<'T'
de	Mein Flug ist schon wieder verspätet und niemand sagt uns warum
de	Kann ich mein Gepäck bis Frankfurt durchchecken?
de	Vielen Dank, das ging schnell und war sehr freundlich
de	Hallo?? Jemand da?
de	@SkyLarkAir wo bleibt meine Erstattung? https://example.com/fall/7
de	Schon wieder Stau auf der A9 😤 #Montag
de	Langsam wird es draußen dunkel
de	Das Update ist echt krass, aber der Akku hält nicht mehr lange
de	Endlich Wochenende!
de	Straßenbahn fällt aus, Ersatzverkehr mit Bussen
T
