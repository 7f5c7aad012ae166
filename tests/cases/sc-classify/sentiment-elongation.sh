# "soooo goooood": squeezed letters find the word, and weigh more.
. ./check.inc
good=$(score "good") || exit 1
long=$(score "goooooood") || exit 1
lower "$good" "$long" || exit 1
check sentiment <<'T'
positive	soooo goooood
negative	baaaad
negative	sloooow
positive	Muchas graciaaaas, el servicio fue buenísimoooo
negative	Qué ascoooo de servicio
positive	Dankeeee, suuuuper Service
negative	Sooo schleeecht
positive	Merciiii, c'était géniaaal
negative	Nuuuul, vraiment nuuul
positive	Dziękiiii, świetnieee
negative	Beznadzieeejnie
positive	Спасибооо, отличнооо
negative	Ужаааас
T
# In other languages too.  ("baaaad" above is "bad", though "baad" is a
# Hindi word the language ID knows.)
good=$(score "el servicio fue bueno") || exit 1
long=$(score "el servicio fue buenooo") || exit 1
lower "$good" "$long" || exit 1
bad=$(score "das war schlecht") || exit 1
long=$(score "das war schleeecht") || exit 1
lower "$long" "$bad" || exit 1
