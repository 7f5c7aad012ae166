# One word is enough when it is a cue: a short post gets a language, not
# "und".
. ./check.inc
check lang <<'T'
en	Thanks!
es	Gracias
pt	Obrigado!!
fr	Merci 🙏
it	Grazie
de	Danke!
nl	Bedankt
pl	Dzięki
tr	Teşekkürler
hi	shukriya
ru	Спасибо
uk	Дякую
T
