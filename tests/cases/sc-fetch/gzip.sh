# gzip input is read transparently (also mixed with plain files), and -z
# writes gzip.
set -e
gzip -c dup-a.ndjson >"$SC_TMP/a.ndjson.gz"
sc-fetch import "$SC_TMP/a.ndjson.gz" dup-b.ndjson >"$SC_TMP/out"
[ "$(wc -l <"$SC_TMP/out")" -eq 3 ]
grep -q '"id":"x:3"' "$SC_TMP/out"
sc-fetch import -z "$SC_TMP/a.ndjson.gz" >"$SC_TMP/out.gz"
gzip -dc "$SC_TMP/out.gz" >"$SC_TMP/out2"
head -2 "$SC_TMP/out" | cmp - "$SC_TMP/out2"
gzip -c ../../fixtures/export.csv | sc-fetch import --csv --platform x \
    --map id=tweet_id,created_at=created_at,text=text >"$SC_TMP/out3"
[ "$(wc -l <"$SC_TMP/out3")" -eq 5 ]
