# No cue, or a weak one asked about: neutral.
. ./check.inc
check sentiment <<'T'
neutral	My booking code is Q4XVMT
neutral	Which terminal does SL123 leave from?
neutral	Mi código de reserva es ABC123
neutral	我的订单号是ABC123
T
