# Plain posts, then tricky ones: irony, capitals, negation, spam.
. ./check.inc
check intent <<'T'
complaint	Vol annulé et toujours aucune réponse, c'est inadmissible !
question	Combien de bagages puis-je emporter en cabine ?
request	Merci de me rembourser le billet au plus vite
praise	Merci beaucoup, équipage adorable et vol parfait !
complaint	Génial, encore un retard. Merci pour rien
complaint	LE SERVICE EST LAMENTABLE, PLUS JAMAIS AVEC VOUS
complaint	Je ne suis pas content, ma valise est perdue
spam	Gagnez de l'argent facilement, cliquez ici www.example.com
T
