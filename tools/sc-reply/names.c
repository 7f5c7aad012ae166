/*
 * names.c - a greeting's first name, and a signature's initials; see
 * reply.h.
 *
 * A display name is a person's name when, once emoji and symbols are
 * dropped and what follows a separator (" | ", " - ", "(", ",", "@",
 * "#", ...) is cut off, it is one to four words of letters (with ' - .
 * inside), each starting with a capital and the first also holding a
 * small letter, none of them a word that names a business ("deals",
 * "official", "news"...).  Scripts without capitals (Chinese, Arabic...)
 * cannot be told apart this way, so they give no first name: a greeting
 * falls back to its default rather than guess.
 */
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "reply.h"
#include "utf8.h"

#define MAX_WORDS	4

static const char *const business[] = {
	"agency", "air", "airline", "airlines", "airways", "app", "bank",
	"blog", "bot", "care", "club", "co", "company", "corp", "customer",
	"daily", "deals", "fan", "fans", "gmbh", "global", "group", "help",
	"hotel", "hotels", "inc", "info", "llc", "ltd", "media", "news",
	"official", "online", "radio", "service", "services", "shop",
	"store", "studio", "support", "team", "the", "tours", "travel", "tv",
	"world", NULL
};

/* Titles before a name: "Dr. Ana López" is greeted as Ana. */
static const char *const titles[] = {
	"dr", "frau", "herr", "m", "mme", "mr", "mrs", "ms", "pan", "pani",
	"prof", "sir", "sr", "sra", "srta", NULL
};

static int
listed(const char *const *list, const char *w, size_t n)
{
	size_t i;

	while (n > 0 && w[n - 1] == '.')
		n--;
	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

static int
is_business(const char *w, size_t n)
{
	size_t i;

	for (i = 0; business[i] != NULL; i++)
		if (strlen(business[i]) == n &&
		    strncasecmp(business[i], w, n) == 0)
			return 1;
	return 0;
}

/* Ends the part of a display name that is the name. */
static int
separator(int32_t cp)
{
	return cp == '|' || cp == '(' || cp == '[' || cp == ',' ||
	    cp == '@' || cp == '#' || cp == '/' || cp == ':' || cp == ';' ||
	    cp == 0x2022 || cp == 0x00b7 || cp == 0x2013 || cp == 0x2014 ||
	    cp == 0xff5c;
}

/* One word: letters, with ' - . inside; 1 capitalized, 2 also has a
 * small letter, 0 when it is not a name's word. */
static int
name_word(const char *w, size_t n)
{
	const char *p = w, *e = w + n;
	int32_t cp;
	int cat, first = 1, lower = 0, prevmark = 1;

	while (p < e) {
		cp = utf8_decode(&p, e);
		if (cp < 0)
			return 0;
		cat = utf8proc_category(cp);
		if (first) {
			if (cat != UTF8PROC_CATEGORY_LU &&
			    cat != UTF8PROC_CATEGORY_LT)
				return 0;
			first = 0;
			prevmark = 0;
			continue;
		}
		if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.') {
			if (prevmark)
				return 0;
			prevmark = 1;
			continue;
		}
		prevmark = 0;
		if (cat == UTF8PROC_CATEGORY_LL)
			lower = 1;
		else if (cat != UTF8PROC_CATEGORY_LU &&
		    cat != UTF8PROC_CATEGORY_LT &&
		    cat != UTF8PROC_CATEGORY_MN &&
		    cat != UTF8PROC_CATEGORY_MC)
			return 0;
	}
	return lower ? 2 : 1;
}

int
first_name(const char *name, struct buf *out)
{
	const char *p, *e, *q, *w[MAX_WORDS];
	size_t wl[MAX_WORDS], nw = 0, i;
	struct buf clean = BUF_INIT;
	int32_t cp;
	int cat, k, ok = 0;

	if (name == NULL)
		return 0;
	/* Symbols and emoji become spaces; a separator ends the name. */
	p = name;
	e = name + strlen(name);
	while (p < e) {
		q = p;
		cp = utf8_decode(&p, e);
		if (cp < 0 || separator(cp) || (cp == '-' && q > name &&
		    q[-1] == ' ' && p < e && *p == ' '))
			break;
		cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SK ||
		    cat == UTF8PROC_CATEGORY_SM || cat == UTF8PROC_CATEGORY_SC ||
		    cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CO ||
		    cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_ZS ||
		    cat == UTF8PROC_CATEGORY_CC ||
		    (cat == UTF8PROC_CATEGORY_ME) ||
		    (cp >= 0xfe00 && cp <= 0xfe0f) || cp == '~' || cp == '*' ||
		    cp == '_' || cp == '"' || cp == '!' || cp == '?')
			buf_addc(&clean, ' ');
		else
			buf_add(&clean, q, (size_t)(p - q));
	}
	p = buf_str(&clean);
	e = p + clean.len;
	while (p < e) {
		while (p < e && *p == ' ')
			p++;
		if (p == e)
			break;
		for (q = p; q < e && *q != ' '; q++)
			;
		/* A full stop may end an initial ("J."); not start a word. */
		if (nw == MAX_WORDS)
			goto out;
		w[nw] = p;
		wl[nw++] = (size_t)(q - p);
		p = q;
	}
	if (nw == 1 && listed(titles, w[0], wl[0]))
		goto out;
	if (nw > 1 && listed(titles, w[0], wl[0])) {
		memmove(w, w + 1, (nw - 1) * sizeof(*w));
		memmove(wl, wl + 1, (nw - 1) * sizeof(*wl));
		nw--;
	}
	if (nw == 0)
		goto out;
	for (i = 0; i < nw; i++) {
		if ((k = name_word(w[i], wl[i])) == 0 ||
		    is_business(w[i], wl[i]) || (i == 0 && k != 2))
			goto out;
	}
	/* "Ana." is Ana. */
	while (wl[0] > 0 && w[0][wl[0] - 1] == '.')
		wl[0]--;
	buf_add(out, w[0], wl[0]);
	ok = 1;
out:
	buf_free(&clean);
	return ok;
}

int
initials(const char *name, struct buf *out)
{
	const char *p, *e;
	char enc[4];
	int32_t cp;
	int at_start = 1, n = 0, cat;

	if (name == NULL)
		return 0;
	p = name;
	e = name + strlen(name);
	while (p < e) {
		cp = utf8_decode(&p, e);
		if (cp == ' ' || cp == '-' || cp == '\t') {
			at_start = 1;
			continue;
		}
		if (at_start && cp >= 0) {
			cat = utf8proc_category(cp);
			if (cat >= UTF8PROC_CATEGORY_LU &&
			    cat <= UTF8PROC_CATEGORY_LO) {
				buf_add(out, enc, utf8_encode(
				    utf8proc_toupper(cp), enc));
				n++;
			}
		}
		at_start = 0;
	}
	return n > 0;
}
