# Legal, safety and threat cues in several languages, and pii.
. ./triage.inc
tcheck .class.sensitive <<'T'
["legal"]	My lawyer will hear about this
["legal"]	I will sue you for this
["legal"]	Mi abogado presentará una demanda
["legal"]	Mein Anwalt wird klagen
["legal"]	Złożę pozew do sądu
["legal"]	Мой адвокат подаст в суд
["legal"]	我要找律师起诉你们
["safety"]	There was smoke in the cabin and a passenger was injured
["safety"]	Got food poisoning from the meal on board
["safety"]	Hubo humo en la cabina
["safety"]	Lebensmittelvergiftung nach dem Essen an Bord
["safety"]	Zatrucie pokarmowe po posiłku
["safety"]	В салоне был дым
["safety"]	飞机上有烟雾，不安全
["threat"]	Next time I see your agent I will kill him
["threat"]	Я вас всех убью
["legal","pii"]	My lawyer has my booking ref X7K9QZ
["safety","threat"]	I'll burn it down, there is a fire already
[]	This lawyerly language in your terms is confusing
[]	Thank you for the smooth flight
T
