# auto_reply_ok: a confident question or praise, nothing sensitive, no
# influencer.
. ./triage.inc
tcheck '[.class.intent, .class.auto_reply_ok]' --auto-threshold 0.5 <<'T' || exit 1
["praise",true]	Thank you so much, the crew was wonderful!
["praise",false]	{"text": "Thank you so much, the crew was wonderful!", "author": {"verified": true}}
["praise",true]	Gracias, el servicio fue excelente
["praise",true]	Danke, der Service war super
["question",true]	Can I bring my guitar on board?
["question",false]	Can I bring my guitar on board? My lawyer asks
["question",false]	Can I pay with card 4111 1111 1111 1111?
["complaint",false]	Flight cancelled and no answer, worst airline ever
T
tcheck '[.class.intent, .class.auto_reply_ok]' --auto-threshold 1 <<'T'
["praise",false]	Thank you so much, the crew was wonderful!
["question",false]	Can I bring my guitar on board?
T
