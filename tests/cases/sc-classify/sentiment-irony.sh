# Irony markers turn praise into complaint; weak ones ("love how") only
# beside a negative word, "#not" only as a hashtag.
. ./check.inc
check sentiment <<'T'
negative	Great, another delay. Thanks a lot /s
negative	Wonderful service #not
negative	Best airline ever 🙃
negative	I love how my flight got cancelled again
negative	Yeah right, "on time"
negative	Thanks for nothing
negative	Super, encore un retard. Merci pour rien
negative	Na toll, schon wieder Verspätung
negative	Ну спасибо, опять задержали рейс
negative	Dzięki za nic, znowu opóźnienie
negative	Sí claro, "puntuales" #sarcasmo
positive	I love how friendly your staff is
positive	Not bad at all, the crew was great
T
check intent <<'T'
complaint	Best airline ever 🙃
complaint	Great job losing my bag again /s
T
