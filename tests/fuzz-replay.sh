#!/bin/sh
# fuzz-replay.sh - build every fuzz harness (tests/fuzz) with the plain
# driver and the compiler's ASan+UBSan, and run each for a second over its
# seed corpus, the regressions found by fuzzing among them.  TAP.  The long
# runs are "make fuzz".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
log=$(mktemp "${TMPDIR:-/tmp}/sc-fuzz.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT INT TERM
n=0
for f in tests/fuzz/fuzz-*.c; do
	n=$((n + 1))
	name=${f#tests/fuzz/fuzz-}
	name=${name%.c}
	if SC_FUZZ_MODE=driver sh tests/fuzz/run.sh 1 "$name" >"$log" 2>&1
	then
		echo "ok $n - fuzz-$name: $(tail -n 1 "$log")"
	else
		echo "not ok $n - fuzz-$name"
		sed 's/^/#   /' "$log"
	fi
done
echo "1..$n"
