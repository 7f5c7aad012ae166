# A write error on the report is fatal (exit 2).
rc=0
sc-classify --eval label --field sentiment model-data/eval.ndjson \
    >/dev/full 2>/dev/null || rc=$?
[ "$rc" -eq 2 ]
