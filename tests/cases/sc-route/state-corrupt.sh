# A state file that is corrupt, truncated, empty, foreign or of another
# version is an error naming the file and what is wrong (exit 2, before
# any record is written), never a silent reset: the file stays as it was.
set -u
d=$SC_TMP/corrupt
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

# A good state to spoil.
sc-route -r agents.json --state "$d/good" assign-sticky.in >/dev/null ||
    fail "good run: exit $?"

check() {	# name, message
	cp "$d/$1" "$d/copy"
	sc-route -r agents.json --state "$d/$1" assign-capacity.in \
	    >"$d/out" 2>"$d/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$1: exit $rc, want 2"
	[ -s "$d/out" ] && fail "$1: records written"
	echo "sc-route: $d/$1$2" | cmp -s - "$d/err" ||
	    fail "$1: got: $(cat "$d/err")"
	cmp -s "$d/$1" "$d/copy" || fail "$1: the file was changed"
	# --queue refuses it the same way.
	sc-route --queue --state "$d/$1" >"$d/out" 2>"$d/err"
	[ $? -eq 2 ] || fail "$1: --queue: not exit 2"
	echo "sc-route: $d/$1$2" | cmp -s - "$d/err" ||
	    fail "$1: --queue: got: $(cat "$d/err")"
}

printf 'garbage\n' >"$d/garbage"
check garbage ":1: '[' or '{' expected near 'garbage'"
head -c 100 "$d/good" >"$d/truncated"
check truncated ":1: premature end of input near '\"na'"
: >"$d/empty"
check empty ":1: '[' or '{' expected near end of file"
printf '{"format":"sc-fetch-state","version":1,"polls":{}}\n' >"$d/foreign"
check foreign ': not an sc-route state file ("format" is not "sc-route-state")'
printf '[1,2]\n' >"$d/array"
check array ': expected an object, got an array'
sed 's/"version":1/"version":7/' "$d/good" >"$d/version"
check version ': version: 7, but this sc-route reads version 1'
sed 's/"since":[0-9]*/"since":"yesterday"/' "$d/good" >"$d/since"
check since ': conversations[0].since: expected an integer, got a string'
sed 's/"agent":"a1"/"agent":"a9"/' "$d/good" >"$d/agent"
check agent ': conversations[0].agent: "a9" is not in "agents"'
exit 0
