# "!!!" raises the strength of what is said, not its direction.
. ./check.inc
one=$(score "great flight") || exit 1
three=$(score "great flight!!!") || exit 1
lower "$one" "$three" || exit 1
bad=$(score "awful flight") || exit 1
worse=$(score "awful flight!!!") || exit 1
lower "$worse" "$bad" || exit 1
zero=$(score "my booking code is ABC123!!!") || exit 1
[ "$zero" = 0 ]
