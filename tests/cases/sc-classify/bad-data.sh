# A malformed data file is fatal before any record: exit 2, file:line.
d=$SC_TMP/data/classify
mkdir -p "$d"
post='{"id":"x:1","text":"hello"}'
t=0
try() {	# try FILE LINE... WANT: FILE holds LINES; stderr must be WANT
	file=$1
	shift
	want=$(eval "echo \"\${$#}\"")
	rm -f "$d"/*
	: >"$d/$file"
	while [ $# -gt 1 ]; do
		printf '%s\n' "$1" >>"$d/$file"
		shift
	done
	t=$((t + 1))
	out=$(echo "$post" | SC_DATADIR=$SC_TMP/data sc-classify 2>&1)
	rc=$?
	if [ $rc -ne 2 ] || [ "$out" != "$want" ]; then
		echo "case $t: exit $rc: $out"
		echo "   want: $want"
		exit 1
	fi
}
p="sc-classify: $d"
try lexicon-en.tsv '# comment' 'good	2' 'bad	9' \
    "$p/lexicon-en.tsv:3: must be -4 to 4: 9"
try lexicon-en.tsv 'good' "$p/lexicon-en.tsv:1: expected TERM<TAB>WEIGHT"
try lexicon-en.tsv 'good	x' "$p/lexicon-en.tsv:1: not a number: \"x\""
try lexicon-en.tsv '' 'good	1' 'Good	2' \
    "$p/lexicon-en.tsv:3: duplicate term \"good\""
try lexicon-en.tsv '!negate	not' \
    "$p/lexicon-en.tsv:1: unknown directive \"!negate\""
try lexicon-en.tsv '!intensifier	very' \
    "$p/lexicon-en.tsv:1: expected !intensifier<TAB>TERM<TAB>FACTOR"
try lexicon-en.tsv '!negator	not	1' \
    "$p/lexicon-en.tsv:1: must be -4 to 0: 1"
try lexicon-en.tsv '!negator	not	-1	2' \
    "$p/lexicon-en.tsv:1: expected !negator<TAB>TERM[<TAB>WEIGHT]"
try lexicon-en.tsv '!asks	is	1' \
    "$p/lexicon-en.tsv:1: expected !asks<TAB>TERM"
try lexicon-en.tsv '!negativity	0.5' \
    "$p/lexicon-en.tsv:1: must be 1 to 4: 0.5"
try lexicon-en.tsv '!courtesy	thanks' \
    "$p/lexicon-en.tsv:1: expected !courtesy<TAB>TERM<TAB>WEIGHT"
try lexicon-en.tsv '!courtesy	thanks	-1' \
    "$p/lexicon-en.tsv:1: must be 0 to 4: -1"
try lexicon-en.tsv '	1' "$p/lexicon-en.tsv:1: empty term: \"\""
try lexicon-es.tsv 'a	1	2	3	4	5' \
    "$p/lexicon-es.tsv:1: too many fields"
try intent-de.tsv 'complain	Verspätung	1' \
    "$p/intent-de.tsv:1: unknown intent \"complain\""
try intent-all.tsv 'spam	http://example.com	1' \
    "$p/intent-all.tsv:1: a term cannot hold a URL: \"http://example.com\""
try emoji.tsv '😡	-5' "$p/emoji.tsv:1: must be -4 to 4: -5"
try langid.tsv 'xx	word	1' "$p/langid.tsv:1: unknown language \"xx\""
try langid.tsv 'en	two words	1' \
    "$p/langid.tsv:1: a language cue is one word: \"two words\""
try langid.tsv '!letter	de	ss	1' \
    "$p/langid.tsv:1: expected one letter: \"ss\""
try langid.tsv '!letter	zh	中	1' \
    "$p/langid.tsv:1: letter cues must be below U+0530: \"中\""
rm -f "$d"/*
printf 'good\t1\n\377\t2\n' >"$d/lexicon-pl.tsv"
out=$(echo "$post" | SC_DATADIR=$SC_TMP/data sc-classify 2>&1)
[ $? -eq 2 ] && [ "$out" = "$p/lexicon-pl.tsv:2: not valid UTF-8 text" ]
