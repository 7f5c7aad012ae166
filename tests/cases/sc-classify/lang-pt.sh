# Portuguese, European and Brazilian, told from Spanish by its words
# (não, você, muito), its letters (ã, õ, ç) and its endings.
. ./check.inc
check lang <<'T'
pt	O meu voo está atrasado e ninguém explica nada
pt	Vocês perderam a minha bagagem, já são três dias sem resposta
pt	Muito obrigado pela atenção, o atendimento foi ótimo
pt	kkkkkk não acredito 😂
pt	@SkyLarkAir cadê minha mala?? https://example.com/x
pt	Que saudade desse programa #VideoShow
pt	Tô chegando, gente!
pt	Adorei o voo, a tripulação foi super simpática
pt	vc viu isso? que absurdo
pt	Eu acho que vai chover amanhã
T
