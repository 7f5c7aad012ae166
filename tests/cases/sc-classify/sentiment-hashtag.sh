# A hashtag that is no word counts with the term it starts or ends with,
# turned by a negator just before the term.
. ./check.inc
check sentiment <<'T'
negative	Flying home today #worstdayever
negative	Row 12 again #seatsucks
positive	Landed in Denver #greatcrew
negative	Landed in Denver #nothappy
neutral	Landed in Denver #gatechange
neutral	Landed in Denver #hel
T
