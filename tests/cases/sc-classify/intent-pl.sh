# Plain posts, then tricky ones: irony, capitals, negation, elongation.
. ./check.inc
check intent <<'T'
complaint	Lot odwołany, nadal czekam na odpowiedź. Skandal!
question	Czy mogę zabrać psa na pokład?
request	Proszę o zwrot pieniędzy za rezerwację ABC123
praise	Dziękuję, obsługa była świetna, polecam
complaint	Świetnie, kolejne opóźnienie. Dzięki za nic
complaint	NIGDY WIĘCEJ, FATALNA OBSŁUGA
complaint	Nie jestem zadowolony, zgubili mój bagaż
praise	Dziękiiii, świetna załoga
T
