#include <stdlib.h>
#include <string.h>

#include "jscan.h"
#include "jsonpos.h"
#include "utf8.h"

struct scan {
	const char	*p;
	const char	*end;
	int		 line;
};

static void
ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
	    *s->p == '\n' || *s->p == '\r')) {
		if (*s->p == '\n')
			s->line++;
		s->p++;
	}
}

/* At an opening quote: past the closing one; the key's bytes out. */
static int
string(struct scan *s, const char **k, size_t *klen)
{
	const char *start;

	s->p++;
	start = s->p;
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\')
			s->p++;
		else if (*s->p == '\n')
			s->line++;
		s->p++;
	}
	if (s->p >= s->end)
		return -1;
	if (k != NULL) {
		*k = start;
		*klen = (size_t)(s->p - start);
	}
	s->p++;
	return 0;
}

/*
 * Is the key k[0..klen) (as written, between its quotes) the key want,
 * which is unescaped, as jansson hands keys out?
 */
static int
key_is(const char *k, size_t klen, const char *want)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *end = k + klen, *hit;
	char u[4];
	unsigned cp, lo;
	size_t n;

	while (k < end) {
		if (*k != '\\') {
			if (*want == '\0' || *k++ != *want++)
				return 0;
			continue;
		}
		if (++k == end)
			return 0;
		if (*k != 'u') {
			if ((hit = strchr(from, *k)) == NULL || *want == '\0' ||
			    to[hit - from] != *want)
				return 0;
			k++;
			want++;
			continue;
		}
		k++;
		if (jscan_hex4(k, end, &cp) == -1 || cp == 0)
			return 0;
		k += 4;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (end - k < 6 || k[0] != '\\' || k[1] != 'u')
				return 0;
			k += 2;
			if (jscan_hex4(k, end, &lo) == -1 || lo < 0xdc00 ||
			    lo > 0xdfff)
				return 0;
			k += 4;
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		}
		n = utf8_encode((int32_t)cp, u);
		if (strncmp(want, u, n) != 0)
			return 0;
		want += n;
	}
	return *want == '\0';
}

static int
skip(struct scan *s)
{
	int depth = 0;

	ws(s);
	while (s->p < s->end) {
		switch (*s->p) {
		case '"':
			if (string(s, NULL, NULL) == -1)
				return -1;
			if (depth == 0)
				return 0;
			continue;
		case '{':
		case '[':
			depth++;
			break;
		case '}':
		case ']':
			if (depth == 0)
				return 0;
			if (--depth == 0) {
				s->p++;
				return 0;
			}
			break;
		case ',':
			if (depth == 0)
				return 0;
			break;
		case '\n':
			s->line++;
			break;
		default:
			break;
		}
		s->p++;
	}
	return 0;
}

static int
find(struct scan *s, const char *const *path, int npath)
{
	const char *k;
	size_t klen;
	long idx, want;
	char *endp;
	int here;

	ws(s);
	here = s->line;
	if (npath == 0 || s->p >= s->end)
		return here;
	if (*s->p == '{') {
		s->p++;
		for (;;) {
			ws(s);
			if (s->p >= s->end || *s->p != '"')
				return here;
			if (string(s, &k, &klen) == -1)
				return here;
			ws(s);
			if (s->p >= s->end || *s->p != ':')
				return here;
			s->p++;
			if (key_is(k, klen, path[0]))
				return find(s, path + 1, npath - 1);
			if (skip(s) == -1)
				return here;
			ws(s);
			if (s->p >= s->end || *s->p != ',')
				return here;
			s->p++;
		}
	}
	if (*s->p == '[' && path[0][0] == '[') {
		want = strtol(path[0] + 1, &endp, 10);
		if (*endp != ']')
			return here;
		s->p++;
		for (idx = 0;; idx++) {
			if (idx == want)
				return find(s, path + 1, npath - 1);
			if (skip(s) == -1)
				return here;
			ws(s);
			if (s->p >= s->end || *s->p != ',')
				return here;
			s->p++;
		}
	}
	return here;
}

int
jsonpos_line(const char *text, size_t len, const char *const *path,
    int npath)
{
	struct scan s;

	s.p = text;
	s.end = text + len;
	s.line = 1;
	return find(&s, path, npath);
}
