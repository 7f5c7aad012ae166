# The triage options are range-checked.
t() {
	err=$(echo '{"text": "x"}' | sc-classify "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq 2 ] && [ "$err" = "$want" ] ||
	    { echo "$*: rc $rc, $err"; exit 1; }
}
want="sc-classify: --influencer: must be 1 to 1000000000000: 0"
t --influencer 0
want="sc-classify: --auto-threshold: must be 0 to 1: 1.5"
t --auto-threshold 1.5
want="sc-classify: --chronic: must be 1 to 1000: 0"
t --chronic 0:30
want="sc-classify: --chronic: must be 1 to 3650: 9999"
t --chronic 3:9999
want='sc-classify: --chronic: expected N:D, got "3"'
t --chronic 3
