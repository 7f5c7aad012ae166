# net-mastodon-reply-to-brand: in_reply_to_brand (sc-post(5)) from
# in_reply_to_account_id: the brand's account among the mentions -> true,
# another customer's -> false, the author's own (a thread going on) ->
# false, an account the status does not name, or no brand accounts given
# -> left out; a status that answers none has no key.
. "$SC_TOP/tests/mock/lib.sh"
export SC_MASTODON_TOKEN=test-token
mock_start mastodon --data net-mastodon-reply-to-brand/data.json
host=127.0.0.1:$MOCK_PORT
brand() {
	reply_tsv "$1" '.text'
}
sc-fetch mastodon --mentions --api-base "$MOCK_URL" \
    --brand-account "acme@$host" >"$T/out" 2>"$T/err" ||
    fail "exit $?: $(cat "$T/err")"
brand "$T/out" >"$T/got"
cat >"$T/want" <<'EOT'
@acme see what they said	absent
@acme also, it was order 4411	false
@kenji @acme same problem here	false
@acme still not working	true
@acme my order never arrived	absent
EOT
diff -u "$T/want" "$T/got" || fail "mentions differ"

# The tag timeline reads the same statuses the same way.
sc-fetch mastodon --tag acme --api-base "$MOCK_URL" \
    --brand-account "acme@$host" >"$T/out" 2>"$T/err" ||
    fail "tag: exit $?: $(cat "$T/err")"
brand "$T/out" | diff -u "$T/want" - || fail "tag differs"

# No brand account known: nothing is guessed.
sc-fetch mastodon --tag acme --api-base "$MOCK_URL" >"$T/out" \
    2>"$T/err" || fail "no brand: exit $?: $(cat "$T/err")"
jq -se 'any(has("in_reply_to_brand"))' "$T/out" >/dev/null &&
    fail "no brand: $(cat "$T/out")"
exit 0
