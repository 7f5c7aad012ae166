# --approve and --reject: every transition a person can make, and the
# ones refused (exit 1, record unchanged), over the statuses of status.out.
set -u
d=$SC_TMP
fail() { echo "FAIL: $*"; exit 1; }
st() { jq -r "select(.id == \"$1\") | .reply.status" "$2"; }

sc-reply --approve x:1 --approve x:2 --reject x:5 --approve x:12 \
    --reject x:11 status.out >"$d/out" 2>"$d/err" || fail "exit $?"
[ -s "$d/err" ] && fail "stderr: $(cat "$d/err")"
[ "$(st x:1 "$d/out")" = approved ] || fail "draft -> approved"
[ "$(st x:2 "$d/out")" = approved ] || fail "needs_review -> approved"
[ "$(st x:5 "$d/out")" = rejected ] || fail "needs_review -> rejected"
[ "$(st x:12 "$d/out")" = approved ] || fail "rejected -> approved"
[ "$(st x:11 "$d/out")" = rejected ] || fail "approved -> rejected"
jq -r 'select(.id == "x:1") | .reply.reviewed_at' "$d/out" |
    grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$' || fail "reviewed_at"
# Every other record is byte for byte what it was.
grep -v -e '"id":"x:1"' -e '"id":"x:2"' -e '"id":"x:5"' -e '"id":"x:12"' \
    -e '"id":"x:11"' status.out >"$d/a"
grep -v -e '"id":"x:1"' -e '"id":"x:2"' -e '"id":"x:5"' -e '"id":"x:12"' \
    -e '"id":"x:11"' "$d/out" >"$d/b"
cmp "$d/a" "$d/b" || fail "other records changed"
# Only the status and reviewed_at change.
jq -c 'select(.id == "x:2") | .reply | del(.status, .reviewed_at)' \
    "$d/out" >"$d/a"
jq -c 'select(.id == "x:2") | .reply | del(.status)' status.out >"$d/b"
cmp "$d/a" "$d/b" || fail "approving changed more than the status"

# Refusals: needs_input, sent, failed, unknown, none, an unknown id.
sc-reply --approve x:10 --approve x:13 --reject x:14 --approve x:15 \
    --approve x:404 --reject x:6 status.out \
    >"$d/out" 2>"$d/err"
[ $? -eq 1 ] || fail "refusals: exit $?"
cat >"$d/want" <<'EOW'
sc-reply: status.out:10: x:10: cannot approve: fill in what the text leaves open first
sc-reply: status.out:13: x:13: cannot approve: it was sent
sc-reply: status.out:14: x:14: cannot reject: sending it failed; draft it again
sc-reply: status.out:15: x:15: cannot approve: it may have been sent (status unknown)
sc-reply: x:404: no such post
EOW
diff -u "$d/want" "$d/err" || fail "refusal messages"
[ "$(st x:10 "$d/out")" = needs_input ] || fail "needs_input kept"
[ "$(st x:13 "$d/out")" = sent ] || fail "sent kept"
[ "$(st x:6 "$d/out")" = rejected ] || fail "the others still done"

printf '%s\n' '{"id":"y:1","reply":{"status":"none","reason":"r"}}' \
    '{"id":"y:2"}' | sc-reply --approve y:1 --reject y:2 >"$d/out" 2>"$d/err"
[ $? -eq 1 ] || fail "no text: exit $?"
printf '%s\n' 'sc-reply: <stdin>:1: y:1: cannot approve: the reply has no text' \
    'sc-reply: <stdin>:2: y:2: cannot reject: it has no reply' |
    diff -u - "$d/err" || fail "no text: messages"

# A person fills the field in: then it may be approved.
sed 's/{{?order_number}}/A-1234/' status.out |
    sc-reply --approve x:10 >"$d/out" 2>"$d/err" || fail "filled: exit $?"
[ "$(st x:10 "$d/out")" = approved ] || fail "filled -> approved"
# Drafting again keeps the decision and the person's text.
sc-reply -t gate.json "$d/out" >"$d/out2" 2>/dev/null
jq -c 'select(.id == "x:10") | .reply' "$d/out" >"$d/a"
jq -c 'select(.id == "x:10") | .reply' "$d/out2" >"$d/b"
cmp "$d/a" "$d/b" || fail "a re-run changed an approved reply"

sc-reply --approve x:1 --reject x:1 status.out >/dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "both ways: exit $?"
grep -qx 'sc-reply: x:1: both approved and rejected' "$d/err" ||
    fail "both ways: $(cat "$d/err")"
sc-reply --approve x:1 -t gate.json status.out >/dev/null 2>&1
[ $? -eq 2 ] || fail "--approve with -t"
sc-reply --lint --approve x:1 status.out >/dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "--lint with --approve"
grep -qx 'sc-reply: --lint does not go with --approve or --reject' "$d/err" ||
    fail "--lint with --approve: $(cat "$d/err")"
exit 0
