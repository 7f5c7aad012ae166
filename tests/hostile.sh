#!/bin/sh
# hostile.sh BINDIR - every program against every class of hostile input.
#
# The table below has one line per program: its name and the words that
# run it as a filter over file operands.  Each class (a class_ function)
# runs every program and checks the exit status, the message form
# ("prog: file:line: why") and that nothing is lost.  A new program
# inherits every class by adding its line.  Prints TAP.
set -u
bindir=$(cd "${1:-build/bin}" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
ex=$top/scripts/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-hostile.XXXXXX") || exit 2
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT INT TERM
PATH=$bindir:$PATH
HOME=$tmp/home
TZ=UTC
LC_ALL=C.UTF-8
export PATH HOME TZ LC_ALL
unset SC_CONFIG SC_DATADIR
mkdir -p "$HOME"

programs="
sc-fetch	sc-fetch import
sc-classify	sc-classify
sc-route	sc-route -r $ex/rules.json
sc-reply	sc-reply -t $ex/templates.json
sc-report	sc-report
"

n=0
fail=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for l; do echo "#   $l"; done
	fail=$((fail + 1))
}
# check DESC RC WANTRC ERRFILE WANTERR: exit status and exact stderr.
check() {
	if [ "$2" -ne "$3" ]; then
		notok "$1" "exit $2, want $3" "$(head -c 300 "$4")"
	elif [ "$(cat "$4")" != "$5" ]; then
		notok "$1" "got:  $(head -c 300 "$4")" "want: $5"
	else
		ok "$1"
	fi
}

post='{"id":"1","platform":"x","created_at":"2026-11-17T08:02:11Z","text":"my bag is lost","author":{"handle":"anna"}}'

# -o or --rejects naming an input, by any path: exit 2, input untouched.
class_output_is_input() {
	name=$1
	shift
	d=$tmp/$name-same
	mkdir -p "$d" && cd "$d" || return
	echo "$post" >in.ndjson
	cp in.ndjson keep
	ln -sf in.ndjson link.ndjson
	"$@" -o in.ndjson in.ndjson >/dev/null 2>err
	check "$name: -o FILE FILE" $? 2 err \
	    "$name: in.ndjson: output file is also an input"
	"$@" -o link.ndjson ./in.ndjson >/dev/null 2>err
	check "$name: -o through a symlink" $? 2 err \
	    "$name: link.ndjson: output file is also an input (as ./in.ndjson)"
	"$@" -o in.ndjson <in.ndjson >/dev/null 2>err
	check "$name: -o FILE <FILE" $? 2 err \
	    "$name: in.ndjson: output file is also an input (as <stdin>)"
	"$@" --rejects in.ndjson - <link.ndjson >/dev/null 2>err
	check "$name: --rejects FILE <FILE" $? 2 err \
	    "$name: in.ndjson: rejects file is also an input (as <stdin>)"
	if cmp -s in.ndjson keep; then
		ok "$name: the input is untouched"
	else
		notok "$name: the input is untouched" "$(wc -c <in.ndjson) bytes"
	fi
	cd "$tmp" || exit 2
}

# checkre DESC RC WANTRC ERRFILE REGEX: exit status, stderr matches.
checkre() {
	if [ "$2" -ne "$3" ]; then
		notok "$1" "exit $2, want $3" "$(head -c 300 "$4")"
	elif ! grep -Eq "$5" "$4" || [ "$(wc -l <"$4")" -ne 1 ]; then
		notok "$1" "got:  $(head -c 300 "$4")" "want: /$5/"
	else
		ok "$1"
	fi
}

# gzip then plain lines appended; a gzip file cut short; a BOM.
class_gzip() {
	name=$1
	shift
	d=$tmp/$name-gzip
	mkdir -p "$d" && cd "$d" || return
	echo "$post" | gzip >tail.gz
	size=$(wc -c <tail.gz)
	echo "$post" >>tail.gz
	"$@" tail.gz >out 2>err
	check "$name: data after gzip: exit 2, named" $? 2 err \
	    "$name: tail.gz: data after the end of the gzip stream, at byte $size; not read"
	i=0
	while [ $i -lt 400 ]; do
		echo "$post" | sed "s/\"id\":\"1\"/\"id\":\"$i\"/"
		i=$((i + 1))
	done | gzip >whole.gz
	head -c $(($(wc -c <whole.gz) / 2)) whole.gz >cut.gz
	"$@" cut.gz >out 2>err
	checkre "$name: truncated gzip: exit 2, file:line" $? 2 err \
	    "^$name: cut.gz:[0-9]+: unexpected end of compressed data \(truncated gzip file\?\)\$"
	printf '\357\273\277%s\n' "$post" >bom.ndjson
	"$@" bom.ndjson >out 2>err
	check "$name: a BOM before the first record is skipped" $? 0 err ""
	cd "$tmp" || exit 2
}

# Options: run by a path, getopt's messages still say "prog: "; a long
# option abbreviated is refused, not taken for the one it starts.
class_options() {
	name=$1
	prog=$bindir/$2
	shift 2
	"$prog" "$@" --bogus </dev/null >/dev/null 2>err
	rc=$?
	sed -n 1p err >err1
	check "$name: --bogus by path: exit 2, \"$name: \" prefix" $rc 2 err1 \
	    "$name: unrecognized option '--bogus'"
	"$prog" "$@" --rejec r.ndjson </dev/null >/dev/null 2>err
	rc=$?
	sed -n 1p err >err1
	# (ambiguous where the program also has a --reject)
	checkre "$name: --rejec is no --rejects" $rc 2 err1 \
	    "^$name: (unrecognized option '--rejec' \(did you mean '--rejects'\?\)|option '--rejec' is ambiguous; possibilities: .*)\$"
	"$prog" "$@" --stric </dev/null >/dev/null 2>err
	rc=$?
	sed -n 1p err >err1
	check "$name: --stric is no --strict" $rc 2 err1 \
	    "$name: unrecognized option '--stric' (did you mean '--strict'?)"
	"$prog" "$@" --strict --rejects=r.ndjson </dev/null >/dev/null 2>err
	check "$name: full spellings, with = too" $? 0 err ""
	rm -f r.ndjson
}

classes="output_is_input gzip options"

for class in $classes; do
	echo "$programs" | while IFS='	' read -r name cmd; do
		[ -n "$name" ] || continue
		# shellcheck disable=SC2086
		class_$class "$name" $cmd
		echo "$n $fail" >"$tmp/count"
	done
	read -r n fail <"$tmp/count"
done
echo "1..$n"
echo "# $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
