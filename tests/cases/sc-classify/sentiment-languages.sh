# Sentiment in each language with its own lexicon: plain, negated, with
# emoji and in capitals.
. ./check.inc
check sentiment <<'T'
positive	Thank you so much, the crew was wonderful
negative	The flight was not good at all
negative	WORST SERVICE EVER
neutral	My flight leaves at 9 from gate 12
positive	Muchas gracias, el servicio fue excelente
negative	El vuelo no fue nada bueno, pésimo servicio
negative	Llevo tres horas esperando y nadie responde
positive	Vielen Dank, super freundliches Personal
negative	Der Zug war nicht pünktlich, total enttäuschend
negative	Schon wieder Verspätung, unmöglich!
positive	Merci beaucoup, le personnel était adorable
negative	Ce n'est pas bon du tout, service lamentable
negative	Bagage perdu et aucune réponse depuis trois jours
positive	Bardzo dziękuję, świetna obsługa
negative	Obsługa nie była miła, fatalnie
negative	Opóźnienie lotu o 5 godzin, nikt nic nie wie
positive	Спасибо большое, отличный сервис
negative	Это было совсем не хорошо, ужасное обслуживание
negative	Задержали рейс на 4 часа, никто ничего не объясняет
positive	服务很好，谢谢！
negative	航班延误了三个小时，太差了
negative	服务一点也不好
positive	😍😍👍
negative	😡😡😡
T
