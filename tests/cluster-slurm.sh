#!/bin/sh
# cluster-slurm.sh BINDIR - sc's shards as a Slurm array job on a real
# one-node cluster, followed by a dependent merge job, as sc(7) says.
#
# Starts munged (its own key and socket folder), slurmctld and slurmd
# (Debian slurm-wlm) from a slurm.conf it writes, on ports of its own,
# all in the foreground, and stops them by pid at the end, also on failure.
# Slurm's daemons listen on every address of their host and have no
# setting to bind to one, so the whole test runs in a network namespace
# of its own (unshare --net) whose only interface is the loopback: nothing
# is reachable from outside, and nothing outside is disturbed.  That needs
# root, as Slurm run like this does.  Prints TAP.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd) || exit 2
. "$top/tests/lib/services.sh"

missing=
for c in munged slurmctld slurmd sbatch squeue sinfo scontrol unshare ip; do
	command -v "$c" >/dev/null 2>&1 || { missing=$c; break; }
done
if [ -n "$missing" ] || [ "$(id -u)" -ne 0 ]; then
	why=${missing:+"$missing not installed (scripts/install-deps)"}
	why=${why:-"needs root"}
	# Only a developer's machine may lack them: CI has them, as root.
	if [ -n "${CI:-}" ]; then
		t "Slurm cluster can run here" false
		echo "# $why"
	else
		t_skip "Slurm cluster" "$why"
	fi
	t_done
	exit
fi
if [ -z "${SC_TEST_NETNS:-}" ]; then
	SC_TEST_NETNS=1 exec unshare --net -- sh "$0" "$bindir"
	exit 2
fi
# getaddrinfo() with AI_ADDRCONFIG, as Slurm calls it, finds no address
# when the host's only IPv4 address is 127.0.0.1 itself; a second one from
# the loopback range makes it look further, and still leads nowhere else.
ip link set lo up && ip addr add 127.0.0.2/8 dev lo || exit 2

svc_init cluster-slurm
d=$SVC_TMP
LC_ALL=C.UTF-8
TZ=UTC
HOME=$d/home
SLURM_CONF=$d/slurm.conf
export LC_ALL TZ HOME SLURM_CONF
unset SC_CONFIG SC_DATADIR
mkdir -p "$HOME" "$d/munge" "$d/state" "$d/spool" "$d/work"
chmod 755 "$d/munge"

# Every process left in this network namespace at the end is one of ours
# (slurmstepd leaves slurmd's process tree): list them to prove none
# survived, and kill what did.
netns_others() {
	python3 - <<'EOF'
import os
me = os.readlink("/proc/self/ns/net")
mine = set()
p = os.getpid()
while p > 1:
    mine.add(p)
    with open("/proc/%d/stat" % p) as f:
        s = f.read()
    p = int(s[s.rindex(")") + 2:].split()[1])
for q in os.listdir("/proc"):
    if not q.isdigit() or int(q) in mine:
        continue
    try:
        if os.readlink("/proc/%s/ns/net" % q) != me:
            continue
        with open("/proc/%s/stat" % q) as f:
            s = f.read()
    except OSError:
        continue
    if s[s.rindex(")") + 2] not in "ZX":
        print(q, s[s.index("(") + 1:s.rindex(")")])
EOF
}
svc_atexit 'for p in $(netns_others | cut -d" " -f1); do kill -KILL $p 2>/dev/null; done'
t "the namespace has only the loopback interface, up" \
    '[ "$(ip -o link | awk -F": " "{ print \$2 }")" = lo ] && ip -o addr | grep -q "inet 127.0.0.1"'

# -- munge --------------------------------------------------------------------
head -c 1024 /dev/urandom >"$d/munge/munge.key"
chmod 600 "$d/munge/munge.key"
sock=$d/munge/munge.socket
svc_start munged munged -F --key-file="$d/munge/munge.key" --socket="$sock" \
    --pid-file="$d/munge/munged.pid" --seed-file="$d/munge/seed" \
    --log-file="$d/munge/munged.log"
svc_log "$d/munge/munged.log"
svc_wait munged 20 sh -c "echo x | munge -S '$sock' | unmunge -S '$sock'"
t "munged answers on its own socket" \
    "echo sc | munge -S '$sock' | unmunge -S '$sock' | tail -n 1 | grep -qx sc"

# -- slurmctld and slurmd -------------------------------------------------------
p1=$(svc_port)
p2=$(svc_port)
while [ "$p2" = "$p1" ]; do p2=$(svc_port); done
cpus=$(nproc 2>/dev/null || echo 1)
cat >"$SLURM_CONF" <<EOF
ClusterName=sctest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$p1
SlurmdPort=$p2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
NodeName=node1 NodeHostname=localhost NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=sc Nodes=node1 Default=YES MaxTime=10 State=UP
EOF
svc_start slurmctld slurmctld -D -i -f "$SLURM_CONF"
svc_start slurmd slurmd -D -N node1 -f "$SLURM_CONF"
t0=$(date +%s)
svc_wait slurmd 60 sh -c '[ "$(sinfo -h -n node1 -o %t)" = idle ]'
rc=$?
t "slurmctld and slurmd up, node1 idle within 60 s ($(($(date +%s) - t0)) s)" \
    '[ $rc -eq 0 ] || { sinfo; false; }'
