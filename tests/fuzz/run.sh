#!/bin/sh
# tests/fuzz/run.sh [SECONDS [NAME ...]] - build the fuzz harnesses and run
# each for SECONDS (default 30) over its seed corpus tests/fuzz/corpus/NAME.
#
# With clang and its libFuzzer runtime the harnesses are built with
# -fsanitize=fuzzer,address,undefined; otherwise with the SC_FUZZ_MAIN
# driver (tests/fuzz/driver.h) and the compiler's ASan and UBSan, which
# mutates the seeds at random for the same time.  A crashing input is saved
# under tests/fuzz/crashes/NAME-*; replay it with
#	build-fuzz/fuzz-NAME tests/fuzz/crashes/NAME-...
# SC_FUZZ_MODE=driver forces the driver even where libFuzzer is there.
# Exit 0 when no harness crashed, 1 otherwise, 2 when nothing could be built.
set -u

secs=${1:-30}
[ $# -gt 0 ] && shift
case $secs in
''|*[!0-9]*) echo "usage: $0 [seconds [name ...]]" >&2; exit 2 ;;
esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
out=build-fuzz
crashes=tests/fuzz/crashes
names=${*:-$(for f in tests/fuzz/fuzz-*.c; do
	f=${f#tests/fuzz/fuzz-}; echo "${f%.c}"; done)}
mkdir -p "$out" "$crashes"

PKG_CONFIG=${PKG_CONFIG:-pkg-config}
deps_cflags=$($PKG_CONFIG --cflags libcurl jansson zlib libutf8proc libpcre2-8 2>/dev/null)
deps_libs=$($PKG_CONFIG --libs libcurl jansson zlib libutf8proc libpcre2-8 2>/dev/null)
[ -n "$deps_libs" ] || deps_libs="-lcurl -ljansson -lz -lutf8proc -lpcre2-8"
warn="-Wall -Wextra -Wno-unused-parameter"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
san="$san -fno-omit-frame-pointer"

# libFuzzer when clang has its runtime, else the plain driver.
mode=driver
if [ "${SC_FUZZ_MODE:-}" != driver ] && command -v clang >/dev/null 2>&1; then
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);
int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
{ (void)d; (void)n; return 0; }' >"$out/probe.c"
	if clang -fsanitize=fuzzer -o "$out/probe" "$out/probe.c" \
	    >/dev/null 2>&1; then
		mode=libfuzzer
	fi
	rm -f "$out/probe" "$out/probe.c"
fi

if [ $mode = libfuzzer ]; then
	cc=clang
	libflags="-O1 -g $san -fsanitize=fuzzer-no-link"
	linkflags="-fsanitize=fuzzer"
else
	cc=${CC:-cc}
	libflags="-O1 -g $san"
	linkflags="-DSC_FUZZ_MAIN"
	echo "fuzz: no libFuzzer (clang with its runtime); using the" \
	    "SC_FUZZ_MAIN driver with $cc" >&2
fi

# common/ with the harness's instrumentation, through the Makefile; the
# objects are rebuilt when the compiler or flags change.
if [ "$(cat "$out/flags" 2>/dev/null)" != "$cc $libflags" ]; then
	rm -rf "$out/obj" "$out/libsc.a"
	echo "$cc $libflags" >"$out/flags"
fi
if ! make --no-print-directory BUILD=$out CC="$cc" CFLAGS="$libflags" \
    $out/libsc.a >"$out/build.log" 2>&1; then
	cat "$out/build.log" >&2
	echo "fuzz: cannot build $out/libsc.a" >&2
	exit 2
fi

# What a harness needs from a tool's folder: for each "X.h" it includes
# that common/ lacks, -I for the tools/*/ folder holding X.h and the X.c
# beside it (as tests/fuzz/fuzz-csv.c needs tools/sc-fetch/csv.c).
extra_for() {
	sed -n 's/^#include "\(.*\)\.h".*/\1/p' "$1" | while read -r h; do
		if [ -f "common/$h.h" ] || [ -f "tests/fuzz/$h.h" ]; then
			continue
		fi
		for d in tools/*/; do
			if [ -f "$d$h.h" ]; then
				echo "-I${d%/}"
				[ -f "$d$h.c" ] && echo "$d$h.c"
			fi
		done
	done
}

# In the driver, every sanitizer report ends in SIGABRT: the input is saved.
ubsan=abort_on_error=1:print_stacktrace=1
failed=0
for name in $names; do
	src=tests/fuzz/fuzz-$name.c
	bin=$out/fuzz-$name
	if [ ! -f "$src" ]; then
		echo "fuzz: no harness $src" >&2
		failed=1
		continue
	fi
	# and the sources a harness names in a " * fuzz-sources:" line
	extra="$(extra_for "$src") $(sed -n 's/^ \* fuzz-sources: //p' "$src")"
	# shellcheck disable=SC2086
	if ! $cc -std=c11 -D_DEFAULT_SOURCE -Icommon $warn $deps_cflags \
	    $libflags $linkflags -o "$bin" "$src" $extra $out/libsc.a \
	    $deps_libs -lm; then
		echo "fuzz: cannot build $bin" >&2
		failed=1
		continue
	fi
	seeds=tests/fuzz/corpus/$name
	work=$out/corpus/$name
	mkdir -p "$work"
	[ -d "$seeds" ] || seeds=$work
	log=$out/fuzz-$name.log
	echo "fuzz: $name for ${secs}s ($mode)"
	if [ $mode = libfuzzer ]; then
		"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		    -max_len=65536 -close_fd_mask=2 \
		    -artifact_prefix="$crashes/$name-" "$work" "$seeds" \
		    >"$log" 2>&1
	elif grep -q '^#include "driver.h"' "$src"; then
		ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1} \
		UBSAN_OPTIONS=${UBSAN_OPTIONS:-$ubsan} \
		"$bin" -t "$secs" -o "$crashes/$name-" "$seeds" >"$log" 2>&1
	else
		# A harness with a main of its own: its seeds, once.
		# shellcheck disable=SC2046
		"$bin" $(find "$seeds" -type f | sort) >"$log" 2>&1
	fi
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "fuzz: $name CRASHED (status $rc); see $log and" \
		    "$crashes/" >&2
		grep -E 'ERROR|SUMMARY|runtime error|Test unit|saved as' \
		    "$log" | head -n 12 >&2
		failed=1
	else
		tail -n 1 "$log"
	fi
done
exit $failed
