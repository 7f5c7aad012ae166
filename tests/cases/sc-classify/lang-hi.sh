# Hindi in Devanagari, and Hindi typed in Latin letters (Hinglish), where
# the Hindi words outweigh the English ones around them; a post in
# English about India is English.
. ./check.inc
check lang <<'T'
hi	मेरी फ्लाइट फिर से लेट है, कोई जवाब नहीं दे रहा
hi	क्या मैं अपना बैग बदल सकता हूँ?
hi	धन्यवाद 🙏
hi	@SkyLarkAir मेरा रिफंड कब आएगा? https://example.com/hi
hi	bhai meri flight phir se late hai, koi jawab nahi de raha
hi	yaar ye kya ho raha hai, 3 ghante se wait kar rahe hain
hi	aapka customer care bahut accha hai, thank you ji
hi	kal match dekhne chalenge kya? #INDvsAUS
hi	mujhe nahi pata yaar 😂
hi	@SkyLarkAir mera refund kab tak aayega?
hi	sab theek hai, tension mat lo
en	I love India, what a great match today!
en	Delhi traffic is crazy today #DelhiRains
T
