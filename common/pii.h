/*
 * pii.h - personal data in a post's raw text, found by kind, never kept.
 *
 * pii_scan() makes one pass over the bytes: card numbers (13 to 19 digits,
 * single spaces or dashes between groups, Luhn-checked), IBANs (country
 * letters, check digits, 11 to 30 letters and digits, groups of four
 * allowed, mod-97 checked), e-mail addresses and phone numbers ("+" and a
 * country code, or 9 to 15 digits in groups, that are not a card number).
 * Booking references need the tokens and their context words and are
 * found by sc-classify's triage.c.  pii_next() gives each match's place,
 * so that sc-reply can mask what it would otherwise echo; pii_scan() and
 * pii_next() allocate nothing.  pii_scan(s) is the union of the kinds
 * pii_next() returns over s.
 */
#ifndef PII_H
#define PII_H

#include <stddef.h>

struct buf;

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
/*
 * The next match at or after *pos: its kind (one PII_* bit), with
 * s[*start..*end) its bytes and *pos moved past it; 0 when there is none.
 * Start with *pos = 0.
 */
unsigned	 pii_next(const char *s, size_t n, size_t *pos, size_t *start,
		    size_t *end);
/*
 * Append s[0..n) to out with every match replaced by mask; returns the
 * number of matches.
 */
size_t		 pii_mask(const char *s, size_t n, struct buf *out,
		    const char *mask);
/* The name of kind bit i (0..PII_NKINDS-1) in class.pii. */
const char	*pii_name(int i);
/* Luhn and ISO 13616 mod-97 checks, for digits (and letters) only. */
int		 pii_luhn(const char *d, size_t n);
int		 pii_iban_ok(const char *s, size_t n);

#endif
