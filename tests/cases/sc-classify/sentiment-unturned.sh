# An English negator that turns no term names a failure, mildly; one
# that turns a term does not count twice ("not bad" stays positive).
. ./check.inc
check sentiment <<'T'
negative	The app won't let me pick a seat
negative	We couldn't board with the stroller
negative	I didn't get the confirmation email
positive	not bad at all
neutral	The gate is next to the cafe
T
a=$(score "The app let me pick a seat")
b=$(score "The app won't let me pick a seat")
lower "$b" "$a" || exit 1
lower "$b" 0
