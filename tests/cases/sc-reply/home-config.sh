# The configuration is found through $SC_CONFIG, else
# ~/.config/sc/config.json, and its reply.templates is relative to it.
HOME=$SC_TMP/reply-home
mkdir -p "$HOME/.config/sc/t" || exit 1
export HOME
cp conf/tpl/agent.json "$HOME/.config/sc/t/replies.json"
echo '{"agent": "Home Agent", "reply": {"templates": "t/replies.json"}}' \
    >"$HOME/.config/sc/config.json"
sc-reply <one.in | grep -q '"text":"signed Home Agent"' || exit 1
SC_CONFIG=$PWD/conf/config.json sc-reply <one.in |
    grep -q '"text":"signed Config Agent"' || exit 1
# An absolute templates path is taken as it is.
echo "{\"reply\": {\"templates\": \"$PWD/conf/tpl/agent.json\"}}" \
    >"$HOME/.config/sc/config.json"
sc-reply <one.in | grep -q '"text":"signed File Agent"'
