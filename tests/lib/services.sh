# services.sh - start real servers for a test, and make sure they stop.
#
# Sourced by the suites that run sc against real engines (sshd, Slurm,
# PostgreSQL, Chromium).  The contract:
#
#   svc_init NAME      makes a scratch folder $SVC_TMP and sets a trap that,
#                      on exit, on INT and on TERM, stops every service
#                      started below (by pid, newest first), shows their logs
#                      when the test failed, and removes $SVC_TMP.
#   svc_port           prints a TCP port that is free on 127.0.0.1 now.
#   svc_start NAME CMD...
#                      runs CMD in the background, in the foreground mode of
#                      the server (it must not daemonize: its pid is the one
#                      stopped), stdout and stderr to $SVC_TMP/NAME.log.
#   svc_wait NAME SECS CHECK...
#                      runs CHECK every 0.2 s until it succeeds (0), the
#                      service dies (1, with its log) or SECS pass (1).
#   svc_stop NAME [SIG]
#                      sends SIG (TERM by default) to the service and waits
#                      up to 15 s for it and the processes of its session,
#                      then sends KILL; returns 1 if anything survived.
#   svc_strays         prints the processes still running whose command line
#                      names $SVC_TMP (clients the test ran, not services).
#   svc_listeners NAME prints "addr:port" for each TCP socket in LISTEN state
#                      held by the service or any process under it.
#   svc_survivors      prints the pids still running of every service ever
#                      started (the test that nothing survives svc_stop).
#   svc_log FILE...    registers more log files to show on failure.
#   svc_atexit CMD     runs CMD at the end, after the services stopped.
#
# TAP helpers: t DESCRIPTION SH-EXPR evaluates the expression and prints
# "ok N" or "not ok N" (and sets SVC_FAILED); t_skip DESCRIPTION WHY;
# t_done prints the plan and exits 1 if any test failed.
#
# Each service runs in its own session (setsid), so stopping it also stops
# whatever it forked, and nothing is left behind when the test ends.  Only
# POSIX sh plus python3 (for the port and the socket table), as everywhere
# in tests/.

SVC_TMP=
SVC_NAMES=
SVC_ROOTS=
SVC_ATEXIT=:
SVC_LOGS=
SVC_FAILED=0
SVC_N=0

svc_init() {
	SVC_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sc-$1.XXXXXX") || exit 2
	chmod 755 "$SVC_TMP"
	trap 'svc_cleanup; exit $SVC_RC' EXIT
	trap 'SVC_FAILED=1; exit 2' INT TERM HUP
}

svc_cleanup() {
	SVC_RC=$?
	trap - EXIT INT TERM HUP
	[ "$SVC_RC" -ne 0 ] && SVC_FAILED=1
	svc_stop_all
	eval "$SVC_ATEXIT"
	if [ "$SVC_FAILED" -ne 0 ]; then
		for f in $SVC_LOGS; do
			[ -s "$f" ] || continue
			echo "# --- $(basename "$f") (last 40 lines)"
			tail -n 40 "$f" | sed 's/^/#   /'
		done
	fi
	[ -n "$SVC_TMP" ] && rm -rf "$SVC_TMP"
	[ "$SVC_FAILED" -ne 0 ] && [ "$SVC_RC" -eq 0 ] && SVC_RC=1
	return 0
}

svc_port() {
	python3 -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

svc_atexit() {
	SVC_ATEXIT="$SVC_ATEXIT; $*"
}

svc_log() {
	SVC_LOGS="$SVC_LOGS $*"
}

svc_start() {
	_n=$1
	shift
	setsid "$@" >"$SVC_TMP/$_n.log" 2>&1 </dev/null &
	eval "SVC_PID_$_n=$!"
	SVC_ROOTS="$SVC_ROOTS $!"
	SVC_NAMES="$_n $SVC_NAMES"
	svc_log "$SVC_TMP/$_n.log"
}

svc_pid() {
	eval "echo \${SVC_PID_$1:-}"
}

svc_alive() {
	_p=$(svc_pid "$1")
	[ -n "$_p" ] && svc_running "$_p"
}

svc_wait() {
	_n=$1
	_secs=$2
	shift 2
	_end=$(($(date +%s) + _secs))
	while :; do
		"$@" >/dev/null 2>&1 && return 0
		if ! svc_alive "$_n"; then
			echo "# $_n exited before it was ready"
			SVC_FAILED=1
			return 1
		fi
		if [ "$(date +%s)" -ge "$_end" ]; then
			echo "# $_n not ready within $_secs s"
			SVC_FAILED=1
			return 1
		fi
		sleep 0.2
	done
}

# svc_tree PID: PID, the processes of its session and all its
# descendants (a server may start its own sessions, as sshd does per
# login and slurmd per job), one pid a line.
svc_tree() {
	# pid, ppid and session of every process: fields 1, 4 and 6 of its
	# stat file, whose name (field 2, in parentheses) may hold spaces.
	# cat, since mawk stops at a file that vanished after the glob.
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
	{
		i = match($0, /\) [A-Z] /)
		if (!i) next
		split(substr($0, i + 2), f, " ")
		p = $1 + 0; n++; pid[n] = p; ppid[p] = f[2]; sid[p] = f[4]
	}
	END {
		for (i = 1; i <= n; i++) {
			p = pid[i]; keep = (p == root || sid[p] == root)
			for (q = p; !keep && q > 1 && (q in ppid); q = ppid[q])
				if (ppid[q] == root) keep = 1
			if (keep) print p
		}
	}'
	return 0
}

