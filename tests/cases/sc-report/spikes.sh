# --spikes on four synthetic weeks of ordinary traffic (random arrivals,
# busy days and quiet nights, quieter weekends) with a surge of four times
# the usual volume from a known minute: once a day of history exists, no
# spike on the ordinary weeks and no alert at any of 30 moments of them;
# the alert (exit 3) once the surge's first bucket is in, naming it.
set -u
t=$SC_TMP
python3 - "$t" <<'PY' || exit 1
import json, math, random, sys
from datetime import datetime, timedelta, timezone
out = sys.argv[1]
rnd = random.Random(12)
start = datetime(2026, 10, 5, tzinfo=timezone.utc)      # a Monday
surge = datetime(2026, 10, 28, 14, 0, tzinfo=timezone.utc)
def rate(t):                                            # posts a minute
    h = t.hour + t.minute / 60
    day = 0.15 + 0.85 * max(0.0, math.sin(math.pi * (h - 6) / 16)) if 6 <= h <= 22 else 0.15
    r = 2.0 * day * (0.6 if t.weekday() >= 5 else 1.0)
    if surge <= t < surge + timedelta(hours=3):
        r *= 4
    return r
def pois(lam):
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rnd.random()
        if p <= l: return k
        k += 1
posts, n, t = [], 0, start
while t < start + timedelta(days=28):
    for _ in range(pois(rate(t))):
        n += 1
        ts = t + timedelta(seconds=rnd.randrange(60))
        posts.append((ts, {"id": "x:%d" % n, "created_at": ts.strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "from_brand": False}))
    t += timedelta(minutes=1)
posts.sort(key=lambda p: (p[0], p[1]["id"]))
with open(out + "/before.ndjson", "w") as b, open(out + "/first.ndjson", "w") as f, \
     open(out + "/all.ndjson", "w") as a:
    for ts, p in posts:
        line = json.dumps(p, separators=(",", ":")) + "\n"
        a.write(line)
        if ts < surge: b.write(line)
        if ts < surge + timedelta(minutes=15): f.write(line)
cut = sorted(rnd.sample(range(len(posts)), 200))
cuts = [c for c in cut if posts[c][0] > start + timedelta(days=2) and posts[c][0] < surge][:30]
with open(out + "/cuts", "w") as c:
    c.write("\n".join(str(c + 1) for c in cuts) + "\n")
PY
# ordinary weeks: no spike once a day of history exists (the first day's
# baseline, the trailing hours, is weak), and no alert at any moment
sc-report --spikes --alert "$t/before.ndjson" > "$t/out"
rc=$?
[ $rc -eq 0 ] || { echo "alert on ordinary weeks (exit $rc)"; cat "$t/out"; exit 1; }
jq -e -s 'all(.basis == "hours")' "$t/out" > /dev/null ||
    { echo "spikes on ordinary weeks:"; cat "$t/out"; exit 1; }
[ "$(wc -l < "$t/cuts")" -ge 25 ] || exit 1
while read -r n; do
	head -n "$n" "$t/before.ndjson" | sc-report --spikes --alert > "$t/out"
	rc=$?
	[ $rc -eq 0 ] || { echo "alert after line $n (exit $rc)"; cat "$t/out"; exit 1; }
done < "$t/cuts"
# the surge's first bucket: alert, and that bucket is the first spike
sc-report --spikes --alert "$t/first.ndjson" > "$t/out"
rc=$?
[ $rc -eq 3 ] || { echo "no alert in the surge's first bucket (exit $rc)"; cat "$t/out"; exit 1; }
jq -e -s 'map(select(.basis != "hours")) | length == 1 and
    .[0].start == "2026-10-28T14:00:00Z" and .[0].basis == "week" and .[0].score >= 6' \
    "$t/out" > /dev/null || { echo "not just the surge's bucket:"; cat "$t/out"; exit 1; }
# over everything, the spikes are the surge's buckets only; the table too
sc-report --spikes "$t/all.ndjson" | jq -e -s 'map(select(.basis != "hours")) |
    length >= 10 and all(.start >= "2026-10-28T14:00:00Z" and .start < "2026-10-28T17:00:00Z")' \
    > /dev/null || { sc-report --spikes "$t/all.ndjson"; exit 1; }
sc-report --spikes --format table "$t/first.ndjson" > "$t/table" || exit 1
head -1 "$t/table" | grep -q '^START  *INBOUND  *BASELINE  *SCORE  *BASIS$' || exit 1
grep -q '^2026-10-28T14:00:00Z' "$t/table" || exit 1
