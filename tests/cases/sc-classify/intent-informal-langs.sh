# Complaints as customers write them, in the other languages with cue
# lists: what does not work, never arrived, was charged twice, how long.
. ./check.inc
check intent <<'T'
complaint	@AcmeTel el router sigue sin funcionar, llevo 3 días así
complaint	@AcmeShop mi pedido nunca llegó y me cobraron dos veces
question	@AcmeAir ¿puedo llevar una mochila en cabina?
complaint	@AcmeTel internet ne marche pas depuis 3 jours, une honte
complaint	@AcmeShop colis jamais reçu et débité deux fois
question	@AcmeAir est-ce que je peux changer mon vol ?
complaint	@AcmeTel das Internet funktioniert immer noch nicht, seit 3 Tagen
complaint	@AcmeShop Paket nie angekommen, aber zweimal abgebucht
complaint	@AcmeTel a internet não funciona há 3 dias, que vergonha
complaint	@AcmeShop a encomenda nunca chegou e cobraram duas vezes
complaint	@AcmeTel la connessione non funziona da tre giorni, che schifo
complaint	@AcmeShop il pacco non è mai arrivato, addebitato due volte
T
