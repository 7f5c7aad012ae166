#!/bin/sh
# run-cases.sh BINDIR [TOOL ...] - the file-based end-to-end cases.
#
# A case is tests/cases/TOOL/NAME.args (one line of shell words, evaluated
# in the case's folder) with optional NAME.in (standard input, else
# /dev/null), NAME.out (expected standard output), NAME.err (expected
# standard error) and NAME.rc (expected exit status, else 0).  A case may
# instead be NAME.sh, a script run with sh in the case's folder that exits
# 0 when it passes.  Prints TAP; a failure shows the diff.  SC_CASES, when
# set, is a list of shell patterns of TOOL/NAME: only those cases run.
set -u
bindir=$(cd "$1" && pwd) || exit 2
shift
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-cases.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/cap"

PATH=$bindir:$PATH
HOME=$tmp/home
TZ=UTC
LC_ALL=C.UTF-8
SC_TOP=$top
SC_CACHE=$tmp
export PATH HOME TZ LC_ALL SC_TOP SC_CACHE
unset SC_CONFIG SC_DATADIR

n=0
fail=0
# selected TOOL/NAME: is the case in SC_CASES (or SC_CASES unset)?
selected() {
	[ -n "${SC_CASES:-}" ] || return 0
	(
		set -f
		for p in $SC_CASES; do
			# shellcheck disable=SC2254
			case $1 in $p) exit 0 ;; esac
		done
		exit 1
	)
}
if [ $# -eq 0 ]; then
	set -- $(cd "$top/tests/cases" && ls)
fi
for tool; do
	dir=$top/tests/cases/$tool
	[ -d "$dir" ] || continue
	for c in $(cd "$dir" && ls | sed -n 's/\.\(args\|sh\)$//p' | sort -u); do
		selected "$tool/$c" || continue
		n=$((n + 1))
		# Each case gets a fresh scratch folder; what the harness
		# captures lives apart from it.
		out=$tmp/cap/out err=$tmp/cap/err
		SC_TMP=$tmp/case-$n
		mkdir -p "$SC_TMP"
		export SC_TMP
		if [ -f "$dir/$c.sh" ]; then
			(cd "$dir" && sh "./$c.sh") >"$out" 2>"$err"
			rc=$?
			if [ $rc -eq 0 ]; then
				echo "ok $n - $tool/$c"
			else
				echo "not ok $n - $tool/$c (exit $rc)"
				sed 's/^/#   /' "$out" "$err" | head -60
				fail=$((fail + 1))
			fi
			continue
		fi
		in=/dev/null
		[ -f "$dir/$c.in" ] && in=$dir/$c.in
		args=$(cat "$dir/$c.args")
		(cd "$dir" && eval "set -- $args" && exec "$tool" "$@") \
		    <"$in" >"$out" 2>"$err"
		rc=$?
		want=0
		[ -f "$dir/$c.rc" ] && want=$(cat "$dir/$c.rc")
		bad=
		[ "$rc" -eq "$want" ] || bad="exit $rc, want $want"
		if [ -f "$dir/$c.out" ] && ! cmp -s "$dir/$c.out" "$out"; then
			bad="$bad${bad:+; }stdout differs"
		fi
		if [ -f "$dir/$c.err" ] && ! cmp -s "$dir/$c.err" "$err"; then
			bad="$bad${bad:+; }stderr differs"
		fi
		if [ -z "$bad" ]; then
			echo "ok $n - $tool/$c"
			continue
		fi
		echo "not ok $n - $tool/$c: $bad"
		fail=$((fail + 1))
		[ -f "$dir/$c.out" ] && diff -u "$dir/$c.out" "$out" |
		    sed 's/^/#   /' | head -40
		[ -f "$dir/$c.err" ] && diff -u "$dir/$c.err" "$err" |
		    sed 's/^/#   /' | head -20
		[ -f "$dir/$c.err" ] || sed 's/^/#   stderr: /' "$err" | head -10
	done
done
echo "1..$n"
[ "$fail" -eq 0 ]
