#!/bin/sh
# cluster-ssh.sh BINDIR - sc's filters over "several hosts" with GNU
# parallel and a real sshd, as sc(7) says to run them.
#
# Starts its own sshd (Debian openssh-server) on a free port of 127.0.0.1,
# with its own configuration, host key and user key, in the foreground,
# and stops it by pid at the end, also on failure.  Three ssh host names
# (node1..node3) lead to it, so parallel spreads the jobs as it would over
# three machines; the job log shows which "host" ran each block.  Prints
# TAP.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd) || exit 2
. "$top/tests/lib/services.sh"
svc_init cluster-ssh
d=$SVC_TMP
LC_ALL=C.UTF-8
TZ=UTC
HOME=$d/home
export LC_ALL TZ HOME
unset SC_CONFIG SC_DATADIR
mkdir -p "$HOME"

sshd=/usr/sbin/sshd
for c in parallel ssh ssh-keygen "$sshd"; do
	if ! command -v "$c" >/dev/null 2>&1; then
		# Only a developer's machine may lack them: CI installs them.
		if [ -n "${CI:-}" ]; then
			t "$c is installed" false
		else
			t_skip "ssh cluster" "$c not installed (scripts/install-deps)"
		fi
		t_done
		exit
	fi
done

# -- the "hosts": one sshd, three names ------------------------------------
user=$(id -un)
port=$(svc_port)
ssh-keygen -q -t ed25519 -N '' -C sc-test-host -f "$d/host_key" || exit 2
ssh-keygen -q -t ed25519 -N '' -C sc-test-user -f "$d/user_key" || exit 2
cp "$d/user_key.pub" "$d/authorized_keys"
cat >"$d/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $d/host_key
PidFile none
AuthorizedKeysFile $d/authorized_keys
AllowUsers $user
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
PermitUserEnvironment no
MaxStartups 64
MaxSessions 64
LogLevel VERBOSE
EOF
printf 'sc-test-nodes %s\n' "$(cut -d' ' -f1,2 "$d/host_key.pub")" \
    >"$d/known_hosts"
cat >"$d/ssh_config" <<EOF
Host node1 node2 node3
	HostName 127.0.0.1
	Port $port
	User $user
	HostKeyAlias sc-test-nodes
	UserKnownHostsFile $d/known_hosts
	StrictHostKeyChecking yes
	IdentityFile $d/user_key
	IdentitiesOnly yes
	BatchMode yes
	LogLevel ERROR
EOF
# sshd, run by root, wants its privilege separation folder, which its
# init script would make; make it only if missing, and remove it after.
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -m 755 /run/sshd && svc_atexit 'rmdir /run/sshd'
fi
"$sshd" -t -f "$d/sshd_config" >"$d/sshd-t.log" 2>&1
rc=$?
t "sshd accepts its configuration" '[ $rc -eq 0 ] || { cat "$d/sshd-t.log"; false; }'
svc_start sshd "$sshd" -D -e -f "$d/sshd_config"
ssh="ssh -F $d/ssh_config"
svc_wait sshd 20 $ssh node1 true
t "sshd answers on 127.0.0.1:$port with key login" \
    "$ssh node2 'echo \$((6 * 7))' | grep -qx 42"
t "sshd listens on loopback only" "svc_loopback_only sshd"

# -- the input: a generated week ----------------------------------------------
python3 "$top/scripts/gen-posts" -s 3 --days 7 4000 >"$d/week.ndjson" || exit 2
gzip -c "$d/week.ndjson" >"$d/week.ndjson.gz"
# The environment does not travel over ssh: name the configuration.
echo '{}' >"$d/config.json"
classify="$bindir/sc-classify --config $d/config.json"
$classify <"$d/week.ndjson" >"$d/single.ndjson" 2>"$d/single.err"
rc=$?
t "sc-classify, one run over the week" \
    '[ $rc -eq 0 ] && [ "$(wc -l <"$d/single.ndjson")" -eq 4000 ]'

# -- the stateless filter over three hosts ------------------------------------
# The command each "host" runs: the programs are at the same path there,
# as after "make install" on every node.
hosts=1/node1,1/node2,1/node3
par() {
	parallel --ssh "$ssh" -S "$hosts" --pipe --keep-order "$@"
}
# Blocks of 256 KiB: about 10 jobs, so every host gets several.
par --block 256k --joblog "$d/jobs" "$classify" \
    <"$d/week.ndjson" >"$d/many.ndjson" 2>"$d/many.err"
rc=$?
svc_log "$d/many.err" "$d/jobs"
t "parallel --pipe --keep-order over ssh exits 0" '[ $rc -eq 0 ]'
t "the output equals one run's, byte for byte" \
    'cmp "$d/single.ndjson" "$d/many.ndjson"'
t "every host ran blocks of it" \
    'for h in node1 node2 node3; do awk -F"\t" -v h=$h "NR > 1 && \$2 == h" "$d/jobs" | grep -q . || exit 1; done'
t "many jobs, all exited 0" \
    '[ "$(awk -F"\t" "NR > 1" "$d/jobs" | wc -l)" -ge 6 ] && awk -F"\t" "NR > 1 && \$7 != 0 { exit 1 }" "$d/jobs"'
