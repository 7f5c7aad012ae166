# chronic: the same author with N complaints in D days, kept across runs
# in --history; a locked history is a temporary failure (75).
. ./triage.inc
h=$SC_TMP/history.json
post() {
	printf '{"platform": "x", "created_at": "%s", "author": {"id": "%s"}, "text": "Flight cancelled again, worst airline ever"}\n' "$1" "$2"
}
run() {
	sc-classify --history "$h" "$@" | jq -r .class.complainer
}
# Without --history, never chronic.
[ "$(post 2026-11-01T10:00:00Z 7 | sc-classify | jq -r .class.complainer)" = venter ] ||
    { echo "chronic without history"; exit 1; }
for d in 01 02; do
	[ "$(post 2026-11-${d}T10:00:00Z 7 | run)" = venter ] ||
	    { echo "chronic too early: $d"; exit 1; }
done
[ "$(post 2026-11-03T10:00:00Z 8 | run)" = venter ] ||
    { echo "authors mixed up"; exit 1; }
[ "$(post 2026-11-03T10:00:00Z 7 | run)" = chronic ] ||
    { echo "not chronic on the third"; exit 1; }
# Out of the window (30 days): the old complaints are dropped.
[ "$(post 2026-12-20T10:00:00Z 7 | run)" = venter ] ||
    { echo "old complaints counted"; exit 1; }
jq -e '.["x:7"] | length == 1' "$h" >/dev/null ||
    { echo "history not bounded:"; cat "$h"; exit 1; }
# --chronic N:D
[ "$(post 2026-12-21T10:00:00Z 7 | run --chronic 2:1)" = chronic ] ||
    { echo "--chronic 2:1"; exit 1; }
[ "$(post 2026-12-25T10:00:00Z 7 | run --chronic 2:1)" = venter ] ||
    { echo "--chronic 2:1 window"; exit 1; }
# Non-complaints are not recorded.
printf '{"author": {"id": "9"}, "text": "Thank you, great crew!"}\n' | run >/dev/null
jq -e 'has("x:9") or has(":9") | not' "$h" >/dev/null ||
    { echo "praise recorded"; exit 1; }
# A held lock: exit 75, nothing written.
cp "$h" "$SC_TMP/before"
if command -v flock >/dev/null; then
	out=$(flock -n "$h.lock" sh -c "printf '{\"text\":\"x\"}\n' |
	    sc-classify --history '$h' 2>&1; echo rc=\$?")
	[ "$out" = "sc-classify: $h: locked by another run
rc=75" ] || { echo "lock: $out"; exit 1; }
	cmp -s "$h" "$SC_TMP/before" || { echo "written while locked"; exit 1; }
fi
# A corrupt history is an error (2).
echo '[1, 2]' >"$h"
err=$(echo '{"text": "x"}' | sc-classify --history "$h" 2>&1 >/dev/null)
[ $? -eq 2 ] && [ "$err" = "sc-classify: $h: expected an object, got an array" ] ||
    { echo "corrupt history: $err"; exit 1; }
