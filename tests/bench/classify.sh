#!/bin/sh
# bench/classify.sh [BINDIR] - how well and how fast sc-classify's built-in
# model does, against the anchors named in its goals, in one run:
# sentiment (VADER and AFINN on the English airline tweets, and zh, ru, pl,
# de, es, fr sets), trained models on each set's dev part (scikit-learn's
# logistic regression beside the airline one, reference.py), language ID on a
# mixed set of short posts (franc and fastText lid.176), throughput and peak
# RSS against jq on the same generated file.  Prints one table.  See
# tests/bench/README.
#
# The labelled data are read from ../shared/data beside the repository
# ($SC_BENCH_DATA overrides); their licences allow benchmarking only, so
# everything built from them lives in a scratch directory removed on exit.
# Without the data, without node and the anchors' npm packages, or without
# scikit-learn, those parts are skipped with a note and the rest still runs.
#
# BENCH_N         posts in the speed file (default 1000000; cached in build/bench)
# BENCH_REPEAT    timed runs per program, the best kept (default 3)
# BENCH_LANG_N    posts per language in the language-ID set (default 500)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
bindir=$(cd "${1:-$top/build/bin}" && pwd)
sc=$bindir/sc-classify
data=${SC_BENCH_DATA:-$top/../shared/data}
n=${BENCH_N:-1000000}
repeat=${BENCH_REPEAT:-3}
langn=${BENCH_LANG_N:-500}
out=$top/build/bench
prog=classify.sh

if [ ! -x "$sc" ]; then
	echo "$prog: $sc: not built (make build/bin/sc-classify)" >&2
	exit 2
fi
for t in python3 jq; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "$prog: $t not found: bench skipped" >&2
		exit 0
	fi
done
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/sc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
facts=$work/facts.txt
: >"$facts"
notes=0

fact() {
	echo "$1=$2" >>"$facts"
}

note() {
	notes=$((notes + 1))
	fact "$(printf 'note%02d' "$notes")" "$1"
	echo "$prog: $1" >&2
}

# timed CMD...: run it with stdout discarded; sets secs and kb (peak RSS,
# empty without GNU time) and returns its status
timed() {
	if [ -n "$gnutime" ]; then
		st=0
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null \
		    2>>"$work/stderr" || st=$?
		secs=$(tail -n 1 "$work/time" | cut -d' ' -f1)
		kb=$(tail -n 1 "$work/time" | cut -d' ' -f2)
	else
		s=$(date +%s.%N)
		st=0
		"$@" >/dev/null 2>>"$work/stderr" || st=$?
		e=$(date +%s.%N)
		secs=$(awk "BEGIN { print $e - $s }")
		kb=
	fi
	return "$st"
}

# best CMD...: best of $repeat runs; sets secs (least) and kb (most)
best() {
	bs='' bk=''
	i=0
	while [ "$i" -lt "$repeat" ]; do
		timed "$@" || note "$1 exited $st in the speed test"
		if [ -z "$bs" ] || [ "$(awk "BEGIN { print ($secs < $bs) }")" = 1 ]
		then
			bs=$secs
		fi
		if [ -n "$kb" ] && { [ -z "$bk" ] || [ "$kb" -gt "$bk" ]; }; then
			bk=$kb
		fi
		i=$((i + 1))
	done
	secs=$bs kb=$bk
}

. "$here/refpy.sh"

gnutime=
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	gnutime=1
else
	note "no GNU time in /usr/bin/time: peak RSS not measured"
fi

# --- anchors: node and the packages of tests/bench/anchors
anchors=
probe() {
	node "$here/anchors/anchors.mjs" sentiment </dev/null >/dev/null \
	    2>&1 && node "$here/anchors/anchors.mjs" lang </dev/null \
	    >/dev/null 2>&1
}
if ! command -v node >/dev/null 2>&1; then
	fact anchors "n/a (no node)"
	note "anchors skipped: node not found"
elif probe; then
	anchors=1
