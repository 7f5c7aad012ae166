#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

static const char hex[] = "0123456789abcdef";

void
jsonw_string(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + n, *run;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	buf_grow(b, n + 2);
	buf_addc(b, '"');
	while (p < end) {
		run = p;
		while (p < end && *p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			buf_add(b, run, (size_t)(p - run));
		if (p == end)
			break;
		switch (*p) {
		case '"':  buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '\b': buf_add(b, "\\b", 2); break;
		case '\f': buf_add(b, "\\f", 2); break;
		default:
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 0xf];
			buf_add(b, esc, 6);
		}
		p++;
	}
	buf_addc(b, '"');
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
			buf_adds(b, p);
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
	buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
jsonw(struct buf *b, const json_t *j)
{
	const char *key;
	json_t *v;
	size_t i, n;
	int first;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		buf_addc(b, '{');
		first = 1;
		json_object_foreach((json_t *)j, key, v) {
			if (!first)
				buf_addc(b, ',');
			first = 0;
			jsonw_string(b, key, strlen(key));
			buf_addc(b, ':');
			jsonw(b, v);
		}
		buf_addc(b, '}');
		break;
	case JSON_ARRAY:
		buf_addc(b, '[');
		n = json_array_size(j);
		for (i = 0; i < n; i++) {
			if (i)
				buf_addc(b, ',');
			jsonw(b, json_array_get(j, i));
		}
		buf_addc(b, ']');
		break;
	case JSON_STRING:
		jsonw_string(b, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		jsonw_int(b, json_integer_value(j));
		break;
	case JSON_REAL:
		jsonw_real(b, json_real_value(j));
		break;
	case JSON_TRUE:
		buf_add(b, "true", 4);
		break;
	case JSON_FALSE:
		buf_add(b, "false", 5);
		break;
	case JSON_NULL:
		buf_add(b, "null", 4);
		break;
	}
}
