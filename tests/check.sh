#!/bin/sh
# check.sh BUILD SANBUILD - every test suite of sc, as make check runs it.
#
# Each suite prints TAP; this script shows it, counts "ok" and "not ok"
# lines (a suite that dies without a line counts as one failure) and ends
# with "N passed, N failed".  The exit status is 0 only when none failed.
# Each suite's time in seconds follows its name.  SC_CHECK_ONLY=PATTERN
# (a shell pattern) runs only the suites whose names match: make
# check-cluster runs SC_CHECK_ONLY='cluster:*'.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
build=${1:-build}
san=${2:-}
log=$(mktemp "${TMPDIR:-/tmp}/sc-check.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT INT TERM
passed=0
failed=0

suite() {
	name=$1
	shift
	# shellcheck disable=SC2254
	case $name in ${SC_CHECK_ONLY:-*}) ;; *) return 0 ;; esac
	t0=$(date +%s)
	"$@" >"$log" 2>&1
	rc=$?
	echo "# $name ($(($(date +%s) - t0)) s)"
	sed 's/^/    /' "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "    not ok - $name exited $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

units() {
	rc=0
	for t in "$1"/tests/test-*; do
		[ -x "$t" ] || continue
		echo "# $(basename "$t")"
		"$t" || rc=1
	done
	return $rc
}

suite "unit tests" units "$build"
suite "end-to-end cases" sh tests/run-cases.sh "$build/bin"
suite "hostile input" sh tests/hostile.sh "$build/bin"
suite "valgrind memcheck: a subset of the cases" sh tests/valgrind.sh \
    "$build/bin"
suite "man pages: mandoc -Tlint" sh tests/man-lint.sh
suite "man pages: EXAMPLES" sh tests/man-examples.sh "$build/bin"
[ -f tests/gen-posts.sh ] && suite "sample generator" sh tests/gen-posts.sh
suite "install and demo" sh tests/install.sh "$build"
suite "fuzz harnesses: seed corpora" sh tests/fuzz-replay.sh
suite "cluster: GNU parallel over ssh" sh tests/cluster-ssh.sh "$build/bin"
suite "cluster: Slurm array job and merge" sh tests/cluster-slurm.sh "$build/bin"
suite "PostgreSQL: sc-pg-load and the SQL of sc(7)" sh tests/postgres.sh "$build/bin"
# Counted once sc-report writes HTML: until then the harness checks only
# its own fixtures, which make check-html (SC_CHECK_HTML=1) runs.
if [ -n "${SC_CHECK_HTML:-}" ] ||
    "$build/bin/sc-report" --help 2>&1 | grep -q 'html'; then
	suite "html: sc-report's HTML in headless Chromium" sh tests/html.sh \
	    "$build/bin"
fi
if [ -n "$san" ]; then
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
	suite "unit tests (ASan+UBSan)" units "$san"
	suite "end-to-end cases (ASan+UBSan)" sh tests/run-cases.sh "$san/bin"
	suite "man pages: EXAMPLES (ASan+UBSan)" sh tests/man-examples.sh \
	    "$san/bin"
	suite "hostile input (ASan+UBSan)" sh tests/hostile.sh "$san/bin"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
