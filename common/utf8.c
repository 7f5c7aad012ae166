#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

int32_t
utf8_decode(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp;
	const unsigned char *e = (const unsigned char *)end;
	int32_t cp, min;
	int n, i;

	if (p >= e)
		return -1;
	if (p[0] < 0x80) {
		*pp += 1;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 1; cp = p[0] & 0x1f; min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		n = 2; cp = p[0] & 0x0f; min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 3; cp = p[0] & 0x07; min = 0x10000;
	} else {
		*pp += 1;
		return -1;
	}
	if (e - p <= n) {
		*pp += 1;
		return -1;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*pp += 1;
			return -1;
		}
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		*pp += 1;
		return -1;
	}
	*pp += n + 1;
	return cp;
}

size_t
utf8_invalid_at(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;

	while (p < end) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		q = p;
		if (utf8_decode(&p, end) == -1)
			return (size_t)(q - s);
	}
	return (size_t)-1;
}

int
utf8_valid(const char *s, size_t n)
{
	return utf8_invalid_at(s, n) == (size_t)-1;
}

size_t
utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_len(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t len = 0;

	while (p < end) {
		utf8_decode(&p, end);
		len++;
	}
	return len;
}

size_t
utf8_width(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t w = 0;
	int32_t cp;
	int cw;

	while (p < end) {
		cp = utf8_decode(&p, end);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			w++;	/* shown as '?' */
			continue;
		}
		cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
	}
	return w;
}

size_t
utf8_url_at(const char *p, const char *end)
{
	const char *q, *host;
	int opened = 0;

	if ((size_t)(end - p) >= 8 && strncmp(p, "https://", 8) == 0)
		q = p + 8;
	else if ((size_t)(end - p) >= 7 && strncmp(p, "http://", 7) == 0)
		q = p + 7;
	else
		return 0;
	host = q;
	while (q < end && (unsigned char)*q > ' ') {
		if (*q == '(')
			opened = 1;
		q++;
	}
	/* Trailing punctuation, and a ")" the URL did not open, are text. */
	while (q > host && (strchr(".,:;!?'\"]", q[-1]) != NULL ||
	    (q[-1] == ')' && !opened)))
		q--;
	return q == host ? 0 : (size_t)(q - p);
}

size_t
utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t i;

	if (n <= max)
		return n;
	i = max;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}
