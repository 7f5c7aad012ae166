/*
 * kb.c - the knowledge base (--kb): answers to the questions customers
 * ask, found by how much of an entry's phrasing a post contains.
 *
 * The file is JSON:
 *
 *	{"min_score": 0.5,
 *	 "entries": [
 *	   {"id": "bags",
 *	    "phrases": {"en": ["how many bags can I take", ...], ...},
 *	    "answer": {"en": "Economy includes one 23 kg bag ...", ...},
 *	    "platforms": {"x": {"en": "One 23 kg bag in Economy ..."}}}]}
 *
 * Phrases and posts are folded alike (fold.h, FOLD_MATCH: NFKC, case,
 * the diacritics of Latin, Greek and Cyrillic letters) and cut into words,
 * pairs of words and runs of three characters within words.  A phrase's
 * score for a post is the share of its word features the post has, and
 * the share of its character features, averaged: so "baggage allowance"
 * matches "what is the baggage allowence?" partly by its characters.  An
 * entry scores its best phrase in the post's language (every language's
 * when it has none for it).  The features of all phrases sit in one
 * inverted index, so a post costs one look-up per feature of its own.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "fold.h"
#include "hmap.h"
#include "jsonpos.h"
#include "post.h"
#include "reply.h"
#include "sc.h"
#include "utf8.h"
#include "xmem.h"

struct phrase {
	size_t	 entry;
	char	*lang;
	size_t	 nword, nchar;	/* features, for the shares */
	size_t	 hitw, hitc;	/* per post */
	size_t	 seen;		/* post number of the last hit */
};

struct entry {
	char	*id;
	json_t	*answer;	/* lang -> text */
	json_t	*platforms;	/* platform -> lang -> text, or NULL */
};

struct posting {
	size_t	*ph;		/* phrases with the feature */
	size_t	 n;
};

struct kb {
	struct entry	*e;
	size_t		 ne;
	struct phrase	*p;
	size_t		 np;
	struct hmap	*index;	/* feature (8 bytes) -> struct posting */
	double		 min;
	size_t		 post;	/* posts seen, for phrase.seen */
	size_t		*touched;
	size_t		 ntouched, captouched;
	uint64_t	*feat;	/* scratch */
	size_t		 nfeat, capfeat;
	struct buf	 fold;
	json_t		*root;
};

enum { F_WORD = 1, F_CHAR = 2 };

