. ./check.inc
check lang <<'T'
pt	O meu voo está atrasado e ninguém explica nada
pt	Vocês perderam a minha bagagem, já são três dias sem resposta
pt	Muito obrigado pela atenção, o atendimento foi ótimo
T
