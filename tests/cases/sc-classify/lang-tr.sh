# Turkish: dotless ı, ğ and ş, and its suffixes, with or without them.
. ./check.inc
check lang <<'T'
tr	Uçuşum yine iptal edildi, kimse bir şey söylemiyor!
tr	Bagajım kayıp, lütfen yardım edin
tr	Bilet değişikliği için ne yapmam gerekiyor?
tr	cok tesekkurler, ekip harikaydi
tr	@SkyLarkAir neden hala cevap yok? 3 gündür bekliyorum
tr	Günaydın 🌞
tr	Bu ne biçim hizmet? https://example.com/tr #rezalet
tr	Çok güzel bir gün, herkese iyi tatiller
T
