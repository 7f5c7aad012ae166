# How a post names the brand: handle, hashtag, name, misspelled or not.
. ./triage.inc
tcheck .class.brand --brand SkyLark --brand 'Aerolíneas Sol' <<'T' || exit 1
"handle"	@SkyLark my bag is lost
"handle"	@skylark ¿dónde está mi maleta?
"hashtag"	Never again #SkyLark
"hashtag"	#skylark nie polecam
"name"	Flew SkyLark today
"name"	skylark lost my bag
"name"	Aerolíneas Sol perdió mi maleta
"name"	aerolineas sol perdió mi maleta
"misspelled"	Sky Lark lost my bag
"misspelled"	sky-lark lost my bag
"misspelled"	Skylrak lost my bag
"misspelled"	Skylar lost my bag
"misspelled"	Skyylark lost my bag
"misspelled"	Аэро skyIark
"misspelled"	aerolinas sool perdió mi maleta
null	Skyline views from the window
null	The sky was dark
null	@SkyLarkFan said hi
T
# A name of 3 letters must match exactly; 4+ letters allow one edit.
tcheck .class.brand --brand KLM --brand Iberia <<'T' || exit 1
"name"	KLM lost my bag
null	KLN lost my bag
"misspelled"	Iberai lost my bag
null	Ibxxia lost my bag
T
printf '{"brand": {"names": ["Lufthansa"], "accounts": {"x": "@lufthansa_de", "mastodon": ["LH"]}}}\n' \
    >"$SC_TMP/config.json"
tcheck .class.brand --config "$SC_TMP/config.json" <<'T'
"handle"	@lufthansa_DE Koffer weg
"handle"	@LH bag lost
"handle"	@Lufthansa bag lost
"misspelled"	Lufthnasa hat meinen Koffer verloren
"misspelled"	Lufhansa hat meinen Koffer verloren
"name"	Lufthansa hat meinen Koffer verloren
null	Koffer weg
T
