# Booking references: six capitals and digits next to a booking word.
. ./triage.inc
tcheck .class.pii <<'T'
["booking_ref"]	My booking ref is X7K9QZ and still no answer
["booking_ref"]	PNR: QWE12R, flight cancelled
["booking_ref"]	Mi reserva ABC123 fue cancelada
["booking_ref"]	Buchung K8L2MN wurde storniert
["booking_ref"]	Numer rezerwacji: ZX9Y8W, lot odwołany
["booking_ref"]	Бронь QW12ER отменили
["booking_ref"]	预订号 AB12CD 被取消了
["booking_ref"]	Z9KL3M is my reservation code
[]	My booking ref is ABCDEF
[]	Flight QWE12R was late
[]	Mi reserva es mañana
T
