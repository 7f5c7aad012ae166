# Urgency: critical for safety, threats, outages and legal threats; high
# for travel today, repeated contact and negative complaints; low for
# praise, spam and the rest.
. ./triage.inc
tcheck .class.urgency <<'T'
"critical"	There was smoke in the cabin
"critical"	The app is down and I can't check in
"critical"	La app no funciona
"critical"	My lawyer will hear about this
"critical"	Я вас всех убью
"high"	Can you rebook me? My flight leaves today
"high"	Estoy en la puerta y nadie me ayuda, ¿qué hago?
"high"	Third time asking: where is my refund?
"high"	Zum dritten Mal: wo ist mein Koffer?
"high"	Flight cancelled and no answer, worst airline ever
"high"	航班延误，太差了
"normal"	Can I bring my guitar on board?
"low"	Thank you, the crew was great today!
"low"	Dziękuję, obsługa była świetna
"low"	nice weather
T
