/*
 * measure.c - a draft's length as its platform counts it (textlen.h),
 * the platform's limit, and what is done with a draft that is too long:
 * shortened at a sentence or word boundary, or split into a numbered
 * thread.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "reply.h"
#include "textlen.h"
#include "utf8.h"
#include "xmem.h"

struct rule {
	const char	*platform;
	long		 limit;
	long		 byte_limit;
	size_t		(*length)(const char *, size_t);
};

static const struct rule rules[] = {
	{ "x",		280,	0,	textlen_x },
	{ "mastodon",	500,	0,	textlen_mastodon },
	{ "bluesky",	300,	3000,	textlen_graphemes },
	{ "facebook",	8000,	0,	textlen_graphemes },
	{ "reddit",	10000,	0,	textlen_graphemes },
	{ "linkedin",	1250,	0,	textlen_graphemes },
};

static const struct rule *
rule_for(const char *platform)
{
	size_t i;

	for (i = 0; platform != NULL && i < sizeof(rules) / sizeof(rules[0]);
	    i++)
		if (strcmp(platform, rules[i].platform) == 0)
			return &rules[i];
	return NULL;
}

void
measure(const char *platform, const char *s, size_t n, struct measure *m)
{
	const struct rule *r = rule_for(platform);

	m->bytes = n;
	m->length = r != NULL ? r->length(s, n) : textlen_graphemes(s, n);
	m->limit = r != NULL ? r->limit : 0;
	m->byte_limit = r != NULL ? r->byte_limit : 0;
}

int
measure_fits(const struct measure *m)
{
	return (m->limit == 0 || m->length <= (size_t)m->limit) &&
	    (m->byte_limit == 0 || m->bytes <= (size_t)m->byte_limit);
}

/* Does s[0..n) followed by suffix fit platform? */
static int
fits(const char *platform, const char *s, size_t n, const char *suffix)
{
	struct measure m;
	struct buf b = BUF_INIT;

	buf_add(&b, s, n);
	buf_adds(&b, suffix);
	measure(platform, buf_str(&b), b.len, &m);
	buf_free(&b);
	return measure_fits(&m);
}

/* After a sentence's end: ". ", "! ", "? ", or CJK "。！？" */
static int
sentence_end(const char *s, size_t i, size_t n)
{
	if (i >= 3 && (memcmp(s + i - 3, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(s + i - 3, "\xef\xbc\x81", 3) == 0 ||
	    memcmp(s + i - 3, "\xef\xbc\x9f", 3) == 0))
		return 1;
	return i >= 1 && i < n && s[i] == ' ' &&
	    (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?');
}

/*
 * The longest prefix of s[0..n) that fits with suffix after it: cut after
 * a sentence if one fits (*sentence set), else before a space, else (a
 * word longer than the limit) between grapheme clusters; 0 if none.
 */
static size_t
cut(const char *platform, const char *s, size_t n, const char *suffix,
    int *sentence)
{
	size_t i, at, best = 0, *bounds, nb, lo, hi, mid;

	*sentence = 1;
	for (i = n; i > 0; i--)
		if ((i == n || sentence_end(s, i, n)) &&
		    fits(platform, s, i, suffix))
			return i;
	*sentence = 0;
	for (i = n - 1; i > 0; i--)
		if (s[i] == ' ' && fits(platform, s, i, suffix))
			return i;
	/* Lengths grow with the prefix: search the cluster boundaries. */
	bounds = NULL;
	nb = 0;
	for (at = 0; at < n; ) {
		at = textlen_next_cluster(s, n, at);
		bounds = xreallocarray(bounds, nb + 1, sizeof(*bounds));
		bounds[nb++] = at;
	}
	lo = 0;
	hi = nb;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fits(platform, s, bounds[mid], suffix)) {
			best = bounds[mid];
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	free(bounds);
	return best;
}

#define ELLIPSIS	"\xe2\x80\xa6"

int
measure_shorten(const char *platform, struct buf *text)
{
	size_t k;
	int sentence;

	if (fits(platform, text->s, text->len, ""))
		return 0;
	k = cut(platform, text->s, text->len, ELLIPSIS, &sentence);
	while (k > 0 && text->s[k - 1] == ' ')
		k--;
	text->len = k;
	if (!sentence)
		buf_adds(text, ELLIPSIS);
	else
		text->s[text->len] = '\0';
	return 1;
}

size_t
measure_thread(const char *platform, const char *s, size_t n,
    json_t *parts)
{
	struct buf part = BUF_INIT;
	size_t k, total, i, np = 0, start;
	int sentence;
	const char *p, *end = s + n;
	json_t *list;

	/* Room for " (NN/NN)" is kept in every part. */
	list = json_array();
	for (p = s; p < end; p += k) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			break;
		k = cut(platform, p, (size_t)(end - p), " (99/99)",
		    &sentence);
		if (k == 0)
			k = (size_t)(end - p);
		json_array_append_new(list, json_stringn(p, k));
		np++;
	}
	total = json_array_size(list);
	for (i = 0; i < total; i++) {
		const char *t = json_string_value(json_array_get(list, i));

		buf_reset(&part);
		start = strlen(t);
		while (start > 0 && t[start - 1] == ' ')
			start--;
		buf_add(&part, t, start);
		buf_printf(&part, " (%zu/%zu)", i + 1, total);
		json_array_append_new(parts, json_stringn(part.s, part.len));
	}
	json_decref(list);
	buf_free(&part);
	return np;
}
