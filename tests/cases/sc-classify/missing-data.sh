# Without its data files the program says which and where it looked.
for dir in /usr/local/share/sc /usr/share/sc; do
	if [ -e "$dir/classify/langid.tsv" ]; then
		echo "installed data in $dir: cannot test"
		exit 0
	fi
done
mkdir -p "$SC_TMP/bin" "$SC_TMP/empty" || exit 1
cp "$(command -v sc-classify)" "$SC_TMP/bin/" || exit 1
out=$(echo '{"text":"x"}' | SC_DATADIR=$SC_TMP/empty \
    "$SC_TMP/bin/sc-classify" 2>&1)
[ $? -eq 2 ] || exit 1
want='sc-classify: cannot find data file classify/langid.tsv (looked in $SC_DATADIR, ../share/sc beside the program and the installed data directory)'
[ "$out" = "$want" ] || { echo "$out"; exit 1; }
# SC_DATADIR comes first: a file there wins over the installed one.
mkdir -p "$SC_TMP/d2/classify"
printf 'happy\t-4\n' >"$SC_TMP/d2/classify/lexicon-en.tsv"
s=$(echo '{"text":"I am happy today"}' | SC_DATADIR=$SC_TMP/d2 sc-classify |
    jq -r .class.sentiment)
[ "$s" = negative ]
