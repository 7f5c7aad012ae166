# The merged report of N shards (N = 1..4) equals the single run byte for
# byte in every format and with --heatmap, --spikes, --staffing, --wait, with several --by keys, a zone, SLAs and skips,
# and business times (-r) of teams with a calendar, without, and no team;
# merging partials into a partial first changes nothing; and the shards
# really split the posts.
set -u
t=$SC_TMP
python3 "$SC_TOP/scripts/gen-posts" 1500 | sc-classify |
    sc-route -r "$SC_TOP/scripts/examples/rules.json" |
    jq -c 'if (.from_brand | not) and (.id | explode | add) % 9 == 0
        then .route.skip = true else . end |
        if .from_brand | not then .route.team =
        (["care", "social", null][(.id | explode | add) % 3]) else . end' \
    > "$t/posts.ndjson" || exit 1
opts="--now 2026-11-23T00:00:00Z --tz America/New_York --by platform --by class.intent"
for fmt in ndjson table csv html; do
	sc-report $opts -r business-rules.json --format $fmt "$t/posts.ndjson" > "$t/single.$fmt" || exit 1
done
# the business times are there, and differ from the wall-clock ones
jq -e -s '.[0] | .frt_business_median_s < .frt_median_s and
    .frt_business_mean_s < .frt_mean_s' "$t/single.ndjson" > /dev/null ||
    { echo "no business times"; exit 1; }
sc-report $opts --heatmap "$t/posts.ndjson" > "$t/single.heat" || exit 1
sc-report $opts --spikes "$t/posts.ndjson" > "$t/single.spikes" || exit 1
sc-report $opts --staffing --aht 6m --format csv "$t/posts.ndjson" > "$t/single.staff" || exit 1
sc-report $opts --wait "$t/posts.ndjson" > "$t/single.wait" || exit 1
for n in 1 2 3 4; do
	rm -f "$t"/part-*
	k=1
	while [ $k -le $n ]; do
		sc-report $opts -r business-rules.json --shard $k/$n --partial "$t/part-$k" \
		    "$t/posts.ndjson" > "$t/stdout" || exit 1
		[ -s "$t/stdout" ] && { echo "--partial printed a report"; exit 1; }
		k=$((k + 1))
	done
	for fmt in ndjson table csv html; do
		sc-report --merge --format $fmt "$t"/part-* > "$t/merged.$fmt" || exit 1
		cmp "$t/single.$fmt" "$t/merged.$fmt" || { echo "N=$n $fmt"; exit 1; }
	done
	sc-report --merge --heatmap "$t"/part-* | cmp "$t/single.heat" - ||
	    { echo "N=$n heatmap"; exit 1; }
	sc-report --merge --spikes "$t"/part-* | cmp "$t/single.spikes" - ||
	    { echo "N=$n spikes"; exit 1; }
	sc-report --merge --staffing --aht 6m --format csv "$t"/part-* |
	    cmp "$t/single.staff" - || { echo "N=$n staffing"; exit 1; }
	sc-report --merge --wait "$t"/part-* | cmp "$t/single.wait" - ||
	    { echo "N=$n wait"; exit 1; }
	if [ $n -eq 4 ]; then
		# shards hold different posts, and none holds them all
		for k in 1 2 3 4; do
			sc-report --merge "$t/part-$k" | jq -e --slurpfile all "$t/single.ndjson" \
			    '.inbound > 0 and .inbound < $all[0].inbound' > /dev/null ||
			    { echo "shard $k holds all or nothing"; exit 1; }
		done
		# a tree of merges: (1+2) + (3+4)
		sc-report --merge --partial "$t/a" "$t/part-1" "$t/part-2" || exit 1
		sc-report --merge --partial "$t/b" "$t/part-3" "$t/part-4" || exit 1
		sc-report --merge "$t/a" "$t/b" | cmp "$t/single.ndjson" - || exit 1
	fi
done
