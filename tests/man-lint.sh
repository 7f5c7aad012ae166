#!/bin/sh
# man-lint.sh - every page must pass mandoc -Tlint at warning level.
set -u
cd "$(dirname "$0")/.." || exit 2
n=0
fail=0
for m in man/*.[1-9]; do
	n=$((n + 1))
	out=$(mandoc -Tlint -Wwarning "$m" 2>&1)
	if [ -z "$out" ]; then
		echo "ok $n - $m"
	else
		echo "not ok $n - $m"
		echo "$out" | sed 's/^/#   /'
		fail=1
	fi
done
echo "1..$n"
exit $fail
