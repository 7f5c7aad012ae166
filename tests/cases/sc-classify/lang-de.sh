. ./check.inc
check lang <<'T'
de	Mein Flug ist schon wieder verspätet und niemand sagt uns warum
de	Kann ich mein Gepäck bis Frankfurt durchchecken?
de	Vielen Dank, das ging schnell und war sehr freundlich
de	Hallo?? Jemand da?
T
