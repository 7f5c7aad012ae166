/*
 * pii.c - card numbers, IBANs, e-mail addresses and phone numbers; see
 * pii.h.
 */
#include <string.h>

#include "buf.h"
#include "pii.h"

#define IS_DIGIT(c)	((c) >= '0' && (c) <= '9')
#define IS_UPPER(c)	((c) >= 'A' && (c) <= 'Z')
#define IS_LOWER(c)	((c) >= 'a' && (c) <= 'z')
#define IS_ALNUM(c)	(IS_DIGIT(c) || IS_UPPER(c) || IS_LOWER(c))
#define IS_START(c)	(IS_DIGIT(c) || IS_UPPER(c) || (c) == '@' || \
			(c) == '+' || (c) == '(')

static const char *const names[PII_NKINDS] = {
	"card", "iban", "email", "phone", "booking_ref"
};

const char *
pii_name(int i)
{
	return names[i];
}

int
pii_luhn(const char *d, size_t n)
{
	size_t i;
	int sum = 0, x, dbl = 0;

	for (i = n; i-- > 0; dbl = !dbl) {
		x = d[i] - '0';
		if (dbl && (x *= 2) > 9)
			x -= 9;
		sum += x;
	}
	return sum % 10 == 0;
}

/* s: the IBAN without spaces, upper case. */
int
pii_iban_ok(const char *s, size_t n)
{
	unsigned rem = 0;
	size_t i, k;
	int c;

	if (n < 15 || n > 34)
		return 0;
	for (k = 0; k < n; k++) {
		i = (k + 4) % n;	/* the first four go last */
		c = (unsigned char)s[i];
		if (IS_DIGIT(c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else if (IS_UPPER(c))
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
		else
			return 0;
	}
	return rem == 1;
}

/*
 * A run of digits starting at p, with single ' ', '-' or '.' between
 * groups (and "(...)" around one): its digits go to d (up to cap), the
 * count is returned and *end set past the run.
 */
static size_t
digit_run(const char *p, const char *e, char *d, size_t cap,
    const char **end)
{
	size_t n = 0;

	while (p < e) {
		if (IS_DIGIT(*p)) {
			if (n < cap)
				d[n] = *p;
			n++;
			p++;
		} else if ((*p == ' ' || *p == '-' || *p == '.' ||
		    *p == ')') && p + 1 < e && (IS_DIGIT(p[1]) ||
		    (p[1] == '(' && p + 2 < e && IS_DIGIT(p[2])) ||
		    (*p == ')' && p[1] == ' ' && p + 2 < e &&
		    IS_DIGIT(p[2])))) {
			p += (*p == ')' && p[1] == ' ') ? 2 : 1;
		} else if (*p == '(' && p + 1 < e && IS_DIGIT(p[1])) {
			p++;
		} else {
			break;
		}
	}
	*end = p;
	return n;
}

/*
 * Something shaped like an IBAN starting at p (two capitals, two digits,
 * then letters and digits, in groups of four or not): its end, or NULL;
 * *ok tells whether its check digits hold.
 */
static const char *
iban_at(const char *p, const char *e, int *ok)
{
	char buf[40];
	size_t n = 0;

	if (e - p < 15 || !IS_UPPER(p[0]) || !IS_UPPER(p[1]) ||
	    !IS_DIGIT(p[2]) || !IS_DIGIT(p[3]))
		return NULL;
	while (p < e && n < sizeof(buf)) {
		if (IS_DIGIT(*p) || IS_UPPER(*p))
			buf[n++] = *p++;
		else if (*p == ' ' && p + 1 < e && (IS_DIGIT(p[1]) ||
		    IS_UPPER(p[1])) && n % 4 == 0)
			p++;
		else
			break;
	}
	if (n < 15 || (p < e && IS_ALNUM(*p)))
		return NULL;
	*ok = pii_iban_ok(buf, n);
	return p;
}

/* s[at] is '@': is it inside an e-mail address? */
static int
email_at(const char *s, size_t at, size_t n)
{
	size_t i, dots = 0, last = 0;

	if (at == 0 || !(IS_ALNUM(s[at - 1]) || s[at - 1] == '.' ||
	    s[at - 1] == '_' || s[at - 1] == '-' || s[at - 1] == '+'))
		return 0;
	/* "@ana@mas.to" is a fediverse handle, not an address. */
	for (i = at; i > 0 && (IS_ALNUM(s[i - 1]) || s[i - 1] == '.' ||
	    s[i - 1] == '_' || s[i - 1] == '-' || s[i - 1] == '+'); i--)
		;
	if (i > 0 && s[i - 1] == '@')
		return 0;
	for (i = at + 1; i < n && (IS_ALNUM(s[i]) || s[i] == '-' ||
	    s[i] == '.'); i++)
		if (s[i] == '.' && i + 1 < n && IS_ALNUM(s[i + 1])) {
			dots++;
			last = i;
		}
	return dots > 0 && i - last > 2;
}

/* The e-mail address around the '@' at s[at]: its start and end. */
static void
email_span(const char *s, size_t at, size_t n, size_t *start, size_t *end)
{
	size_t a = at, b = at + 1;

	while (a > 0 && (IS_ALNUM(s[a - 1]) || s[a - 1] == '.' ||
	    s[a - 1] == '_' || s[a - 1] == '-' || s[a - 1] == '+'))
		a--;
	while (b < n && (IS_ALNUM(s[b]) || s[b] == '-' || s[b] == '.'))
		b++;
	while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-'))
		b--;
	*start = a;
	*end = b;
}

unsigned
pii_next(const char *s, size_t n, size_t *pos, size_t *start, size_t *end)
{
	const char *p, *e = s + n, *q;
	char d[24];
	size_t nd;
	int plus, prev, ok;

	for (p = s + *pos; p < e; p++) {
		/* Most bytes can start nothing: '@', a capital, a digit,
		   '+' and '(' can. */
		while (!IS_START(*p))
			if (++p == e) {
				*pos = n;
				return 0;
			}
		prev = p > s ? (unsigned char)p[-1] : ' ';
		if (*p == '@') {
			if (email_at(s, (size_t)(p - s), n)) {
				email_span(s, (size_t)(p - s), n, start, end);
				*pos = *end;
				return PII_EMAIL;
			}
			continue;
		}
		if (IS_UPPER(*p) && !IS_ALNUM(prev) &&
		    (q = iban_at(p, e, &ok)) != NULL) {
			if (ok) {
				*start = (size_t)(p - s);
				*end = *pos = (size_t)(q - s);
				return PII_IBAN;
			}
			p = q - 1;
			continue;
		}
		plus = *p == '+' && p + 1 < e && IS_DIGIT(p[1]);
		if (!plus && !(IS_DIGIT(*p) || (*p == '(' && p + 1 < e &&
		    IS_DIGIT(p[1]))))
			continue;
		/* Digits glued to letters are codes: flight LH1234. */
		if (IS_ALNUM(prev) || prev == '+' || prev == '/') {
			while (p + 1 < e && IS_ALNUM(p[1]))
				p++;
			continue;
		}
		nd = digit_run(p + plus, e, d, sizeof(d), &q);
		if (q < e && (IS_ALNUM(*q) || *q == '/')) {
			p = q;
			continue;
		}
		ok = 0;
		if (!plus && nd >= 13 && nd <= 19 && pii_luhn(d, nd))
			ok = PII_CARD;
		else if (plus ? nd >= 8 && nd <= 15 : nd >= 9 && nd <= 12)
			ok = PII_PHONE;
		if (ok) {
			*start = (size_t)(p - s);
			*end = *pos = (size_t)(q - s);
			return (unsigned)ok;
		}
		p = q - 1;
	}
	*pos = n;
	return 0;
}

unsigned
pii_scan(const char *s, size_t n)
{
	size_t pos = 0, a, b;
	unsigned found = 0, k;

	while ((k = pii_next(s, n, &pos, &a, &b)) != 0)
		found |= k;
	return found;
}

size_t
pii_mask(const char *s, size_t n, struct buf *out, const char *mask)
{
	size_t pos = 0, a, b, done = 0, count = 0;

	while (pii_next(s, n, &pos, &a, &b) != 0) {
		buf_add(out, s + done, a - done);
		buf_adds(out, mask);
		done = b;
		count++;
	}
	buf_add(out, s + done, n - done);
	return count;
}
