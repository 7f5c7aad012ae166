# Italian: function words (il, che, non, della), endings (-zione, -ità)
# and accented finals (è, perché, città).
. ./check.inc
check lang <<'T'
it	Il mio volo è in ritardo di tre ore e nessuno ci dice niente
it	Grazie mille, il personale è stato molto gentile
it	Dove posso ritirare il bagaglio smarrito?
it	ahahah che ridere 😂
it	@SkyLarkAir ancora nessuna risposta https://example.com/r/9
it	Che bella giornata oggi #Roma
it	Perché non funziona niente in questa città?
it	Buongiorno a tutti!
it	Non vedo l'ora di partire per le vacanze
T
