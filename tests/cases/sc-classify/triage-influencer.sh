# Influencers: followers at or above --influencer, or verified.
. ./triage.inc
tcheck .class.influencer <<'T' || exit 1
true	{"text": "Lost my bag", "author": {"followers": 10000}}
false	{"text": "Lost my bag", "author": {"followers": 9999}}
true	{"text": "Перелёт ужасный", "author": {"followers": 5, "verified": true}}
false	{"text": "Perdí mi maleta", "author": {"verified": false}}
false	{"text": "Koffer weg", "author": {"followers": "many"}}
false	Zgubiony bagaż
T
tcheck .class.influencer --influencer 500 <<'T'
true	{"text": "Lost my bag", "author": {"followers": 500}}
false	{"text": "Lost my bag", "author": {"followers": 499}}
T
