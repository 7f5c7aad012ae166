/*
 * vocab.c - loading the data files into one map; see vocab.h.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fold.h"
#include "hmap.h"
#include "intent.h"
#include "lang.h"
#include "paths.h"
#include "sc.h"
#include "utf8.h"
#include "vocab.h"
#include "xmem.h"

#define MAXFIELDS	5

/* A data file being read, one line at a time, split at TABs. */
struct dfile {
	FILE		*fp;
	char		*path;
	unsigned long	 line;
	char		*buf;
	size_t		 cap;
	char		*f[MAXFIELDS];
	size_t		 flen[MAXFIELDS];
	int		 nf;
};

static void __attribute__((noreturn, format(printf, 2, 3)))
bad(const struct dfile *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(d->path, d->line, fmt, ap);
	va_end(ap);
	diag_exit(SC_EXIT_FATAL);
}

/*
 * The file a load is reading: vocab_free() closes it when the load never
 * finished, as when a fuzz harness takes back control from a fatal error.
 */
static struct dfile *reading;

char *
vocab_path(const char *name)
{
	char *rel, *path;

	rel = xasprintf("classify/%s", name);
	if ((path = sc_datafile(rel)) == NULL)
		die(SC_EXIT_FATAL, "cannot find data file %s (looked in "
		    "$SC_DATADIR, ../share/sc beside the program and the "
		    "installed data directory)", rel);
	free(rel);
	return path;
}

static void
dfile_open(struct dfile *d, const char *name)
{
	memset(d, 0, sizeof(*d));
	reading = d;
	d->path = vocab_path(name);
	if ((d->fp = fopen(d->path, "r")) == NULL)
		die(SC_EXIT_FATAL, "%s: %s", d->path, strerror(errno));
}

static void
dfile_close(struct dfile *d)
{
	if (d->fp != NULL)
		fclose(d->fp);
	free(d->path);
	free(d->buf);
	memset(d, 0, sizeof(*d));
	reading = NULL;
}

/* The next line with content, split into fields; 0 at the end. */
static int
dfile_next(struct dfile *d)
{
	ssize_t n;
	char *p, *tab;

	for (;;) {
		errno = 0;
		if ((n = getline(&d->buf, &d->cap, d->fp)) == -1) {
			if (ferror(d->fp))
				die(SC_EXIT_FATAL, "%s: %s", d->path,
				    strerror(errno));
			return 0;
		}
		d->line++;
		while (n > 0 && (d->buf[n - 1] == '\n' ||
		    d->buf[n - 1] == '\r'))
			d->buf[--n] = '\0';
		if (n == 0 || d->buf[0] == '#')
			continue;
		if (!utf8_valid(d->buf, (size_t)n) ||
		    memchr(d->buf, '\0', (size_t)n) != NULL)
			bad(d, "not valid UTF-8 text");
		d->nf = 0;
		for (p = d->buf;; p = tab + 1) {
			if (d->nf == MAXFIELDS)
				bad(d, "too many fields");
			tab = strchr(p, '\t');
			d->f[d->nf] = p;
			d->flen[d->nf] = tab ? (size_t)(tab - p) : strlen(p);
			d->nf++;
			if (tab == NULL)
				break;
			*tab = '\0';
		}
		return 1;
	}
}

/*
 * s[0..n) without its diacritics into out; 0 when it had none.  Terms are
 * matched with and without them.
 */
static int
strip(const char *s, size_t n, struct buf *out)
{
	buf_reset(out);
	return fold_may_strip(s, n) && fold(s, n, FOLD_STRIP, out) == 1;
}

static float
number(const struct dfile *d, int i, double min, double max)
{
	const char *s = d->f[i];
	char *end;
	double x;

	errno = 0;
	x = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || !isfinite(x))
		bad(d, "not a number: \"%s\"", s);
	if (x < min || x > max)
		bad(d, "must be %g to %g: %s", min, max, s);
	return (float)x;
}

static void	add_sense(struct vocab *, const struct dfile *, const char *,
		    size_t, size_t, int, int, int, float);

void
vocab_init(struct vocab *v)
{
	memset(v, 0, sizeof(*v));
	v->map = hmap_new();
	v->letter = xcalloc(VOCAB_LETTERS, sizeof(*v->letter));
	text_init(&v->scratch);
}

