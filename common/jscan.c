/*
 * jscan.c - a strict JSON object checker that builds nothing; see jscan.h.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "jscan.h"
#include "utf8.h"


static const char *
skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

int
jscan_hex4(const char *p, const char *e, unsigned *v)
{
	unsigned c, i, x = 0;

	if (e - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		c = (unsigned char)p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			c = (c | 0x20) - 'a' + 10;
		else
			return -1;
		x = x << 4 | c;
	}
	*v = x;
	return 0;
}

/* The escape after a backslash at p; returns what follows, or NULL. */
static const char *
escape(const char *p, const char *e)
{
	unsigned u, lo;

	if (p >= e)
		return NULL;
	switch (*p) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n':
	case 'r': case 't':
		return p + 1;
	case 'u':
		break;
	default:
		return NULL;
	}
	if (jscan_hex4(p + 1, e, &u) == -1 || u == 0)
		return NULL;
	p += 5;
	if (u >= 0xdc00 && u <= 0xdfff)
		return NULL;
	if (u >= 0xd800 && u <= 0xdbff) {
		if (e - p < 6 || p[0] != '\\' || p[1] != 'u' ||
		    jscan_hex4(p + 2, e, &lo) == -1 || lo < 0xdc00 || lo > 0xdfff)
			return NULL;
		p += 6;
	}
	return p;
}

/* One UTF-8 sequence at p (RFC 3629); returns what follows, or NULL. */
static const char *
utf8_seq(const char *p, const char *e)
{
	const unsigned char *s = (const unsigned char *)p;
	unsigned c = s[0], lo = 0x80, hi = 0xbf;
	ptrdiff_t n, i;

	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return NULL;
	if (e - p < n || s[1] < lo || s[1] > hi)
		return NULL;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return NULL;
	return p + n;
}

/*
 * The rest of a string whose opening quote is before p; returns what
 * follows the closing quote, or NULL.  *esc is set when it has escapes.
 */
static const char *
string(const char *p, const char *e, int *esc)
{
	uint64_t x;
	unsigned c;

	for (;;) {
#ifdef __SSE2__
		/* Sixteen at a time, then straight to the first other byte. */
		while (e - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			/* Signed: bytes of 0x80 and above are below 0x20 too. */
			unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
			    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));

			if (mask != 0) {
				p += __builtin_ctz(mask);
				break;
			}
			p += 16;
		}
#endif
		/* Eight plain ASCII bytes at a time. */
		while (e - p >= 8) {
			memcpy(&x, p, 8);
			if ((BYTES_LESS(x, 0x20) |
			    BYTES_ZERO(x ^ (BYTES_ONES * '"')) |
			    BYTES_ZERO(x ^ (BYTES_ONES * '\\')) |
			    BYTES_HIGH(x)) != 0)
				break;
			p += 8;
		}
		if (p >= e)
			return NULL;
		c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c == '\\') {
			*esc = 1;
			if ((p = escape(p + 1, e)) == NULL)
				return NULL;
		} else if (c >= 0x80) {
			if ((p = utf8_seq(p, e)) == NULL)
				return NULL;
		} else if (c < 0x20)
			return NULL;
		else
			p++;
	}
}

static int
digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

/* A number at p; returns what follows, or NULL (see jscan.h). */
static const char *
number(const char *p, const char *e)
{
	const char *start = p, *x;
	int real = 0;

	if (p < e && *p == '-')
		p++;
	if (!digit(p, e))
		return NULL;
	if (*p++ != '0')
		while (digit(p, e))
			p++;
	if (p < e && *p == '.') {
		if (!digit(++p, e))
			return NULL;
		while (digit(p, e))
			p++;
		real = 1;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		x = p;
		while (digit(p, e))
			p++;
		if (p == x || p - x > 2)
			return NULL;
		real = 1;
	}
	if (p - start > 40 || (!real && p - start - (*start == '-') > 18))
		return NULL;
	return p;
}

static const char *
literal(const char *p, const char *e, const char *word, size_t n)
{
	if ((size_t)(e - p) < n || memcmp(p, word, n) != 0)
		return NULL;
	return p + n;
}

/*
 * One value at p (white space before it skipped); returns what follows
 * it, or NULL.  Arrays and objects are checked with an explicit stack of
 * their closing characters.
 */
