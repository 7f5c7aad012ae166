. ./check.inc
check intent <<'T'
complaint	Lot odwołany, nadal czekam na odpowiedź. Skandal!
question	Czy mogę zabrać psa na pokład?
request	Proszę o zwrot pieniędzy za rezerwację ABC123
praise	Dziękuję, obsługa była świetna, polecam
T
