# cron-backfill: past days into the archive, one window a day per source
# (Mastodon: X's recent search reaches back 7 days only);
# a second backfill over the same days fetches nothing again.
. "$SC_TOP/tests/mock/lib.sh"
PATH=$SC_TOP/scripts:$PATH
mock_start mastodon --posts 30 --log "$T/xlog"
cd "$T" || exit 2
cp "$SC_TOP/scripts/examples/rules.json" "$SC_TOP/scripts/examples/templates.json" .
cat >cron.conf <<CONF
source x  mastodon --mentions --api-base $MOCK_URL
rules     rules.json
templates templates.json
CONF
sc-cron -c cron.conf --backfill --since 2026-11-19 --until 2026-11-21 2>err
rc=$?
[ $rc -eq 0 ] || fail "backfill: exit $rc: $(cat err)"
[ ! -s err ] || fail "backfill: not silent off a terminal: $(cat err)"
[ "$(wc -l <archive/x/2026-11-20.ndjson)" -eq 30 ] ||
    fail "backfill: $(wc -l <archive/x/2026-11-20.ndjson) posts on the 20th"
[ ! -s archive/x/2026-11-19.ndjson ] || fail "backfill: posts on the 19th"
[ "$(cat state/backfill.done)" = "x 2026-11-19
x 2026-11-20" ] || fail "backfill: done: $(cat state/backfill.done)"
n=$(mock_count "$T/xlog")
sc-cron -c cron.conf --backfill --since 2026-11-19 --until 2026-11-21 2>err
rc=$?
[ $rc -eq 0 ] || fail "again: exit $rc: $(cat err)"
[ "$(mock_count "$T/xlog")" -eq "$n" ] || fail "again: fetched again"
[ "$(wc -l <archive/x/2026-11-20.ndjson)" -eq 30 ] || fail "again: archive"
sc-cron -c cron.conf --backfill --since 2026-11-21 --until 2026-11-19 2>err
[ $? -eq 2 ] && grep -q 'must be after' err || fail "bad range: $(cat err)"
exit 0
