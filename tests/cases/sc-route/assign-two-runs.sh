# Waiting and freeing across two runs with --state: the first run leaves
# a post waiting, the second frees its agent with a brand post, which
# gets route.assigned, and --queue shows the post with its agent.
set -u
d=$SC_TMP/two-runs
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }
j() { printf '{"id":"x:%s","created_at":"2026-11-20T10:%s:00Z","text":"t","class":{"lang":"%s"}%s}\n' "$@"; }

{ j 1 00 pl ""; j 2 01 pl ""; j 3 02 pl ""; j 4 03 pl ""; j 5 04 pl ""
  j 6 05 pl ""; } >"$d/run1"
sc-route -r agents.json --state "$d/st" "$d/run1" >"$d/out1" ||
    fail "run 1: exit $?"
got=$(jq -c '[.id, .route.agent.id]' "$d/out1" | tr '\n' ' ')
[ "$got" = '["x:1","a1"] ["x:2","a2"] ["x:3","a3"] ["x:4","a1"] ["x:5",null] ["x:6",null] ' ] ||
    fail "run 1: $got"
got=$(sc-route --queue --state "$d/st" | jq -c '[.post, .agent.id]' |
    tr '\n' ' ')
[ "$got" = '["x:5",null] ["x:6",null] ["x:1","a1"] ["x:2","a2"] ["x:3","a3"] ["x:4","a1"] ' ] ||
    fail "queue after run 1: $got"

# Run 2: a2 answers x:2 and takes x:5, the longest waiting; a3 answers
# x:3 and takes x:6; a new post finds everyone full and waits.
{ j 7 10 pl ',"conversation_id":"x:2","from_brand":true'
  j 8 11 pl ',"conversation_id":"x:3","from_brand":true'
  j 9 12 pl ""; } >"$d/run2"
sc-route -r agents.json --state "$d/st" "$d/run2" >"$d/out2" ||
    fail "run 2: exit $?"
got=$(jq -c '[.id, .route.agent.id, (.route.assigned // [] | map([.post, .agent.id]))]' "$d/out2" | tr '\n' ' ')
[ "$got" = '["x:7",null,[["x:5","a2"]]] ["x:8",null,[["x:6","a3"]]] ["x:9",null,[]] ' ] ||
    fail "run 2: $got"
got=$(sc-route --queue --state "$d/st" | jq -c '[.post, .agent.id]' |
    tr '\n' ' ')
[ "$got" = '["x:9",null] ["x:1","a1"] ["x:4","a1"] ["x:5","a2"] ["x:6","a3"] ' ] ||
    fail "queue after run 2: $got"

# The same second run again changes nothing and says the same.
cp "$d/st" "$d/st.2"
sc-route -r agents.json --state "$d/st" "$d/run2" >"$d/out2b" ||
    fail "run 2 again: exit $?"
cmp -s "$d/out2" "$d/out2b" || fail "run 2 again: other output"
cmp -s "$d/st" "$d/st.2" || fail "run 2 again: other state"

# A new run with more capacity (a configuration change) assigns the
# waiting post when it starts; it shows in the queue.
sed 's/"capacity": 1}]}/"capacity": 2}]}/' agents.json >"$d/more.json"
grep -q '"capacity": 2}]}' "$d/more.json" || fail "sed did nothing"
sc-route -r "$d/more.json" --state "$d/st" </dev/null || fail "run 3: exit $?"
got=$(sc-route --queue --state "$d/st" | jq -c '[.post, .agent.id]' |
    tr '\n' ' ')
[ "$got" = '["x:1","a1"] ["x:4","a1"] ["x:5","a2"] ["x:6","a3"] ["x:9","a3"] ' ] ||
    fail "queue after run 3: $got"
exit 0
