# lib.sh - sourced by tests/cases/*/net-*.sh: start and stop the mock
# servers of tests/mock (see README there), a scratch directory, fail().
#
#	. "$SC_TOP/tests/mock/lib.sh"
#	mock_start x --posts 30 --log "$T/log"
#	sc-fetch x --api-base "$MOCK_URL" ...

: "${SC_TOP:?}" "${SC_TMP:?}"
T=$(mktemp -d "$SC_TMP/net.XXXXXX") || exit 2
MOCK_PIDS=
export SC_X_TOKEN=test-token SC_MASTODON_TOKEN=test-token

# The interpreter itself, found once per test run: a version manager's
# shim in PATH can take most of a second to start each time.
# run-cases.sh shares $SC_CACHE across the cases of one run.
cache=${SC_CACHE:-$SC_TMP}
if [ -s "$cache/.python" ]; then
	PYTHON=$(cat "$cache/.python")
else
	PYTHON=$(python3 -c 'import sys; print(sys.executable)') || exit 2
	echo "$PYTHON" >"$cache/.python"
fi

fail() {
	echo "$*" >&2
	exit 1
}

# kill_runs MAX MS CMD [ARG...]: runs CMD in the background and kills it
# with kill -9 after a random 0 to MS-1 milliseconds, again and again,
# until a run ends by itself; returns that run's exit status, or 124 when
# all MAX runs were killed.  $kill_n counts the runs started.  CMD may be
# a function that sets up each run's redirections and ends in exec, so
# that the process killed is the program itself.
kill_runs() {
	kill_max=$1 kill_ms=$2
	shift 2
	kill_n=0
	while [ $kill_n -lt "$kill_max" ]; do
		kill_n=$((kill_n + 1))
		"$@" &
		kill_pid=$!
		sleep "$(od -An -N2 -tu2 /dev/urandom |
		    awk -v ms="$kill_ms" '{ printf "%.3f", ($1 % ms) / 1000 }')"
		if kill -9 $kill_pid 2>/dev/null; then
			wait $kill_pid 2>/dev/null
			continue
		fi
		wait $kill_pid
		return $?
	done
	return 124
}

# reply_tsv FILE KEYS: for each post of FILE, the jq expressions KEYS
# (".id, .from_brand") and its in_reply_to_brand, "absent" when it has
# none, as one TAB-separated line.
reply_tsv() {
	jq -r "[$2, (if has(\"in_reply_to_brand\") then .in_reply_to_brand
	    else \"absent\" end)] | @tsv" "$1"
}

# Milliseconds since the epoch, for checking that a run waited.
now() {
	date +%s%N | cut -c1-13
}

# error_scenario SPEC WANT_RC MESSAGE_ERE [sc-fetch options]
#
# Breaks the mock's requests SPEC (server.py --on), runs
# "sc-fetch $FETCH_ARGS" with a state file, -o and no retries, and checks
# the exit status, the one message "sc-fetch: SOURCE: MESSAGE_ERE", that
# $FETCH_SECRET (if set) shows neither in it nor in the state, that the
# first page ($FIRST_PAGE posts) stays written, and then the case's own
# check_state SPEC on the saved cursor.
error_scenario() {
	spec=$1 want=$2 ere=$3
	shift 3
	rm -f "$T/st" "$T/out"
	mock_set "on=$spec" count=0
	# shellcheck disable=SC2086
	sc-fetch $FETCH_ARGS --api-base "$MOCK_URL" --state "$T/st" \
	    -o "$T/out" --retries 0 "$@" 2>"$T/err"
	rc=$?
	[ $rc -eq "$want" ] || fail "$spec: exit $rc, want $want: $(cat "$T/err")"
	grep -Eq "^sc-fetch: ${FETCH_ARGS%% *}: $ere\$" "$T/err" ||
	    fail "$spec: message: $(cat "$T/err")"
	if [ -n "${FETCH_SECRET-}" ] &&
	    grep -q "$FETCH_SECRET" "$T/err" "$T/st" 2>/dev/null; then
		fail "$spec: the token shows"
	fi
	[ "$(wc -l <"$T/out")" -eq "$FIRST_PAGE" ] || fail "$spec: first page"
	check_state "$spec"
}

mock_cleanup() {
	for _p in $MOCK_PIDS; do
		kill "$_p" 2>/dev/null
	done
	for _p in $MOCK_PIDS; do
		wait "$_p" 2>/dev/null
	done
	MOCK_PIDS=
}
trap 'mock_cleanup' EXIT
trap 'exit 2' INT TERM HUP

# mock_start MODULE [server.py options]: MOCK_URL, MOCK_PORT, MOCK_PID.
mock_start() {
	_f=$(mktemp "$T/mock.XXXXXX")
	"$PYTHON" "$SC_TOP/tests/mock/server.py" "$@" >"$_f" 2>"$_f.err" &
	MOCK_PID=$!
	MOCK_PIDS="$MOCK_PIDS $MOCK_PID"
	_i=0
	while ! [ -s "$_f" ]; do
		_i=$((_i + 1))
		if [ $_i -gt 100 ] || ! kill -0 "$MOCK_PID" 2>/dev/null; then
			cat "$_f.err" >&2
			fail "mock $1 did not start"
		fi
		sleep 0.05
	done
	MOCK_PORT=$(head -n 1 "$_f")
	MOCK_URL=http://127.0.0.1:$MOCK_PORT
}

# mock_stop: stop the last server started.
mock_stop() {
	kill "$MOCK_PID" 2>/dev/null
	wait "$MOCK_PID" 2>/dev/null
	MOCK_PIDS=$(echo "$MOCK_PIDS" | sed "s/ $MOCK_PID\$//; s/ $MOCK_PID / /")
}

# mock_set NAME=VALUE...: change knobs of the last server started (values
# are sent as given: no spaces, no '&').
mock_set() {
	_q=$(echo "$*" | tr ' ' '&')
	if command -v curl >/dev/null 2>&1; then
		curl -fsS "$MOCK_URL/_mock/set?$_q" >/dev/null
	else
		"$PYTHON" -c 'import sys, urllib.request
urllib.request.urlopen(sys.argv[1]).read()' "$MOCK_URL/_mock/set?$_q"
	fi || fail "mock_set $*"
}

# mock_get PATH_AND_QUERY [HEADER: VALUE]: the body of a GET to the last
# server started (to save raw pages).
mock_get() {
	"$PYTHON" -c 'import sys, urllib.request
r = urllib.request.Request(sys.argv[1])
if len(sys.argv) > 2:
    k, v = sys.argv[2].split(":", 1)
    r.add_header(k, v.strip())
sys.stdout.buffer.write(urllib.request.urlopen(r).read())' "$MOCK_URL$1" ${2:+"$2"}
}

# mock_count LOG [PATH_RE]: the number of requests logged.
mock_count() {
	if [ $# -gt 1 ]; then
		grep -c "\"path\": \"$2" "$1" || true
	else
		wc -l <"$1" | tr -d ' '
	fi
}
