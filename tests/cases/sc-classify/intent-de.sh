# Plain posts, then tricky ones: irony, capitals, negation, elongation.
. ./check.inc
check intent <<'T'
complaint	Flug annulliert, keine Antwort seit Stunden. Unverschämt!
question	Wie viel Gepäck darf ich mitnehmen?
request	Bitte erstatten Sie mir den Ticketpreis
praise	Vielen Dank, super freundliche Crew, weiter so!
complaint	Na toll, schon wieder Verspätung
complaint	DER SERVICE IST EINE KATASTROPHE
complaint	Ich bin gar nicht zufrieden, der Koffer ist weg
praise	Daaanke, suuuper Service heute
T
