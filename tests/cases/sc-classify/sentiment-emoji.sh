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
T
check intent <<'T'
complaint	😡😡😡
T
