# Nothing to tell a language by: emoji, numbers, handles, links, and a
# brand or a name alone, whose letters are no language's cue.
. ./check.inc
check lang <<'T'
und	😡😡😡
und	👍
und	12345 678
und	@SkyLarkAir https://example.com/x #1
und	:) :(
und	
und	!!! ???
und	SkyLark
und	SkyLark Air ✈️
und	Ryanair
und	@SkyLarkAir 😍😍😍
und	#SL1234
T
