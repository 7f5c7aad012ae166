# Arabic script.
. ./check.inc
check lang <<'T'
ar	تأخرت رحلتي ثلاث ساعات ولم يخبرنا أحد بشيء
ar	شكرا جزيلا على المساعدة
ar	أين حقيبتي؟
ar	@SkyLarkAir متى سيتم استرداد المبلغ؟ https://example.com/ar
ar	صباح الخير 🌹
ar	خدمة سيئة جدا #SkyLark
ar	اشتريت iPhone جديد اليوم
T