void
vocab_free(struct vocab *v)
{
	if (reading != NULL)
		dfile_close(reading);
	hmap_free(v->map);
	free(v->slot);
	buf_free(&v->keys);
	free(v->e);
	free(v->s);
	free(v->letter);
	free(v->alias);
	buf_free(&v->aliaskeys);
	text_free(&v->scratch);
	memset(v, 0, sizeof(*v));
}

void
vocab_freeze(struct vocab *v)
{
	struct sense *s;
	size_t i, j, cap = 16, ns = 0;
	uint32_t h, k;

	for (i = 0; i < v->nalias; i++) {
		const struct alias *a = &v->alias[i];

		add_sense(v, NULL, v->aliaskeys.s + a->koff, a->klen, a->ntok,
		    a->kind, a->lang, a->arg, a->weight);
	}
	while (cap < v->ne * 2)
		cap *= 2;
	if (v->keys.len >= (1u << 24))
		die(SC_EXIT_FATAL, "data files: more than 16 MB of terms");
	v->slot = xcalloc(cap, sizeof(*v->slot));
	v->mask = cap - 1;
	s = xreallocarray(NULL, v->ns ? v->ns : 1, sizeof(*s));
	for (i = 0; i < v->ne; i++) {
		h = (uint32_t)hmap_hash(v->keys.s + v->e[i].koff, v->e[i].klen);
		for (j = h & v->mask; v->slot[j].key != 0;
		    j = (j + 1) & v->mask)
			continue;
		v->slot[j].hash = h;
		v->slot[j].key = v->e[i].koff << 8 | v->e[i].klen;
		v->slot[j].maxn = v->e[i].maxn;
		v->slot[j].kinds = v->e[i].kinds;
		/* The key's senses, in file order, side by side. */
		if (v->e[i].first != 0)
			v->slot[j].sense = (uint32_t)ns + 1;
		for (k = v->e[i].first; k != 0; k = v->s[k - 1].next) {
			s[ns] = v->s[k - 1];
			s[ns].next = v->s[k - 1].next != 0 ?
			    (uint32_t)ns + 2 : 0;
			ns++;
		}
	}
	free(v->s);
	v->s = s;
	free(v->e);
	v->e = NULL;
	v->ne = v->ae = 0;
	hmap_free(v->map);
	v->map = NULL;
}

static int32_t
lookup_hash(const struct vocab *v, const char *key, size_t len, uint32_t h)
{
	const struct vslot *sl;
	size_t j;

	for (j = h & v->mask;; j = (j + 1) & v->mask) {
		sl = &v->slot[j];
		if (sl->key == 0)
			return -1;
		if (sl->hash == h && (sl->key & 0xff) == len &&
		    memcmp(v->keys.s + (sl->key >> 8), key, len) == 0)
			return (int32_t)j;
	}
}

int32_t
vocab_lookup(const struct vocab *v, const char *key, size_t len)
{
	return lookup_hash(v, key, len, (uint32_t)hmap_hash(key, len));
}

static uint32_t
entry(struct vocab *v, const char *key, size_t len)
{
	struct ventry *e;
	void **slot;
	int existed;

	slot = hmap_put(v->map, key, len, &existed);
	if (!existed) {
		if (v->ne == v->ae) {
			v->ae = v->ae ? v->ae * 2 : 1024;
			v->e = xreallocarray(v->e, v->ae, sizeof(*v->e));
		}
		e = &v->e[v->ne];
		memset(e, 0, sizeof(*e));
		e->koff = (uint32_t)v->keys.len;
		e->klen = (uint32_t)len;
		e->maxn = 1;
		buf_add(&v->keys, key, len);
		*slot = (void *)(uintptr_t)(v->ne + 1);
		v->ne++;
	}
	return (uint32_t)((uintptr_t)*slot - 1);
}

/* Tokenize field i as a term into v->scratch; returns the token count. */
static size_t
term(struct vocab *v, const struct dfile *d, int i)
{
	struct text *t = &v->scratch;
	size_t k;

	text_tokenize(t, d->f[i], d->flen[i]);
	if (t->ntok == 0)
		bad(d, "empty term: \"%s\"", d->f[i]);
	if (t->ntok > VOCAB_MAXN)
		bad(d, "term longer than %d tokens: \"%s\"", VOCAB_MAXN,
		    d->f[i]);
	for (k = 0; k < t->ntok; k++)
		if (t->tok[k].type == TOK_URL)
			bad(d, "a term cannot hold a URL: \"%s\"", d->f[i]);
	return t->ntok;
}

