. ./check.inc
check intent <<'T'
complaint	Vol annulé et toujours aucune réponse, c'est inadmissible !
question	Combien de bagages puis-je emporter en cabine ?
request	Merci de me rembourser le billet au plus vite
praise	Merci beaucoup, équipage adorable et vol parfait !
T
