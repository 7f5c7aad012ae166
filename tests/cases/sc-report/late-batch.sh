# Input out of order by more than the window: a later week read first,
# then an earlier one (a backfill).  The earlier week's posts come more
# than two windows after newer ones, are kept to the end, and the report
# equals the one over the same posts in time order, as the independent
# implementation has it too.
set -u
t=$SC_TMP
python3 "$SC_TOP/scripts/gen-posts" -s 3 --start 2026-11-02T00:00:00Z 600 > "$t/early.ndjson" || exit 1
# (ids of the second week marked, as two seeds may draw the same)
python3 "$SC_TOP/scripts/gen-posts" -s 4 --start 2026-11-23T00:00:00Z 600 |
    jq -c '.id = "L" + .id | if .in_reply_to then .in_reply_to = "L" + .in_reply_to else . end |
        if .conversation_id then .conversation_id = "L" + .conversation_id else . end' \
    > "$t/late.ndjson" || exit 1
cat "$t/early.ndjson" "$t/late.ndjson" > "$t/ordered.ndjson"
sc-report --now 2026-12-01T00:00:00Z --window 2d --by platform "$t/ordered.ndjson" > "$t/a" || exit 1
sc-report --now 2026-12-01T00:00:00Z --window 2d --by platform "$t/late.ndjson" "$t/early.ndjson" > "$t/b" || exit 1
cmp "$t/a" "$t/b" || exit 1
python3 ./ref-report.py --now 1796083200 --window 172800 --by platform "$t/ordered.ndjson" |
    python3 -c 'import json, sys
a = [json.loads(l) for l in sys.stdin]
b = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(a != b)' "$t/b" || exit 1
