#!/bin/sh
# bench/intent.sh [BINDIR] - sc-classify's intent on real customer tweets
# (issue 10): the built-in rules, their calibrated confidence, trained
# models stacked on them and plain, and the VADER rule, 5-fold
# cross-validated on twcs-sample's intent-dev.ndjson; see intent.py.
#
# The data are read from ../shared/data beside the repository
# ($SC_BENCH_DATA overrides); everything built from them lives in a
# scratch directory removed on exit.  Without the data the run is
# skipped with a note; without node's anchors the VADER row is left out,
# without scikit-learn the reference learner's rows.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/bench
bindir=$(cd "${1:-$top/build/bin}" && pwd)
sc=$bindir/sc-classify
data=${SC_BENCH_DATA:-$top/../shared/data}
prog=intent.sh

if [ ! -f "$data/twcs-sample/intent-dev.ndjson" ]; then
	echo "$prog: no $data/twcs-sample/intent-dev.ndjson: skipped" >&2
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/sc-intent.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

python3 "$here/intent.py" prep "$data" "$work"
"$sc" --scores "$work/intent.ndjson" >"$work/intent.builtin.ndjson"
# The built-in's corpus model alone (classify.h), trained on our own posts.
corpus=$bindir/../share/sc/classify/intent-en.model
if [ -f "$corpus" ]; then
	"$sc" --model "$corpus" --as corpus "$work/intent.ndjson" \
	    >"$work/intent.corpus.ndjson"
fi
if node "$here/anchors/anchors.mjs" sentiment <"$work/intent.ndjson" \
    >"$work/intent.anchors.ndjson" 2>/dev/null; then
	:
else
	rm -f "$work/intent.anchors.ndjson"
	echo "$prog: no node anchors (npm ci --prefix tests/bench/anchors):" \
	    "VADER row left out" >&2
fi
k=0
while [ "$k" -lt 5 ]; do
	for kind in stacked plain; do
		opt=
		[ "$kind" = plain ] && opt=--plain
		"$sc" --train "$work/m" --target gold_intent $opt \
		    "$work/fold-$k.train.ndjson"
		"$sc" --model "$work/m" --as intent_t \
		    "$work/fold-$k.test.ndjson" >"$work/fold-$k.$kind.ndjson"
	done
	k=$((k + 1))
done
# the reference learner on the same folds (reference.py), when there is one
. "$here/refpy.sh"
if [ -z "$refpy" ]; then
	echo "$prog: no scikit-learn (apt-get install python3-sklearn):" \
	    "reference rows left out" >&2
elif ! "$refpy" "$here/reference.py" intent "$work"; then
	rm -f "$work"/fold-*.ref-*.ndjson
	echo "$prog: reference.py failed: reference rows left out" >&2
fi
python3 "$here/intent.py" report "$work"