static int
same(const struct sense *a, int kind, int lang, int arg)
{
	return a->kind == kind && a->lang == lang &&
	    (kind != SENSE_INTENT || a->arg == arg);
}

/* Add a sense to the key in v->scratch (the term just read). */
static void
add_sense(struct vocab *v, const struct dfile *d, const char *key,
    size_t klen, size_t ntok, int kind, int lang, int arg, float w)
{
	struct sense *s;
	uint32_t e, *link;

	if (klen > VOCAB_MAXKEY)
		bad(d, "term longer than %d bytes", VOCAB_MAXKEY);
	e = entry(v, key, klen);
	for (link = &v->e[e].first; *link != 0;
	    link = &v->s[*link - 1].next)
		if (same(&v->s[*link - 1], kind, lang, arg)) {
			if (d == NULL)		/* an alias the list has */
				return;
			bad(d, "duplicate term \"%.*s\"", (int)klen, key);
		}
	if (v->ns == v->as) {
		v->as = v->as ? v->as * 2 : 1024;
		v->s = xreallocarray(v->s, v->as, sizeof(*v->s));
		/* link pointed into the old array */
		for (link = &v->e[e].first; *link != 0;
		    link = &v->s[*link - 1].next)
			continue;
	}
	v->e[e].kinds |= (uint8_t)SENSE_BIT(kind);
	s = &v->s[v->ns++];
	s->weight = w;
	s->next = 0;
	s->kind = (uint8_t)kind;
	s->lang = (uint8_t)lang;
	s->arg = (uint8_t)arg;
	*link = (uint32_t)v->ns;
	if (ntok > 1) {
		/* The phrase's first token: its tokens are one space apart. */
		e = entry(v, key, (size_t)((const char *)memchr(key, ' ', klen)
		    - key));
		if (v->e[e].maxn < ntok)
			v->e[e].maxn = (uint8_t)ntok;
	}
}

static void
add_term(struct vocab *v, const struct dfile *d, int field, int kind,
    int lang, int arg, float w)
{
	struct buf *key = &v->scratch.spare;
	struct alias *a;
	size_t n;

	n = term(v, d, field);
	add_sense(v, d, v->scratch.norm.s, v->scratch.norm.len, n, kind,
	    lang, arg, w);
	/*
	 * The term as typed without its diacritics too ("tres bien" for
	 * "très bien"), unless some list has it: added when all are loaded.
	 */
	if (!strip(v->scratch.norm.s, v->scratch.norm.len, key))
		return;
	if (v->nalias == v->aalias) {
		v->aalias = v->aalias ? v->aalias * 2 : 256;
		v->alias = xreallocarray(v->alias, v->aalias,
		    sizeof(*v->alias));
	}
	a = &v->alias[v->nalias++];
	a->koff = (uint32_t)v->aliaskeys.len;
	a->klen = (uint32_t)key->len;
	a->kind = (uint8_t)kind;
	a->lang = (uint8_t)lang;
	a->arg = (uint8_t)arg;
	a->ntok = (uint8_t)n;
	a->weight = w;
	buf_add(&v->aliaskeys, key->s, key->len);
}

