# net-common-state-corrupt: a state file with a field of the wrong type,
# out of range or missing (issue 8: "length" "x", 1e20, -5 or absent
# while "open" made the output cut to 0 bytes, exit 0, and the lost posts
# were never fetched again) ends the run with 2 naming the file and the
# field, and leaves output and state as they were.  So does a length past
# the end of the output or inside a record, and a directory as state.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 5 --page-size 10
run() {
	sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
	    -o "$T/out" >/dev/null 2>"$T/err"
}
run || fail "first run: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" -eq 5 ] || fail "first run: posts"
cp "$T/st" "$T/good"
cp "$T/out" "$T/keep"
real=$(realpath "$T/out")
o="\"outputs\".\"$real\""
q='"queries"."x search acme"'
tail='; not a state file sc-fetch wrote (fix or delete it)'

# corrupt FILTER WANT: the state made by jq FILTER (or sed when it starts
# with s/) from the good one; exit 2 and the message WANT after "st: "
# (when WANT is not empty); output and state untouched
corrupt() {
	case $1 in
	s/*) sed "$1" "$T/good" >"$T/st" ;;
	*) jq -c "$1" "$T/good" >"$T/st" ;;
	esac
	cp "$T/st" "$T/st.before"
	run
	rc=$?
	[ $rc -eq 2 ] || fail "$1: exit $rc: $(cat "$T/err")"
	[ -z "$2" ] || [ "$(cat "$T/err")" = "sc-fetch: $T/st: $2" ] ||
	    fail "$1: got:  $(cat "$T/err")
want: sc-fetch: $T/st: $2"
	cmp -s "$T/out" "$T/keep" || fail "$1: the output changed"
	cmp -s "$T/st" "$T/st.before" || fail "$1: the state changed"
}

corrupt '.outputs[].open = true | .outputs[].length = "x"' \
    "$o.\"length\": expected a whole number of bytes, 0 or more, got a string$tail"
corrupt 's/"length":[0-9]*/"length":1e20/; s/"open":false/"open":true/' \
    "$o.\"length\": expected a whole number of bytes, 0 or more, got 1e+20$tail"
corrupt '.outputs[].open = true | .outputs[].length = -5' \
    "$o.\"length\": expected a whole number of bytes, 0 or more, got -5$tail"
corrupt '.outputs[].open = true | del(.outputs[].length)' \
    "$o.\"length\": expected a whole number of bytes, 0 or more, got nothing$tail"
corrupt '.outputs[].open = "yes"' \
    "$o.\"open\": expected true or false, got a string$tail"
corrupt '.outputs[].inode = null' \
    "$o.\"inode\": expected a whole number, got null$tail"
corrupt '.outputs[] = []' \
    "$o: expected an object, got an array$tail"
corrupt '.outputs = 1' \
    "\"outputs\": expected an object, got 1$tail"
corrupt '.queries[].recent[2] = 7' \
    "$q.\"recent\"[2]: expected a string, got 7$tail"
corrupt '.queries[].recent = "x"' \
    "$q.\"recent\": expected an array, got a string$tail"
corrupt '.queries[].position = 17' \
    "$q.\"position\": expected a string, got 17$tail"
corrupt '.queries[].poll = {"cursor": 3}' \
    "$q.\"poll\".\"cursor\": expected a string or null, got 3$tail"
corrupt '.queries = []' \
    "\"queries\": expected an object, got an array$tail"
corrupt '.version = "1"' "\"version\": expected 1, got a string$tail"
corrupt '[.]' "the whole file: expected an object, got an array$tail"

# the right types, but not this file's: past its end, inside a record
size=$(wc -c <"$T/out")
corrupt ".outputs[].open = true | .outputs[].length = $((size + 10))" ""
grep -q "^sc-fetch: $T/out: $size bytes, but the state $T/st says a killed run had written $((size + 10)): the file changed since; nothing cut" "$T/err" ||
    fail "past the end: $(cat "$T/err")"
corrupt ".outputs[].open = true | .outputs[].length = $((size - 3))" ""
grep -q "^sc-fetch: $T/out: the state $T/st says a killed run had written $((size - 3)) bytes, which is not the end of a record: nothing cut" "$T/err" ||
    fail "inside a record: $(cat "$T/err")"

# a directory as the state file
rm -f "$T/st"
mkdir "$T/st"
run
[ $? -eq 2 ] && [ "$(cat "$T/err")" = "sc-fetch: $T/st: Is a directory" ] ||
    fail "directory: $(cat "$T/err")"
cmp -s "$T/out" "$T/keep" || fail "directory: the output changed"
rmdir "$T/st"

# and a good state still resumes
cp "$T/good" "$T/st"
run || fail "good state: $(cat "$T/err")"
cmp -s "$T/out" "$T/keep" || fail "good state: no new posts expected"
exit 0
