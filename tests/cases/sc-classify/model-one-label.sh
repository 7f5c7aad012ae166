# One label is nothing to learn (exit 2, no model); no label either.
set -eu
t=$SC_TMP/model-one-label
mkdir -p "$t"
rm -f "$t/m.model"
rc=0
grep '"positive"' model-data/train.ndjson |
    sc-classify --train "$t/m.model" --target gold.sentiment \
    2>"$t/err" || rc=$?
[ "$rc" -eq 2 ]
[ ! -e "$t/m.model" ]
echo 'sc-classify: --train: every record has the label "positive": a model needs two or more' |
    diff -u - "$t/err"
rc=0
sc-classify --train "$t/m.model" --target no.such </dev/null \
    2>"$t/err" || rc=$?
[ "$rc" -eq 2 ]
[ ! -e "$t/m.model" ]
echo 'sc-classify: --train: no labelled records: nothing to learn from' |
    diff -u - "$t/err"
