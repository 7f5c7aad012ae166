/*
 * html.c - HTML to plain text (see html.h).  One pass over the input:
 * text is copied, a tag is looked at only for its name, a character
 * reference is decoded where it stands.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "html.h"
#include "utf8.h"

/* The named references worth knowing in posts; sorted by name. */
static const struct entity {
	const char	*name;
	int32_t		 cp;
} entities[] = {
	{ "AMP", '&' }, { "GT", '>' }, { "LT", '<' }, { "QUOT", '"' },
	{ "aacute", 0xe1 }, { "acirc", 0xe2 }, { "agrave", 0xe0 },
	{ "amp", '&' }, { "apos", '\'' }, { "aring", 0xe5 },
	{ "atilde", 0xe3 }, { "auml", 0xe4 }, { "bull", 0x2022 },
	{ "ccedil", 0xe7 }, { "cent", 0xa2 }, { "copy", 0xa9 },
	{ "deg", 0xb0 }, { "divide", 0xf7 }, { "eacute", 0xe9 },
	{ "ecirc", 0xea }, { "egrave", 0xe8 }, { "euml", 0xeb },
	{ "euro", 0x20ac }, { "gt", '>' }, { "hellip", 0x2026 },
	{ "iacute", 0xed }, { "icirc", 0xee }, { "iexcl", 0xa1 },
	{ "iquest", 0xbf }, { "iuml", 0xef }, { "laquo", 0xab },
	{ "ldquo", 0x201c }, { "lsquo", 0x2018 }, { "lt", '<' },
	{ "mdash", 0x2014 }, { "middot", 0xb7 }, { "nbsp", 0xa0 },
	{ "ndash", 0x2013 }, { "ntilde", 0xf1 }, { "oacute", 0xf3 },
	{ "ocirc", 0xf4 }, { "ograve", 0xf2 }, { "oslash", 0xf8 },
	{ "otilde", 0xf5 }, { "ouml", 0xf6 }, { "para", 0xb6 },
	{ "plusmn", 0xb1 }, { "pound", 0xa3 }, { "quot", '"' },
	{ "raquo", 0xbb }, { "rdquo", 0x201d }, { "reg", 0xae },
	{ "rsquo", 0x2019 }, { "sect", 0xa7 }, { "shy", 0xad },
	{ "szlig", 0xdf }, { "times", 0xd7 }, { "trade", 0x2122 },
	{ "uacute", 0xfa }, { "ucirc", 0xfb }, { "ugrave", 0xf9 },
	{ "uuml", 0xfc }, { "yen", 0xa5 }, { "zwj", 0x200d },
	{ "zwnj", 0x200c }
};

static int
entity_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct entity *)elem)->name);
}

static void
add_cp(struct buf *out, int32_t cp)
{
	char u[4];

	if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	buf_add(out, u, utf8_encode(cp, u));
}

/*
 * A character reference at p ('&'): decoded into out, returns the bytes
 * it took; 0 if it is none (the '&' is then plain text).
 */
static size_t
reference(const char *p, const char *end, struct buf *out)
{
	const struct entity *e;
	const char *q = p + 1;
	char name[16];
	int64_t cp = 0;
	size_t n;
	int hex, digits = 0;

	if (q < end && *q == '#') {
		q++;
		hex = q < end && (*q == 'x' || *q == 'X');
		q += hex;
		for (; q < end && (hex ? isxdigit((unsigned char)*q) :
		    isdigit((unsigned char)*q)); q++, digits++)
			if (cp <= 0x10ffff)
				cp = cp * (hex ? 16 : 10) + (isdigit(
				    (unsigned char)*q) ? *q - '0' :
				    (tolower((unsigned char)*q) - 'a' + 10));
		if (digits == 0)
			return 0;
		/* The ';' is optional for numbers, as browsers read them. */
		if (q < end && *q == ';')
			q++;
		add_cp(out, cp > 0x10ffff ? 0xfffd : (int32_t)cp);
		return (size_t)(q - p);
	}
	for (n = 0; q + n < end && n < sizeof(name) - 1 &&
	    isalnum((unsigned char)q[n]); n++)
		name[n] = q[n];
	if (n == 0 || q + n >= end || q[n] != ';')
		return 0;
	name[n] = '\0';
	if ((e = bsearch(name, entities, sizeof(entities) /
	    sizeof(entities[0]), sizeof(entities[0]), entity_cmp)) == NULL)
		return 0;
	add_cp(out, e->cp);
	return n + 2;
}

