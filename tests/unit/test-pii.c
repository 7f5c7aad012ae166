/*
 * test-pii - pii.h: the kinds found, the places pii_next() gives them
 * and pii_mask(), which sc-reply uses so a draft never echoes them.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "pii.h"
#include "tap.h"

#define S(lit)	lit, sizeof(lit) - 1

static void
masks(const char *in, const char *want, size_t nwant)
{
	struct buf b = BUF_INIT;
	size_t n;

	n = pii_mask(in, strlen(in), &b, "***");
	if (!ok(strcmp(buf_str(&b), want) == 0 && n == nwant, "mask: %s", in))
		printf("#   got \"%s\" (%zu)\n#   want \"%s\" (%zu)\n",
		    buf_str(&b), n, want, nwant);
	buf_free(&b);
}

int
main(void)
{
	size_t pos = 0, a = 0, b = 0;
	unsigned k;
	const char *s;

	ok(pii_scan(S("card 4111 1111 1111 1111 thanks")) == PII_CARD,
	    "a Luhn-valid card");
	ok(pii_scan(S("card 4111 1111 1111 1112")) == 0,
	    "a card number failing Luhn is nothing");
	ok(pii_scan(S("IBAN DE89 3704 0044 0532 0130 00")) == PII_IBAN,
	    "an IBAN in groups");
	ok(pii_scan(S("mail ana.k@example.org or call +44 20 7946 0958")) ==
	    (PII_EMAIL | PII_PHONE), "an e-mail and a phone");
	ok(pii_scan(S("flight LH1234 at 10:30")) == 0, "flight codes and "
	    "times are not personal data");

	s = "write to ana.k+trip@mail.example.org.";
	k = pii_next(s, strlen(s), &pos, &a, &b);
	ok(k == PII_EMAIL && strncmp(s + a, "ana.k+trip@mail.example.org",
	    b - a) == 0 && b - a == 27, "pii_next: the whole address, not "
	    "the full stop");
	ok(pii_next(s, strlen(s), &pos, &a, &b) == 0 && pos == strlen(s),
	    "pii_next: then nothing");

	s = "call +1 (555) 010-9999, card 4111-1111-1111-1111";
	pos = 0;
	k = pii_next(s, strlen(s), &pos, &a, &b);
	ok(k == PII_PHONE && a == 5 && s[b] == ',', "pii_next: a phone's "
	    "place");
	k = pii_next(s, strlen(s), &pos, &a, &b);
	ok(k == PII_CARD && strcmp(s + a, "4111-1111-1111-1111") == 0,
	    "pii_next: a card's place");

	masks("no data here", "no data here", 0);
	masks("Ana (ana@x.io)", "Ana (***)", 1);
	masks("+34 600 123 456 / 4111111111111111", "*** / ***", 2);
	masks("GB82 WEST 1234 5698 7654 32!", "***!", 1);
	masks("", "", 0);
	masks("hi @ana@mastodon.social", "hi @ana@mastodon.social", 0);
	return tap_done();
}
