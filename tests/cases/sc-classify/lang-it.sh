. ./check.inc
check lang <<'T'
it	Il mio volo è in ritardo di tre ore e nessuno ci dice niente
it	Grazie mille, il personale è stato molto gentile
it	Dove posso ritirare il bagaglio smarrito?
T
