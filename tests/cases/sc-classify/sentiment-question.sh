# In a question, good words are mostly asked about; bad ones too when
# the question opens with a word that asks for facts ("is", "do", "any"),
# not when it asks why.
. ./check.inc
check sentiment <<'T'
neutral	Is there an issue with my booking?
neutral	Do you know if there is a problem with the app?
neutral	Thanks. Any issues with flights to Boston today?
negative	Why is there an issue with my booking again?
negative	How come there is always a problem with the app?
T
