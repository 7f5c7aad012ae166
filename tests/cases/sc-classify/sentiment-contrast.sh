# After "but" the clause weighs more than the one before.
. ./check.inc
check sentiment <<'T'
negative	the crew was nice but the flight was delayed 5 hours
positive	the flight was delayed but the crew was amazing
negative	la tripulación fue amable pero el vuelo se retrasó cinco horas con retraso horrible
negative	die Crew war nett, aber der Flug war verspätet und chaotisch
negative	экипаж был вежливый, но рейс задержали и потеряли багаж
negative	załoga była miła, ale lot był opóźniony
negative	空乘很热情，但是航班延误了三个小时
T
