#!/bin/sh
# bench/classify-trained.sh [BINDIR] - models trained with sc-classify
# --train on each shared sentiment set, scored by sc-classify --eval on the
# set's dev part; training time and model size.  Prints one table.
#
# Split as in eval.py (classify.sh): the record on 0-based line L of the
# set's train.ndjson is dev when L % 5 == 0, training otherwise.  Sets are
# scored with their labels mapped to negative/neutral/positive (rows
# without such a label left out, as classify.sh does) and, where the set
# has more labels, with all of them ("native").  Per-label tables go to
# build/bench/classify-trained.txt.
#
# The data are read from ../shared/data beside the repository
# ($SC_BENCH_DATA overrides); their licences allow benchmarking only, so
# the sets and models built from them live in a scratch directory removed
# on exit.  Without the data the script says so and exits 0.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd)
sc=$bindir/sc-classify
data=${SC_BENCH_DATA:-$top/../shared/data}
prog=classify-trained.sh

if [ ! -x "$sc" ]; then
	echo "$prog: $sc: not built" >&2
	exit 2
fi
if ! command -v jq >/dev/null 2>&1; then
	echo "$prog: jq not found: skipped" >&2
	exit 0
fi
if [ ! -d "$data" ]; then
	echo "$prog: $data: no benchmark data: skipped" >&2
	exit 0
fi
mkdir -p "$top/build/bench"
details=$top/build/bench/classify-trained.txt
: >"$details"
work=$(mktemp -d "${TMPDIR:-/tmp}/sc-trained.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# split NAME FILE JQ: FILE's records through JQ (which yields
# {text, gold: {sentiment}} or null, one result per line) into
# NAME.train and NAME.dev by line number
split() {
	jq -c "$3" "$2" | awk -v t="$work/$1.train" -v d="$work/$1.dev" '
	    $0 == "null" { next }
	    (NR - 1) % 5 == 0 { print > d; next }
	    { print > t }'
}

now() {
	date +%s.%N
}

printf '%-26s %6s %6s %6s %7s %7s %8s %8s\n' set labels train dev \
    "train s" "model" accuracy macro-F1
row() {
	name=$1
	if [ ! -s "$work/$name.train" ]; then
		printf '%-26s (no data)\n' "$name"
		return 0
	fi
	s=$(now)
	"$sc" --train "$work/m" --target gold.sentiment "$work/$name.train"
	e=$(now)
	"$sc" --model "$work/m" --as trained "$work/$name.dev" \
	    >"$work/$name.out"
	"$sc" --eval gold.sentiment --field trained --format ndjson \
	    "$work/$name.out" >"$work/$name.eval"
	{
		echo "== $name"
		"$sc" --eval gold.sentiment --field trained "$work/$name.out"
		echo
	} >>"$details"
	jq -r --arg n "$name" --arg s "$s" --arg e "$e" \
	    --arg kb "$(($(wc -c <"$work/m") / 1024))" \
	    --arg tr "$(wc -l <"$work/$name.train")" '
	    [$n, (.labels | length), $tr, .records,
	     (($e | tonumber) - ($s | tonumber)), ($kb + "K"), .accuracy,
	     .macro_f1] |
	    "\(.[0]) \(.[1]) \(.[2]) \(.[3]) \(.[4]) \(.[5]) \(.[6]) \(.[7])"' \
	    "$work/$name.eval" |
	    awk '{ printf "%-26s %6d %6d %6d %7.2f %7s %8.3f %8.3f\n",
	        $1, $2, $3, $4, $5, $6, $7, $8 }'
}

three='if . == "negative" or . == "neutral" or . == "positive" then .
    else null end'
d=$data
[ -f "$d/airline-sentiment/train.ndjson" ] &&
    split en-airline "$d/airline-sentiment/train.ndjson" \
    '{text, gold: {sentiment: .airline_sentiment}}'
[ -f "$d/zh-waimai10k/train.ndjson" ] &&
    split zh-waimai "$d/zh-waimai10k/train.ndjson" \
    '{text: .review, gold: {sentiment: (if .label == "1" then "positive"
    else "negative" end)}}'
[ -f "$d/zh-chnsenticorp-htl/train.ndjson" ] &&
    split zh-htl "$d/zh-chnsenticorp-htl/train.ndjson" \
    '{text: .review, gold: {sentiment: (if .label == "1" then "positive"
    else "negative" end)}}'
if [ -f "$d/ru-rusentitweet/train.ndjson" ]; then
	split ru-rusentitweet "$d/ru-rusentitweet/train.ndjson" \
	    "(.label | $three) as \$l | if \$l then {text, gold:
	    {sentiment: \$l}} else null end"
	split ru-rusentitweet-native "$d/ru-rusentitweet/train.ndjson" \
	    '{text, gold: {sentiment: .label}}'
fi
if [ -f "$d/pl-polemo2-medicine/train.ndjson" ]; then
	split pl-polemo "$d/pl-polemo2-medicine/train.ndjson" \
	    '({z_minus_m: "negative", z_zero: "neutral", z_plus_m:
	    "positive"}[.label]) as $l | if $l then {text, gold:
	    {sentiment: $l}} else null end'
	split pl-polemo-native "$d/pl-polemo2-medicine/train.ndjson" \
	    '{text, gold: {sentiment: .label}}'
fi
[ -f "$d/de-germeval2017/train.ndjson" ] &&
    split de-germeval "$d/de-germeval2017/train.ndjson" \
    "(.sentiment | $three) as \$l | if \$l then {text, gold:
    {sentiment: \$l}} else null end"
for l in es:spanish fr:french; do
	[ -f "$d/umsab-tweets/train.ndjson" ] || break
	split "${l%%:*}-umsab" "$d/umsab-tweets/train.ndjson" \
	    "if .lang == \"${l#*:}\" then {text, gold: {sentiment:
	    (.label_name | $three)}} else null end"
done

for s in en-airline zh-waimai zh-htl ru-rusentitweet \
    ru-rusentitweet-native pl-polemo pl-polemo-native de-germeval es-umsab \
    fr-umsab; do
	row "$s"
done

# Speed: the first 15,000 training-part posts of UMSAB (8 languages), as
# classify.sh times them, and the whole airline training part.
if [ -f "$d/umsab-tweets/train.ndjson" ]; then
	jq -c '{text, gold: {sentiment: .label_name}}' \
	    "$d/umsab-tweets/train.ndjson" |
	    awk '(NR - 1) % 5 != 0' | head -n 15000 >"$work/speed"
	s=$(now)
	"$sc" --train "$work/m" --target gold.sentiment "$work/speed"
	e=$(now)
	awk -v s="$s" -v e="$e" -v n="$(wc -l <"$work/speed")" 'BEGIN {
	    printf "training on %d UMSAB posts: %.2f s (goal < 10 s)\n",
	    n, e - s }'
fi
echo "per-label figures: $details"
