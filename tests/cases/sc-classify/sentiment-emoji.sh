# Emoji and emoticons count in every language, also alone.
. ./check.inc
check sentiment <<'T'
negative	😡
negative	😡🤬
negative	💔
negative	👎
negative	:(
positive	😍
positive	👍
positive	❤️
positive	:)
positive	<3
neutral	✈️
negative	🙃
negative	👎👎
positive	🙏🙏
positive	👍👍👍
T
# Posts of emoji only: what they say is the intent.
check intent <<'T'
complaint	😡😡😡
complaint	🤬
praise	😍😍
praise	👍👍👍
praise	👏👏
T
