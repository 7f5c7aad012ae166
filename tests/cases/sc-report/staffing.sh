# --staffing against the worked Erlang C example (Call Centre Helper's
# "Erlang C Formula - Made Simple"): 200 posts in an hour of one Monday,
# 3 minutes each, 80% within 20 seconds: 10 erlangs, 14 agents, 88.8%,
# occupancy 71.4%.  Hours without posts need nobody.
set -u
t=$SC_TMP
jq -n -c 'range(200) | {id: "x:\(.)", from_brand: false,
    created_at: (1794823200 + . * 18 | todate)}' > "$t/posts.ndjson" || exit 1
[ "$(date -u -d @1794823200 +%a%H)" = Mon10 ] || { echo "not a Monday 10:00"; exit 1; }
sc-report --staffing --aht 3m --target 80/20s "$t/posts.ndjson" > "$t/out" || exit 1
[ "$(wc -l < "$t/out")" -eq 168 ] || exit 1
jq -e -s '(map(select(.weekday == "Mon" and .hour == 10))[0] |
        .arrivals_per_hour == 200 and .erlangs == 10 and .agents == 14 and
        .service_level == 0.8884 and .occupancy == 0.7143) and
    (map(select(.weekday != "Mon" or .hour != 10)) |
        all(.agents == 0 and .occupancy == null))' "$t/out" > /dev/null ||
    { grep '"Mon","hour":10' "$t/out"; exit 1; }
sc-report --staffing --aht 3m --target 80/20s --format table "$t/posts.ndjson" |
    grep -q '^Mon   0   0   0   0   0   0   0   0   0   0  14   0' || exit 1
sc-report --staffing --aht 3m --target 80/20s --format csv "$t/posts.ndjson" |
    grep -q '^Mon,10,200.0,10.0,14,0.8884,0.7143' || exit 1
# the default target, 80/15m: fewer agents (11, the least above 10 erlangs)
sc-report --staffing --aht 3m "$t/posts.ndjson" |
    jq -e -s 'map(select(.weekday == "Mon" and .hour == 10))[0].agents == 11' > /dev/null || exit 1
