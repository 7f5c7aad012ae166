# Plain posts, then tricky ones: irony, capitals, negation, elongation.
. ./check.inc
check intent <<'T'
complaint	Llevo dos horas esperando y sigo sin respuesta, vuelo cancelado
question	¿Cuánto equipaje de mano puedo llevar?
request	Por favor, necesito cambiar mi vuelo a mañana
praise	Muchas gracias, el servicio fue excelente
spam	Gana dinero desde casa con cripto, escríbeme
complaint	Genial, otro retraso más. Gracias por nada
complaint	NUNCA MÁS VUELO CON USTEDES
complaint	No estoy nada contento, perdieron mi maleta
praise	Graciaaaas, el equipo fue buenísimo
T
