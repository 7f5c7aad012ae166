# Variants: chosen by the post id, the same on every run; a conversation
# never gets the same text twice in a row, within a run, from the brand's
# own posts in the input, and across runs with --history.
set -u
d=$SC_TMP
fail() { echo "FAIL: $*"; exit 1; }
q() { printf '{"id":"%s","conversation_id":"%s","class":{"intent":"%s"}}\n' "$@"; }
tpl() { jq -r '.reply.template // "-"' "$1" | tr '\n' ' '; }

# Different posts get different variants; the same ids the same ones.
for i in 1 2 3 4 5 6 7 8 9; do q x:$i x:$i question; done >"$d/in"
sc-reply -t variants.json "$d/in" >"$d/a" 2>/dev/null || fail "exit $?"
sc-reply -t variants.json "$d/in" >"$d/b" 2>/dev/null
cmp -s "$d/a" "$d/b" || fail "not deterministic"
[ "$(jq -r .reply.template "$d/a" | sort -u | wc -l)" -eq 3 ] ||
    fail "nine posts used fewer than three variants: $(tpl "$d/a")"

# One conversation: no text twice in a row.
for i in 1 2 3 4 5 6; do q c:$i c:1 question; done >"$d/in"
sc-reply -t variants.json "$d/in" >"$d/a" 2>/dev/null
jq -r .reply.text "$d/a" | uniq -d | grep -q . &&
    fail "same text twice in a row: $(tpl "$d/a")"
# A re-run over its own output chooses the same (drafts are redone).
sc-reply -t variants.json "$d/a" >"$d/b" 2>/dev/null
cmp -s "$d/a" "$d/b" || fail "re-run changed: $(tpl "$d/a") / $(tpl "$d/b")"

# The brand's own reply in the input counts as the last text.
first=$(q c:1 c:1 question | sc-reply -t variants.json | jq -r .reply.text)
{
	printf '{"id":"b:1","conversation_id":"c:1","from_brand":true,"text":"@ana %s"}\n' "$first"
	q c:1 c:1 question
} | sc-reply -t variants.json | tail -1 | jq -r .reply.text >"$d/t"
[ "$(cat "$d/t")" != "$first" ] || fail "repeated the brand's last reply"

# Variants with the same text: nothing to avoid, the post's own is used.
for i in 1 2; do q p:$i p:1 praise; done | sc-reply -t variants.json \
    >"$d/a" 2>/dev/null || fail "praise: exit $?"

# Across runs: --history.
h=$d/history.json
q h:1 h:1 question | sc-reply -t variants.json --history "$h" >"$d/a" ||
    fail "history: exit $?"
jq -e '.conversations["h:1"].post == "h:1"' "$h" >/dev/null ||
    fail "history file: $(cat "$h")"
q h:2 h:1 question | sc-reply -t variants.json --history "$h" >"$d/b"
[ "$(jq -r .reply.text "$d/a")" != "$(jq -r .reply.text "$d/b")" ] ||
    fail "history: the same text as the last run's"
# Without --history a run knows nothing of the last one: the second post
# may well get h:1's text; with it, a re-run of h:2 keeps its choice.
q h:2 h:1 question | sc-reply -t variants.json --history "$h" >"$d/c"
cmp -s "$d/b" "$d/c" || fail "history: a re-run of h:2 changed"
# A history file in use by another run: 75.
exec 9>"$h.lock"
flock -n 9 || fail "flock"
q h:3 h:1 question | sc-reply -t variants.json --history "$h" \
    >/dev/null 2>"$d/err"
[ $? -eq 75 ] || fail "locked: want 75"
exec 9>&-
echo '[1]' >"$d/bad.json"
q h:3 h:1 question | sc-reply -t variants.json --history "$d/bad.json" \
    >/dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "bad history: want 2"
exit 0