void
vocab_load_lexicon(struct vocab *v, const char *name, int lang)
{
	static struct dfile d;	/* outlives a longjmp: see reading */
	const char *dir;
	size_t n;

	dfile_open(&d, name);
	while (dfile_next(&d)) {
		dir = d.f[0];
		if (dir[0] != '!' || d.flen[0] == 1) {
			if (d.nf != 2)
				bad(&d, "expected TERM<TAB>WEIGHT");
			add_term(v, &d, 0, SENSE_TERM, lang, 0,
			    number(&d, 1, -4, 4));
		} else if (strcmp(dir, "!courtesy") == 0) {
			if (d.nf != 3)
				bad(&d, "expected !courtesy<TAB>TERM<TAB>"
				    "WEIGHT");
			add_term(v, &d, 1, SENSE_TERM, lang, TERM_COURTESY,
			    number(&d, 2, 0, 4));
		} else if (strcmp(dir, "!negator") == 0) {
			/* its weight: what it counts when it turns no term */
			if (d.nf != 2 && d.nf != 3)
				bad(&d, "expected !negator<TAB>TERM"
				    "[<TAB>WEIGHT]");
			add_term(v, &d, 1, SENSE_NEGATOR, lang, 0,
			    d.nf == 3 ? number(&d, 2, -4, 0) : 0);
		} else if (strcmp(dir, "!contrast") == 0 ||
		    strcmp(dir, "!asks") == 0) {
			if (d.nf != 2)
				bad(&d, "expected %s<TAB>TERM", dir);
			add_term(v, &d, 1, dir[1] == 'c' ? SENSE_CONTRAST :
			    SENSE_ASKS, lang, 0, 1);
		} else if (strcmp(dir, "!irony") == 0 ||
		    strcmp(dir, "!irony-mixed") == 0) {
			/* "#not" marks irony only as a hashtag */
			if (d.nf != 2)
				bad(&d, "expected %s<TAB>TERM", dir);
			n = term(v, &d, 1);
			add_sense(v, &d, v->scratch.norm.s,
			    v->scratch.norm.len, n, SENSE_IRONY, lang,
			    (n == 1 && (v->scratch.tok[0].flags & TF_HASHTAG) ?
			    IRONY_HASHTAG : 0) | (dir[6] == '-' ?
			    IRONY_MIXED : 0), 1);
		} else if (strcmp(dir, "!negativity") == 0) {
			if (d.nf != 2)
				bad(&d, "expected !negativity<TAB>FACTOR");
			v->negativity[lang & 0xff] = number(&d, 1, 1, 4);
		} else if (strcmp(dir, "!intensifier") == 0) {
			if (d.nf != 3)
				bad(&d, "expected !intensifier<TAB>TERM<TAB>"
				    "FACTOR");
			add_term(v, &d, 1, SENSE_INTENSIFIER, lang, 0,
			    number(&d, 2, 0, 4));
		} else {
			bad(&d, "unknown directive \"%s\"", dir);
		}
	}
	dfile_close(&d);
}

void
vocab_load_intents(struct vocab *v, const char *name, int lang)
{
	static struct dfile d;	/* outlives a longjmp: see reading */
	const char *f;
	size_t flen;
	int in, reply;

	dfile_open(&d, name);
	while (dfile_next(&d)) {
		if (d.nf != 3)
			bad(&d, "expected INTENT<TAB>PHRASE<TAB>WEIGHT");
		/* "reply:complaint": a cue only in a reply to the brand */
		f = d.f[0];
		flen = d.flen[0];
		if ((reply = flen > 6 && memcmp(f, "reply:", 6) == 0)) {
			f += 6;
			flen -= 6;
		}
		if ((in = intent_find(f, flen)) == -1)
			bad(&d, "unknown intent \"%s\"", d.f[0]);
		if (reply)
			in |= INTENT_REPLY;
		add_term(v, &d, 1, SENSE_INTENT, lang, in,
		    number(&d, 2, -4, 4));
	}
	dfile_close(&d);
}

static int
langfield(const struct dfile *d, int i)
{
	int lang;

	if ((lang = lang_find(d->f[i], d->flen[i])) <= LANG_UND)
		bad(d, "unknown language \"%s\"", d->f[i]);
	return lang;
}

static void
letter_cue(struct vocab *v, const struct dfile *d)
{
	struct lettercue *lc;
	const char *p = d->f[2], *end = p + d->flen[2];
	int32_t c, f[4];
	int lang, i;
	float w;

	lang = langfield(d, 1);
	c = utf8_decode(&p, end);
	if (c < 0 || p != end || text_script(c) == SCRIPT_NONE)
		bad(d, "expected one letter: \"%s\"", d->f[2]);
	/* As the tokenizer folds it: "ß" is "ss", never seen alone. */
	if (fold_cp(c, f) != 1)
		bad(d, "\"%s\" folds to several letters", d->f[2]);
	c = f[0];
	if (c >= VOCAB_LETTERS)
		bad(d, "letter cues must be below U+%04X: \"%s\"",
		    VOCAB_LETTERS, d->f[2]);
	w = number(d, 3, 0, 4);
	lc = &v->letter[c];
	for (i = 0; i < lc->n; i++)
		if (lc->lang[i] == lang)
			bad(d, "duplicate letter \"%s\"", d->f[2]);
	if (lc->n == 4)
		bad(d, "more than 4 languages for letter \"%s\"", d->f[2]);
	lc->lang[lc->n] = (uint8_t)lang;
	lc->weight[lc->n] = w;
	lc->n++;
}

/*
 * A word cue is one token, or an elided prefix ending in an apostrophe
 * ("l'", "dell'"), looked up as the start of a word such as "l'avion".
 */
