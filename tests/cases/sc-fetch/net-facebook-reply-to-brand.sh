# net-facebook-reply-to-brand: in_reply_to_brand of comments (sc-post(5)).
# A comment on the Page's post answers the brand; a reply to a comment
# answers the brand when the parent comment's author (parent{id,from}) is
# the Page, another customer otherwise; a parent whose author Facebook
# hides, or that it does not show, leaves the key out; the post itself has
# none.  A comments page saved alone and replayed gives the same.
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=test-token
mock_start facebook --data net-facebook-reply-to-brand/data.json \
    --log "$T/log"
sc-fetch facebook --page 104857600000001 --comments --api-base "$MOCK_URL" \
    >"$T/out" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
reply_tsv "$T/out" '(.id | sub(".*_"; ""))' | sort >"$T/got"
cat >"$T/want" <<'EOT'
771122334455800	absent
998877665545001	true
998877665545002	false
998877665545003	true
998877665545004	false
998877665545005	false
998877665545006	absent
998877665545007	absent
EOT
diff -u "$T/want" "$T/got" || fail "in_reply_to_brand differs"
jq -se 'all(.query.fields[0] | test("parent\\{id,from\\}"))' "$T/log" \
    >/dev/null || fail "fields: $(jq -c .query.fields "$T/log")"

# The comments edge saved alone and replayed: the Page from the permalinks;
# the post is not on the page, so a comment on it leaves the key out.
cf='id,message,created_time,from,parent{id,from},like_count,comment_count,permalink_url'
mock_get "/v21.0/104857600000001_771122334455800/comments?fields=$cf&filter=stream&access_token=test-token" |
    jq -c . >"$T/cpage" || fail "saving the comments page"
sc-fetch import --raw-pages facebook "$T/cpage" >"$T/out" 2>"$T/err" ||
    fail "replay: exit $?: $(cat "$T/err")"
reply_tsv "$T/out" '(.id | sub(".*_"; ""))' | sort >"$T/got"
grep -v 771122334455800 "$T/want" | sed 's/5001	true/5001	absent/' |
    diff -u - "$T/got" ||
    fail "replay differs"
