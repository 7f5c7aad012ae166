#!/bin/sh
# bench/report.sh BINDIR - sc-report's goals (issue 12), in one run:
#
#  speed:  sc-report against jq -s doing the same pairing (report-pair.jq,
#          sort-based) on the same BENCH_N (1000000) generated posts, best
#          of BENCH_REPEAT (3) wall-clock runs each; goal >= 5x.  Both must
#          give the same inbound, answered, rate, median, p90, p95, mean.
#  memory: peak RSS (GNU time %M) of both on BENCH_N posts spanning four
#          months (gen-posts --days 120), in time order; goal: sc-report at
#          most 1/100 of jq's.
#
#	sh tests/bench/report.sh build/bin
#	BENCH_N=100000 BENCH_REPEAT=1 sh tests/bench/report.sh build/bin   # quick
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=$(cd "$1" && pwd)
n=${BENCH_N:-1000000}
rep=${BENCH_REPEAT:-3}
dir=$top/build/bench
mkdir -p "$dir"
week=$dir/posts-$n.ndjson
months=$dir/posts-$n-120d.ndjson
if [ ! -s "$week" ]; then
	echo "generating $n posts into $week" >&2
	python3 "$top/scripts/gen-posts" "$n" | jq -c 'del(.gen)' >"$week.tmp"
	mv "$week.tmp" "$week"
fi
if [ ! -s "$months" ]; then
	echo "generating $n posts over 120 days into $months" >&2
	python3 "$top/scripts/gen-posts" --days 120 "$n" | jq -c 'del(.gen)' \
	    >"$months.tmp"
	mv "$months.tmp" "$months"
fi
pairjq=$top/tests/bench/report-pair.jq
now=2030-01-01T00:00:00Z
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-bench-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# best wall-clock seconds of $rep runs; the output of the last in $2
best() {
	b=
	i=0
	while [ $i -lt "$rep" ]; do
		s=$(date +%s.%N)
		sh -c "$1" >"$2"
		e=$(date +%s.%N)
		t=$(awk "BEGIN { print $e - $s }")
		if [ -z "$b" ] || [ "$(awk "BEGIN { print ($t < $b) }")" = 1 ]; then
			b=$t
		fi
		i=$((i + 1))
	done
	echo "$b"
}
peak() {	# peak RSS in KB of a command, its output discarded
	/usr/bin/time -f %M -o "$tmp/rss" sh -c "$1" >/dev/null
	cat "$tmp/rss"
}

sc_cmd="'$bindir/sc-report' --now $now '$week'"
jq_cmd="jq -c -s -f '$pairjq' '$week'"
ts=$(best "$sc_cmd" "$tmp/sc.out")
tj=$(best "$jq_cmd" "$tmp/jq.out")
keys='[.inbound, .answered, .response_rate, .frt_median_s, .frt_p90_s, .frt_p95_s, .frt_mean_s]'
a=$(jq -c "$keys" "$tmp/sc.out")
b=$(jq -c "$keys" "$tmp/jq.out")
same=yes
[ "$a" = "$b" ] || same="NO: sc $a, jq $b"

rs=$(peak "'$bindir/sc-report' --now $now '$months'")
rj=$(peak "jq -c -s -f '$pairjq' '$months'")

echo "sc-report goals (issue 12), $n posts, $(jq --version), best of $rep"
echo "  commands: $sc_cmd"
echo "            $jq_cmd"
awk -v ts="$ts" -v tj="$tj" -v n="$n" -v same="$same" 'BEGIN {
	r = tj / ts
	printf "  speed, one week:     sc %7.2fs  jq %7.2fs  ratio %5.1fx  goal >= 5x: %s\n",
	    ts, tj, r, (r >= 5 ? "met" : "NOT MET")
	printf "  same figures as jq:  %s\n", same }'
awk -v rs="$rs" -v rj="$rj" 'BEGIN {
	r = rj / rs
	printf "  peak RSS, 120 days:  sc %7.1f MB  jq %7.1f MB  1/%.0f  goal <= 1/100: %s\n",
	    rs / 1024, rj / 1024, r, (r >= 100 ? "met" : "NOT MET") }'
[ "$same" = yes ]
