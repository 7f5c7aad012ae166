# -o FILE replaces FILE and leaves standard output empty; -z compresses;
# -u changes nothing in what is written.
o=$SC_TMP/reply-o.ndjson
echo 'old contents' >"$o"
sc-reply --no-mention -t sel.json -o "$o" select.in >"$SC_TMP/reply-o.stdout" ||
    exit 1
[ -s "$SC_TMP/reply-o.stdout" ] && exit 1
cmp select.out "$o" || exit 1
sc-reply --no-mention -t sel.json --output "$o" -z select.in || exit 1
gzip -dc "$o" | cmp - select.out || exit 1
sc-reply --no-mention -t sel.json -z select.in | gzip -dc |
    cmp - select.out || exit 1
sc-reply --no-mention -t sel.json -u <select.in | cmp - select.out
