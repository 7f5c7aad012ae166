# Text is NFKC-normalized and case-folded with utf8proc before matching,
# and terms match with or without their diacritics.
. ./check.inc
same() {
	a=$(score "$1") b=$(score "$2")
	[ "$a" = "$b" ] || { echo "\"$1\" scores $a, \"$2\" scores $b"; return 1; }
}
fail=0
# Full-width letters and ligatures are plain letters (NFKC).
same "terrible service" "ｔｅｒｒｉｂｌｅ　ｓｅｒｖｉｃｅ" || fail=1
same "the flight was fine" "the ﬂight was ﬁne" || fail=1
# Decomposed letters (e + U+0301) are composed first.
same "$(printf 'Merci, tr\303\250s bien')" "$(printf 'Merci, tre\314\200s bien')" || fail=1
same "$(printf 'p\303\251simo servicio')" "$(printf 'pe\314\201simo servicio')" || fail=1
# Full case folding: ß and SS are one.
same "DAS IST GROSSARTIG" "DAS IST GROẞARTIG" || fail=1
same "Das ist großartig" "Das ist grossartig" || fail=1
# Diacritics: typed without them, or with them where the list has none.
same "Merci, très bien" "Merci, tres bien" || fail=1
same "el vuelo se retrasó, pésimo servicio" "el vuelo se retraso, pesimo servicio" || fail=1
same "Opóźnienie lotu, fatalna obsługa" "Opoznienie lotu, fatalna obsluga" || fail=1
same "el servicio fue increíble" "el servicio fue increible" || fail=1
same "Всё плохо, одни слёзы" "Все плохо, одни слезы" || fail=1
# Full-width punctuation, "…" and no-break spaces are read as NFKC has
# them, whether the rest of the text needs normalizing or not.
same "服务很好！" "服务很好!" || fail=1
same "服务很好！真的吗？" "服务很好! 真的吗?" || fail=1
same "Ｔｈａｎｋｓ！" "Thanks!" || fail=1
same "$(printf 'Great service\342\200\246 not!')" "Great service... not!" || fail=1
same "$(printf 'terrible\302\240service')" "terrible service" || fail=1
# (a lone combining mark: the whole text is normalized by utf8proc)
same "$(printf 'terrible\302\240service \314\201')" \
    "$(printf 'terrible service \314\201')" || fail=1
# Words in capitals are still seen as such after folding.
lower "$(score 'obsługa była okropna')" 0 || fail=1
lower "$(score 'OBSŁUGA BYŁA OKROPNA')" "$(score 'obsługa była okropna')" || fail=1
exit $fail
