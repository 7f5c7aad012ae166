# cron-day: a team's day from one configuration, against the X and
# Mastodon mocks: two runs fetch, archive, classify, route with the
# assignment state, draft and send, append to the inbox and write the
# reports; what the second run adds is only what is new.  A lock held by
# another run is 75; a bad configuration is 2 with file:line.
. "$SC_TOP/tests/mock/lib.sh"
PATH=$SC_TOP/scripts:$PATH
mock_start x --posts 20 --log "$T/xlog"
X=$MOCK_URL
XPID=$MOCK_PID
mock_start mastodon --posts 10 --log "$T/mlog"
M=$MOCK_URL
cd "$T" || exit 2
cp "$SC_TOP/scripts/examples/rules.json" "$SC_TOP/scripts/examples/templates.json" .
cat >cron.conf <<CONF
# the team's day
source x        x --search '@SkyLarkAir OR SkyLark' --api-base $X --brand-account SkyLarkAir
source fedi     mastodon --mentions --api-base $M
rules           rules.json
templates       templates.json
agent           Maria
send            auto
api-base        x=$X
api-base        mastodon=$M
CONF
now=2026-12-02T12:00:00Z
sc-cron -c cron.conf --now $now 2>err
rc=$?
[ $rc -le 1 ] || fail "run 1: exit $rc: $(cat err)"
a1=$(cat archive/x/2026-12-02.ndjson archive/fedi/2026-12-02.ndjson | wc -l)
[ "$a1" -eq 30 ] || fail "run 1: archive has $a1 posts, want 30"
[ "$(wc -l <inbox/2026-12-02.ndjson)" -eq 30 ] || fail "run 1: inbox"
jq -e 'select(.class.intent and .route and .reply) | .id' \
    inbox/2026-12-02.ndjson >/dev/null || fail "run 1: keys missing"
[ -s reports/2026-12-02-12.txt ] || fail "run 1: no text report"
grep -q '<svg' reports/2026-12-02.html || fail "run 1: no html report"
[ ! -s spool/x.ndjson ] || fail "run 1: spool not emptied"

# newer posts: only they are added
MOCK_URL=$X mock_set posts=25
sc-cron -c cron.conf --now 2026-12-02T12:05:00Z 2>err
rc=$?
[ $rc -le 1 ] || fail "run 2: exit $rc: $(cat err)"
[ "$(wc -l <archive/x/2026-12-02.ndjson)" -eq 25 ] || fail "run 2: x archive"
[ "$(jq -r .id inbox/2026-12-02.ndjson | sort | uniq -d)" = "" ] ||
    fail "run 2: an id twice in the inbox"
[ "$(wc -l <inbox/2026-12-02.ndjson)" -eq 35 ] || fail "run 2: inbox"

# the next day: yesterday's files are compressed
sc-cron -c cron.conf --now 2026-12-03T00:05:00Z 2>err
rc=$?
[ $rc -le 1 ] || fail "run 3: exit $rc: $(cat err)"
[ -f archive/x/2026-12-02.ndjson.gz ] && [ -f inbox/2026-12-02.ndjson.gz ] ||
    fail "run 3: yesterday not compressed: $(ls archive/x inbox)"

# a second run while one holds the lock
flock state/cron.lock sleep 2 &
sleep 0.5
sc-cron -c cron.conf 2>err
rc=$?
wait
[ $rc -eq 75 ] || fail "locked: exit $rc, want 75"

# a bad configuration
printf 'source x x --search acme\nrules rules.json\nbogus 1\n' >bad.conf
sc-cron -c bad.conf 2>err
rc=$?
[ $rc -eq 2 ] || fail "bad config: exit $rc"
grep -q '^sc-cron: .*bad.conf:3: unknown key "bogus"$' err ||
    fail "bad config: $(cat err)"
exit 0
