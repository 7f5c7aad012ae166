# IBANs are found only when the mod-97 check digits hold.
. ./triage.inc
tcheck .class.pii <<'T'
["iban"]	Bitte erstatten auf DE89 3704 0044 0532 0130 00
["iban"]	Zwrot na konto PL61 1090 1014 0000 0712 1981 2874 proszę
["iban"]	Reembolso a ES9121000418450200051332 por favor
["iban"]	Refund to GB82 WEST 1234 5698 7654 32 please
[]	Bitte erstatten auf DE89 3704 0044 0532 0130 01
[]	Zwrot na konto PL62 1090 1014 0000 0712 1981 2874
[]	the model DE89 is fine
T