static void
word_cue(struct vocab *v, const struct dfile *d)
{
	struct buf *key = &v->scratch.spare;
	const char *p, *end;
	size_t n;
	int lang;
	float w;

	lang = langfield(d, 0);
	w = number(d, 2, 0, 4);
	p = d->f[1];
	end = p + d->flen[1];
	if (d->flen[1] > 1 && end[-1] == '\'') {
		buf_reset(key);
		while (p < end) {
			int32_t f[4];
			int i, nf = fold_cp(utf8_decode(&p, end), f);
			char u[4];

			for (i = 0; i < nf; i++)
				buf_add(key, u, utf8_encode(f[i], u));
		}
		add_sense(v, d, key->s, key->len, 1, SENSE_LANG, lang, 0, w);
		return;
	}
	if ((n = term(v, d, 1)) != 1)
		bad(d, "a language cue is one word: \"%s\"", d->f[1]);
	add_sense(v, d, v->scratch.norm.s, v->scratch.norm.len, 1,
	    SENSE_LANG, lang, 0, w);
}

/*
 * A piece cue: the end of a word (VOCAB_SUFFIX, "zione") or letters
 * anywhere inside one (VOCAB_PART, "sch"), stored under a key that starts
 * with the marker byte, which no token holds.
 */
static void
piece_cue(struct vocab *v, const struct dfile *d, int marker)
{
	struct buf *key = &v->scratch.spare;
	size_t n;
	int lang;
	float w;

	lang = langfield(d, 1);
	w = number(d, 3, 0, 4);
	if ((n = term(v, d, 2)) != 1 || v->scratch.tok[0].type != TOK_WORD ||
	    utf8_len(text_tok(&v->scratch, 0), v->scratch.tok[0].len) >
	    VOCAB_PIECE)
		bad(d, "expected up to %d letters: \"%s\"", VOCAB_PIECE,
		    d->f[2]);
	buf_reset(key);
	buf_addc(key, marker);
	buf_add(key, text_tok(&v->scratch, 0), v->scratch.tok[0].len);
	add_sense(v, d, key->s, key->len, 1, SENSE_LANG, lang, 0, w);
}

void
vocab_load_langid(struct vocab *v, const char *name)
{
	static struct dfile d;	/* outlives a longjmp: see reading */

	dfile_open(&d, name);
	while (dfile_next(&d)) {
		if (strcmp(d.f[0], "!letter") == 0) {
			if (d.nf != 4)
				bad(&d, "expected !letter<TAB>LANG<TAB>LETTER"
				    "<TAB>WEIGHT");
			letter_cue(v, &d);
		} else if (strcmp(d.f[0], "!suffix") == 0 ||
		    strcmp(d.f[0], "!part") == 0) {
			if (d.nf != 4)
				bad(&d, "expected %s<TAB>LANG<TAB>LETTERS"
				    "<TAB>WEIGHT", d.f[0]);
			piece_cue(v, &d, d.f[0][1] == 's' ? VOCAB_SUFFIX :
			    VOCAB_PART);
		} else if (d.f[0][0] == '!') {
			bad(&d, "unknown directive \"%s\"", d.f[0]);
		} else {
			if (d.nf != 3)
				bad(&d, "expected LANG<TAB>WORD<TAB>WEIGHT");
			word_cue(v, &d);
		}
	}
	dfile_close(&d);
}