svc_session() {
	_p=$(svc_pid "$1")
	[ -n "$_p" ] && svc_tree "$_p"
}

# Alive and not a zombie (a zombie still answers kill -0).
svc_running() {
	[ -r "/proc/$1/stat" ] &&
	    ! grep -q '^[0-9]* (.*) [ZX] ' "/proc/$1/stat" 2>/dev/null
}

svc_stop() {
	_n=$1
	_sig=${2:-TERM}
	_p=$(svc_pid "$_n")
	[ -n "$_p" ] || return 0
	_all=$(svc_session "$_n")
	kill "-$_sig" "$_p" 2>/dev/null
	_i=0
	while :; do
		_left=
		for _q in $_all; do
			svc_running "$_q" && _left="$_left $_q"
		done
		[ -z "$_left" ] && break
		if [ $_i -ge 75 ]; then
			echo "# $_n: still running after 15 s, killed:$_left"
			kill -KILL $_left 2>/dev/null
			wait "$_p" 2>/dev/null
			eval "SVC_PID_$_n="
			return 1
		fi
		# after the server itself, TERM what it left in its session
		[ $_i -eq 25 ] && kill -TERM $_left 2>/dev/null
		sleep 0.2
		_i=$((_i + 1))
	done
	wait "$_p" 2>/dev/null
	eval "SVC_PID_$_n="
	return 0
}

svc_stop_all() {
	for _m in $SVC_NAMES; do
		svc_stop "$_m" || SVC_FAILED=1
	done
}

# svc_survivors: the processes, not zombies, left of every service ever
# started; empty once all were stopped.
svc_survivors() {
	for _r in $SVC_ROOTS; do
		for _q in $(svc_tree "$_r"); do
			svc_running "$_q" && echo "$_q"
		done
	done
	return 0
}

# svc_strays: processes, not zombies, whose command line names $SVC_TMP:
# what a client such as parallel or ssh may have left running.
svc_strays() {
	python3 - "$SVC_TMP/" <<'EOF'
import os, sys
me = str(os.getpid())
for q in os.listdir("/proc"):
    if not q.isdigit() or q == me:
        continue
    try:
        with open("/proc/%s/cmdline" % q, "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        with open("/proc/%s/stat" % q) as f:
            st = f.read()
    except OSError:
        continue
    if sys.argv[1] in cmd and st[st.rindex(")") + 2] not in "ZX":
        print(q, cmd[:120])
EOF
}

svc_listeners() {
	python3 - $(svc_session "$1") <<'EOF'
import os, sys, socket, struct
pids = sys.argv[1:]
inodes = set()
for p in pids:
    try:
        for fd in os.listdir("/proc/%s/fd" % p):
            try:
                l = os.readlink("/proc/%s/fd/%s" % (p, fd))
            except OSError:
                continue
            if l.startswith("socket:["):
                inodes.add(l[8:-1])
    except OSError:
        pass
def addr4(h):
    return socket.inet_ntop(socket.AF_INET, struct.pack("<I", int(h, 16)))
def addr6(h):
    b = bytes.fromhex(h)
    b = b"".join(b[i:i + 4][::-1] for i in range(0, 16, 4))
    return "[" + socket.inet_ntop(socket.AF_INET6, b) + "]"
for f, conv in (("/proc/net/tcp", addr4), ("/proc/net/tcp6", addr6)):
    try:
        lines = open(f).read().splitlines()[1:]
    except OSError:
        continue
    for line in lines:
        x = line.split()
        if x[3] == "0A" and x[9] in inodes:
            a, port = x[1].split(":")
            print("%s:%d" % (conv(a), int(port, 16)))
EOF
}

# svc_loopback_only NAME: every listening socket of the service is on
# 127.0.0.0/8 or ::1, and it has at least one.
svc_loopback_only() {
	_l=$(svc_listeners "$1")
	echo "# $1 listens on:" $_l
	[ -n "$_l" ] || return 1
	for _a in $_l; do
		case $_a in
		127.*|'[::1]':*) ;;
		*) return 1 ;;
		esac
	done
}

t() {
	SVC_N=$((SVC_N + 1))
	if eval "$2"; then
		echo "ok $SVC_N - $1"
	else
		echo "not ok $SVC_N - $1"
		SVC_FAILED=1
	fi
}

t_skip() {
	SVC_N=$((SVC_N + 1))
	echo "ok $SVC_N - $1 # SKIP $2"
}

t_done() {
	echo "1..$SVC_N"
	[ "$SVC_FAILED" -eq 0 ]
}
