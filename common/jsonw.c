#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "utf8.h"

static const char hex[] = "0123456789abcdef";

/*
 * The writers below append without the NUL that buf.h keeps after the
 * bytes, in room made first; jsonw() and jsonw_string() end with it.
 */
static inline void
addc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->s[b->len++] = c;
}

static inline void
add(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}


/* Strings no longer than this are copied a byte at a time. */
#define SHORT	24

/* Does s[0..n) need no escape?  Eight bytes at a time. */
static int
plain(const unsigned char *p, size_t n)
{
	uint64_t x;
	size_t i = 0;

	for (; n - i >= 8; i += 8) {
		memcpy(&x, p + i, 8);
		/* Bytes of 0x80 and above are never escaped; an error
		   towards 1 only sends the rest to the loop below. */
		if ((BYTES_LESS(x, 0x20) |
		    BYTES_ZERO(x ^ (BYTES_ONES * '"')) |
		    BYTES_ZERO(x ^ (BYTES_ONES * '\\'))) != 0)
			break;
	}
	for (; i < n; i++)
		if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\')
			return 0;
	return 1;
}

static void
string(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + n, *run;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	if (b->cap - b->len <= n + 2)
		buf_grow(b, n + 2);
	if (n <= SHORT) {
		/* Keys and labels: copy and check in one pass. */
		char *o = b->s + b->len;
		size_t i;

		for (i = 0; i < n; i++) {
			if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\')
				goto escape;
			o[i + 1] = (char)p[i];
		}
		o[0] = '"';
		o[n + 1] = '"';
		b->len += n + 2;
		return;
	}
	if (plain(p, n)) {
		b->s[b->len++] = '"';
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len++] = '"';
		return;
	}
escape:
	addc(b, '"');
	while (p < end) {
		run = p;
		while (p < end && *p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			add(b, (const char *)run, (size_t)(p - run));
		if (p == end)
			break;
		switch (*p) {
		case '"':  add(b, "\\\"", 2); break;
		case '\\': add(b, "\\\\", 2); break;
		case '\n': add(b, "\\n", 2); break;
		case '\r': add(b, "\\r", 2); break;
		case '\t': add(b, "\\t", 2); break;
		case '\b': add(b, "\\b", 2); break;
		case '\f': add(b, "\\f", 2); break;
		default:
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 0xf];
			add(b, esc, 6);
		}
		p++;
	}
	addc(b, '"');
}

void
jsonw_string(struct buf *b, const char *s, size_t n)
{
	string(b, s, n);
	b->s[b->len] = '\0';
}

void
jsonw_real(struct buf *b, double d)
{
	char tmp[32];
	int prec;

	if (!isfinite(d)) {
		buf_add(b, "null", 4);
		return;
	}
	if (d == 0 && !signbit(d)) {
		buf_add(b, "0.0", 3);
		return;
	}
	/*
	 * Most reals sc writes are rounded to a few decimals (scores,
	 * confidences): print those without a printf/strtod round trip.
	 * When k / 1000 rounds to d, the digits of k are d's shortest form.
	 */
	if (d != 0 && fabs(d) < 1e12) {
		long long k = llround(d * 1000);

		if ((double)k / 1000 == d) {
			unsigned long long u = k < 0 ? 0ULL - (unsigned long long)k :
			    (unsigned long long)k;
			char *p = tmp + sizeof(tmp);
			int frac = (int)(u % 1000), digits = 3;

			*--p = '\0';
			if (frac == 0) {
				*--p = '0';
			} else {
				while (frac % 10 == 0) {
					frac /= 10;
					digits--;
				}
				while (digits-- > 0) {
					*--p = (char)('0' + frac % 10);
					frac /= 10;
				}
			}
			*--p = '.';
			u /= 1000;
			do
				*--p = (char)('0' + u % 10);
			while ((u /= 10) != 0);
			if (k < 0)
				*--p = '-';
			add(b, p, (size_t)(tmp + sizeof(tmp) - 1 - p));
			b->s[b->len] = '\0';
			return;
		}
	}
	/*
	 * For a normal double, any shorter form that reads back is what
	 * %.15g prints anyway (DBL_DIG is 15, trailing zeros go), so start
	 * there; a subnormal holds fewer digits and may need only one.
	 */
	for (prec = fabs(d) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, d);
		if (strtod(tmp, NULL) == d)
			break;
	}
	buf_adds(b, tmp);
	/* Keep it a real for readers that care: 1 -> 1.0. */
	if (strpbrk(tmp, ".eEn") == NULL)
		buf_add(b, ".0", 2);
}

static void
jsonw_int(struct buf *b, json_int_t v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u;

	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

static void
value(struct buf *b, const json_t *j)
{
	const char *key;
	json_t *v;
	size_t i, n, klen;
	int first;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		addc(b, '{');
		first = 1;
		json_object_keylen_foreach((json_t *)j, key, klen, v) {
			if (!first)
				addc(b, ',');
			first = 0;
			string(b, key, klen);
			addc(b, ':');
			value(b, v);
		}
		addc(b, '}');
		break;
	case JSON_ARRAY:
		addc(b, '[');
		n = json_array_size(j);
		for (i = 0; i < n; i++) {
			if (i)
				addc(b, ',');
			value(b, json_array_get(j, i));
		}
		addc(b, ']');
		break;
	case JSON_STRING:
		string(b, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		jsonw_int(b, json_integer_value(j));
		break;
	case JSON_REAL:
		jsonw_real(b, json_real_value(j));
		break;
	case JSON_TRUE:
		add(b, "true", 4);
		break;
	case JSON_FALSE:
		add(b, "false", 5);
		break;
	case JSON_NULL:
		add(b, "null", 4);
		break;
	}
}

void
jsonw(struct buf *b, const json_t *j)
{
	value(b, j);
	buf_grow(b, 0);
	b->s[b->len] = '\0';
}