[ $rc -eq 0 ] || { t_done; exit 1; }
echo "# slurmctld listens on: $(svc_listeners slurmctld | tr '\n' ' ')"

# jobs_done SECS JOB...: wait until no job of these is pending or running.
jobs_done() {
	_secs=$1
	shift
	_end=$(($(date +%s) + _secs))
	while [ "$(date +%s)" -lt "$_end" ]; do
		squeue -h -j "$(echo "$@" | tr ' ' ,)" 2>/dev/null | grep -q . ||
		    return 0
		sleep 0.3
	done
	echo "# jobs $* still queued after $_secs s:"
	squeue | sed 's/^/#   /'
	return 1
}
# state JOB: the states of a job (of each task of an array), one a line.
state() {
	scontrol -o show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p'
}

# -- the input: a generated week, split in three -------------------------------
python3 "$top/scripts/gen-posts" -s 5 --days 7 3000 >"$d/work/week.ndjson" ||
    exit 2
echo '{}' >"$d/config.json"
classify="$bindir/sc-classify --config $d/config.json"
$classify <"$d/work/week.ndjson" >"$d/single.ndjson"
rc=$?
t "sc-classify, one run over the week" '[ $rc -eq 0 ] && [ -s "$d/single.ndjson" ]'
(cd "$d/work" && split -n l/3 -d -a 1 week.ndjson part.) || exit 2

# -- the shards as an array job, then the merge, dependent on all --------------
cd "$d/work" || exit 2
arr=$(sbatch --parsable --array=0-2 -J sc-classify -o 'shard.%a.log' \
    --wrap "$classify part.\$SLURM_ARRAY_TASK_ID >out.\$SLURM_ARRAY_TASK_ID")
t "sbatch --array=0-2 accepted ($arr)" '[ -n "$arr" ]'
merge=$(sbatch --parsable -d "afterok:$arr" -J sc-merge -o merge.log \
    --wrap 'cat out.0 out.1 out.2 >merged.ndjson')
t "the merge job, dependent on the array ($merge)" '[ -n "$merge" ]'
jobs_done 90 "$arr" "$merge"
t "every shard COMPLETED" '[ "$(state "$arr" | sort -u)" = COMPLETED ] && [ "$(state "$arr" | wc -l)" -eq 3 ]'
t "the merge COMPLETED" '[ "$(state "$merge")" = COMPLETED ]'
t "the merged output equals one run's, byte for byte" \
    'cmp "$d/single.ndjson" merged.ndjson'
svc_log "$d/work/shard.0.log" "$d/work/merge.log"

# A shard that fails holds its merge back: no partial result is written.
bad=$(sbatch --parsable --array=0-1 -o 'bad.%a.log' \
    --wrap "$classify --strict nosuchfile.\$SLURM_ARRAY_TASK_ID >/dev/null")
held=$(sbatch --parsable -d "afterok:$bad" --kill-on-invalid-dep=yes \
    -o held.log --wrap 'echo ran >held.ndjson')
jobs_done 60 "$bad" "$held"
t "a failed shard: its merge never runs" \
    '[ "$(state "$bad" | sort -u)" = FAILED ] && [ ! -e held.ndjson ] && state "$held" | grep -qx CANCELLED'

# -- the report's shards and merge ----------------------------------------------
if "$bindir/sc-report" --help 2>&1 | grep -q -- '--shard'; then
	report="$bindir/sc-report --by platform --now 2026-11-24T00:00:00Z"
	$report "$d/single.ndjson" >"$d/report.single"
	$report --format html "$d/single.ndjson" >"$d/report.single.html"
	rarr=$(sbatch --parsable --array=1-3 -o 'report.%a.log' --wrap \
	    "$report --shard \$SLURM_ARRAY_TASK_ID/3 --partial part.\$SLURM_ARRAY_TASK_ID.state $d/single.ndjson")
	rmerge=$(sbatch --parsable -d "afterok:$rarr" --kill-on-invalid-dep=yes \
	    -o rmerge.log --wrap \
	    "$bindir/sc-report --merge part.1.state part.2.state part.3.state >report.merged && $bindir/sc-report --merge --format html part.1.state part.2.state part.3.state >report.merged.html")
	jobs_done 90 "$rarr" "$rmerge"
	svc_log "$d/work/report.1.log" "$d/work/rmerge.log"
	t "sc-report shards (array) and --merge (dependent) COMPLETED" \
	    '[ "$(state "$rarr" | sort -u)" = COMPLETED ] && [ "$(state "$rmerge")" = COMPLETED ]'
	t "the merged report equals the single run's, byte for byte" \
	    'cmp "$d/report.single" report.merged'
	t "... in HTML too" 'cmp "$d/report.single.html" report.merged.html'
else
	t_skip "sc-report shards on Slurm" "sc-report has no --shard yet"
fi
cd "$d" || exit 2

svc_stop slurmd
svc_stop slurmctld
svc_stop munged
t "munged, slurmctld, slurmd and every job step are gone" \
    '[ -z "$(svc_survivors)" ] && [ -z "$(netns_others)" ] || { netns_others; false; }'
t "nothing of the test is left running" '[ -z "$(svc_strays)" ]'
t_done
