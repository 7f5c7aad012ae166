# Posts that mix languages: the words of each count, whatever the
# language found (English words in a post in another language, the words
# of another language in an English post; words of five letters or more,
# against false friends).
. ./check.inc
check sentiment <<'T'
positive	Merci beaucoup for the help, super service!
negative	Flight cancelado otra vez, terrible servicio
negative	Mein Flug is delayed again, schrecklich
positive	Спасибо, great crew today 👍
negative	航班又延误了, worst airline ever
positive	Le personnel était vraiment amazing, thank you
positive	Obsługa była naprawdę amazing, thank you
positive	Сервис сегодня просто awesome, thank you
negative	Mein Flug is delayed again
negative	Nuestro vuelo is delayed again
negative	My flight got cancelado, qué desastre
negative	Worst day ever, el vuelo se retrasó otra vez
negative	航班延误了，so annoying
positive	服务太棒了，love it
T
