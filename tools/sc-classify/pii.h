/*
 * pii.h - personal data in a post's raw text, found by kind, never kept.
 *
 * pii_scan() makes one pass over the bytes: card numbers (13 to 19 digits,
 * single spaces or dashes between groups, Luhn-checked), IBANs (country
 * letters, check digits, 11 to 30 letters and digits, groups of four
 * allowed, mod-97 checked), e-mail addresses and phone numbers ("+" and a
 * country code, or 9 to 15 digits in groups, that are not a card number).
 * Booking references need the tokens and their context words and are
 * found by triage.h.  Nothing is allocated.
 */
#ifndef PII_H
#define PII_H

#include <stddef.h>

enum {
	PII_CARD = 1 << 0,
	PII_IBAN = 1 << 1,
	PII_EMAIL = 1 << 2,
	PII_PHONE = 1 << 3,
	PII_BOOKING = 1 << 4,
	PII_NKINDS = 5
};
/* Kinds whose match was checked by a check digit. */
#define PII_CHECKED	(PII_CARD | PII_IBAN)

/* The PII_* kinds found in s[0..n). */
unsigned	 pii_scan(const char *s, size_t n);
/* The name of kind bit i (0..PII_NKINDS-1) in class.pii. */
const char	*pii_name(int i);
/* Luhn and ISO 13616 mod-97 checks, for digits (and letters) only. */
int		 pii_luhn(const char *d, size_t n);
int		 pii_iban_ok(const char *s, size_t n);

#endif