static void
add_feat(struct kb *kb, int kind, const char *s, size_t n)
{
	uint64_t h;

	h = hmap_fnv1a(s, n) ^ (kind == F_WORD ? 0 : 0x9e3779b97f4a7c15ULL);
	h = (h & ~(uint64_t)3) | (uint64_t)kind;
	if (kb->nfeat == kb->capfeat) {
		kb->capfeat = kb->capfeat ? kb->capfeat * 2 : 256;
		kb->feat = xreallocarray(kb->feat, kb->capfeat,
		    sizeof(*kb->feat));
	}
	kb->feat[kb->nfeat++] = h;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* A letter, mark or digit: part of a word. */
static int
wordchar(int32_t cp)
{
	int cat;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		    (cp >= 'A' && cp <= 'Z');
	cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND;
}

/* Is cp written without spaces between words (Han, kana, Thai)? */
static int
unspaced(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) ||
	    (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x0e00 && cp <= 0x0e7f) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/* The features of s[0..n): kb->feat[0..kb->nfeat), sorted, unique. */
static void
features(struct kb *kb, const char *s, size_t n)
{
	const char *p, *e, *w, *prev = NULL, *q;
	size_t prevlen = 0, i, k, cps[64], ncp;
	struct buf pair = BUF_INIT, padded = BUF_INIT;
	int32_t cp;

	kb->nfeat = 0;
	buf_reset(&kb->fold);
	fold(s, n, FOLD_MATCH, &kb->fold);
	p = buf_str(&kb->fold);
	e = p + kb->fold.len;
	while (p < e) {
		/* skip to a word */
		q = p;
		cp = utf8_decode(&q, e);
		if (cp < 0 || !wordchar(cp)) {
			p = q;
			continue;
		}
		w = p;
		if (unspaced(cp)) {
			p = q;	/* one character, one word */
		} else {
			while (p < e) {
				q = p;
				cp = utf8_decode(&q, e);
				if (cp < 0 || !wordchar(cp) || unspaced(cp))
					break;
				p = q;
			}
		}
		add_feat(kb, F_WORD, w, (size_t)(p - w));
		if (prev != NULL) {
			buf_reset(&pair);
			buf_add(&pair, prev, prevlen);
			buf_addc(&pair, ' ');
			buf_add(&pair, w, (size_t)(p - w));
			add_feat(kb, F_WORD, pair.s, pair.len);
		}
		prev = w;
		prevlen = (size_t)(p - w);
		/* runs of three characters of " word " */
		buf_reset(&padded);
		buf_addc(&padded, ' ');
		buf_add(&padded, w, (size_t)(p - w));
		buf_addc(&padded, ' ');
		ncp = 0;
		for (q = padded.s; q < padded.s + padded.len &&
		    ncp < sizeof(cps) / sizeof(cps[0]); ) {
			cps[ncp++] = (size_t)(q - padded.s);
			utf8_decode(&q, padded.s + padded.len);
		}
		for (i = 0; i + 3 <= ncp; i++) {
			k = i + 3 < ncp ? cps[i + 3] : padded.len;
			add_feat(kb, F_CHAR, padded.s + cps[i], k - cps[i]);
		}
	}
	buf_free(&pair);
	buf_free(&padded);
	qsort(kb->feat, kb->nfeat, sizeof(*kb->feat), cmp_u64);
	for (i = k = 0; i < kb->nfeat; i++)
		if (k == 0 || kb->feat[k - 1] != kb->feat[i])
			kb->feat[k++] = kb->feat[i];
	kb->nfeat = k;
}

/* "path:line: msg" for the value at jp, then exit 2. */
static void __attribute__((noreturn, format(printf, 6, 7)))
fail(const char *path, const char *text, size_t len, const char *const *jp,
    int njp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(path, (unsigned long)jsonpos_line(text, len, jp, njp), fmt,
	    ap);
	va_end(ap);
	exit(SC_EXIT_FATAL);
}

/* An object of language -> non-empty string. */
static int
lang_texts(const json_t *v)
{
	const char *k;
	json_t *t;

	if (!json_is_object(v) || json_object_size(v) == 0)
		return 0;
	json_object_foreach((json_t *)v, k, t)
		if (!json_is_string(t) || json_string_length(t) == 0)
			return 0;
	return 1;
}

static void
index_phrase(struct kb *kb, size_t ph, const char *s)
{
	struct posting *po;
	void **slot;
	size_t i;
	int existed;

	features(kb, s, strlen(s));
	for (i = 0; i < kb->nfeat; i++) {
		if (kb->feat[i] & F_WORD)
			kb->p[ph].nword++;
		else
			kb->p[ph].nchar++;
		slot = hmap_put(kb->index, (const char *)&kb->feat[i],
		    sizeof(uint64_t), &existed);
		if (!existed)
			*slot = xcalloc(1, sizeof(struct posting));
		po = *slot;
		po->ph = xreallocarray(po->ph, po->n + 1, sizeof(size_t));
		po->ph[po->n++] = ph;
	}
}

struct kb *
kb_load(const char *path)
{
	static const char *const known[] = { "id", "phrases", "answer",
	    "platforms", NULL };
	struct kb *kb;
	json_error_t err;
	const char *jp[4], *key, *lang;
	char idx[32], *text;
	json_t *list, *o, *v, *ph, *s, *pv;
	size_t len, i, k, j;

	text = xslurp(path, &len);
	kb = xcalloc(1, sizeof(*kb));
	kb->index = hmap_new();
	kb->min = 0.5;
	kb->root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (kb->root == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path,
		    err.line > 0 ? err.line : 1, err.text);
	if (!json_is_object(kb->root))
		fail(path, text, len, NULL, 0, "expected an object, got %s",
		    json_kind_a(kb->root));
	json_object_foreach(kb->root, key, v) {
		if (strcmp(key, "entries") != 0 &&
		    strcmp(key, "min_score") != 0)
			fail(path, text, len, &key, 1, "unknown key \"%s\"",
			    key);
	}
	if ((v = json_object_get(kb->root, "min_score")) != NULL) {
		jp[0] = "min_score";
		if (!json_is_number(v) || json_number_value(v) < 0 ||
		    json_number_value(v) > 1)
			fail(path, text, len, jp, 1, "\"min_score\": expected "
			    "a number from 0 to 1");
		kb->min = json_number_value(v);
	}
	list = json_object_get(kb->root, "entries");
	jp[0] = "entries";
	if (!json_is_array(list) || json_array_size(list) == 0)
		fail(path, text, len, jp, list != NULL, "\"entries\": "
		    "expected a non-empty array, got %s", json_kind_a(list));
	kb->ne = json_array_size(list);
	kb->e = xcalloc(kb->ne, sizeof(*kb->e));
	jp[1] = idx;
	json_array_foreach(list, i, o) {
		snprintf(idx, sizeof(idx), "[%zu]", i);
		if (!json_is_object(o))
			fail(path, text, len, jp, 2, "entries[%zu]: expected "
			    "an object, got %s", i, json_kind_a(o));
		json_object_foreach(o, key, v) {
			for (k = 0; known[k] != NULL &&
			    strcmp(known[k], key) != 0; k++)
				;
			jp[2] = key;
			if (known[k] == NULL)
				fail(path, text, len, jp, 3, "entries[%zu]: "
				    "unknown key \"%s\"", i, key);
		}
		v = json_object_get(o, "id");
		jp[2] = "id";
		if (!json_is_string(v) || json_string_length(v) == 0)
			fail(path, text, len, jp, v != NULL ? 3 : 2,
			    "entries[%zu]: \"id\": expected a non-empty "
			    "string", i);
		for (k = 0; k < i; k++)
			if (strcmp(kb->e[k].id, json_string_value(v)) == 0)
				fail(path, text, len, jp, 3, "duplicate id "
				    "\"%s\"", kb->e[k].id);
		kb->e[i].id = xstrdup(json_string_value(v));
		jp[2] = "answer";
		if (!lang_texts(v = json_object_get(o, "answer")))
			fail(path, text, len, jp, v != NULL ? 3 : 2,
			    "entry \"%s\": \"answer\": expected an object of "
			    "language: text", kb->e[i].id);
		kb->e[i].answer = v;
		if ((pv = json_object_get(o, "platforms")) != NULL) {
			jp[2] = "platforms";
			if (!json_is_object(pv))
				fail(path, text, len, jp, 3, "entry \"%s\": "
				    "\"platforms\": expected an object",
				    kb->e[i].id);
			json_object_foreach(pv, key, v)
				if (!lang_texts(v)) {
					jp[3] = key;
					fail(path, text, len, jp, 4, "entry "
					    "\"%s\": \"platforms\": \"%s\": "
					    "expected an object of language: "
					    "text", kb->e[i].id, key);
				}
			kb->e[i].platforms = pv;
		}
		ph = json_object_get(o, "phrases");
		jp[2] = "phrases";
		if (!json_is_object(ph) || json_object_size(ph) == 0)
			fail(path, text, len, jp, ph != NULL ? 3 : 2,
			    "entry \"%s\": \"phrases\": expected an object of "
			    "language: [phrases]", kb->e[i].id);
		json_object_foreach(ph, lang, v) {
			jp[3] = lang;
			if (!json_is_array(v) || json_array_size(v) == 0)
				fail(path, text, len, jp, 4, "entry \"%s\": "
				    "\"phrases\": \"%s\": expected a non-empty "
				    "array", kb->e[i].id, lang);
			json_array_foreach(v, j, s) {
				if (!json_is_string(s) ||
				    json_string_length(s) == 0)
					fail(path, text, len, jp, 4, "entry "
					    "\"%s\": \"phrases\": \"%s\": "
					    "expected non-empty strings",
					    kb->e[i].id, lang);
				kb->p = xreallocarray(kb->p, kb->np + 1,
				    sizeof(*kb->p));
				memset(&kb->p[kb->np], 0, sizeof(*kb->p));
				kb->p[kb->np].entry = i;
				kb->p[kb->np].lang = xstrdup(lang);
				index_phrase(kb, kb->np, json_string_value(s));
				kb->np++;
			}
		}
	}
	free(text);
	return kb;
}

static int
same_lang(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_");

	return n == strcspn(b, "-_") && strncasecmp(a, b, n) == 0;
}

int
kb_match(struct kb *kb, const char *text, const char *lang,
    struct kb_hit *hit)
{
	struct posting *po;
	struct phrase *p;
	double best = 0, sc;
	void **slot;
	size_t i, k, bestph = 0;
	int have_lang = 0;

	memset(hit, 0, sizeof(*hit));
	if (text == NULL)
		return 0;
	kb->post++;
	kb->ntouched = 0;
	features(kb, text, strlen(text));
	for (i = 0; i < kb->nfeat; i++) {
		if ((slot = hmap_get(kb->index, (const char *)&kb->feat[i],
		    sizeof(uint64_t))) == NULL)
			continue;
		po = *slot;
		for (k = 0; k < po->n; k++) {
			p = &kb->p[po->ph[k]];
			if (p->seen != kb->post) {
				p->seen = kb->post;
				p->hitw = p->hitc = 0;
				if (kb->ntouched == kb->captouched) {
					kb->captouched = kb->captouched ?
					    kb->captouched * 2 : 64;
					kb->touched = xreallocarray(
					    kb->touched, kb->captouched,
					    sizeof(size_t));
				}
				kb->touched[kb->ntouched++] = po->ph[k];
			}
			if (kb->feat[i] & F_WORD)
				p->hitw++;
			else
				p->hitc++;
		}
	}
	/* Phrases in the post's language, if the base has any for it. */
	for (i = 0; lang != NULL && i < kb->np && !have_lang; i++)
		have_lang = same_lang(kb->p[i].lang, lang);
	for (i = 0; i < kb->ntouched; i++) {
		p = &kb->p[kb->touched[i]];
		if (have_lang && !same_lang(p->lang, lang))
			continue;
		sc = 0.5 * (p->nword ? (double)p->hitw / (double)p->nword :
		    0) + 0.5 * (p->nchar ? (double)p->hitc / (double)p->nchar :
		    0);
		if (sc > best || (sc == best && kb->touched[i] < bestph)) {
			best = sc;
			bestph = kb->touched[i];
		}
	}
	if (best <= 0)
		return 0;
	hit->id = kb->e[kb->p[bestph].entry].id;
	hit->score = floor(best * 1000 + 0.5) / 1000;
	hit->entry = bestph;
	hit->ok = hit->score >= kb->min;
	return hit->ok;
}

const char *
kb_answer(const struct kb *kb, const struct kb_hit *hit, const char *lang,
    const char *platform)
{
	const struct entry *e = &kb->e[kb->p[hit->entry].entry];
	const json_t *by;
	const char *key, *s;
	json_t *v;

	by = platform != NULL && e->platforms != NULL ?
	    json_object_get(e->platforms, platform) : NULL;
	if (by != NULL) {
		json_object_foreach((json_t *)by, key, v)
			if (same_lang(key, lang))
				return json_string_value(v);
	}
	json_object_foreach(e->answer, key, v)
		if (same_lang(key, lang))
			return json_string_value(v);
	s = NULL;
	return s;
}

static void
free_posting(const char *key, size_t klen, void *val, void *ctx)
{
	struct posting *po = val;

	(void)key;
	(void)klen;
	(void)ctx;
	free(po->ph);
	free(po);
}

void
kb_free(struct kb *kb)
{
	size_t i;

	if (kb == NULL)
		return;
	for (i = 0; i < kb->ne; i++)
		free(kb->e[i].id);
	for (i = 0; i < kb->np; i++)
		free(kb->p[i].lang);
	free(kb->e);
	free(kb->p);
	hmap_each(kb->index, free_posting, NULL);
	hmap_free(kb->index);
	free(kb->touched);
	free(kb->feat);
	buf_free(&kb->fold);
	json_decref(kb->root);
	free(kb);
}
