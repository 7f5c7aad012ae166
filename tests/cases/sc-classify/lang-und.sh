# Nothing to tell a language by: emoji, numbers, handles, links.
. ./check.inc
check lang <<'T'
und	😡😡😡
und	👍
und	12345 678
und	@SkyLarkAir https://example.com/x #1
und	:) :(
und	
T
