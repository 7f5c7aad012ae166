# Brand names are compared folded (text_fold_key): NFKC, full case
# folding, without diacritics, letters and digits only; the same folding
# the tokenizer does, so full-width letters, "ß" and accents never hide
# a name.
. ./triage.inc
tcheck .class.brand --brand 'Café Air' --brand 'Straße Air' <<'T'
"name"	Café Air lost my bag
"name"	Cafe Air lost my bag
"name"	CAFÉ AIR lost my bag
"name"	Ｃａｆé Ａｉｒ lost my bag
"hashtag"	Never again #CafeAir
"hashtag"	Never again #CAFÉAIR
"name"	STRASSE AIR hat meinen Koffer verloren
"name"	Strasse Air hat meinen Koffer verloren
"hashtag"	#StrasseAir nie wieder
"misspelled"	Cafè Aair lost my bag
null	The café at the airport was nice
T
