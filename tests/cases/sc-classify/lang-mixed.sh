# Posts mixing languages: the language most of the text is in wins.
. ./check.inc
check lang <<'T'
es	Acabo de llegar a London y la verdad es que hace un frío terrible, so cold
de	Heute war das Meeting wieder mega langweilig, no comment
en	Just landed in München, the airport is huge and everyone was super nice
fr	Le film était nul, honestly je me suis endormi
pt	Amei o show, best night ever, obrigada a todos
it	Oggi pizza con gli amici, life is good
ru	Сегодня был такой cool день, спасибо всем
en	Guten Morgen everyone, ready for another busy week at the office?
T
