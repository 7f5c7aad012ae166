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
complaint	@AcmeGames compré una tarjeta y no se me acreditaron los puntos
complaint	@AcmeShop no voy a perder más mi tiempo con ustedes
complaint	@AcmeShop jamás volveré a comprar aquí
complaint	@AcmeShop Meine Bestellung war unzustellbar, bekomme ich mein Geld zurück?
complaint	@AcmeTV bei der Serie sind Bild und Ton nicht synchron
complaint	@AcmeGames j'ai un pb, quelqu'un a payé des jeux avec ma carte
complaint	@AcmeTV assinei ontem para ver a série e nada
complaint	@AcmeShop 支払い方法が表示されなくて困っています
T
