#!/bin/sh
# bench/reply.sh BINDIR - sc-reply's drafting throughput against jq doing
# comparable templating on the same BENCH_REPLY_N (200000) classified
# posts, in the same run.  jq's program is given the easier job: one
# index look-up by intent, language and platform, built once (-n with
# inputs) from the example templates with their sections resolved to
# the text a new public post gets, the first word of the author's name, {{agent}}, the @mention,
# a status from the confidence, sensitivity and influencer flags, and a
# length in code points; sc-reply also evaluates sections, masks
# personal data, chooses among variants and counts grapheme clusters.
# Prints best-of-BENCH_REPEAT (3) wall-clock and CPU seconds and their
# ratios (jq / sc-reply: the goal is >= 2).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bindir=$(cd "$1" && pwd)
n=${BENCH_REPLY_N:-200000}
repeat=${BENCH_REPEAT:-3}
dir=$top/build/bench
ex=$top/scripts/examples
mkdir -p "$dir"
in=$dir/reply-posts-$n.ndjson
if [ ! -s "$in" ]; then
	echo "generating and classifying $n posts into $in" >&2
	python3 "$top/scripts/gen-posts" -s 7 "$n" | jq -c 'del(.gen)' |
	    "$bindir/sc-classify" >"$in.tmp"
	mv "$in.tmp" "$in"
fi

# best wall and CPU (user + sys) seconds of a shell command, "W C"
best() {
	bw= bc=
	i=0
	while [ "$i" -lt "$repeat" ]; do
		i=$((i + 1))
		s=$(date +%s.%N)
		/usr/bin/env time -f '%U %S' -o "$dir/reply.time" \
		    sh -c "$1" >/dev/null
		e=$(date +%s.%N)
		w=$(awk "BEGIN{print $e - $s}")
		c=$(awk '{print $1 + $2}' "$dir/reply.time")
		if [ -z "$bw" ] || [ "$(awk "BEGIN{print ($w < $bw)}")" = 1 ]; then
			bw=$w
		fi
		if [ -z "$bc" ] || [ "$(awk "BEGIN{print ($c < $bc)}")" = 1 ]; then
			bc=$c
		fi
	done
	echo "$bw $bc"
}

jqprog='
def plain: (gsub("\\{\\{#if [^}]*\\}\\}((?!\\{\\{(#if|else)).)*\\{\\{else\\}\\}"; "")) as $t
  | if $t == . then gsub("\\{\\{/if\\}\\}"; "")
    | gsub("\\{\\{(first_name|author.name)\\|[^}]*\\}\\}"; "{{first_name|there}}")
    else $t | plain end;
($T[0].templates | map({key: (.intent + "/" + .lang + "/" +
    (.platform // "")), value: (.text | plain)}) | from_entries) as $idx
| inputs
| if .from_brand then . else
  (.class.intent // "other") as $i | (.class.lang // .lang // "en") as $l
  | (.platform // "") as $p
  | ($idx[$i + "/" + $l + "/" + $p] // $idx[$i + "/" + $l + "/"]
     // $idx["*/" + $l + "/"] // $idx[$i + "/en/" + $p]
     // $idx[$i + "/en/"] // "Thanks, {{first_name|there}}. {{agent}}") as $t
  | ((.author.name // "there") | split(" ")[0]) as $first
  | ($t | split("{{first_name|there}}") | join($first)
     | split("{{agent}}") | join($agent)) as $text
  | (if (.platform == "x" or .platform == "mastodon"
       or .platform == "bluesky") and .author.handle
     then "@" + .author.handle + " " + $text else $text end) as $text
  | .reply = {text: $text,
      status: (if (.class.confidence.intent // 0) < 0.6
        or (.class.confidence.sentiment // 0) < 0.6
        or (.class.sensitive // [] | length) > 0 or .class.influencer
        then "needs_review" else "draft" end),
      template: ($i + "-" + $l), lang: $l, length: ($text | length),
      fits: (($text | length) <= 280)}
  end'

row() {
	name=$1 sc=$2
	set -- $(best "$sc")
	sw=$1 scpu=$2
	set -- $(best "jq -nc --arg agent Maria --slurpfile T '$ex/templates.json' '$jqprog' '$in'")
	awk -v n="$name" -v sw="$sw" -v sc="$scpu" -v jw="$1" -v jc="$2" \
	    -v c="$count" 'BEGIN {
		printf "%-30s wall: sc %6.2fs jq %6.2fs %5.2fx  cpu: sc %6.2fs jq %6.2fs %5.2fx  (%.0f posts/s)\n",
		    n, sw, jw, jw / sw, sc, jc, jc / sc, c / sc }'
}

count=$(wc -l <"$in" | tr -d ' ')
echo "sc-reply drafting: $count classified posts, $(jq --version), best of $repeat (goal: jq / sc >= 2)"
row "templates" "'$bindir/sc-reply' -t '$ex/templates.json' -a Maria '$in'"
row "templates, --kb" \
    "'$bindir/sc-reply' -t '$ex/templates.json' -a Maria --kb '$ex/kb.json' '$in'"
