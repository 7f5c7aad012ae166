# French: function words, elisions (l', j', c'est) and accents.
. ./check.inc
check lang <<'T'
fr	Mon vol est annulé et personne ne répond, c'est inacceptable
fr	Est-ce que je peux changer mon billet pour demain ?
fr	Merci beaucoup pour votre aide, l'équipage était très gentil
fr	Allô ?? Il y a quelqu'un ?
fr	j'en ai marre 😩
fr	@SkyLarkAir toujours pas de nouvelles de ma valise https://example.com/v
fr	Trop bien ce concert hier soir #Paris
fr	Ça marche, à demain !
fr	Le wifi à bord ne fonctionne jamais
fr	On attend depuis deux heures, aucune info
T
