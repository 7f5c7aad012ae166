# Intensifiers scale the next term up or down.
. ./check.inc
good=$(score "the crew was good") || exit 1
very=$(score "the crew was very good") || exit 1
bit=$(score "the crew was a bit good") || exit 1
lower "$good" "$very" && lower "$bit" "$good" || exit 1
slow=$(score "the check-in was slow") || exit 1
vslow=$(score "the check-in was extremely slow") || exit 1
lower "$vslow" "$slow" || exit 1
zh=$(score "服务好") || exit 1
zhv=$(score "服务非常好") || exit 1
lower "$zh" "$zhv" || exit 1
# A word that is a term and an intensifier intensifies before a term.
check sentiment <<'T'
negative	好慢
negative	sehr schlecht
positive	muy amables
T
