# Feedback: a suggestion or an opinion, neither complaint nor praise.
. ./check.inc
check intent <<'T'
feedback	It would be great if you added a vegetarian meal option on short flights
feedback	Suggestion: let us pick our seats in the app before check-in opens
feedback	Feature request: a dark mode for the booking app
feedback	Sería genial que añadieran más vuelos directos a Lima
feedback	Vorschlag: WLAN in allen Zügen wäre super
feedback	Ce serait bien d'avoir le wifi à bord, je suggère de l'ajouter
feedback	Byłoby fajnie, gdyby aplikacja miała tryb ciemny
feedback	Было бы здорово добавить онлайн-регистрацию за 48 часов
feedback	建议增加晚上的航班
complaint	You should add staff at the gate, I waited 2 hours and missed my flight. Terrible!
T
