# net-facebook-messages: a Page's Messenger conversations with their
# messages nested (channel private, the Page's own replies the brand's); a
# conversation with more messages than fit is read on through
# /CONVERSATION/messages; the next run stops at the first conversation not
# updated since the saved position and writes only the new message.
. "$SC_TOP/tests/mock/lib.sh"
export SC_FACEBOOK_TOKEN=test-token
mock_start facebook --posts 9 --page-size 2 --log "$T/log"
run() {
	sc-fetch facebook --page 104857600000001 --messages \
	    --api-base "$MOCK_URL" --state "$T/st" -o "$T/out" 2>"$T/err" ||
	    fail "exit $?: $(cat "$T/err")"
	[ -s "$T/err" ] && fail "stderr: $(cat "$T/err")"
	:
}
run
[ "$(wc -l <"$T/out")" -eq 9 ] || fail "first run: $(wc -l <"$T/out") messages"
jq -se 'map(.path) == ["/104857600000001/conversations",
	"/t_10158000000002/messages", "/t_10158000000001/messages",
	"/104857600000001/conversations"] and
    .[0].query.platform == ["messenger"] and
    .[0].query.fields == ["id,updated_time,link,messages.limit(100){id,message,created_time,from,to}"] and
    .[1].query.fields == ["id,message,created_time,from,to"]' "$T/log" \
    >/dev/null || fail "run 1 requests: $(jq -c '[.path, .query]' "$T/log")"
jq -se 'all(.channel == "public" | not) and all(.channel == "private") and
    (map(select(.from_brand)) | length) == 4 and
    all(.in_reply_to == null and (.conversation_id | startswith("facebook:t_"))) and
    (map(select(.from_brand)) | all(.author.id == "facebook:104857600000001"))
    and .[0] == {"id": "facebook:m_AG5Hz2U00000203", "platform": "facebook",
	"created_at": "2026-11-20T09:06:30Z",
	"text": "ありがとうございます。確認します 🙇",
	"author": {"id": "facebook:104857600000001", "name": "Acme"},
	"from_brand": true, "conversation_id": "facebook:t_10158000000002",
	"in_reply_to": null, "channel": "private", "lang": null}' "$T/out" \
    >/dev/null || fail "messages: $(head -n 3 "$T/out")"
jq -e '.queries["facebook 104857600000001 messages"].position ==
    "1795165590"' "$T/st" >/dev/null || fail "state after run 1: $(cat "$T/st")"

mock_set new-message=0
: >"$T/log"
run
[ "$(wc -l <"$T/out")" -eq 10 ] || fail "second run: $(wc -l <"$T/out")"
[ "$(tail -n 1 "$T/out" | jq -r '[.id, .text, .from_brand] | @tsv')" = \
    "$(printf 'facebook:m_AG5Hz2Unew0001\tAny news? 还在等 ⏳\tfalse')" ] ||
    fail "run 2: $(tail -n 1 "$T/out")"
[ "$(mock_count "$T/log")" -eq 2 ] ||
    fail "run 2 requests: $(jq -c '[.path, .query.after]' "$T/log")"
