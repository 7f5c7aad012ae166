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
if [ -s "$SC_TMP/.python" ]; then
	PYTHON=$(cat "$SC_TMP/.python")
else
	PYTHON=$(python3 -c 'import sys; print(sys.executable)') || exit 2
	echo "$PYTHON" >"$SC_TMP/.python"
fi

fail() {
	echo "$*" >&2
	exit 1
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