elif command -v npm >/dev/null 2>&1 &&
    echo "$prog: installing the anchors: npm ci --prefix tests/bench/anchors" >&2 &&
    npm ci --prefix "$here/anchors" --no-audit --no-fund >"$work/npm.log" 2>&1 &&
    probe; then
	anchors=1
else
	fact anchors "n/a (npm packages)"
	note "anchors skipped: npm ci --prefix tests/bench/anchors failed or no npm"
fi

# --- quality, on the shared data
if [ ! -d "$data" ]; then
	note "no $data: sentiment and language figures skipped"
else
	data=$(cd "$data" && pwd)
	sets=$(python3 "$here/eval.py" sets "$data" "$work")
	python3 "$here/langid-set.py" "$data" "$work/lang.ndjson" "$langn"

	classify() {
		st=0
		"$sc" "$@" 2>>"$work/stderr" || st=$?
		[ "$st" -eq 0 ] ||
		    note "sc-classify $(echo "$*" | sed "s|$work/||g") exited $st"
	}
	for s in $sets; do
		classify "$work/$s.all.ndjson" >"$work/$s.builtin.ndjson"
	done
	classify "$work/lang.ndjson" >"$work/lang.builtin.ndjson"
	if [ -n "$anchors" ]; then
		if [ -s "$work/en-airline.all.ndjson" ]; then
			node "$here/anchors/anchors.mjs" sentiment \
			    <"$work/en-airline.all.ndjson" \
			    >"$work/en-airline.anchors.ndjson"
		fi
		node "$here/anchors/anchors.mjs" lang <"$work/lang.ndjson" \
		    >"$work/lang.anchors.ndjson"
	fi

	# trained models: learn from each set's training part, predict
	# its dev part; the models stay in the scratch directory
	if "$sc" --help 2>/dev/null | grep -q -e '--train'; then
		for s in $sets; do
			m=$work/$s.model
			if timed "$sc" --train "$m" --target gold.sentiment \
			    "$work/$s.train.ndjson"; then
				classify --model "$m" "$work/$s.dev.ndjson" \
				    >"$work/$s.trained.ndjson"
			else
				note "sc-classify --train on $s exited $st"
			fi
		done
		# the reference learner on the same split (reference.py)
		if [ -z "$refpy" ]; then
			note "no scikit-learn (apt-get install\
 python3-sklearn): reference learner skipped"
		elif ! "$refpy" "$here/reference.py" sentiment \
		    "$work/en-airline.train.ndjson" "$work/en-airline.dev.ndjson" \
		    "$work/en-airline.reference.ndjson" 2>>"$work/stderr"; then
			rm -f "$work/en-airline.reference.ndjson"
			note "reference.py on en-airline failed"
		fi
		if [ -s "$work/train15k.ndjson" ]; then
			if timed "$sc" --train "$work/speed.model" \
			    --target gold.sentiment "$work/train15k.ndjson"; then
				fact train_secs "$secs"
				fact train_n "$(wc -l <"$work/train15k.ndjson")"
			else
				note "sc-classify --train on 15k posts exited $st"
			fi
		fi
	else
		fact trained "n/a (no --train)"
		note "sc-classify has no --train yet: trained figures skipped"
	fi
fi

# --- speed, on the file tests/bench/run.sh uses too
in=$out/posts-$n.ndjson
if [ ! -s "$in" ]; then
	echo "$prog: generating $n posts into $in" >&2
	python3 "$top/scripts/gen-posts" "$n" | jq -c 'del(.gen)' >"$in.tmp"
	mv "$in.tmp" "$in"
fi
small_n=$((n / 100))
[ "$small_n" -ge 100 ] || small_n=100
head -n "$small_n" "$in" >"$work/small.ndjson"
fact speed_n "$n"
fact small_n "$small_n"
best "$sc" "$in"
fact sc_secs "$secs"
fact sc_rss "$kb"
best jq -c '.class={}' "$in"
fact jq_secs "$secs"
fact jq_rss "$kb"
best "$sc" "$work/small.ndjson"
fact sc_rss_small "$kb"

echo "sc-classify: $("$sc" --version), $(jq --version), best of $repeat"
python3 "$here/eval.py" report "$work" "$out/classify-details.txt"
