# Long texts: 10 KB of words, of one word, of Han characters, of emoji;
# and a 10 KB link with a word of thanks, to no one (an announcement:
# spam by a nose over praise).
python3 - >"$SC_TMP/bt.in" <<'P' || exit 1
import json
print(json.dumps({"text": "My flight was delayed again and nobody answers. " * 210}))
print(json.dumps({"text": "a" * 10240}))
print(json.dumps({"text": "航班延误了没人回复" * 380}))
print(json.dumps({"text": "😡" * 2560}))
print(json.dumps({"text": "https://example.com/" + "x" * 10240 + " thanks"}))
P
sc-classify "$SC_TMP/bt.in" >"$SC_TMP/bt.out" || exit 1
jq -r '.class | "\(.intent) \(.sentiment) \(.lang)"' "$SC_TMP/bt.out" |
    cmp - /dev/fd/3 3<<'W'
complaint negative en
other neutral und
complaint negative zh
complaint negative und
spam positive en
W
