# A negator flips the next three tokens: "not happy" is negative, "no
# está mal" positive; a clause ends its reach.  "Pas terrible" is not
# great, whatever "terrible" alone says.
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
negative	Je ne suis pas content du service
positive	Pas mal du tout, merci
negative	Ce n'est pas terrible
negative	No estoy nada contento con el servicio
positive	Nicht schlecht, danke
negative	Nie polecam tej linii
negative	Мне не понравилось обслуживание
positive	Неплохо, спасибо
negative	我不喜欢这个服务
T
