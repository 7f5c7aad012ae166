# Handles, URLs and the '#' of hashtags do not count; hashtag words do;
# a brand name in Latin letters does not outvote the text around it.
. ./check.inc
check lang <<'T'
de	@the_best_airline_in_the_world https://www.example.com/the/and/of Mein Flug ist verspätet
es	#vuelo #retraso #maleta
zh	@SkyLarkAir SkyLark Air SL1234 航班又延误了
ru	SkyLark Air, рейс SL1234 опять задержали
T
