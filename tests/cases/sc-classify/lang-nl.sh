# Dutch, told from German and English by its words, "ij" and its endings.
. ./check.inc
check lang <<'T'
nl	Mijn vlucht naar Amsterdam heeft alweer vertraging, waarom zegt niemand iets?
nl	Kan ik mijn koffer gratis meenemen in het vliegtuig?
nl	Bedankt voor de snelle hulp, echt heel vriendelijk!
nl	@SkyLarkAir waar blijft mijn terugbetaling? Al drie weken niets gehoord
nl	De trein was gewoon op tijd vandaag 👍
nl	Wat een mooie dag #zomer
nl	Ik weet het niet meer
nl	Lekker weekend gehad, tot maandag!
nl	Hoe lang duurt het nog? https://example.com/nl
T
