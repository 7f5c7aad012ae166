. ./check.inc
check intent <<'T'
complaint	Flug annulliert, keine Antwort seit Stunden. Unverschämt!
question	Wie viel Gepäck darf ich mitnehmen?
request	Bitte erstatten Sie mir den Ticketpreis
praise	Vielen Dank, super freundliche Crew, weiter so!
T
