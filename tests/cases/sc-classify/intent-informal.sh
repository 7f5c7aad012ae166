# Complaints as customers write them to a brand: the problem, how long,
# how often, what it cost, rhetorical questions, sarcasm and negated
# praise; beside real questions and requests that must stay what they are.
. ./check.inc
check intent <<'T'
complaint	@AcmeTel my router is broken again
complaint	@AcmeTel still no signal at home, third time this month
complaint	@AcmeShop parcel never arrived and tracking says delivered
complaint	@AcmeShop been waiting 3 days for a callback
complaint	@AcmeBank you charged my card twice for the same order
complaint	@AcmeBank charged me a fee I never agreed to
complaint	@AcmeAir seriously, 2 hours on the tarmac with no update
complaint	@AcmeApp app keeps crashing every time I open it
complaint	@AcmeApp the update won't even load on my phone
complaint	@AcmeTel why is my internet down AGAIN?
complaint	@AcmeTel why can't anyone at your company answer an email?
complaint	@AcmeAir how hard is it to keep a bag with its owner?
complaint	@AcmeAir oh great, another cancellation. thanks for nothing
complaint	@AcmeFood not impressed, the order was cold and half of it missing
complaint	@AcmeTel worst customer service, they hung up on me twice
complaint	@AcmeShop tried to return it and was told I can't
question	@AcmeTel how do I change the name on my account?
question	@AcmeAir can I bring a stroller on board?
question	@AcmeShop is there a store in Leeds that stocks the blue one?
request	@AcmeBank please send me a new card
request	@AcmeAir could you rebook me on the evening flight?
praise	@AcmeFood thank you, the new menu is great
T
