# Hashtags written in camel case are read as their words: a post of a
# name and a hashtag is in the hashtag's language.  A hashtag in Latin
# letters on a post in another script does not outweigh it.
. ./check.inc
check lang <<'T'
pt	Marta 😍 #NossaCasaNova
es	Marta 😍 #EstamosDeVueltaConUstedes
de	Marta 😍 #WirSindWiederDa
en	Marta 😍 #WeAreBackAgain
fr	Julie 🎉 #OnEstDeRetourAvecVous
it	Giulia 🎉 #SiamoTornatiACasa
ar	وصلنا إلى المطار أخيرا بعد رحلة طويلة #WeAreBackAgain
T
