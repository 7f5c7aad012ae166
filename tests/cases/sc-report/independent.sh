# sc-report agrees exactly with an independent implementation
# (ref-report.py: every post held, brand posts walked in time order) on a
# routed synthetic week: inbound (route.skip left out), answered, rate,
# median, p90, p95, mean and SLA counts, overall and by two keys, with the
# default window and a one-hour one, in time order and shuffled; and the
# business first-response times of -r by team.
set -u
gen=$SC_TOP/scripts/gen-posts
t=$SC_TMP
python3 "$gen" 3000 | sc-classify | sc-route -r "$SC_TOP/scripts/examples/rules.json" |
    jq -c 'if (.from_brand | not) and (.id | explode | add) % 9 == 0
        then .route.skip = true else . end' > "$t/posts.ndjson" || exit 1
jq -e -s '(map(select(.route.skip == true)) | length) > 50 and
    (map(select(.route.sla.first_response_due)) | length) > 500' \
    "$t/posts.ndjson" > /dev/null || { echo "fixture lacks skip or SLA"; exit 1; }
# in time order; shuffled at random; and out of order by up to 50 minutes
jq -r '[(.created_at | fromdate), tostring] | @tsv' "$t/posts.ndjson" |
    sort -n -s -k1,1 > "$t/keyed" || exit 1
cut -f2- "$t/keyed" > "$t/sorted.ndjson"
awk 'BEGIN { srand(7) } { print rand() "\t" $0 }' "$t/posts.ndjson" |
    sort -k1,1 | cut -f2- > "$t/shuffled.ndjson"
awk -F '\t' 'BEGIN { srand(11) } { printf "%d\t%s\n", $1 + int(rand() * 3000), $2 }' \
    "$t/keyed" | sort -n -s -k1,1 | cut -f2- > "$t/jittered.ndjson"
same() {
	python3 -c 'import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
if a != b:
    for x, y in zip(a, b):
        if x != y: print("ours:", x); print("ref: ", y); break
    sys.exit(1)' "$1" "$2"
}
now=2026-11-23T12:00:00Z
nowe=$(date -u -d "$now" +%s)
# A week of posts is never more than twice the week out of order, so any
# order is exact with the default window; with a window of an hour, the
# input must be out of order by less than the hour.
for wf in "604800 sorted" "604800 shuffled" "604800 posts" "3600 sorted" \
    "3600 jittered"; do
	set -- $wf
	w=$1 f=$2
	{
		sc-report --now $now --window ${w}s "$t/$f.ndjson" > "$t/c1" || exit 1
		python3 ./ref-report.py --now $nowe --window $w "$t/$f.ndjson" > "$t/r1" || exit 1
		same "$t/c1" "$t/r1" || { echo "overall, $f, window $w"; exit 1; }
		sc-report --now $now --window ${w}s --by platform --by class.intent \
		    "$t/$f.ndjson" > "$t/c2" || exit 1
		python3 ./ref-report.py --now $nowe --window $w --by platform \
		    --by class.intent "$t/$f.ndjson" > "$t/r2" || exit 1
		same "$t/c2" "$t/r2" || { echo "by, $f, window $w"; exit 1; }
	}
done
cmp -s "$t/sorted.ndjson" "$t/jittered.ndjson" && { echo "jitter did nothing"; exit 1; }
# -r: first responses in business seconds of each team's calendar (a
# lunch break, a holiday, a night desk across midnight, 24x7, no calendar,
# no team, a team the file lacks), by team and overall, in any order
jq -c 'if .from_brand | not then .route.team = (["care", "nights", "always",
    "plain", "ghost", null][(.id | explode | add) % 6]) else . end' \
    "$t/shuffled.ndjson" > "$t/teams.ndjson" || exit 1
sc-report --now $now -r independent-rules.json --by route.team \
    "$t/teams.ndjson" > "$t/c3" 2> /dev/null || exit 1
python3 ./ref-report.py --now $nowe --rules independent-rules.json \
    --by route.team "$t/teams.ndjson" > "$t/r3" || exit 1
same "$t/c3" "$t/r3" || { echo "-r, by team"; exit 1; }
# the business times differ from the wall-clock ones where a team has a
# calendar, and equal them where it has none
jq -e -s 'map({(.group."route.team" // "-"): (.frt_business_mean_s < .frt_mean_s)}) | add |
    .care and .nights and (.always | not) and (.plain | not) and
    (.ghost | not) and (."-" | not)' "$t/c3" > /dev/null || { cat "$t/c3"; exit 1; }
# the SLA counts are not all zero
jq -e '.sla_met > 0 and .sla_breached > 0' "$t/c1" > /dev/null || { cat "$t/c1"; exit 1; }
