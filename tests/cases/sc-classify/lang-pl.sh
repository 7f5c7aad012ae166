# Polish: its letters (ą ę ł ś ż), cz/sz/rz, and function words.
. ./check.inc
check lang <<'T'
pl	Mój lot jest opóźniony już trzy godziny i nikt nic nie wie
pl	Czy mogę zabrać psa na pokład?
pl	Dziękuję bardzo, obsługa była super
pl	Tanie bilety -90% na wszystkie trasy
pl	@SkyLarkAir gdzie jest mój bagaż? https://example.com/b/1
pl	Pozdrawiam serdecznie 🙂
pl	Nie polecam tego hotelu #wakacje
pl	Wszystko w porządku, dzięki
pl	lekarz bardzo miły i konkretny
T
