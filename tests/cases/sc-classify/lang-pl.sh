. ./check.inc
check lang <<'T'
pl	Mój lot jest opóźniony już trzy godziny i nikt nic nie wie
pl	Czy mogę zabrać psa na pokład?
pl	Dziękuję bardzo, obsługa była super
pl	Tanie bilety -90% na wszystkie trasy
T
