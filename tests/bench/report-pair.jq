# report-pair.jq - sc-report's overall row in jq, for the bench: the same
# pairing, sort-based.  Each round carries, for every post, the least of a
# brand reply's created_at and a customer reply's answer time up to its
# parent (group_by, then the minimum per parent); rounds repeat until no
# answer time changes.  Brand posts stop the carry; route.skip posts are
# on the chain but not counted; an answer later than the 7-day window is
# none.  Run as jq -c -s -f report-pair.jq posts.ndjson.
. as $all
| [$all[] | {id, p: .in_reply_to, b: (.from_brand == true),
    t: (.created_at | fromdate), s: (.route.skip == true), a: null}]
| def round:
    . as $P
    | ([$P[] | select(.p != null)
        | {k: .p, v: (if .b then .t else .a end)} | select(.v != null)]
       | group_by(.k) | map({key: .[0].k, value: (map(.v) | min)})
       | from_entries) as $m
    | map(if .b then . else
        ($m[.id]) as $n
        | if $n != null and (.a == null or $n < .a) then .a = $n else . end
      end);
  def fix: round as $n | if ($n | map(.a)) == map(.a) then . else $n | fix end;
  fix
| [.[] | select((.b | not) and (.s | not))
   | if .a == null then -1 else ([.a - .t, 0] | max) end
   | if . > 604800 then -1 else . end] as $frt
| ($frt | map(select(. >= 0)) | sort) as $ok
| ($ok | length) as $n
| def rank($q): $ok[([($q * $n + 99) / 100 | floor, 1] | max) - 1];
  {inbound: ($frt | length), answered: $n,
   response_rate: (if ($frt | length) > 0 then $n / ($frt | length) else null end),
   frt_median_s: (if $n > 0 then rank(50) else null end),
   frt_p90_s: (if $n > 0 then rank(90) else null end),
   frt_p95_s: (if $n > 0 then rank(95) else null end),
   frt_mean_s: (if $n > 0 then ($ok | add) / $n else null end)}
