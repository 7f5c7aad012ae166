. ./check.inc
check lang <<'T'
es	¿Dónde está mi maleta? Llevo dos horas esperando en el aeropuerto
es	El vuelo fue cancelado y nadie nos da una solución
es	Muchas gracias por la ayuda, muy amables
es	Os he enviado un DM.
T
