# Words in capitals weigh more.
. ./check.inc
low=$(score "this is terrible") || exit 1
caps=$(score "this is TERRIBLE") || exit 1
lower "$caps" "$low" || exit 1
low=$(score "great crew") || exit 1
caps=$(score "GREAT crew") || exit 1
lower "$low" "$caps"
