# Ukrainian: its letters (і ї є ґ) and words; without them, Russian.
. ./check.inc
check lang <<'T'
uk	Мій рейс затримали, і досі немає жодної відповіді
uk	Чи можна взяти собаку в салон?
uk	Дякую, все було чудово
uk	Добрий ранок! ☀️
uk	@SkyLarkAir де моя валіза? https://example.com/ua
uk	Дуже гарно, дякую за допомогу
uk	Що це таке взагалі? #SkyLark
uk	Він сказав, що буде завтра
T
