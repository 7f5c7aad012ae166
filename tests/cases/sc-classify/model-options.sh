# The model options that do not go together, and bad values, exit 2 with
# a message saying why, before anything is read.
set -u
t=$SC_TMP/model-options
mkdir -p "$t"
: >"$t/err"
try() {
	rc=0
	sc-classify "$@" </dev/null >"$t/out" 2>"$t/e" || rc=$?
	[ "$rc" -eq 2 ] || { echo "$*: exit $rc"; exit 1; }
	[ ! -s "$t/out" ] || { echo "$*: wrote output"; exit 1; }
	head -1 "$t/e" >>"$t/err"
}
try --train m.model
try --target label
try --seed 3
try --epochs 2 --eval label --field x
try --train m.model --target label --eval label
try --train m.model --target label --field x
try --eval label
try --format ndjson
try --as mood
try --model a.model --as x --as y
try --model a.model --train b.model --target label
try --model a.model --eval label --field x
try --train "$t/m.model" --target label --epochs 0
try --train "$t/m.model" --target label --epochs 1001
try --train "$t/m.model" --target label --runs 0
try --train "$t/m.model" --target label --runs 101
try --runs 2
try --train "$t/m.model" --target label --seed -1
try --train "$t/m.model" --target label --seed 4294967296
try --eval label --field x --format xml
try --model
[ ! -e "$t/m.model" ] || { echo "a model was written"; exit 1; }
cat >"$t/want" <<'END'
sc-classify: --train needs --target
sc-classify: --target, --plain, --features, --seed, --epochs and --runs go with --train
sc-classify: --target, --plain, --features, --seed, --epochs and --runs go with --train
sc-classify: --target, --plain, --features, --seed, --epochs and --runs go with --train
sc-classify: --train and --eval are separate runs
sc-classify: --field and --format go with --eval
sc-classify: --eval needs --field
sc-classify: --field and --format go with --eval
sc-classify: --as names the --model before it
sc-classify: --as given twice for one --model
sc-classify: --model classifies; it does not go with --train or --eval
sc-classify: --model classifies; it does not go with --train or --eval
sc-classify: --epochs: must be 1 to 1000: 0
sc-classify: --epochs: must be 1 to 1000: 1001
sc-classify: --runs: must be 1 to 100: 0
sc-classify: --runs: must be 1 to 100: 101
sc-classify: --target, --plain, --features, --seed, --epochs and --runs go with --train
sc-classify: --seed: must be 0 to 4294967295: -1
sc-classify: --seed: must be 0 to 4294967295: 4294967296
sc-classify: --format: must be text or ndjson: xml
sc-classify: option '--model' requires an argument
END
diff -u "$t/want" "$t/err"