static const char *
value(const char *p, const char *e)
{
	char stack[JSCAN_DEPTH];
	int d = 0, esc;

	for (;;) {
		/* p is at a value */
		if (p >= e)
			return NULL;
		switch (*p) {
		case '"':
			p = string(p + 1, e, &esc);
			break;
		case '{':
		case '[':
			if (d == JSCAN_DEPTH)
				return NULL;
			stack[d] = *p == '{' ? '}' : ']';
			p = skip_ws(p + 1, e);
			if (p < e && *p == stack[d]) {
				p++;
				break;
			}
			d++;
			if (stack[d - 1] == ']')
				continue;
			goto key;
		case 't':
			p = literal(p, e, "true", 4);
			break;
		case 'f':
			p = literal(p, e, "false", 5);
			break;
		case 'n':
			p = literal(p, e, "null", 4);
			break;
		default:
			p = number(p, e);
		}
		/* after a value: close what ended, or go on after a comma */
		for (;;) {
			if (p == NULL)
				return NULL;
			if (d == 0)
				return p;
			p = skip_ws(p, e);
			if (p < e && *p == stack[d - 1]) {
				p++;
				d--;
				continue;
			}
			break;
		}
		if (p >= e || *p != ',')
			return NULL;
		p = skip_ws(p + 1, e);
		if (stack[d - 1] == ']')
			continue;
key:
		if (p >= e || *p != '"' ||
		    (p = string(p + 1, e, &esc)) == NULL)
			return NULL;
		p = skip_ws(p, e);
		if (p >= e || *p != ':')
			return NULL;
		p = skip_ws(p + 1, e);
	}
}

int
jscan_find(const char *s, const struct jscan_member *m, size_t nm,
    const char *key, size_t keylen)
{
	size_t i;

	for (i = 0; i < nm; i++)
		if (m[i].keylen == keylen &&
		    memcmp(s + m[i].key, key, keylen) == 0)
			return (int)i;
	return -1;
}

int
jscan_object(const char *s, size_t n, struct jscan_member *m, size_t max,
    size_t *nm, size_t *close)
{
	const char *p, *q, *e = s + n;
	size_t k = 0, i;
	int esc = 0;

	p = skip_ws(s, e);
	if (p >= e || *p != '{')
		return -1;
	p = skip_ws(p + 1, e);
	if (p < e && *p == '}')
		goto closed;
	for (;;) {
		if (p >= e || *p != '"' || k == max ||
		    (q = string(p + 1, e, &esc)) == NULL || esc)
			return -1;
		m[k].key = (size_t)(p + 1 - s);
		m[k].keylen = (size_t)(q - 1 - (p + 1));
		for (i = 0; i < k; i++)
			if (m[i].keylen == m[k].keylen && memcmp(s + m[i].key,
			    s + m[k].key, m[k].keylen) == 0)
				return -1;
		p = skip_ws(q, e);
		if (p >= e || *p != ':')
			return -1;
		p = skip_ws(p + 1, e);
		if ((q = value(p, e)) == NULL)
			return -1;
		m[k].val = (size_t)(p - s);
		m[k].vallen = (size_t)(q - p);
		k++;
		p = skip_ws(q, e);
		if (p < e && *p == ',') {
			p = skip_ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}')
			break;
		return -1;
	}
closed:
	*close = (size_t)(p - s);
	if (skip_ws(p + 1, e) != e)
		return -1;
	*nm = k;
	return 0;
}

/* Deepest object jscan_json() builds itself, and the members of each. */
#define BUILD_DEPTH	4
#define BUILD_MEMBERS	32

static json_t *
build(const char *s, size_t n, int depth)
{
	struct jscan_member m[BUILD_MEMBERS];
	json_t *o, *v;
	size_t nm, close, i;
	long long x;
	const char *p;

	switch (*s) {
	case '"':
		if (memchr(s, '\\', n) != NULL)
			break;
		return json_stringn_nocheck(s + 1, n - 2);
	case 't':
		return json_true();
	case 'f':
		return json_false();
	case 'n':
		return json_null();
	case '{':
		if (depth == BUILD_DEPTH || jscan_object(s, n, m,
		    BUILD_MEMBERS, &nm, &close) == -1)
			break;
		o = json_object();
		for (i = 0; i < nm; i++)
			if ((v = build(s + m[i].val, m[i].vallen,
			    depth + 1)) == NULL ||
			    json_object_setn_new_nocheck(o, s + m[i].key,
			    m[i].keylen, v) == -1) {
				json_decref(o);
				return NULL;
			}
		return o;
	default:
		/*
		 * An integer has at most 18 digits (jscan checked): no
		 * overflow.  A real may have up to 40 characters, digits
		 * enough to overflow, so it is told apart first.
		 */
		for (p = s + (*s == '-'); p < s + n; p++)
			if (*p < '0' || *p > '9')
				break;
		if (p != s + n)
			break;		/* a real */
		x = 0;
		for (p = s + (*s == '-'); p < s + n; p++)
			x = x * 10 + (*p - '0');
		return json_integer(*s == '-' ? -x : x);
	}
	return json_loadb(s, n, JSON_DECODE_ANY, NULL);
}

json_t *
jscan_json(const char *s, size_t n)
{
	return n == 0 ? NULL : build(s, n, 0);
}
