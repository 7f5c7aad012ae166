# The same records and seed give the same bytes (--seed 1 and --runs 5
# are the defaults; gzip input is the same input); another seed another
# order, another number of runs another mean.
set -eu
t=$SC_TMP/model-determinism
mkdir -p "$t"
in=model-data/train.ndjson
sc-classify --train "$t/a.model" --target gold.sentiment "$in"
sc-classify --train "$t/b.model" --target gold.sentiment --seed 1 "$in"
gzip -c "$in" >"$t/in.gz"
sc-classify --train "$t/c.model" --target gold.sentiment <"$t/in.gz"
cmp "$t/a.model" "$t/b.model"
cmp "$t/a.model" "$t/c.model"
sc-classify --train "$t/d.model" --target gold.sentiment --seed 2 "$in"
! cmp -s "$t/a.model" "$t/d.model"
sc-classify --train "$t/e.model" --target gold.sentiment --epochs 6 "$in"
! cmp -s "$t/a.model" "$t/e.model"
sc-classify --train "$t/f.model" --target gold.sentiment --runs 5 "$in"
cmp "$t/a.model" "$t/f.model"
sc-classify --train "$t/g.model" --target gold.sentiment --runs 1 "$in"
! cmp -s "$t/a.model" "$t/g.model"
sc-classify --train "$t/h.model" --target gold.sentiment --runs 1 "$in"
cmp "$t/g.model" "$t/h.model"
# the file says what it is once gunzipped
gzip -dc "$t/a.model" | head -13 >"$t/head"
cat >"$t/want" <<'END'
sc-model 1
target "gold.sentiment"
labels 3
label "negative"
label "neutral"
label "positive"
hash 20
features words:1-2 chars:1-4 l2:blocks context builtin-1 builtin-1:context
records 63
epochs 5
seed 1
runs 5
END
head -12 "$t/head" | diff -u "$t/want" -
# one run is the model of old, and says nothing of runs
gzip -dc "$t/g.model" | sed -n 12p | grep -q '^rows '

# --plain: the text's n-grams alone, without the context
sc-classify --train "$t/p.model" --target gold.sentiment --plain "$in"
gzip -dc "$t/p.model" | sed -n 8p | grep -qx 'features words:1-2 chars:1-4 l2:blocks'
