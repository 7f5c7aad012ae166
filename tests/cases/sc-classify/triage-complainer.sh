# complainer: instrumental (an ask) or venter (no ask) for complaints,
# null for the rest; service_related for all.
. ./triage.inc
tcheck '[.class.intent, .class.complainer, .class.service_related]' <<'T' || exit 1
["complaint","instrumental",true]	Flight cancelled, worst airline ever. Please refund me
["complaint","instrumental",true]	Vuelo cancelado, servicio horrible. Quiero mi reembolso
["complaint","instrumental",true]	Lot odwołany, skandal! Proszę o zwrot
["complaint","venter",true]	Flight cancelled and no answer, worst airline ever
["complaint","venter",true]	Рейс задержали, ужасный сервис
["praise",null,true]	Thank you, the crew was great!
["question",null,true]	Can I bring my guitar on board?
T
tcheck '[.class.intent, .class.service_related]' --brand SkyLark <<'T'
["other",true]	Saw a SkyLark plane over the city
["other",false]	nice weather
T
