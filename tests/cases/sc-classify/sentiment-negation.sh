# A negator flips the next three tokens: "not happy" is negative, "no
# está mal" positive; a clause ends its reach.
. ./check.inc
check sentiment <<'T'
negative	not happy
negative	I am not happy with this
positive	not bad at all
positive	no está mal
negative	no estoy contento
negative	das war nicht gut
positive	не плохо
negative	nie jestem zadowolony
negative	不满意
negative	服务不好
positive	不错
negative	Not late, but the crew was rude
T
