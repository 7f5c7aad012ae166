#!/bin/sh
# valgrind.sh BINDIR - a representative subset of the end-to-end cases
# (tests/cases) with every program run under valgrind's memcheck: each
# program's invalid reads and writes, uses of uninitialised values and
# definite or indirect leaks fail the case; memory still reachable at an
# exit() is not counted (die() leaves it so by design).  It complements
# the ASan+UBSan run: memcheck needs no rebuild and sees the optimised
# binaries that are installed.  Prints TAP; skips when valgrind is absent.
#
# The subset (SC_CASES, patterns of TOOL/CASE) covers each program's main
# path, rejects, gzip input, -o and the configuration files, and keeps the
# run near a minute on two cores; the network cases (mock servers with
# timeouts) stay with the other runs.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "${1:-$top/build/bin}" && pwd) || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed (scripts/install-deps)"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-valgrind.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/bin" "$tmp/log"

# A wrapper per program, found first in PATH by the case runner.
for p in "$bindir"/sc-*; do
	name=$(basename "$p")
	cat >"$tmp/bin/$name" <<EOW
#!/bin/sh
exec valgrind -q --tool=memcheck --error-exitcode=99 --leak-check=full \\
    --errors-for-leak-kinds=definite,indirect \\
    --show-leak-kinds=definite,indirect --track-origins=no \\
    --log-file="$tmp/log/$name.%p" "$p" "\$@"
EOW
	chmod 755 "$tmp/bin/$name"
done
# The data files beside the programs, as the build tree has them.
[ -d "$bindir/../share" ] && ln -s "$bindir/../share" "$tmp/share"

SC_CASES=${SC_CASES:-"
sc-route/example sc-route/bad-records sc-route/gzip sc-route/rejects
sc-route/output sc-route/combo sc-route/config sc-route/max-line
sc-route/rules-dev-zero sc-route/bad-option
sc-report/bad sc-report/by-platform sc-report/output sc-report/gzip
sc-report/table sc-report/csv sc-report/business sc-report/rules-bad
sc-fetch/csv-export sc-fetch/csv-map sc-fetch/csv-bom sc-fetch/gzip
sc-fetch/rejects sc-fetch/round-trip sc-fetch/not-json
sc-classify/bad-records sc-classify/gzip-input sc-classify/lang-en
sc-classify/intent-en sc-classify/empty-text sc-classify/corpus-model
sc-reply/bad-records sc-reply/example-templates sc-reply/gzip
sc-reply/kb sc-reply/rejects
"}
export SC_CASES
sh "$top/tests/run-cases.sh" "$tmp/bin" >"$tmp/tap"
rc=$?
grep -v '^1\.\.' "$tmp/tap"
n=$(grep -c '^ok \|^not ok ' "$tmp/tap")
# Any report valgrind wrote is a failure, also where the case passed.
bad=0
for l in "$tmp"/log/*; do
	[ -s "$l" ] || continue
	bad=$((bad + 1))
	echo "not ok $((n + bad)) - memcheck: $(basename "$l")"
	sed 's/^/#   /' "$l" | head -40
done
if [ $bad -eq 0 ]; then
	n=$((n + 1))
	echo "ok $n - memcheck: no errors, no leaks in $(ls "$tmp/log" | wc -l) runs"
fi
echo "1..$((n + bad))"
[ $rc -eq 0 ] && [ $bad -eq 0 ]
