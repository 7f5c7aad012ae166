# Regulators by name and by handle, in several markets, and from the
# configuration's "classify.regulators".
. ./triage.inc
tcheck .class.sensitive <<'T' || exit 1
["regulator"]	Filing a complaint with the CFPB about these fees
["regulator"]	@CFPB look at what this bank did
["regulator"]	Reported to the Consumer Financial Protection Bureau
["regulator"]	The FAA should ground this airline
["regulator"]	Ich schreibe an die BaFin
["regulator"]	Reclamación presentada ante AESA
["regulator"]	Zgłaszam sprawę do UOKiK
["regulator"]	Напишу жалобу в Роспотребнадзор
["regulator"]	Rospotrebnadzor разберётся
["regulator"]	打12315投诉你们
["regulator"]	@UK_CAA please look into this
[]	@cfpb_fan posted a meme
[]	Great flight, thanks
T
printf '{"classify": {"regulators": ["Konsumentverket", "@ARN_se"]}}\n' \
    >"$SC_TMP/config.json"
tcheck .class.sensitive --config "$SC_TMP/config.json" <<'T'
["regulator"]	Jag anmäler er till Konsumentverket
["regulator"]	@arn_se titta på detta
["regulator"]	and the FTC too
[]	Konsument är nöjd
T
