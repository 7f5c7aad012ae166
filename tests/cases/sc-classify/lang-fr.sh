. ./check.inc
check lang <<'T'
fr	Mon vol est annulé et personne ne répond, c'est inacceptable
fr	Est-ce que je peux changer mon billet pour demain ?
fr	Merci beaucoup pour votre aide, l'équipage était très gentil
fr	Allô ?? Il y a quelqu'un ?
T
