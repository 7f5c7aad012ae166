# net-common-resume: --max stops in the middle of a page and the next run
# goes on from that page without doubling a post; a torn tail left by a
# killed run is cut, but not what others appended after a clean run.
. "$SC_TOP/tests/mock/lib.sh"
mock_start x --posts 25 --page-size 10 --log "$T/log"
run() {
	sc-fetch x --search acme --api-base "$MOCK_URL" --state "$T/st" \
	    -o "$T/out" "$@" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
}
ids() { jq -r .id "$T/out" | sed 's/^x:1790*//' | tr '\n' ' '; }

run --max 15
[ "$(ids)" = "25000 24000 23000 22000 21000 20000 19000 18000 17000 16000 15000 14000 13000 12000 11000 " ] ||
    fail "--max 15: $(ids)"
jq -e '.queries["x search acme"] | .poll.cursor == "tok1790000000000016000"
    and .poll.newest == "1790000000000025000" and (has("position") | not)' \
    "$T/st" >/dev/null || fail "--max 15: state $(cat "$T/st")"
mock_set posts=27
run --max 3
[ "$(ids)" = "25000 24000 23000 22000 21000 20000 19000 18000 17000 16000 15000 14000 13000 12000 11000 10000 9000 8000 " ] ||
    fail "--max 3: $(ids)"
run
[ "$(jq -r .id "$T/out" | sort -u | wc -l)" -eq 25 ] &&
    [ "$(wc -l <"$T/out")" -eq 25 ] || fail "the poll: $(ids)"
# the poll that began before posts 26 and 27 came ends at 25 ...
jq -e '.queries["x search acme"] | .position == "1790000000000025000" and
    (has("poll") | not)' "$T/st" >/dev/null || fail "end: $(cat "$T/st")"
run
[ "$(wc -l <"$T/out")" -eq 27 ] || fail "the next poll: $(ids)"

# a tail after the committed length, with the output "open": cut
len=$(wc -c <"$T/out")
printf '{"id":"x:1790000000000027000","torn' >>"$T/out"
jq '.outputs[].open = true' "$T/st" >"$T/st.new" && mv "$T/st.new" "$T/st"
run -v
[ "$(wc -c <"$T/out")" -eq "$len" ] || fail "torn tail not cut"
grep -q "^sc-fetch: $T/out: cut 35 bytes a killed run left$" "$T/err" ||
    fail "cut message: $(cat "$T/err")"
# after a clean end the file is others' to append to
echo '{"id":"x:1","from":"elsewhere"}' >>"$T/out"
run
tail -n 1 "$T/out" | grep -q elsewhere || fail "cut what another appended"
# nor is a file with another inode cut
cp "$T/out" "$T/out.copy" && mv "$T/out.copy" "$T/out"
printf 'torn' >>"$T/out"
jq '.outputs[].open = true' "$T/st" >"$T/st.new" && mv "$T/st.new" "$T/st"
run
tail -c 4 "$T/out" | grep -q torn || fail "cut another file"
