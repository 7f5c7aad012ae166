#!/bin/sh
# bench/run.sh BINDIR - throughput of the sc programs against jq doing the
# equivalent work on the same file, in the same run.  Figures are ratios
# (jq's time / sc's time: above 1 means sc is faster); absolute seconds
# mean little on a shared machine.  BENCH_N posts (default 1000000).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=$(cd "$1" && pwd)
n=${BENCH_N:-1000000}
dir=$top/build/bench
mkdir -p "$dir"
in=$dir/posts-$n.ndjson
if [ ! -s "$in" ]; then
	echo "generating $n posts into $in" >&2
	python3 "$top/scripts/gen-posts" "$n" | jq -c 'del(.gen)' >"$in.tmp"
	mv "$in.tmp" "$in"
fi
ex=$top/scripts/examples
"$bindir/sc-classify" "$in" >"$dir/classified.ndjson"

# best of 3 wall-clock seconds of a shell command
best() {
	b=
	for i in 1 2 3; do
		s=$(date +%s.%N)
		sh -c "$1" >/dev/null
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l 2>/dev/null || awk "BEGIN{print $e - $s}")
		if [ -z "$b" ] || [ "$(awk "BEGIN{print ($t < $b)}")" = 1 ]; then
			b=$t
		fi
	done
	echo "$b"
}

row() {
	name=$1 sc=$2 jqcmd=$3
	ts=$(best "$sc")
	tj=$(best "$jqcmd")
	awk -v n="$name" -v ts="$ts" -v tj="$tj" -v c="$n" 'BEGIN {
		printf "%-34s sc %7.2fs  jq %7.2fs  ratio %5.2fx  (%.0f posts/s)\n",
		    n, ts, tj, tj / ts, c / ts }'
}

echo "posts: $n ($(du -h "$in" | cut -f1)), $(jq --version), best of 3"
row "sc-fetch import vs jq -c ." \
    "'$bindir/sc-fetch' import '$in'" "jq -c . '$in'"
row "sc-classify vs jq -c '.class={}'" \
    "'$bindir/sc-classify' '$in'" "jq -c '.class={}' '$in'"
sh "$top/tests/bench/route.sh" "$bindir" "$dir/classified.ndjson"
row "sc-reply vs jq -c '.reply={...}'" \
    "'$bindir/sc-reply' -t '$ex/templates.json' '$dir/classified.ndjson'" \
    "jq -c '.reply={text:(\"Hi \" + (.author.name // \"there\")),status:\"draft\"}' '$dir/classified.ndjson'"
sh "$top/tests/bench/report.sh" "$bindir"
sh "$top/tests/bench/fetch.sh" "$bindir"
sh "$top/tests/bench/classify.sh" "$bindir"
sh "$top/tests/bench/classify-trained.sh" "$bindir"
sh "$top/tests/bench/intent.sh" "$bindir"
sh "$top/tests/bench/reply.sh" "$bindir"
