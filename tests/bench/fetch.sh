#!/bin/sh
# bench/fetch.sh BINDIR - sc-fetch's normalization throughput on saved raw
# X API pages (sc-fetch import --raw-pages x) against jq doing the same
# reshaping (joining authors from includes.users, prefixing ids, picking
# the replied-to id), on the same file in the same run.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=$(cd "$1" && pwd)
n=${BENCH_FETCH_N:-20000}
dir=$top/build/bench
mkdir -p "$dir"
pages=$dir/x-pages-$n.ndjson
if [ ! -s "$pages" ]; then
	echo "saving $n posts of X API pages from the local mock into $pages" >&2
	python3 "$top/tests/mock/server.py" x --posts "$n" --page-size 100 \
	    --lifetime 600 >"$dir/mock.port" &
	mock=$!
	trap 'kill $mock 2>/dev/null' EXIT INT TERM
	i=0
	while [ ! -s "$dir/mock.port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(head -1 "$dir/mock.port")
	python3 - "$port" "$pages.tmp" <<'PY'
import json, sys, urllib.request, urllib.parse
port, out = sys.argv[1], sys.argv[2]
base = "http://127.0.0.1:%s/2/tweets/search/recent" % port
q = {"query": "acme", "max_results": "100",
     "expansions": "author_id,referenced_tweets.id",
     "tweet.fields": "created_at,author_id,conversation_id,lang,public_metrics,referenced_tweets,entities",
     "user.fields": "username,name,public_metrics,verified"}
with open(out, "w") as f:
    while True:
        req = urllib.request.Request(base + "?" + urllib.parse.urlencode(q),
                                     headers={"Authorization": "Bearer test-token"})
        page = json.load(urllib.request.urlopen(req))
        f.write(json.dumps(page, separators=(",", ":"), ensure_ascii=False) + "\n")
        tok = page.get("meta", {}).get("next_token")
        if not tok:
            break
        q["next_token"] = tok
PY
	mv "$pages.tmp" "$pages"
	kill $mock 2>/dev/null || true
	trap - EXIT INT TERM
fi

jqprog='(.includes.users // [] | map({(.id): .}) | add // {}) as $u
| .data[]?
| ($u[.author_id] // {}) as $a
| {id: ("x:" + .id), platform: "x", created_at: (.created_at | sub("\\.[0-9]+Z$"; "Z")),
   text: .text,
   author: {id: ("x:" + .author_id), handle: $a.username, name: $a.name,
            followers: $a.public_metrics.followers_count, verified: $a.verified},
   from_brand: false,
   conversation_id: ("x:" + .conversation_id),
   in_reply_to: ([.referenced_tweets[]? | select(.type == "replied_to") | "x:" + .id][0]),
   lang: .lang,
   url: ("https://x.com/" + ($a.username // "i") + "/status/" + .id),
   metrics: {likes: .public_metrics.like_count, reposts: .public_metrics.retweet_count,
             replies: .public_metrics.reply_count}}'

secs() {
	s=$(date +%s.%N)
	sh -c "$1" >/dev/null
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'
}
best() {
	b=
	for i in 1 2 3; do
		t=$(secs "$1")
		if [ -z "$b" ] || [ "$(awk -v t="$t" -v b="$b" 'BEGIN{print (t < b)}')" = 1 ]; then
			b=$t
		fi
	done
	echo "$b"
}
got=$("$bindir/sc-fetch" import --raw-pages x "$pages" | wc -l)
want=$(jq -c "$jqprog" "$pages" | wc -l)
[ "$got" -eq "$want" ] || echo "warning: sc-fetch wrote $got posts, jq $want" >&2
ts=$(best "'$bindir/sc-fetch' import --raw-pages x '$pages'")
tj=$(best "jq -c '$jqprog' '$pages'")
awk -v n="$got" -v ts="$ts" -v tj="$tj" 'BEGIN {
	printf "%-34s sc %7.2fs  jq %7.2fs  ratio %5.2fx  (%.0f posts/s)\n",
	    "sc-fetch import --raw-pages x", ts, tj, tj / ts, n / ts }'
