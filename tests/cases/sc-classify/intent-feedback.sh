# Feedback: a suggestion or an opinion, neither complaint nor praise.
. ./check.inc
check intent <<'T'
feedback	It would be great if you added a vegetarian meal option on short flights
feedback	Suggestion: let us pick our seats in the app before check-in opens
feedback	Feature request: a dark mode for the booking app
feedback	Sería genial que añadieran más vuelos directos a Lima
feedback	Vorschlag: WLAN in allen Zügen wäre super
feedback	Ce serait bien d'avoir le wifi à bord, je suggère de l'ajouter
feedback	Byłoby fajnie, gdyby aplikacja miała tryb ciemny
feedback	Было бы здорово добавить онлайн-регистрацию за 48 часов
feedback	建议增加晚上的航班
complaint	You should add staff at the gate, I waited 2 hours and missed my flight. Terrible!
feedback	You should offer free water on board
feedback	Please consider adding a night flight to Oslo
feedback	My feedback on the new app: the menu is hard to find
feedback	Just an idea: let us choose a meal when booking
feedback	Sugerencia: podrían añadir un filtro de precios en la app
feedback	Por favor consideren abrir una ruta a Quito
feedback	Mi opinión sobre la nueva app: el menú es confuso
feedback	Ich schlage vor, eine Sitzplatzkarte in der App anzubieten
feedback	Es wäre toll, wenn ihr mehr Nachtzüge anbieten würdet
feedback	Mein Feedback zur neuen App: das Menü ist schwer zu finden
feedback	Vous devriez proposer de l'eau gratuite à bord
feedback	Mon avis sur la nouvelle appli : le menu est difficile à trouver
feedback	Powinniście oferować darmową wodę na pokładzie
feedback	Przydałby się tryb ciemny w aplikacji
feedback	Вам стоит предложить бесплатную воду на борту
feedback	Мой отзыв о новом приложении: меню трудно найти
feedback	你们应该提供免费的饮用水
feedback	小建议：在应用里加一个座位图
praise	Love the new app, great job!
complaint	The new app is terrible, it crashes every time
question	Where can I leave feedback about my flight?
T
