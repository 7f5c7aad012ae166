# --drop-skipped leaves out the posts of skip rules, but a brand post
# among them still closes its conversation and frees its agent, who
# takes the post that waits: --queue shows it.
set -u
d=$SC_TMP/drop-skipped
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }
cat >"$d/rules.json" <<'JSON'
{"teams": {"care": {"agents": [{"id": "a", "name": "Ann", "capacity": 1}]}},
 "rules": [{"name": "own", "if": {"from_brand": true}, "skip": true},
           {"name": "care", "team": "care", "queue": "q", "priority": "normal"}]}
JSON
cat >"$d/in" <<'IN'
{"id":"x:1","created_at":"2026-11-20T10:00:00Z","text":"help"}
{"id":"x:2","created_at":"2026-11-20T10:01:00Z","text":"me too"}
{"id":"x:3","created_at":"2026-11-20T10:02:00Z","text":"done","from_brand":true,"conversation_id":"x:1"}
IN
sc-route --drop-skipped -r "$d/rules.json" --state "$d/st" "$d/in" \
    >"$d/out" || fail "exit $?"
got=$(jq -c '[.id, .route.agent.id]' "$d/out" | tr '\n' ' ')
[ "$got" = '["x:1","a"] ["x:2",null] ' ] || fail "output: $got"
got=$(sc-route --queue --state "$d/st" | jq -c '[.post, .agent.id]' |
    tr '\n' ' ')
[ "$got" = '["x:2","a"] ' ] || fail "queue: $got"
exit 0
