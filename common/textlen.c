/*
 * textlen.c - lengths as the platforms count them; see textlen.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "textlen.h"
#include "utf8.h"

#define URL_WEIGHT	23

/* Known top-level domains for URLs without a scheme: the generic ones
 * people use, and every two-letter country code. */
static const char gtlds[] =
    " com net org edu gov mil int info biz name pro aero coop museum mobi"
    " app dev ai xyz online site shop store blog tech news travel link"
    " club top live cloud page ";
static const char cctlds[] =
    " ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg"
    " bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn"
    " co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj"
    " fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk"
    " hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki"
    " km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg"
    " mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni"
    " nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re"
    " ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx"
    " sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy"
    " uz va vc ve vg vi vn vu wf ws ye yt za zm zw ";

/*
 * Is s[0..n) its own NFC?  Conservatively: every code point past ASCII
 * has no decomposition, combining class 0 and no part in any composition
 * (utf8proc's comb_index is UINT16_MAX), as most punctuation, CJK and
 * emoji do.  0 sends the text through utf8proc_map().
 */
static int
nfc_stable(const char *s, size_t n)
{
	const utf8proc_property_t *prop;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return 0;
		prop = utf8proc_get_property(cp);
		if (prop->combining_class != 0 ||
		    prop->decomp_seqindex != UINT16_MAX ||
		    prop->comb_index != UINT16_MAX)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

int
textlen_nfc(const char *s, size_t n, struct buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;

	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (len < 0) {
		buf_add(out, s, n);
		return -1;
	}
	buf_add(out, dst, (size_t)len);
	free(dst);
	return 0;
}

static int
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

static int
known_tld(const char *t, size_t n)
{
	char key[16];
	size_t i;

	if (n < 2 || n > 12)
		return 0;
	key[0] = ' ';
	for (i = 0; i < n; i++) {
		if (!((t[i] >= 'a' && t[i] <= 'z') ||
		    (t[i] >= 'A' && t[i] <= 'Z')))
			return 0;
		key[i + 1] = (char)(t[i] | 0x20);
	}
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	return strstr(n == 2 ? cctlds : gtlds, key) != NULL;
}

/* The rest of a URL after its host: path, query, without trailing
 * punctuation, like utf8_url_at(). */
static const char *
url_rest(const char *q, const char *end)
{
	const char *r = q;
	int open = 0;

	if (r >= end || (*r != '/' && *r != ':' && *r != '?' && *r != '#'))
		return q;
	while (r < end && (unsigned char)*r > ' ' && *r != 0x7f) {
		if (*r == '(')
			open++;
		else if (*r == ')')
			open--;
		r++;
	}
	while (r > q && (strchr(".,:;!?'\"]", r[-1]) != NULL ||
	    (r[-1] == ')' && open < 0))) {
		if (r[-1] == ')')
			open++;
		r--;
	}
	return r;
}

size_t
textlen_url_at(const char *s, const char *p, const char *end)
{
	const char *q, *label, *last = NULL;
	int labels = 0;

	if (p > s && (alnum((unsigned char)p[-1]) || p[-1] == '@' ||
	    p[-1] == '.' || p[-1] == '-' || p[-1] == '_' || p[-1] == '/' ||
	    (unsigned char)p[-1] >= 0x80))
		return 0;
	if (end - p > 7 && (strncmp(p, "http://", 7) == 0 ||
	    (end - p > 8 && strncmp(p, "https://", 8) == 0)))
		return utf8_url_at(p, end);
	/* host: labels of letters, digits and '-', the last a known TLD */
	q = p;
	for (;;) {
		label = q;
		while (q < end && (alnum((unsigned char)*q) || *q == '-'))
			q++;
		if (q == label || label[0] == '-' || q[-1] == '-')
			return 0;
		labels++;
		last = label;
		if (q + 1 < end && *q == '.' && alnum((unsigned char)q[1]))
			q++;
		else
			break;
	}
	if (labels < 2 || !known_tld(last, (size_t)(q - last)))
		return 0;
	/* not part of an address or a longer word */
	if (q < end && (*q == '@' || *q == '_' ||
	    (unsigned char)*q >= 0x80))
		return 0;
	return (size_t)(url_rest(q, end) - p);
}

/* X's weight of one code point outside an emoji. */
static size_t
x_weight(int32_t cp)
{
	return (cp >= 0 && cp <= 0x10ff) || (cp >= 0x2000 && cp <= 0x200d) ||
	    (cp >= 0x2010 && cp <= 0x201f) ||
	    (cp >= 0x2032 && cp <= 0x2037) ? 1 : 2;
}

/*
 * The grapheme cluster at p (before end, UTF-8): its end; *emoji when it
 * is an emoji (a pictograph with a variation selector, a modifier or a
 * joiner, one from U+1F000 on, a flag, a keycap); *w its code points'
 * X weights.
 */
static const char *
cluster(const char *p, const char *end, int *emoji, size_t *w)
{
	const utf8proc_property_t *prop;
	utf8proc_int32_t cp, prev, state = 0;
	utf8proc_ssize_t k;
	int pict = 0, decor = 0, ri = 0, keycap = 0;

	*w = 0;
	k = utf8proc_iterate((const utf8proc_uint8_t *)p, end - p, &cp);
	if (k <= 0) {
		*emoji = 0;
		*w = 1;
		return p + 1;
	}
	for (;;) {
		prop = utf8proc_get_property(cp);
		if (prop->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
		    prop->boundclass == UTF8PROC_BOUNDCLASS_E_BASE ||
		    prop->boundclass == UTF8PROC_BOUNDCLASS_E_BASE_GAZ ||
		    prop->boundclass == UTF8PROC_BOUNDCLASS_GLUE_AFTER_ZWJ)
			pict = cp >= 0x1f000 ? 2 : pict ? pict : 1;
		if (cp == 0xfe0f || cp == 0x200d || cp == 0x20e3 ||
		    (cp >= 0x1f3fb && cp <= 0x1f3ff))
			decor = 1;
		if (prop->boundclass == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
			ri++;
		if (cp == 0x20e3)
			keycap = 1;
		*w += x_weight(cp);
		p += k;
		prev = cp;
		if (p >= end)
			break;
		k = utf8proc_iterate((const utf8proc_uint8_t *)p, end - p,
		    &cp);
		if (k <= 0 || utf8proc_grapheme_break_stateful(prev, cp,
		    &state))
			break;
	}
	*emoji = pict == 2 || (pict && decor) || ri == 2 || keycap;
	return p;
}

/* Count s[0..n) after NFC: clusters, or X's weights, with URLs. */
enum { COUNT_CLUSTERS, COUNT_X, COUNT_MASTODON };

static size_t
user_len(const char *p, const char *end, size_t *all)
{
	const char *q = p + 1, *u;

	while (q < end && (alnum((unsigned char)*q) || *q == '_'))
		q++;
	u = q;
	if (u == p + 1)
		return 0;
	if (q + 1 < end && *q == '@' && alnum((unsigned char)q[1])) {
		q++;
		while (q < end && (alnum((unsigned char)*q) || *q == '-' ||
		    (*q == '.' && q + 1 < end && alnum((unsigned char)q[1]))))
			q++;
	}
	*all = (size_t)(q - p);
	return (size_t)(u - p);
}

static size_t
count(const char *s0, size_t n0, int how)
{
	struct buf b = BUF_INIT;
	const char *s, *p, *end;
	size_t total = 0, w, u, all;
	int emoji;

	if (nfc_stable(s0, n0)) {
		/* Already NFC (ASCII always is): no copy. */
		s = s0;
		end = s0 + n0;
	} else if (textlen_nfc(s0, n0, &b) == -1) {
		buf_free(&b);
		return utf8_len(s0, n0);
	} else {
		s = buf_str(&b);
		end = s + b.len;
	}
	for (p = s; p < end; ) {
		if (how == COUNT_X && (u = textlen_url_at(s, p, end)) != 0) {
			total += URL_WEIGHT;
			p += u;
			continue;
		}
		if (how == COUNT_MASTODON && (p == s ||
		    (unsigned char)p[-1] <= ' ') &&
		    (u = utf8_url_at(p, end)) != 0) {
			total += URL_WEIGHT;
			p += u;
			continue;
		}
		if (how == COUNT_MASTODON && *p == '@' && (p == s ||
		    !(alnum((unsigned char)p[-1]) || p[-1] == '_' ||
		    p[-1] == '/')) && (u = user_len(p, end, &all)) != 0) {
			total += u;
			p += all;
			continue;
		}
		if ((unsigned char)*p < 0x80 && (p + 1 == end ||
		    (unsigned char)p[1] < 0x80) && !(*p == '\r' &&
		    p + 1 < end && p[1] == '\n')) {
			/* An ASCII character before another: a cluster. */
			p++;
			total++;
			continue;
		}
		p = cluster(p, end, &emoji, &w);
		total += how != COUNT_X ? 1 : emoji ? 2 : w;
	}
	buf_free(&b);
	return total;
}

size_t
textlen_graphemes(const char *s, size_t n)
{
	return count(s, n, COUNT_CLUSTERS);
}

size_t
textlen_x(const char *s, size_t n)
{
	return count(s, n, COUNT_X);
}

size_t
textlen_mastodon(const char *s, size_t n)
{
	return count(s, n, COUNT_MASTODON);
}

size_t
textlen_next_cluster(const char *s, size_t n, size_t at)
{
	utf8proc_int32_t cp, prev, state = 0;
	utf8proc_ssize_t k;

	if (at >= n)
		return n;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + at,
	    (utf8proc_ssize_t)(n - at), &prev);
	if (k <= 0)
		return at + 1;
	for (at += (size_t)k; at < n; at += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + at,
		    (utf8proc_ssize_t)(n - at), &cp);
		if (k <= 0 || utf8proc_grapheme_break_stateful(prev, cp,
		    &state))
			break;
		prev = cp;
	}
	return at;
}
