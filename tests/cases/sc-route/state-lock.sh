# Two runs on one state file at once: the second exits 75 (try again
# later) without reading or writing anything; the first is unharmed.
set -u
d=$SC_TMP/lock
rm -rf "$d"
mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; exec 3>&- 2>/dev/null' EXIT

# The first run takes the lock, then waits on a FIFO for its input.
mkfifo "$d/fifo"
sc-route -r agents.json --state "$d/st" "$d/fifo" >"$d/out1" 2>"$d/err1" &
pid=$!
# Wait for its lock to show in /proc/locks (probing with flock(1) could
# take the lock at the moment the run tries it).
held() {
	[ -e "$d/st.lock" ] || return 1
	grep -q ":$(stat -c %i "$d/st.lock") " /proc/locks
}
i=0
until held; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "the first run never took the lock"
	sleep 0.05
done

sc-route -r agents.json --state "$d/st" assign-capacity.in >"$d/out2" \
    2>"$d/err2"
rc=$?
[ $rc -eq 75 ] || fail "second run: exit $rc, want 75"
echo "sc-route: $d/st: locked by another run" | cmp -s - "$d/err2" ||
    fail "second run: $(cat "$d/err2")"
[ -s "$d/out2" ] && fail "second run wrote records"
[ -e "$d/st" ] && fail "second run wrote the state"
sc-route -r agents.json --state "$d/st" --queue 2>/dev/null
[ $? -eq 2 ] || fail "--queue before any state: not exit 2"

# The first run goes on and finishes.
cat assign-capacity.in >"$d/fifo"
wait "$pid"
rc=$?
pid=
[ $rc -eq 0 ] || fail "first run: exit $rc: $(cat "$d/err1")"
cmp -s assign-capacity.out "$d/out1" || fail "first run: output differs"
sc-route --queue --state "$d/st" | grep -q '"post":"x:5"' ||
    fail "first run: no state"
exit 0
