# On the generator's synthetic week the measures fall in plausible ranges,
# input order does not matter, and the groups add up to the whole.
set -u
gen=$SC_TOP/scripts/gen-posts
[ -f "$gen" ] || { echo "no $gen"; exit 1; }
python3 "$gen" 2000 > "$SC_TMP/gen.ndjson" || exit 1
sc-report "$SC_TMP/gen.ndjson" > "$SC_TMP/all.ndjson" || exit 1
jq -e '.posts == 2000 and .response_rate >= 0.4 and .response_rate <= 0.9
    and .frt_median_s >= 60 and .frt_median_s <= 86400
    and .frt_p90_s >= .frt_median_s
    and .answered + .unanswered == .customer_posts
    and .customer_posts + .brand_posts == .posts' \
    "$SC_TMP/all.ndjson" > /dev/null || { cat "$SC_TMP/all.ndjson"; exit 1; }
# reversed input gives the same report
awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' \
    "$SC_TMP/gen.ndjson" | sc-report > "$SC_TMP/rev.ndjson" || exit 1
cmp "$SC_TMP/all.ndjson" "$SC_TMP/rev.ndjson" || exit 1
sc-report --by platform "$SC_TMP/gen.ndjson" > "$SC_TMP/by.ndjson" || exit 1
head -1 "$SC_TMP/by.ndjson" | cmp "$SC_TMP/all.ndjson" - || exit 1
tail -n +2 "$SC_TMP/by.ndjson" | jq -s -e --slurpfile all "$SC_TMP/all.ndjson" '
    (map(.posts) | add) == $all[0].posts and
    (map(.answered) | add) == $all[0].answered and
    (map(.customer_posts)) == (map(.customer_posts) | sort | reverse)' \
    > /dev/null || { cat "$SC_TMP/by.ndjson"; exit 1; }
