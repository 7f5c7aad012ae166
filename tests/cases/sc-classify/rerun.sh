# Classifying classified posts replaces "class" in place: the output of a
# second run is the output of the first.
python3 "$SC_TOP/scripts/gen-posts" -s 2 200 >"$SC_TMP/in" || exit 1
sc-classify "$SC_TMP/in" >"$SC_TMP/once" || exit 1
sc-classify "$SC_TMP/once" >"$SC_TMP/twice" || exit 1
cmp "$SC_TMP/once" "$SC_TMP/twice" || exit 1
# ... and nothing but "class" changed.
jq -c 'del(.class)' "$SC_TMP/once" | cmp - "$SC_TMP/in"
