# gzip input is read transparently (also mixed with plain input); -z
# compresses the report.
set -u
gzip -c by-platform.in > "$SC_TMP/in.gz"
sc-report --by platform "$SC_TMP/in.gz" > "$SC_TMP/out" || exit 1
cmp by-platform.out "$SC_TMP/out" || exit 1
# half compressed, half plain: the same posts
head -5 by-platform.in | gzip -c > "$SC_TMP/a.gz"
tail -n +6 by-platform.in > "$SC_TMP/b.ndjson"
sc-report --by platform "$SC_TMP/a.gz" "$SC_TMP/b.ndjson" > "$SC_TMP/out" ||
    exit 1
cmp by-platform.out "$SC_TMP/out" || exit 1
sc-report -z --by platform < by-platform.in > "$SC_TMP/out.gz" || exit 1
gzip -t "$SC_TMP/out.gz" || exit 1
gzip -dc "$SC_TMP/out.gz" | cmp by-platform.out -
