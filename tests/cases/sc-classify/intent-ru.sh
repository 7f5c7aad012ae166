# Plain posts, then tricky ones: irony, capitals, negation, elongation.
. ./check.inc
check intent <<'T'
complaint	Рейс задержали на пять часов, никто не отвечает. Ужас!
question	Можно ли взять собаку в салон?
request	Прошу вернуть деньги за билет, пожалуйста
praise	Большое спасибо, экипаж молодцы!
complaint	Отлично, опять задержка. Ну спасибо
complaint	УЖАСНЫЙ СЕРВИС, БОЛЬШЕ НИКОГДА
complaint	Я недоволен, потеряли мой багаж
praise	Спасибооо, экипаж молодцы
T
