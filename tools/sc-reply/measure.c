/*
 * measure.c - a draft's length as each platform counts it, and the
 * platform's limit.
 *
 * X weighs characters (utf8_x_length).  Mastodon and Bluesky count
 * grapheme clusters; here a cluster is approximated from below by joining
 * to the character before it only what Unicode (UAX #29) always joins:
 * combining marks, variation selectors, ZWJ and what an emoji joins with
 * it, skin tones, tag characters, flag pairs and CR LF.  Every join made
 * here is one the platform makes too, so the count may be too high, never
 * too low, and a draft said to fit does fit.
 */
#include <string.h>

#include "reply.h"
#include "utf8.h"

struct rule {
	const char	*platform;
	long		 limit;
	long		 byte_limit;
	size_t		(*length)(const char *, size_t);
};

static size_t	cluster_length(const char *s, size_t n);
static size_t	mastodon_length(const char *s, size_t n);

static const struct rule rules[] = {
	{ "x",		280,	0,	utf8_x_length },
	{ "mastodon",	500,	0,	mastodon_length },
	{ "bluesky",	300,	3000,	cluster_length },
	{ "facebook",	8000,	0,	utf8_len },
	{ "reddit",	10000,	0,	utf8_len },
	{ "linkedin",	1250,	0,	utf8_len },
};

static int
extend(int32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) ||
	    (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) ||
	    (cp >= 0x200c && cp <= 0x200d) ||
	    (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f) ||
	    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
	    (cp >= 0xe0020 && cp <= 0xe007f) ||
	    (cp >= 0xe0100 && cp <= 0xe01ef);
}

/* Extended_Pictographic, roughly: the blocks where emoji live. */
static int
pictographic(int32_t cp)
{
	return (cp >= 0x2600 && cp <= 0x27bf) ||
	    (cp >= 0x1f000 && cp <= 0x1faff && !(cp >= 0x1f1e6 &&
	    cp <= 0x1f1ff) && !(cp >= 0x1f3fb && cp <= 0x1f3ff));
}

static int
regional(int32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

static int
control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* A cluster counter fed one code point at a time. */
struct clusters {
	size_t	 n;
	int32_t	 prev;		/* -2: at a boundary */
	int	 pict;		/* the cluster began with an emoji */
	int	 ri;		/* regional indicators in the cluster */
};

static void
cl_reset(struct clusters *c)
{
	c->prev = -2;
	c->pict = 0;
	c->ri = 0;
}

static void
cl_feed(struct clusters *c, int32_t cp)
{
	int join = 0;

	if (c->prev == -2)
		join = 0;
	else if (c->prev == '\r' && cp == '\n')
		join = 1;
	else if (control(c->prev) || c->prev == -1 || cp == -1)
		join = 0;
	else if (extend(cp))
		join = 1;
	else if (c->prev == 0x200d && c->pict && pictographic(cp))
		join = 1;
	else if (regional(c->prev) && regional(cp) && c->ri == 1)
		join = 1;
	if (!join) {
		c->n++;
		c->pict = pictographic(cp);
		c->ri = 0;
	}
	if (regional(cp))
		c->ri++;
	c->prev = cp;
}

static size_t
cluster_length(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	struct clusters c;

	memset(&c, 0, sizeof(c));
	cl_reset(&c);
	while (p < end)
		cl_feed(&c, utf8_decode(&p, end));
	return c.n;
}

static int
word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

/*
 * A mention "@user" or "@user@domain" at p: its length in bytes, and in
 * *user the length of "@user", which is all Mastodon counts of it.
 */
static size_t
mention_at(const char *p, const char *end, size_t *user)
{
	const char *q = p + 1, *last = NULL, *d;

	if (q >= end || (unsigned char)*q >= 0x80 || !word((unsigned char)*q))
		return 0;
	for (; q < end && (unsigned char)*q < 0x80 &&
	    (word((unsigned char)*q) || *q == '.' || *q == '-'); q++)
		if (word((unsigned char)*q))
			last = q;
	*user = (size_t)(last + 1 - p);
	q = last + 1;
	if (q < end && *q == '@') {
		last = NULL;
		for (d = q + 1; d < end && (word((unsigned char)*d) ||
		    *d == '.' || *d == '-'); d++)
			if (word((unsigned char)*d))
				last = d;
		if (last != NULL)
			q = last + 1;
	}
	return (size_t)(q - p);
}

static size_t
mastodon_length(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	struct clusters c;
	size_t u, user;

	memset(&c, 0, sizeof(c));
	cl_reset(&c);
	while (p < end) {
		if ((p == s || (unsigned char)p[-1] <= ' ') &&
		    (u = utf8_url_at(p, end)) != 0) {
			c.n += 23;
			p += u;
			cl_reset(&c);
			continue;
		}
		if (*p == '@' && (p == s || (!word((unsigned char)p[-1]) &&
		    p[-1] != '/')) && (u = mention_at(p, end, &user)) != 0) {
			c.n += user;
			p += u;
			cl_reset(&c);
			continue;
		}
		cl_feed(&c, utf8_decode(&p, end));
	}
	return c.n;
}

void
measure(const char *platform, const char *s, size_t n, struct measure *m)
{
	size_t i;

	m->bytes = n;
	for (i = 0; platform != NULL && i < sizeof(rules) / sizeof(rules[0]);
	    i++)
		if (strcmp(platform, rules[i].platform) == 0) {
			m->length = rules[i].length(s, n);
			m->limit = rules[i].limit;
			m->byte_limit = rules[i].byte_limit;
			return;
		}
	m->length = utf8_len(s, n);
	m->limit = 0;
	m->byte_limit = 0;
}
