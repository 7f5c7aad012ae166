# "soooo goooood": squeezed letters find the word, and weigh more.
. ./check.inc
good=$(score "good") || exit 1
long=$(score "goooooood") || exit 1
lower "$good" "$long" || exit 1
check sentiment <<'T'
positive	soooo goooood
negative	baaaad
negative	sloooow
T
