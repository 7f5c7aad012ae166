# Words in capitals weigh more.
. ./check.inc
low=$(score "this is terrible") || exit 1
caps=$(score "this is TERRIBLE") || exit 1
lower "$caps" "$low" || exit 1
low=$(score "great crew") || exit 1
caps=$(score "GREAT crew") || exit 1
lower "$low" "$caps" || exit 1
# In every language with letter case, after case folding.
for p in "el servicio fue pésimo|EL SERVICIO FUE PÉSIMO" \
    "le service est horrible|LE SERVICE EST HORRIBLE" \
    "obsługa fatalna|OBSŁUGA FATALNA" "ужасный сервис|УЖАСНЫЙ СЕРВИС" \
    "schreckliche verspätung|SCHRECKLICHE VERSPÄTUNG"; do
	low=$(score "${p%|*}") || exit 1
	caps=$(score "${p#*|}") || exit 1
	lower "$caps" "$low" || exit 1
done
for p in "danke, super service|DANKE, SUPER SERVICE" \
    "merci beaucoup|MERCI BEAUCOUP" "muchas gracias|MUCHAS GRACIAS" \
    "bardzo dziękuję|BARDZO DZIĘKUJĘ" "большое спасибо|БОЛЬШОЕ СПАСИБО"; do
	low=$(score "${p%|*}") || exit 1
	caps=$(score "${p#*|}") || exit 1
	lower "$low" "$caps" || exit 1
done
