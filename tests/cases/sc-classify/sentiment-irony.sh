# Irony markers turn praise into complaint; weak ones ("love how", "呵呵",
# "great, another") only beside a negative word that weighs as much as
# the praise, "#not" only as a hashtag.  "/s" and the sarcasm hashtags
# hold in every language.
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
negative	Just great, another delay
negative	Fantastic, another cancelled flight
negative	Great flight #sarcasm
negative	Lovely crew /s
negative	Love the new seats 🙃
negative	Genial, otro retraso más
negative	Toll, schon wieder Verspätung
negative	Génial, encore un retard
negative	Świetnie, kolejne opóźnienie
negative	Отлично, опять задержка
negative	好棒哦，又晚点了 /s
negative	太好了，航班又取消了
negative	呵呵，又晚了一个小时
negative	Pünktlich wie immer #sarcasm
negative	Merci pour la ponctualité #sarcasme
positive	Great, another happy customer here!
negative	Two hours on the runway, thanks for that
negative	Nice to know the wifi is broken again
positive	Thanks for that, very helpful
positive	呵呵，服务真好，房间也很干净，下次还来
T
check intent <<'T'
complaint	Best airline ever 🙃
complaint	Great job losing my bag again /s
T
