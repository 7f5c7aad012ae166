# A negator softens a bad word at most one word after it, intensifiers
# aside ("not bad", "not too bad", "wasn't that awful", "no es malo");
# further on, the bad word is what the negated verb is about ("can't use
# your useless app").
# Good words are turned anywhere in its reach ("not really happy").
. ./check.inc
check sentiment <<'T'
positive	The food was not bad
positive	not too bad at all
positive	The wait wasn't that awful
positive	El servicio no es malo
negative	I can't use your useless app
negative	They didn't fix the broken seat
negative	I am not really happy
negative	The staff was less than friendly
neutral	Less than an hour to Boston
negative	It would be nice if someone answered the phone
T
