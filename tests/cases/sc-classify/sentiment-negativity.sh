# In English, where good and bad terms meet, the bad weigh half again as
# much (lexicon "!negativity 1.5"): a kind word does not undo a
# complaint, unless a smiling emoji says the writer is content.
. ./check.inc
check sentiment <<'T'
negative	Lovely crew, the flight was delayed
positive	Lovely crew, the flight was delayed 😊
positive	Lovely crew and a smooth flight
T
a=$(score "Lovely crew, the flight was delayed")
b=$(score "Lovely crew")
lower "$a" 0 || exit 1
lower 0 "$b"
