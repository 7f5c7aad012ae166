#!/bin/sh
# hostile.sh BINDIR - every program against every class of hostile input.
#
# The table below has one line per program, tab-separated: its name; what
# its output is ("filter": one record per record kept, "report": other);
# the option naming a locked state file, or "-"; and the words that run
# it as a filter over file operands.  Each class (a class_ function) runs
# every program and checks the exit status, the message form ("prog:
# file:line: why") and that nothing is lost: every input line is written
# or in the --rejects file, byte for byte.  A new program inherits every
# class by adding its line.  Prints TAP.
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
cd "$tmp" || exit 2

programs="
sc-fetch	filter	-	sc-fetch import
sc-classify	filter	--history	sc-classify
sc-route	filter	-	sc-route -r $ex/rules.json
sc-reply	filter	--history	sc-reply -t $ex/templates.json
sc-report	report	-	sc-report
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
	shift 3
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
	shift 3
	d=$tmp/$name-gzip
	mkdir -p "$d" && cd "$d" || return
	echo "$post" | gzip >tail.gz
	size=$(wc -c <tail.gz)
	echo "$post" >>tail.gz
	"$@" tail.gz >out 2>err
	check "$name: data after gzip: exit 2, named" $? 2 err \
	    "$name: tail.gz: data after the end of the gzip stream, at byte $size; not read"
	posts 400 | gzip >whole.gz
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
	prog=$bindir/$4
	shift 4
	d=$tmp/$name-options
	mkdir -p "$d" && cd "$d" || return
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
	cd "$tmp" || exit 2
}

# N posts with ids 0 to N-1.
posts() {
	awk -v n="$1" -v p="$post" 'BEGIN {
		for (i = 0; i < n; i++) {
			q = p
			sub(/"id":"1"/, "\"id\":\"" i "\"", q)
			print q
		}
	}'
}

# One record per line with good records around the bad one.
good2='{"id":"3","platform":"x","created_at":"2026-11-17T09:02:11Z","text":"thanks","author":{"handle":"bob"}}'
bad_head='{"id":"2","platform":"x","created_at":"2026-11-17T08:30:00Z",'

# The input of a record class: a good record, the bad line (printf
# FORMAT ARG...), a good record.  The bad line also goes to want.rej.
mkinput() {
	f=$1
	shift
	# shellcheck disable=SC2059
	printf "$@" >want.rej
	printf '\n' >>want.rej
	{ echo "$post"; cat want.rej; echo "$good2"; } >"$f"
}

# records NAME KIND MUST CMD...: run over in.ndjson; MUST 1: the bad line
# must be rejected; 0: it may pass through instead.  Then: exit 0 or 1;
# on 1 every message is "prog: in.ndjson:2: why" and the rejects file holds
# the bad line exactly; nothing lost: written + rejected = read.
records() {
	rname=$1 rkind=$2 must=$3 what=$4
	shift 4
	rm -f rej.ndjson
	"$@" --rejects rej.ndjson in.ndjson >out 2>err
	rc=$?
	if [ $rc -ne 1 ] && { [ "$must" -eq 1 ] || [ $rc -ne 0 ]; }; then
		notok "$rname: $what: exit $rc" "$(head -c 300 err)"
		return
	fi
	if [ $rc -eq 1 ]; then
		if grep -Evq "^$rname: in\.ndjson:2: [^ ].*\$" err ||
		    [ "$(wc -l <err)" -ne 1 ]; then
			notok "$rname: $what: message form" "$(head -c 300 err)"
			return
		fi
		if ! cmp -s rej.ndjson want.rej; then
			notok "$rname: $what: the rejects file holds the line" \
			    "$(wc -c <rej.ndjson 2>/dev/null) bytes, want $(wc -c <want.rej)"
			return
		fi
	elif [ -s err ] || [ -s rej.ndjson ]; then
		notok "$rname: $what: passed, but said something" "$(head -c 300 err)"
		return
	fi
	if [ "$rkind" = filter ]; then
		kept=$(wc -l <out)
		lost=$((3 - kept - (rc == 1)))
		if [ $lost -ne 0 ]; then
			notok "$rname: $what: nothing lost" "$kept written, exit $rc"
			return
		fi
	fi
	ok "$rname: $what: exit $rc, $(if [ $rc -eq 1 ]; then echo rejected; else echo passed; fi), nothing lost"
}

