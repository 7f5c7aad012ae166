# gzip input is read transparently, also mixed with plain files and stdin.
gzip -c select.in >"$SC_TMP/reply-select.gz" || exit 1
sc-reply --no-mention -t sel.json "$SC_TMP/reply-select.gz" |
    cmp - select.out || exit 1
head -3 select.in | gzip -c >"$SC_TMP/reply-part.gz"
sed 1,3d select.in | sc-reply --no-mention -t sel.json \
    "$SC_TMP/reply-part.gz" - | cmp - select.out || exit 1
# A bad line inside a gzip file is named by that file and its line.
{ echo '{"id":"t:1","class":{"intent":"question","lang":"en"}}';
  echo '{"id":"t:2","class":7}'; } | gzip -c >"$SC_TMP/reply-bad.gz"
sc-reply -t sel.json "$SC_TMP/reply-bad.gz" >/dev/null 2>"$SC_TMP/reply-gz.err"
[ $? -eq 1 ] || exit 1
echo "sc-reply: $SC_TMP/reply-bad.gz:2: \"class\": expected an object, got a number" |
    cmp - "$SC_TMP/reply-gz.err"
