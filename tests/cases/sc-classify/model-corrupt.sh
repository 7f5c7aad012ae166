# A model file that is cut short, damaged, foreign, empty, missing or
# from a newer sc-classify is a clear error (exit 2, nothing written),
# never a crash.
set -eu
t=$SC_TMP/model-corrupt
mkdir -p "$t"
sc-classify --train "$t/m.model" --target gold.sentiment \
    model-data/train.ndjson
size=$(wc -c <"$t/m.model")
head -c $((size / 2)) "$t/m.model" >"$t/half.model"
head -c 6 "$t/m.model" >"$t/head.model"
head -c $((size - 4)) "$t/m.model" >"$t/notail.model"
cp "$t/m.model" "$t/flip.model"
printf '\125' | dd of="$t/flip.model" bs=1 seek=$((size / 2)) \
    conv=notrunc 2>/dev/null
# an uncompressed model is read as well; its CRC-32 catches what gzip's
# would
gzip -dc "$t/m.model" >"$t/plain.model"
psize=$(wc -c <"$t/plain.model")
cp "$t/plain.model" "$t/pflip.model"
printf '\125' | dd of="$t/pflip.model" bs=1 seek=$((psize - 100)) \
    conv=notrunc 2>/dev/null
head -c $((psize - 1)) "$t/plain.model" >"$t/pcut.model"
: >"$t/empty.model"
cp model-data/train.ndjson "$t/foreign.model"
gzip -c model-data/train.ndjson >"$t/foreigngz.model"
printf 'sc-model 2\nfeatures something new\n' | gzip >"$t/newer.model"
printf 'sc-model one\n' >"$t/nonum.model"
mkdir -p "$t/dir.model"
in=$(pwd)/model-data/heldout.ndjson
cd "$t"
sc-classify --model plain.model /dev/null
for m in half head notail flip pflip pcut empty foreign foreigngz newer \
    nonum missing dir; do
	rc=0
	sc-classify --model $m.model "$in" >out 2>>err || rc=$?
	[ "$rc" -eq 2 ] || { echo "$m: exit $rc"; exit 1; }
	[ ! -s out ] || { echo "$m: wrote output"; exit 1; }
done
cat >want <<'END'
sc-classify: half.model: corrupt (truncated)
sc-classify: head.model: corrupt (truncated)
sc-classify: notail.model: corrupt (truncated)
sc-classify: flip.model: corrupt (checksum mismatch)
sc-classify: pflip.model: corrupt (checksum mismatch)
sc-classify: pcut.model: corrupt (truncated)
sc-classify: empty.model: not an sc-classify model
sc-classify: foreign.model: not an sc-classify model
sc-classify: foreigngz.model: not an sc-classify model
sc-classify: newer.model: made by a newer version of sc-classify (model format 2, this one reads 1)
sc-classify: nonum.model: not an sc-classify model
sc-classify: missing.model: No such file or directory
sc-classify: dir.model: read error: Is a directory
END
diff -u want err