void
html_unescape(const char *s, size_t len, struct buf *out)
{
	const char *p = s, *end = s + len, *amp;
	size_t k;

	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL) {
			buf_add(out, p, (size_t)(end - p));
			break;
		}
		buf_add(out, p, (size_t)(amp - p));
		if ((k = reference(amp, end, out)) == 0) {
			buf_addc(out, '&');
			k = 1;
		}
		p = amp + k;
	}
}

enum { BRK_NONE, BRK_LINE, BRK_ITEM, BRK_PARA };

/*
 * What a tag does to the text: a line break (<br>, each one counts), a
 * new line (<li>), a paragraph break, or nothing.
 */
static int
tag_break(const char *name, size_t n)
{
	static const char *const para[] = {
		"p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3",
		"h4", "h5", "h6", "table", NULL
	};
	size_t i;

	if (n == 2 && strncasecmp(name, "br", 2) == 0)
		return BRK_LINE;
	if ((n == 2 && (strncasecmp(name, "li", 2) == 0 ||
	    strncasecmp(name, "tr", 2) == 0)))
		return BRK_ITEM;
	for (i = 0; para[i] != NULL; i++)
		if (strlen(para[i]) == n && strncasecmp(name, para[i], n) == 0)
			return BRK_PARA;
	return BRK_NONE;
}

/* Drop trailing blanks (not newlines) of out from byte from on. */
static void
trim_blanks(struct buf *out, size_t from)
{
	while (out->len > from && (out->s[out->len - 1] == ' ' ||
	    out->s[out->len - 1] == '\t'))
		out->len--;
	if (out->s != NULL)
		out->s[out->len] = '\0';
}

/* The decoded href="..." of the tag p[0..q), appended to b; 0 or -1. */
static int
tag_href(const char *p, const char *q, struct buf *b)
{
	const char *a, *v, *e;
	char quote;

	for (a = p + 1; a + 5 < q; a++) {
		if (strncasecmp(a, "href", 4) != 0 || (a[-1] != ' ' &&
		    a[-1] != '\t' && a[-1] != '\n'))
			continue;
		for (v = a + 4; v < q && *v == ' '; v++)
			continue;
		if (v >= q || *v != '=')
			continue;
		for (v++; v < q && *v == ' '; v++)
			continue;
		quote = v < q && (*v == '"' || *v == '\'') ? *v++ : 0;
		for (e = v; e < q && (quote ? *e != quote : *e != ' '); e++)
			continue;
		html_unescape(v, (size_t)(e - v), b);
		return b->len > 0 ? 0 : -1;
	}
	return -1;
}

/*
 * At </a>: a link text that is its own URL cut short with an ellipsis
 * ("example.com/a/very/lo…", as remote servers send it) becomes the
 * whole href.  The text of out from byte from on is the link's.
 */
static void
link_end(struct buf *out, size_t from, const struct buf *href)
{
	const char *t, *h;
	size_t tl, hl;

	while (from < out->len && (out->s[from] == ' ' ||
	    out->s[from] == '\n'))
		from++;
	if (out->len - from < 3)
		return;		/* no room for an ellipsis (out->s may be NULL) */
	t = out->s + from;
	tl = out->len - from;
	if (tl >= 3 && memcmp(t + tl - 3, "\xe2\x80\xa6", 3) == 0)
		tl -= 3;
	else if (tl >= 3 && memcmp(t + tl - 3, "...", 3) == 0)
		tl -= 3;
	else
		return;
	if (tl < 4)
		return;
	h = buf_str(href);
	hl = href->len;
	if (tl > hl || memcmp(t, h, tl) != 0) {
		/* the text usually leaves the scheme out */
		if (hl > 8 && strncmp(h, "https://", 8) == 0)
			h += 8, hl -= 8;
		else if (hl > 7 && strncmp(h, "http://", 7) == 0)
			h += 7, hl -= 7;
		if (hl > 4 && strncmp(h, "www.", 4) == 0 &&
		    (tl < 4 || strncmp(t, "www.", 4) != 0))
			h += 4, hl -= 4;
		if (tl > hl || memcmp(t, h, tl) != 0)
			return;
	}
	out->len = from;
	buf_add(out, href->s, href->len);
}

