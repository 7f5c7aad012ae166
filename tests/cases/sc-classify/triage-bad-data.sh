# A malformed triage.tsv is fatal before any record: exit 2, file:line.
d=$SC_TMP/data/classify
mkdir -p "$d"
try() {	# try LINE WANT
	printf '# cues\n%s\n' "$1" >"$d/triage.tsv"
	out=$(echo '{"text":"hello"}' | SC_DATADIR=$SC_TMP/data sc-classify 2>&1)
	rc=$?
	[ $rc -eq 2 ] && [ "$out" = "$2" ] ||
	    { echo "exit $rc: $out, want: $2"; exit 1; }
}
try 'lawyer' "sc-classify: $d/triage.tsv:2: expected KIND<TAB>PHRASE"
try 'legl	lawyer' "sc-classify: $d/triage.tsv:2: unknown kind \"legl\""
# A good file replaces the installed one.
printf 'legal\tbarrister\n' >"$d/triage.tsv"
echo '{"text":"my barrister will call"}' | SC_DATADIR=$SC_TMP/data sc-classify |
    jq -e '.class.sensitive == ["legal"]' >/dev/null
