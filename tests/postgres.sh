#!/bin/sh
# postgres.sh BINDIR - scripts/sc-pg-load and the queries of sc(7)'s
# "Analysts' SQL" against a real PostgreSQL, checked against sc-report.
#
# Starts its own cluster (Debian postgresql: initdb and postgres from
# /usr/lib/postgresql/VERSION/bin) in a scratch folder, on a free port of
# 127.0.0.1 with its socket in that folder, in the foreground, as an
# unprivileged user when run by root (PostgreSQL refuses root), and stops
# it by pid at the end, also on failure.  The three example queries are
# read out of man/sc.7, so the page shows what is tested.  Prints TAP.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd) || exit 2
. "$top/tests/lib/services.sh"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || ! command -v psql >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then
		t "PostgreSQL is installed" false
	else
		t_skip "PostgreSQL" "not installed (scripts/install-deps)"
	fi
	t_done
	exit
fi

svc_init postgres
d=$SVC_TMP
LC_ALL=C.UTF-8
TZ=UTC
HOME=$d/home
export LC_ALL TZ HOME
unset SC_CONFIG SC_DATADIR
mkdir -p "$HOME" "$d/pg"

# As root, the server runs as the postgres user of the package (or nobody).
run=
if [ "$(id -u)" -eq 0 ]; then
	u=postgres
	id "$u" >/dev/null 2>&1 || u=nobody
	chown "$u" "$d/pg"
	run="setpriv --reuid=$u --regid=$(id -g "$u") --clear-groups --"
fi
$run "$pgbin/initdb" -D "$d/pg/data" -U sc --auth=trust --no-locale \
    -E UTF8 --no-sync >"$d/initdb.log" 2>&1
rc=$?
svc_log "$d/initdb.log"
t "initdb makes a cluster" '[ $rc -eq 0 ]'
port=$(svc_port)
svc_start postgres $run "$pgbin/postgres" -D "$d/pg/data" -p "$port" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$d/pg" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c logging_collector=off
PGHOST=127.0.0.1
PGPORT=$port
PGUSER=sc
PGDATABASE=postgres
export PGHOST PGPORT PGUSER PGDATABASE
svc_wait postgres 60 psql -X -q -c 'SELECT 1'
t "postgres answers on 127.0.0.1:$port" 'psql -X -At -c "SELECT 6 * 7" | grep -qx 42'
t "postgres listens on loopback only" "svc_loopback_only postgres"
psql -X -q -c 'CREATE DATABASE sc' && PGDATABASE=sc

# -- the data: a generated week, classified, routed, with teams --------------
# route.team comes from the platform here (a stand-in for sc-route's
# teams); sc-report and the SQL read the same field of the same records.
python3 "$top/scripts/gen-posts" -s 11 --days 7 3000 |
    "$bindir/sc-classify" |
    "$bindir/sc-route" -r "$top/scripts/examples/rules.json" |
    jq -c '.route.team = ({x: "social", facebook: "social", bluesky: "social",
	mastodon: "fediverse"}[.platform] // null)' >"$d/week.ndjson" || exit 2
gzip -c "$d/week.ndjson" >"$d/week.ndjson.gz"
records=$(wc -l <"$d/week.ndjson")

load=$top/scripts/sc-pg-load
"$load" "$d/week.ndjson.gz" 2>"$d/load.err"
rc=$?
svc_log "$d/load.err"
t "sc-pg-load loads a gzip'd archive, exit 0" '[ $rc -eq 0 ] && [ ! -s "$d/load.err" ]'
q() { psql -X -q -At -F '	' "$@"; }
t "every record is a row ($records)" '[ "$(q -c "SELECT count(*) FROM sc_posts")" -eq "$records" ]'
t "the record is kept whole as jsonb" \
    '[ "$(q -c "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"'"'sc_posts'"'"'::regclass AND attname = '"'"'doc'"'"'")" = jsonb ] && [ "$(q -c "SELECT count(*) FROM sc_posts WHERE doc ? '"'"'class'"'"' AND doc->>'"'"'id'"'"' = id")" -eq "$records" ]'
t "indexes on created_at, platform and conversation" \
    'for c in created_at platform conversation; do q -c "SELECT indexdef FROM pg_indexes WHERE tablename = '"'"'sc_posts'"'"'" | grep -q "($c)" || exit 1; done'
"$load" "$d/week.ndjson" 2>>"$d/load.err"
rc=$?
t "loading it again changes nothing" \
    '[ $rc -eq 0 ] && [ "$(q -c "SELECT count(*) FROM sc_posts")" -eq "$records" ]'

