# The example rules answer every intent within 15 minutes on X and
# Facebook (as sc-route(1) promises), and set spam aside before the
# sensitive rule can send it to specialists as urgent.
set -eu
rules=$SC_TOP/scripts/examples/rules.json
for p in x facebook; do
	for i in complaint question request feedback praise other; do
		for s in negative neutral positive; do
			for f in 3 50000; do
				printf '{"id":"%s-%s-%s-%s","platform":"%s","created_at":"2026-11-17T08:00:00Z","author":{"followers":%s},"class":{"intent":"%s","sentiment":"%s"}}\n' \
				    "$p" "$i" "$s" "$f" "$p" "$f" "$i" "$s"
			done
		done
	done
done >"$SC_TMP/social.ndjson"
sc-route -r "$rules" "$SC_TMP/social.ndjson" >"$SC_TMP/routed.ndjson"
n=$(wc -l <"$SC_TMP/routed.ndjson")
[ "$n" -eq 72 ] || { echo "expected 72 posts, got $n"; exit 1; }
slow=$(jq -c 'select((.route.sla.first_response_minutes // 9999) > 15) | .id' "$SC_TMP/routed.ndjson")
[ -z "$slow" ] || { echo "first answer later than 15 minutes:"; echo "$slow"; exit 1; }
# Spam with a phone number in it is still spam.
printf '%s\n' '{"id":"s","platform":"x","created_at":"2026-11-17T08:00:00Z","class":{"intent":"spam","sentiment":"neutral","sensitive":["phone"]}}' |
    sc-route -r "$rules" | jq -e '.route.rule == "spam" and .route.skip == true and (.route | has("sla") | not)' >/dev/null
