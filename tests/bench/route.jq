# The rules of route-rules.json in jq, for tests/bench/route.sh: the first
# rule that matches gives queue, priority, rule, tags and the SLA due times
# (created_at plus minutes, RFC 3339 UTC), in sc-route's key order.
def sla($fr; $res):
  (.created_at | fromdateiso8601) as $t
  | {first_response_minutes: $fr,
     first_response_due: ($t + $fr * 60 | todateiso8601)}
  + (if $res then {resolve_minutes: $res,
       resolve_due: ($t + $res * 60 | todateiso8601)} else {} end);
def r($q; $p; $rule): {queue: $q, priority: $p, rule: $rule};
def p($pri): {urgent: [15, 240], high: [15, 1440], normal: [60, 2880],
  low: [240, 4320]}[$pri];
def with_sla($fr; $res): . as $post | $post.route + {sla: ($post | sla($fr; $res))};
.route = (
  if .from_brand == true then r("none"; "low"; "brand-own")
  elif .class.intent == "spam" then r("spam"; "low"; "spam")
  else (
    if (.class.sensitive | type) as $t | ($t == "string" or $t == "array" or $t == "object") and (.class.sensitive | length) > 0
      then [r("specialists"; "urgent"; "sensitive") + {tags: ["sensitive"]}, 15, 240]
    elif ((.author.followers | type) == "number" and .author.followers >= 10000) or .author.verified == true
      then [r("specialists"; "urgent"; "influencer") + {tags: ["influencer"]}, 15, 240]
    elif .class.intent == "complaint" and (.platform == "x" or .platform == "facebook")
      then [r("complaints"; "high"; "complaint-social"), 15, 1440]
    elif .class.intent == "question" and (.platform == "x" or .platform == "facebook")
      then [r("questions"; "high"; "question-social"), 15, 60]
    elif (.text | type) == "string" and (.text | test("refund|money back"; "i"))
      then [r("payments"; "normal"; "refund") + {tags: ["refund"]}, 60, 2880]
    elif .class.intent == "complaint" then [r("complaints"; "normal"; "complaint"), 60, 2880]
    elif .class.intent == "question" then [r("questions"; "normal"; "question"), 30, 60]
    elif .class.sentiment == "negative" then [r("general"; "high"; "unhappy"), 15, 1440]
    elif .class.intent == "request" then [r("requests"; "normal"; "request"), 60, 2880]
    elif .class.intent == "feedback" or .class.intent == "praise"
      then [r("engagement"; "low"; "engagement"), 240, 4320]
    elif .platform == "x" or .platform == "facebook"
      then [r("general"; "normal"; "social-first-answer"), 15, 2880]
    else [r("general"; "normal"; "default"), 60, 2880] end
  ) as [$route, $fr, $res]
  | $route + {sla: sla($fr; $res)}
  end)