echo "# $(awk -F'\t' 'NR > 1 { n[$2]++ } END { for (h in n) printf "%s: %d jobs  ", h, n[h] }' "$d/jobs")"

# gzip'd input, as archives are kept: decompress on the way in.
gzip -dc "$d/week.ndjson.gz" | par --block 1m "$classify" \
    >"$d/many2.ndjson" 2>>"$d/many.err"
t "the same from the gzip'd archive" 'cmp "$d/single.ndjson" "$d/many2.ndjson"'

# A rejected record in one block: the remote exit status 1 comes back,
# the message reaches stderr, and the good records are all there.
{ head -n 1000 "$d/week.ndjson"; echo '{"id": 5'; tail -n +1001 "$d/week.ndjson"; } |
    par --block 512k "$classify" >"$d/bad.ndjson" 2>"$d/bad.err"
rc=$?
t "a rejected line on a remote host: status 1 and its message" \
    '[ $rc -eq 1 ] && grep -q "sc-classify: <stdin>:" "$d/bad.err"'
t "... and all good records, in order" 'cmp "$d/single.ndjson" "$d/bad.ndjson"'

# -- drafting over three hosts, whole conversations per job --------------------
# sc-reply remembers the last reply of each conversation within a run, so
# each job gets whole conversations: grouped by conversation, a blank line
# (which every sc program skips) after each, and that blank line is where
# parallel may cut (--recend).
ex=$top/scripts/examples
reply="$bindir/sc-reply --config $d/config.json -t $ex/templates.json -a Maria"
jq -r -s 'group_by(.conversation_id // .id)[] | (map(tojson) | join("\n")) + "\n"' \
    "$d/single.ndjson" >"$d/grouped.ndjson"
$reply <"$d/grouped.ndjson" >"$d/replied.single" 2>"$d/reply.err"
rc=$?
svc_log "$d/reply.err"
t "sc-reply drafts over the grouped week, one run" \
    '[ $rc -eq 0 ] && [ "$(grep -c "\"reply\"" "$d/replied.single")" -gt 100 ]'
par --block 512k --recend '\n\n' --joblog "$d/jobs.reply" "$reply" \
    <"$d/grouped.ndjson" >"$d/replied.many" 2>>"$d/reply.err"
rc=$?
t "sc-reply over three hosts equals one run, byte for byte" \
    '[ $rc -eq 0 ] && cmp "$d/replied.single" "$d/replied.many"'
t "... in several jobs" \
    '[ "$(awk -F"\t" "NR > 1" "$d/jobs.reply" | wc -l)" -ge 3 ]'

# -- the report's shards, merged --------------------------------------------
if "$bindir/sc-report" --help 2>&1 | grep -q -- '--shard'; then
	# The archive is at the same path on every host (shared storage, as
	# the programs are); each host writes its partial state to a scratch
	# folder of its own and sends it back on standard output, which
	# --results keeps in one local file per shard.  --now: the same for
	# all, so SLAs are judged alike.
	report="$bindir/sc-report --by platform --now 2026-11-24T00:00:00Z"
	n=3
	seq 1 $n | parallel --ssh "$ssh" -S "$hosts" --results "$d/res" \
	    "t=\$(mktemp -d) && $report --shard {}/$n --partial \$t/part $d/week.ndjson.gz && cat \$t/part; rc=\$?; rm -rf \$t; exit \$rc" \
	    >/dev/null 2>"$d/shards.err"
	rc=$?
	svc_log "$d/shards.err"
	parts=
	for k in $(seq 1 $n); do
		cp "$d/res/1/$k/stdout" "$d/part.$k" 2>/dev/null
		parts="$parts $d/part.$k"
	done
	t "sc-report shards 1/3..3/3 over ssh exit 0, their partial states back" \
	    '[ $rc -eq 0 ] && for p in $parts; do [ -s "$p" ] || exit 1; done'
	# Each shard holds a share of the inbound posts, and they add up.
	sum=0
	for p in $parts; do
		i=$("$bindir/sc-report" --merge "$p" | head -n 1 | jq .inbound)
		echo "# shard $p: ${i:-?} inbound"
		sum=$((sum + ${i:-0}))
		[ "${i:-0}" -gt 0 ] || sum=-1
	done
	all=$($report "$d/week.ndjson" | head -n 1 | jq .inbound)
	t "each shard has some of the $all inbound posts, together all" \
	    '[ "$sum" -eq "$all" ]'
	for fmt in ndjson table csv html; do
		$report --format $fmt "$d/week.ndjson" >"$d/report.$fmt" 2>>"$d/shards.err"
		"$bindir/sc-report" --merge --format $fmt $parts \
		    >"$d/merged.$fmt" 2>>"$d/shards.err"
		t "--merge of the shards equals the single run, byte for byte: $fmt" \
		    '[ -s "$d/report.$fmt" ] && cmp "$d/report.$fmt" "$d/merged.$fmt"'
	done
else
	t_skip "sc-report shards over ssh" "sc-report has no --shard yet"
fi

svc_stop sshd
t "sshd and its sessions are gone" '[ -z "$(svc_survivors)" ]'
t "nothing of the test is left running" '[ -z "$(svc_strays)" ]'
t_done