# -- hostile input ---------------------------------------------------------------
{
	printf '%s\n' '{"id":"h:1","created_at":"2026-11-16T00:00:00Z","text":"a \"quoted\" back\\slash\ttab"}'
	printf '%s\n' 'not json' '[1,2]' '{"created_at":"2026-11-16T00:00:00Z"}'
	printf '%s\n' '{"id":"h:2","created_at":"yesterday"}'
	printf '%s\n' '{"id":"h:3","created_at":"2026-11-16T00:00:00Z","from_brand":"yes"}'
	printf '%s\n' '{"id":"h:4","created_at":"2026-11-16T00:00:00Z","in_reply_to":5}'
	printf '%s\n' '{"id":"h:1","created_at":"2026-11-16T00:00:01Z"}' ''
	printf '%s\n' '{"id":"h:7","created_at":"2026-11-16T00:00:00Z","route":{"skip":1}}'
	printf '%s\n' '{"id":"h:8","created_at":"2026-11-16T00:00:00Z","route":{"sla":{"first_response_due":"soon"}}}'
	printf '%s\n' '{"id":"h:5","created_at":"2026-11-16T00:00:00.9+01:00","text":"\u00e9\u4e2d"}'
	printf '%s' '{"id":"h:6","created_at":"2026-11-16T00:00:00Z"}'
} >"$d/hostile.ndjson"
"$load" -t h "$d/hostile.ndjson" 2>"$d/hostile.err"
rc=$?
cat >"$d/hostile.want" <<EOF
sc-pg-load: $d/hostile.ndjson:2: not a JSON object
sc-pg-load: $d/hostile.ndjson:3: not a JSON object
sc-pg-load: $d/hostile.ndjson:4: "id": missing or not a string
sc-pg-load: $d/hostile.ndjson:5: "created_at": missing or not an RFC 3339 time
sc-pg-load: $d/hostile.ndjson:6: "from_brand": expected true or false
sc-pg-load: $d/hostile.ndjson:7: "in_reply_to": expected a string or null
sc-pg-load: $d/hostile.ndjson:8: duplicate id "h:1" (first at line 1)
sc-pg-load: $d/hostile.ndjson:10: "route.skip": expected true or false
sc-pg-load: $d/hostile.ndjson:11: "route.sla.first_response_due": not an RFC 3339 time
EOF
t "bad lines: exit 1, each named by file:line" \
    '[ $rc -eq 1 ] && diff -u "$d/hostile.want" "$d/hostile.err"'
t "... the good ones loaded, text as it was, the last line without newline too" \
    '[ "$(q -c "SELECT string_agg(id, '"' '"' ORDER BY id) FROM h_posts")" = "h:1 h:5 h:6" ] &&
     [ "$(q -c "SELECT doc->>'"'"'text'"'"' FROM h_posts WHERE id = '"'"'h:1'"'"'")" = "$(printf "a \"quoted\" back\\\\slash\ttab")" ] &&
     [ "$(q -c "SELECT created_at FROM h_posts WHERE id = '"'"'h:5'"'"'")" = "2026-11-15 23:00:00+00" ]'
head -c 30000 "$d/week.ndjson.gz" >"$d/cut.ndjson.gz"
"$load" -t h "$d/cut.ndjson.gz" 2>"$d/cut.err"
rc=$?
t "a truncated gzip file: exit 2, nothing of it loaded" \
    '[ $rc -eq 2 ] && grep -q "cut short" "$d/cut.err" && [ "$(q -c "SELECT count(*) FROM h_posts")" -eq 3 ]'
"$load" -n -t dry "$d/hostile.ndjson" 2>"$d/dry.err"
rc=$?
t "-n: the same messages, the table made, nothing loaded" \
    '[ $rc -eq 1 ] && diff -u "$d/hostile.want" "$d/dry.err" && [ "$(q -c "SELECT count(*) FROM dry_posts")" -eq 0 ]'
"$load" -t 'x;drop' "$d/week.ndjson" 2>"$d/bad-t.err"
rc=$?
t "-t takes only an SQL name" '[ $rc -eq 2 ] && grep -q "SQL name" "$d/bad-t.err"'

# -- the queries of sc(7), against sc-report ------------------------------------
# Each is the literal block after a line '.\" sql: NAME' in man/sc.7.
for name in response-rate-by-day frt-median-by-team unanswered-complaints; do
	awk -v name="$name" '
	$0 == ".\\\" sql: " name { want = 1; next }
	want && /^\.Bd -literal/ { inb = 1; next }
	inb && /^\.Ed/ { exit }
	inb { gsub(/\\e/, "\\"); gsub(/^\\&/, ""); print }' \
	    "$top/man/sc.7" >"$d/$name.sql"
	t "sc(7) shows the query $name" '[ -s "$d/$name.sql" ]'
