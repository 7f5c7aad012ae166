# Intent in posts that mix languages: the cues and the sentiment of the
# words of each count, English ones in a post in another language and
# the other way round.
. ./check.inc
check intent <<'T'
complaint	Merci pour rien, worst airline
complaint	Mein Koffer is lost again, schrecklich
complaint	My flight got cancelado, qué desastre
praise	Thanks a lot, das war wirklich super
praise	Obsługa była naprawdę amazing, thank you
question	Can I change my vuelo para mañana?
feedback	My suggestion for you: añadan más vuelos a Lima
feedback	Feature request for the app: modo oscuro, por favor
complaint	航班又延误了, worst airline ever
T
