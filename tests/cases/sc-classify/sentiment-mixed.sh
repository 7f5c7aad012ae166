# Posts that mix languages: the words of each count, whatever the
# language found.
. ./check.inc
check sentiment <<'T'
positive	Merci beaucoup for the help, super service!
negative	Flight cancelado otra vez, terrible servicio
negative	Mein Flug is delayed again, schrecklich
positive	Спасибо, great crew today 👍
negative	航班又延误了, worst airline ever
T
