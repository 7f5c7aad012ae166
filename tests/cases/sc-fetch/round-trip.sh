# Records already in sc-post(5) form, as scripts/gen-posts writes them,
# come out byte for byte the same.
set -e
command -v python3 >/dev/null && [ -f "$SC_TOP/scripts/gen-posts" ] || exit 0
python3 "$SC_TOP/scripts/gen-posts" 300 >"$SC_TMP/gen.ndjson"
sc-fetch import "$SC_TMP/gen.ndjson" | cmp - "$SC_TMP/gen.ndjson"
