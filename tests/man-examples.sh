#!/bin/sh
# man-examples.sh BINDIR - run the EXAMPLES of every man page.
#
# In the EXAMPLES section, each .Bd -literal block with lines starting
# "$ " is a transcript: those lines (and their "\e" continuations) are run
# with bash -e -o pipefail in a scratch folder holding sample files; the
# other lines are sample output.  A block passes when it exits 0, or 141
# when the last thing that happened was a reader such as head(1) closing
# its pipe early (SIGPIPE upstream, which pipefail would report).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$1" && pwd) || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-examples.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

work=$tmp/work
mkdir -p "$work" "$tmp/home"
python3 "$top/scripts/gen-posts" -s 1 300 | jq -c 'del(.gen)' \
    >"$work/posts.ndjson" || exit 2
gzip -c "$work/posts.ndjson" >"$work/posts.ndjson.gz"
cp "$top/scripts/examples/"*.json "$work/"
cp "$top/tests/fixtures/export.csv" "$work/"

PATH=$bindir:$top/scripts:$PATH
HOME=$tmp/home
TZ=UTC
LC_ALL=C.UTF-8
export PATH HOME TZ LC_ALL
unset SC_CONFIG SC_DATADIR

n=0
fail=0
for page in "$top"/man/*.[1-9]; do
	name=$(basename "$page")
	# Print each runnable block's commands, blocks separated by a line
	# holding only "#--".
	awk '
	/^\.Sh / { ex = ($0 == ".Sh EXAMPLES") ; next }
	!ex { next }
	/^\.Bd -literal/ { inb = 1; cmd = ""; cont = 0; next }
	/^\.Ed/ {
		if (inb && cmd != "") print cmd "#--"
		inb = 0; next
	}
	!inb { next }
	{
		line = $0
		gsub(/\\e/, "\\", line)
		if (cont) { cmd = cmd line "\n"; cont = (line ~ /\\$/); next }
		if (line ~ /^\$ /) {
			cmd = cmd substr(line, 3) "\n"
			cont = (line ~ /\\$/)
		}
	}' "$page" >"$tmp/blocks" || exit 2
	i=0
	: >"$tmp/script"
	while IFS= read -r l; do
		if [ "$l" = "#--" ]; then
			i=$((i + 1))
			n=$((n + 1))
			(cd "$work" && bash -e -o pipefail "$tmp/script") \
			    >"$tmp/out" 2>&1
			rc=$?
			if [ $rc -eq 0 ] || [ $rc -eq 141 ]; then
				echo "ok $n - $name example $i"
			else
				echo "not ok $n - $name example $i"
				sed 's/^/#   /' "$tmp/script" "$tmp/out" | head -30
				fail=1
			fi
			: >"$tmp/script"
		else
			printf '%s\n' "$l" >>"$tmp/script"
		fi
	done <"$tmp/blocks"
done
echo "1..$n"
exit $fail
