#!/bin/sh
# bench/route.sh [BINDIR [CLASSIFIED]] - sc-route against jq doing the same work: the 14
# first-match rules of route-rules.json with SLA due times, written in jq
# in route.jq, on the same classified posts, in the same run.  Checks first
# that both give the same routes on the first 20000 posts.  Prints the best
# of BENCH_REPEAT (3) wall-clock times and the ratio (jq / sc-route; the
# goal of issue 9 is at least 3).
#
# CLASSIFIED is a file of classified posts to use (run.sh passes the one it
# made); without it the BENCH_N generated posts are classified here.
#
# BENCH_N         posts (default 1000000; cached in build/bench)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
bindir=$(cd "${1:-$top/build/bin}" && pwd)
n=${BENCH_N:-1000000}
repeat=${BENCH_REPEAT:-3}
dir=$top/build/bench
prog=route.sh
for t in python3 jq; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "$prog: $t not found: bench skipped" >&2
		exit 0
	fi
done
mkdir -p "$dir"
in=$dir/posts-$n.ndjson
if [ $# -lt 2 ] && [ ! -s "$in" ]; then
	echo "generating $n posts into $in" >&2
	python3 "$top/scripts/gen-posts" "$n" | jq -c 'del(.gen)' >"$in.tmp"
	mv "$in.tmp" "$in"
fi
cl=${2:-$dir/classified-$n.ndjson}
if [ $# -lt 2 ] && { [ ! -s "$cl" ] || [ "$cl" -ot "$in" ]; }; then
	"$bindir/sc-classify" "$in" >"$cl.tmp"
	mv "$cl.tmp" "$cl"
fi
rules=$here/route-rules.json
sc="'$bindir/sc-route' -r '$rules' '$cl'"
jqc="jq -c -f '$here/route.jq' '$cl'"

head -n 20000 "$cl" >"$dir/route-check.ndjson"
"$bindir/sc-route" -r "$rules" "$dir/route-check.ndjson" | jq -c .route \
    >"$dir/route-sc.txt"
jq -c -f "$here/route.jq" "$dir/route-check.ndjson" | jq -c .route \
    >"$dir/route-jq.txt"
if ! cmp -s "$dir/route-sc.txt" "$dir/route-jq.txt"; then
	echo "$prog: sc-route and route.jq disagree:" >&2
	diff "$dir/route-sc.txt" "$dir/route-jq.txt" | head -5 >&2
	exit 1
fi

best() {
	b=
	i=0
	while [ "$i" -lt "$repeat" ]; do
		i=$((i + 1))
		s=$(date +%s.%N)
		sh -c "$1" >/dev/null
		e=$(date +%s.%N)
		t=$(awk "BEGIN{print $e - $s}")
		if [ -z "$b" ] || [ "$(awk "BEGIN{print ($t < $b)}")" = 1 ]; then
			b=$t
		fi
	done
	echo "$b"
}
posts=$(wc -l <"$cl")
ts=$(best "$sc")
tj=$(best "$jqc")
awk -v ts="$ts" -v tj="$tj" -v c="$posts" 'BEGIN {
	printf "%-34s sc %7.2fs  jq %7.2fs  ratio %5.2fx  (%.0f posts/s; goal 3x)\n",
	    "sc-route 14 rules + SLA vs jq", ts, tj, tj / ts, c / ts }'