class_records() {
	name=$1 kind=$2
	shift 3
	d=$tmp/$name-records
	mkdir -p "$d" && cd "$d" || return
	mkinput in.ndjson '%s' '{"id":"2",'
	records "$name" "$kind" 1 "malformed JSON" "$@"
	mkinput in.ndjson '%s' '[1,2]'
	records "$name" "$kind" 1 "an array" "$@"
	mkinput in.ndjson '%s"text":"a\000b","author":{"handle":"c"}}' "$bad_head"
	records "$name" "$kind" 1 "a NUL byte" "$@"
	mkinput in.ndjson '%s"text":"\377\376 bad","author":{"handle":"c"}}' "$bad_head"
	records "$name" "$kind" 1 "invalid UTF-8" "$@"
	mkinput in.ndjson '%s"text":"a\\ud800b","author":{"handle":"c"}}' "$bad_head"
	records "$name" "$kind" 1 "a lone surrogate" "$@"
	mkinput in.ndjson '%s"text":"x","n":123456789012345678901234567890,"author":{"handle":"c"}}' "$bad_head"
	records "$name" "$kind" 1 "a huge integer" "$@"
	mkinput in.ndjson '%s"text":"x","n":1e400,"author":{"handle":"c"}}' "$bad_head"
	records "$name" "$kind" 1 "a huge real" "$@"
	mkinput in.ndjson '{"id":"2","platform":"x","created_at":5,"text":["x"],"author":"c"}'
	records "$name" "$kind" 0 "wrong types" "$@"
	deep=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]" }')
	mkinput in.ndjson '%s"text":"x","d":%s,"author":{"handle":"c"}}' "$bad_head" "$deep"
	records "$name" "$kind" 1 "deep nesting" "$@"
	# A 20 MB line, over the 16 MiB default --max-line.
	{
		printf '%s"text":"' "$bad_head"
		head -c 20000000 /dev/zero | tr '\0' a
		printf '"}\n'
	} >want.rej
	{ echo "$post"; cat want.rej; echo "$good2"; } >in.ndjson
	records "$name" "$kind" 1 "a 20 MB line" "$@"
	rm -f in.ndjson want.rej rej.ndjson out
	cd "$tmp" || exit 2
}

# Output that cannot be written: a full disk, a closed pipe, a read-only
# directory for -o and for --rejects.
class_output() {
	name=$1
	shift 3
	d=$tmp/$name-output
	mkdir -p "$d" && cd "$d" || return
	echo "$post" >in.ndjson
	"$@" in.ndjson >/dev/full 2>err
	checkre "$name: >/dev/full: exit 2" $? 2 err \
	    "^$name: <stdout>: write error: No space left on device\$"
	"$@" -o /dev/full in.ndjson 2>err
	checkre "$name: -o /dev/full: exit 2" $? 2 err \
	    "^$name: /dev/full: write error: No space left on device\$"
	posts 3000 >many.ndjson
	rc=$( { "$@" many.ndjson 2>err; echo $? >rc; } | head -c 10 >/dev/null; cat rc)
	if { [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; } && [ ! -s err ]; then
		ok "$name: a closed pipe ends it quietly (exit $rc)"
	else
		notok "$name: a closed pipe ends it quietly" "exit $rc" "$(head -c 300 err)"
	fi
	mkdir -p ro
	chmod 555 ro
	if [ "$(id -u)" -eq 0 ]; then
		ok "$name: read-only directory # SKIP root writes anywhere"
		ok "$name: read-only directory for --rejects # SKIP root"
	else
		"$@" -o ro/out.ndjson in.ndjson 2>err
		check "$name: -o in a read-only directory: exit 2" $? 2 err \
		    "$name: ro/out.ndjson: Permission denied"
		"$@" --rejects ro/rej.ndjson in.ndjson >/dev/null 2>err
		check "$name: --rejects in a read-only directory: exit 2" $? 2 \
		    err "$name: ro/rej.ndjson: Permission denied"
	fi
	chmod 755 ro
	cd "$tmp" || exit 2
}

# A state file locked by another run: 75, the file named, nothing written.
class_lock() {
	name=$1 lockopt=$3
	shift 3
	if [ "$lockopt" = - ]; then
		ok "$name: lock contention # SKIP no locked state"
		return
	fi
	d=$tmp/$name-lock
	mkdir -p "$d" && cd "$d" || return
	echo "$post" >in.ndjson
	# The holder is the process with the lock's fd: killing it frees it.
	(exec 9>st.json.lock && flock -n 9 && exec sleep 30) &
	holder=$!
	i=0
	while [ ! -e st.json.lock ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2
	"$@" "$lockopt" st.json -o out in.ndjson 2>err
	rc=$?
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	check "$name: $lockopt locked by another run: exit 75" $rc 75 err \
	    "$name: st.json: locked by another run"
	if [ -s out ]; then
		notok "$name: nothing written while locked" "$(wc -c <out) bytes"
	else
		ok "$name: nothing written while locked"
	fi
	cd "$tmp" || exit 2
}

classes="output_is_input gzip options records output lock"

for class in $classes; do
	echo "$programs" | while IFS='	' read -r name kind lockopt cmd; do
		[ -n "$name" ] || continue
		# shellcheck disable=SC2086
		class_$class "$name" "$kind" "$lockopt" $cmd
		echo "$n $fail" >"$tmp/count"
	done
	read -r n fail <"$tmp/count"
done
echo "1..$n"
echo "# $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
