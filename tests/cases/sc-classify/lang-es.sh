# Spanish, told from Portuguese and Italian by its words and letters.
. ./check.inc
check lang <<'T'
es	¿Dónde está mi maleta? Llevo dos horas esperando en el aeropuerto
es	El vuelo fue cancelado y nadie nos da una solución
es	Muchas gracias por la ayuda, muy amables
es	Os he enviado un DM.
es	jajaja no puede ser 😂
es	@SkyLarkAir ya van tres días sin respuesta https://example.com/caso/42
es	Qué vergüenza de servicio #SkyLark #nuncamas
es	Pues nada, otra vez tarde
es	El check-in online no funciona, ¿alguien sabe por qué?
es	Me encanta este sitio, la comida está buenísima
T
