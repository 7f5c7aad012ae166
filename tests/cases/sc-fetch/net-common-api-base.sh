# net-common-api-base: a malformed --api-base is a configuration error
# (exit 2, at start, before any request), not a temporary failure (75);
# a URL with secrets in it is redacted in the message.  A server that
# cannot be reached stays 75.
. "$SC_TOP/tests/mock/lib.sh"
SC_X_TOKEN=t
export SC_X_TOKEN
bad() {
	sc-fetch x --search acme --retries 0 --api-base "$1" \
	    >/dev/null 2>"$T/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$1: exit $rc, want 2: $(cat "$T/err")"
	[ "$(cat "$T/err")" = "sc-fetch: --api-base: $2" ] ||
	    fail "$1: $(cat "$T/err")"
}
bad 'http://[::1' 'bad IPv6 address: "http://[::1"'
bad 'http://' 'no host part in the URL: "http://"'
bad 'http://a b/' 'bad hostname: "http://a b/"'
bad 'http://u:s3cret@[::1/x' 'bad IPv6 address: "http://[redacted]@[::1/x"'
bad 'ftp://example.com/' 'expected an http:// or https:// URL: "ftp://example.com/"'
sc-fetch x --search acme --retries 0 --api-base 'http://127.0.0.1:1/x' \
    >/dev/null 2>"$T/err"
[ $? -eq 75 ] || fail "no server: exit, want 75: $(cat "$T/err")"
exit 0