void
html_to_text(const char *html, size_t len, struct buf *out)
{
	const char *p = html, *end = html + len, *q, *name;
	size_t start = out->len, k, pending = 0, link_from = 0;
	struct buf href = BUF_INIT;
	int in_link = 0;
	char quote;

	while (p < end) {
		if (*p == '<' && p + 1 < end && (isalpha((unsigned char)p[1]) ||
		    p[1] == '/' || p[1] == '!')) {
			/* A tag (or comment): find its end, quotes skipped. */
			if (p + 3 < end && memcmp(p, "<!--", 4) == 0) {
				for (q = p + 4; q + 2 < end &&
				    memcmp(q, "-->", 3) != 0; q++)
					continue;
				p = q + 2 < end ? q + 3 : end;
				continue;
			}
			for (q = p + 1, quote = 0; q < end; q++) {
				if (quote) {
					if (*q == quote)
						quote = 0;
				} else if (*q == '"' || *q == '\'')
					quote = *q;
				else if (*q == '>')
					break;
			}
			name = p + 1 + (p[1] == '/');
			for (k = 0; name + k < q && isalnum(
			    (unsigned char)name[k]); k++)
				continue;
			if (k == 1 && (*name == 'a' || *name == 'A')) {
				if (p[1] != '/') {
					buf_reset(&href);
					in_link = tag_href(p, q, &href) == 0;
					link_from = out->len;
				} else if (in_link) {
					link_end(out, link_from, &href);
					in_link = 0;
				}
			}
			switch (tag_break(name, k)) {
			case BRK_LINE:
				pending++;
				break;
			case BRK_ITEM:
				pending = pending < 1 ? 1 : pending;
				break;
			case BRK_PARA:
				pending = pending < 2 ? 2 : pending;
				break;
			}
			p = q < end ? q + 1 : end;
			continue;
		}
		if (pending > 0 && (*p == ' ' || *p == '\n' || *p == '\r' ||
		    *p == '\t')) {
			/* White space between blocks is no text. */
			p++;
			continue;
		}
		if (pending > 0) {
			/* Breaks only between pieces of text. */
			trim_blanks(out, start);
			if (out->len > start)
				for (; pending > 0; pending--)
					buf_addc(out, '\n');
			pending = 0;
		}
		if (*p == '&') {
			if ((k = reference(p, end, out)) == 0) {
				buf_addc(out, '&');
				k = 1;
			}
			p += k;
		} else if (*p == '\n' || *p == '\r' || *p == '\t') {
			if (out->len > start && out->s[out->len - 1] != ' ' &&
			    out->s[out->len - 1] != '\n')
				buf_addc(out, ' ');
			p++;
		} else {
			/* Plain text up to the next tag or reference. */
			for (q = p; q < end && *q != '<' && *q != '&' &&
			    *q != '\n' && *q != '\r' && *q != '\t'; q++)
				continue;
			if (q == p)
				q++;	/* a '<' that starts no tag */
			buf_add(out, p, (size_t)(q - p));
			p = q;
		}
	}
	buf_free(&href);
	/* <br> on its own lines keeps them: only the very end is trimmed. */
	while (out->len > start && (out->s[out->len - 1] == ' ' ||
	    out->s[out->len - 1] == '\n' || out->s[out->len - 1] == '\t'))
		out->len--;
	if (out->s != NULL)
		out->s[out->len] = '\0';
	/* and the start */
	for (k = start; k < out->len && (out->s[k] == ' ' ||
	    out->s[k] == '\n'); k++)
		continue;
	if (k > start) {
		memmove(out->s + start, out->s + k, out->len - k + 1);
		out->len -= k - start;
	}
}