void
vocab_annotate(const struct vocab *v, struct text *t)
{
	const struct tok *last;
	struct tok *k;
	struct phrase *ph;
	size_t i, n, maxn;
	int32_t x;

	/*
	 * Hash every token and ask for its slot first: the table is larger
	 * than the first-level cache, and the misses then overlap rather
	 * than queue.
	 */
	for (i = 0; i < t->ntok; i++) {
		k = &t->tok[i];
		k->hash = (uint32_t)hmap_hash(text_tok(t, i), k->len);
		__builtin_prefetch(&v->slot[k->hash & v->mask]);
	}
	t->nphrase = 0;
	for (i = 0; i < t->ntok; i++) {
		k = &t->tok[i];
		k->nphrase = 0;
		if (k->type == TOK_URL) {
			k->entry = -1;
			continue;
		}
		k->entry = lookup_hash(v, text_tok(t, i), k->len, k->hash);
		/*
		 * "baaaad" is "bad", though "baad" is a language cue: the
		 * language ID does not read elongated words.
		 */
		if ((k->flags & TF_ELONG) && (k->entry < 0 ||
		    (v->slot[k->entry].kinds & ~SENSE_BIT(SENSE_LANG)) == 0)) {
			text_squeeze(t, i, &t->spare);
			if ((x = vocab_lookup(v, t->spare.s, t->spare.len)) >= 0)
				k->entry = x;
		}
		/* "café" typed for the list's "cafe" */
		if (k->entry < 0 && k->type == TOK_WORD &&
		    strip(text_tok(t, i), k->len, &t->spare) &&
		    (k->entry = vocab_lookup(v, t->spare.s, t->spare.len)) >= 0)
			k->flags |= TF_STRIPPED;
		if (k->entry < 0 || (maxn = v->slot[k->entry].maxn) < 2)
			continue;
		if (maxn > t->ntok - i)
			maxn = t->ntok - i;
		k->phrase = (uint32_t)t->nphrase;
		for (n = maxn; n >= 2; n--) {
			last = &t->tok[i + n - 1];
			x = vocab_lookup(v, text_tok(t, i),
			    last->off + last->len - k->off);
			if (x < 0)
				continue;
			if (t->nphrase == t->aphrase) {
				t->aphrase = t->aphrase ? t->aphrase * 2 : 16;
				t->phrase = xreallocarray(t->phrase, t->aphrase,
				    sizeof(*t->phrase));
			}
			ph = &t->phrase[t->nphrase++];
			ph->entry = x;
			ph->ntok = (uint32_t)n;
			k->nphrase++;
		}
	}
	/* The stages read the senses next. */
	for (i = 0; i < t->ntok; i++)
		if (t->tok[i].entry >= 0)
			__builtin_prefetch(
			    &v->s[v->slot[t->tok[i].entry].sense]);
}

static int
wanted(const struct sense *s, unsigned kinds, int lang)
{
	return (kinds & SENSE_BIT(s->kind)) != 0 && (lang < 0 ||
	    s->lang == lang || s->lang == LANG_ANY);
}

const struct sense *
vocab_first(const struct vocab *v, int32_t e, unsigned kinds, int lang)
{
	const struct sense *s;
	uint32_t i;

	if (e < 0 || (v->slot[e].kinds & kinds) == 0)
		return NULL;
	for (i = v->slot[e].sense; i != 0; i = s->next) {
		s = &v->s[i - 1];
		if (wanted(s, kinds, lang))
			return s;
	}
	return NULL;
}

const struct sense *
vocab_next(const struct vocab *v, const struct sense *s, unsigned kinds,
    int lang)
{
	uint32_t i;

	for (i = s->next; i != 0; i = s->next) {
		s = &v->s[i - 1];
		if (wanted(s, kinds, lang))
			return s;
	}
	return NULL;
}

const struct sense *
vocab_match(const struct vocab *v, const struct text *t, size_t i,
    unsigned kinds, int lang, size_t *ntok)
{
	const struct sense *s;
	const struct phrase *ph;
	const struct tok *k = &t->tok[i];
	uint32_t j;

	for (j = 0; j < k->nphrase; j++) {
		ph = &t->phrase[k->phrase + j];
		if ((s = vocab_first(v, ph->entry, kinds, lang)) != NULL) {
			*ntok = ph->ntok;
			return s;
		}
	}
	if ((s = vocab_first(v, k->entry, kinds, lang)) != NULL)
		*ntok = 1;
	return s;
}

/* English is the language posts mix in most. */
#define CONTACT_LANG	"en"

int
vocab_mixed_lang(const struct vocab *v, const struct text *t, int lang)
{
	const unsigned kind = SENSE_BIT(SENSE_LANG);
	const struct sense *first, *m;
	unsigned cues[LANG_MAX];
	size_t i;
	int l, best = -1, contact;

	contact = lang_find(CONTACT_LANG, strlen(CONTACT_LANG));
	memset(cues, 0, sizeof(cues));
	for (i = 0; i < t->ntok; i++) {
		first = vocab_first(v, t->tok[i].entry, kind, -1);
		for (m = first; m != NULL; m = vocab_next(v, m, kind, -1))
			if (m->lang == lang)
				break;
		if (m != NULL)
			continue;
		for (m = first; m != NULL; m = vocab_next(v, m, kind, -1))
			if (m->lang < LANG_MAX)
				cues[m->lang]++;
	}
	if (lang != contact)
		return contact >= 0 && cues[contact] > 0 ? contact : -1;
	for (l = 1; l < lang_count; l++)
		if (l != lang && (lang_table[l].flags & LANG_DATA) &&
		    cues[l] > 0 && (best < 0 || cues[l] > cues[best]))
			best = l;
	return best;
}
