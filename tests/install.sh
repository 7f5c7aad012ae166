#!/bin/sh
# install.sh BUILD - make install into a scratch DESTDIR, check what lands
# and that the installed programs find their data; then run the demo.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
fail=0
t() {
	n=$((n + 1))
	if eval "$2"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		fail=1
	fi
}

cd "$top" || exit 2
t "make install DESTDIR=... PREFIX=/usr" \
    'make -s --no-print-directory BUILD="$build" DESTDIR="$tmp/root" PREFIX=/usr install >"$tmp/log" 2>&1 || { cat "$tmp/log"; false; }'
for p in sc-fetch sc-classify sc-route sc-reply sc-report; do
	t "$p installed and runs" \
	    "[ -x '$tmp/root/usr/bin/$p' ] && '$tmp/root/usr/bin/$p' --version | grep -q '^$p '"
	t "$p.1 installed" "[ -f '$tmp/root/usr/share/man/man1/$p.1' ]"
done
t "sc-cron installed, with its man page and example units" \
    "[ -x '$tmp/root/usr/bin/sc-cron' ] && '$tmp/root/usr/bin/sc-cron' --help | grep -q '^usage: sc-cron ' && [ -f '$tmp/root/usr/share/man/man1/sc-cron.1' ] && [ -f '$tmp/root/usr/share/sc/examples/sc-cron.timer' ] && [ -f '$tmp/root/usr/share/sc/examples/sc-cron.service' ] && [ -f '$tmp/root/usr/share/sc/examples/sc-cron.conf' ]"
t "sc-pg-load installed and runs" \
    "[ -x '$tmp/root/usr/bin/sc-pg-load' ] && '$tmp/root/usr/bin/sc-pg-load' -h | grep -q '^usage: sc-pg-load '"
t "sc-post.5, sc-route.5 and sc.7 installed" \
    "[ -f '$tmp/root/usr/share/man/man5/sc-post.5' ] && [ -f '$tmp/root/usr/share/man/man5/sc-route.5' ] && [ -f '$tmp/root/usr/share/man/man7/sc.7' ]"
t "example rules and templates installed" \
    "[ -f '$tmp/root/usr/share/sc/examples/rules.json' ] && [ -f '$tmp/root/usr/share/sc/examples/templates.json' ]"
# The installed classifier must find its data beside itself, with no
# environment help, even after the build tree is gone from its view.
t "installed sc-classify finds its data files" \
    "echo '{\"text\":\"my flight was cancelled, still waiting for a refund\"}' | env -u SC_DATADIR '$tmp/root/usr/bin/sc-classify' | grep -q '\"class\"'"
t "uninstall removes what install put" \
    'make -s --no-print-directory BUILD="$build" DESTDIR="$tmp/root" PREFIX=/usr uninstall >/dev/null 2>&1 && [ -z "$(find "$tmp/root" -type f)" ]'
t "make demo prints response rate and first-response time" \
    'sh scripts/demo "$build/bin" >"$tmp/demo" 2>&1 && grep -qi "response rate" "$tmp/demo" && grep -qi "first response" "$tmp/demo" || { cat "$tmp/demo"; false; }'
# install-deps: its options (nothing is installed: everything is here).
t "install-deps refuses an unknown option with exit 2" \
    'sh scripts/install-deps --bogus 2>"$tmp/err"; [ $? -eq 2 ] && grep -q "^usage: install-deps \[--build\] \[--if-missing\]" "$tmp/err"'
t "install-deps --build --if-missing does nothing when all is there" \
    'PATH=/nonexistent:$PATH sh scripts/install-deps --build --if-missing >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]'
echo "1..$n"
exit $fail
