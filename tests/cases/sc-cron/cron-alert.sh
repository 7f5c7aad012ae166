# cron-alert: with "alert unanswered", complaints left unanswered past
# their first-response due time make sc-cron exit 3 and list them, oldest
# first, on standard output (what cron mails).
. "$SC_TOP/tests/mock/lib.sh"
PATH=$SC_TOP/scripts:$PATH
mock_start x --posts 20
cd "$T" || exit 2
cp "$SC_TOP/scripts/examples/rules.json" "$SC_TOP/scripts/examples/templates.json" .
cat >cron.conf <<CONF
source x   x --search SkyLark --api-base $MOCK_URL
rules      rules.json
templates  templates.json
alert      unanswered
CONF
# the mock's posts are from 2026-11-20 00:01 to 00:20; nobody answered
sc-cron -c cron.conf --now 2026-11-20T12:00:00Z >out 2>err
rc=$?
[ $rc -eq 3 ] || fail "exit $rc, want 3: $(cat err)"
head -n 1 out | grep -Eq '^[0-9]+ complaints are overdue, oldest first:$' ||
    fail "first line: $(head -n 1 out)"
n=$(head -n 1 out | cut -d' ' -f1)
[ "$(sed 1d out | wc -l)" -eq "$n" ] || fail "not $n complaints listed"
[ "$(sed 1d out | cut -c1-20)" = "$(sed 1d out | cut -c1-20 | sort)" ] ||
    fail "not oldest first"
exit 0
