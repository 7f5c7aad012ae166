# Thanks and please are manners: they make a post positive only when it
# opens with them, or asks nothing and has no bad word in it.
. ./check.inc
check sentiment <<'T'
positive	Thanks for sorting out my seat so quickly
positive	Thank you, the new app works
neutral	Can you check my booking please? Thanks!
neutral	Which terminal do we leave from? Thank you
negative	My suitcase arrived damaged. Thank you
negative	The refund never came, much appreciated
positive	Thank you for rebooking us so fast after the cancellation
negative	So the flight got cancelled, thank you
T
