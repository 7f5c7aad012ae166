# E-mail addresses and phone numbers, but not handles, flights or dates.
. ./triage.inc
tcheck .class.pii <<'T'
["email"]	write to me at john.doe@example.com
["email"]	пишите на ivan_petrov@mail.ru пожалуйста
["phone"]	call me on +44 20 7946 0958
["phone"]	llámenme al 612 345 678
["phone"]	Rückruf bitte: +49 (30) 1234567
["phone"]	请打我电话 13812345678
["email","phone"]	mail a@b.co or call +1 415-555-0100
[]	@SkyLarkAir flight LH1234 on 2026-11-22 at 10:15
[]	Flug LH 400 heute, 3 Stunden Verspätung
[]	paid 1.299,00 EUR on 22.11.2026
T
