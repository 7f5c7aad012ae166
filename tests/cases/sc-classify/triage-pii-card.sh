# Card numbers are found only when the Luhn check holds.
. ./triage.inc
tcheck .class.pii <<'T'
["card"]	My card 4111 1111 1111 1111 was charged twice, please refund
["card"]	Tarjeta 5500-0000-0000-0004 cobrada dos veces
["card"]	Karte 4012888888881881 wurde doppelt belastet
["card"]	Amex 3782 822463 10005 charged twice
[]	My card 4111 1111 1111 1112 was charged twice
[]	Karta 5500-0000-0000-0005 obciążona dwa razy
[]	Order 1234567890123456789012 shipped
T