done

# Response rate by day: sc-report --by day (busiest first: sorted here).
# Counts exactly; the rate SQL rounds to 3 decimals within half a
# thousandth of sc-report's.
q -f "$d/response-rate-by-day.sql" >"$d/day.sql.out" 2>"$d/day.err"
"$bindir/sc-report" --by day "$d/week.ndjson" |
    jq -r 'select(.group.day) | [.group.day, .inbound, .answered, .response_rate] | @tsv' |
    sort >"$d/day.report"
cut -f1-3 "$d/day.report" >"$d/day.r3"
cut -f1-3 "$d/day.sql.out" >"$d/day.s3"
t "response rate by day: 7 days, the counts of sc-report --by day" \
    '[ "$(wc -l <"$d/day.s3")" -eq 7 ] && diff -u "$d/day.r3" "$d/day.s3"'
t "... and the rate" \
    'paste "$d/day.report" "$d/day.sql.out" | awk -F "\t" "{ d = \$4 - \$8; if (d < 0) d = -d; if (d > 0.0005) exit 1 }"'

# FRT median by team: sc-report --by route.team (no team: an empty cell).
q -f "$d/frt-median-by-team.sql" 2>"$d/team.err" | sort >"$d/team.sql.out"
"$bindir/sc-report" --by route.team "$d/week.ndjson" |
    jq -r 'select(.group | length > 0) | [.group["route.team"] // "", .inbound, .answered, .frt_median_s // ""] | @tsv' |
    sort >"$d/team.report"
sed 's/^/# /' "$d/team.sql.out"
t "FRT median by team: equal to sc-report --by route.team" \
    '[ "$(wc -l <"$d/team.report")" -eq 3 ] && diff -u "$d/team.report" "$d/team.sql.out"'

# Unanswered complaints: the posts sc-report --unanswered lists, judged
# at the end of the week, so that its window holds every post.
q -f "$d/unanswered-complaints.sql" >"$d/unans.sql.out" 2>"$d/unans.err"
"$bindir/sc-report" --unanswered --now 2026-11-23T00:00:00Z "$d/week.ndjson" |
    jq -r 'select(.class.intent == "complaint") | .id' >"$d/unans.report"
echo "# unanswered complaints: $(wc -l <"$d/unans.report") by sc-report, $(wc -l <"$d/unans.sql.out") by SQL"
sort "$d/unans.report" >"$d/unans.r"
cut -f1 "$d/unans.sql.out" | sort >"$d/unans.s"
t "unanswered complaints: the posts sc-report --unanswered lists" \
    '[ -s "$d/unans.r" ] && diff -u "$d/unans.r" "$d/unans.s"'
# Order: those with an SLA come first, by due time, in both.
awk -F '\t' '$5 != "" { print $1 }' "$d/unans.sql.out" >"$d/unans.sla"
t "... those with an SLA first, by due time, as it lists them" \
    '[ -s "$d/unans.sla" ] && head -n "$(wc -l <"$d/unans.sla")" "$d/unans.report" | diff -u - "$d/unans.sla"'
# The same list by another route: jq pairs each brand post with the
# customer posts up its chain (to the previous brand post); a week of
# data has no answer later than the window.
jq -s -r '
	(map({key: .id, value: .}) | from_entries) as $by
	| def post: if .id == null then null else $by[.id] end;
	  [ .[] | select(.from_brand) | {id: .in_reply_to}
	    | recurse(post | select(. != null and (.from_brand | not))
		| {id: .in_reply_to})
	    | select(post != null and (post.from_brand | not)) | .id ] as $answered
	| ($answered | map({key: ., value: true}) | from_entries) as $a
	| .[] | select((.from_brand | not) and (.route.skip | not)
	    and .class.intent == "complaint" and ($a[.id] | not)) | .id' \
	"$d/week.ndjson" | sort >"$d/unans.jq"
t "... and the same posts as a jq pairing finds" \
    'cut -f1 "$d/unans.sql.out" | sort | diff -u "$d/unans.jq" -'
svc_log "$d/day.err" "$d/team.err" "$d/unans.err"

svc_stop postgres INT
t "postgres and its workers are gone" '[ -z "$(svc_survivors)" ]'
t "nothing of the test is left running" '[ -z "$(svc_strays)" ]'
t_done
