# Russian: its letters (ы э ъ ё) and words; Latin brand names inside a
# Russian post do not make it English or French.
. ./check.inc
check lang <<'T'
ru	Мой рейс задержали уже на три часа, и никто ничего не объясняет
ru	Есть ли wifi на рейсах SkyLark Air?
ru	Спасибо большое, всё было отлично
ru	Привет, как дела?
ru	@SkyLarkAir где мой чемодан? https://example.com/ru
ru	у меня тоже так было 😅
ru	Будь здоров!
ru	Короче, опять опоздали #SkyLark
T
