/*
 * text.c - the tokenizer; see text.h.
 *
 * Normalization and case folding are fold.h's: NFKC over the whole
 * text first (skipped for text it leaves as it is), then full case
 * folding a letter at a time (fold_cp) while the words are cut, so that the
 * original case is still there to see words written in capitals.  The
 * rest is one pass over the bytes, ASCII letters on a short path.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "fold.h"
#include "text.h"
#include "utf8.h"
#include "xmem.h"

void
text_init(struct text *t)
{
	memset(t, 0, sizeof(*t));
}

void
text_free(struct text *t)
{
	buf_free(&t->norm);
	buf_free(&t->spare);
	free(t->tok);
	free(t->phrase);
	buf_free(&t->nfkc);
	memset(t, 0, sizeof(*t));
}

int32_t
text_lower(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return utf8proc_tolower(c);
}

static int
is_upper(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/*
 * s[0..n) in NFKC, in t->nfkc; s itself when folding leaves it as it is
 * or it is not valid UTF-8 (jansson has checked it, but a caller may not
 * have).
 */
static const char *
nfkc(struct text *t, const char *s, size_t *n)
{
	if (fold_nfkc_quick(s, *n))
		return s;
	buf_reset(&t->nfkc);
	if (fold(s, *n, FOLD_NFKC, &t->nfkc) != 1)
		return s;
	*n = t->nfkc.len;
	return t->nfkc.s;
}

int
text_script(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ?
		    SCRIPT_LATIN : SCRIPT_NONE;
	if (c < 0x250)
		return (c >= 0xc0 && c != 0xd7 && c != 0xf7) || c == 0xaa ||
		    c == 0xba ? SCRIPT_LATIN : SCRIPT_NONE;
	if (c < 0x2b0)
		return SCRIPT_LATIN;
	if (c >= 0x370 && c < 0x400)
		return c == 0x37e || c == 0x387 || c == 0x375 ? SCRIPT_NONE :
		    SCRIPT_GREEK;
	if (c >= 0x400 && c < 0x530)
		return SCRIPT_CYRILLIC;
	if (c >= 0x531 && c < 0x590)
		return (c >= 0x55a && c <= 0x55f) || c == 0x589 ?
		    SCRIPT_NONE : SCRIPT_ARMENIAN;
	if (c >= 0x591 && c <= 0x5f2)
		return c == 0x5be || c == 0x5c0 || c == 0x5c3 || c == 0x5c6 ?
		    SCRIPT_NONE : SCRIPT_HEBREW;
	if ((c >= 0x620 && c <= 0x65f) || (c >= 0x66e && c <= 0x6d3) ||
	    (c >= 0x6d5 && c <= 0x6ef) || (c >= 0x6fa && c <= 0x6ff) ||
	    (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) ||
	    (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc))
		return SCRIPT_ARABIC;
	if (c >= 0x900 && c <= 0x97f)
		return c == 0x964 || c == 0x965 || (c >= 0x966 && c <= 0x96f) ?
		    SCRIPT_NONE : SCRIPT_DEVANAGARI;
	if ((c >= 0xe01 && c <= 0xe3a) || (c >= 0xe40 && c <= 0xe4e))
		return SCRIPT_THAI;
	if ((c >= 0x980 && c <= 0xdff) || (c >= 0xe80 && c <= 0x13ff) ||
	    (c >= 0x1780 && c <= 0x17ff))
		return c >= 0x1100 && c <= 0x11ff ? SCRIPT_HANGUL :
		    SCRIPT_OTHER;
	if ((c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2c60 && c <= 0x2c7f) ||
	    (c >= 0xa720 && c <= 0xa7ff))
		return SCRIPT_LATIN;
	if (c >= 0x1f00 && c <= 0x1fff)
		return SCRIPT_GREEK;
	if ((c >= 0x1c80 && c <= 0x1c8f) || (c >= 0x2de0 && c <= 0x2dff) ||
	    (c >= 0xa640 && c <= 0xa69f))
		return SCRIPT_CYRILLIC;
	if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e))
		return SCRIPT_HANGUL;
	if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x3099 && c <= 0x309f) ||
	    (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30ff) ||
	    (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f))
		return SCRIPT_KANA;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f) ||
	    c == 0x3005 || c == 0x3007)
		return SCRIPT_HAN;
	return SCRIPT_NONE;
}

static int
is_digit(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) ||
	    (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x966 && c <= 0x96f);
}

/* Combining marks: part of the word they follow. */
static int
is_mark(int32_t c)
{
	return (c >= 0x300 && c <= 0x36f) || (c >= 0x483 && c <= 0x489) ||
	    (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
	    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

static int
is_space(int32_t c)
{
	return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Invisible code points that neither join nor separate. */
static int
is_ignorable(int32_t c)
{
	return c == 0xad || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x2060 && c <= 0x2064) || c == 0xfeff || c == 0x20e3 ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff) ||
	    (c >= 0xe0020 && c <= 0xe007f);
}

static int
is_emoji(int32_t c)
{
	return (c >= 0x1f000 && c <= 0x1faff) || (c >= 0x2600 &&
	    c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) || (c >= 0x2300 &&
	    c <= 0x23ff) || c == 0x3030 || c == 0x303d || c == 0x3297 ||
	    c == 0x3299;
}

static int
is_apostrophe(int32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2bc;
}

/* Letters, digits and marks make words. */
static int
is_wordch(int32_t c)
{
	return text_script(c) != SCRIPT_NONE || is_digit(c) || is_mark(c);
}

/* Full-width ASCII and a few script-specific signs in their plain form. */
static int32_t
fold_form(int32_t c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		return c - 0xfee0;
	switch (c) {
	case 0x3002: case 0xff61: case 0x6d4: case 0x964: case 0x2026:
		return '.';
	case 0x3001: case 0x60c: case 0xff64:
		return ',';
	case 0x61b:
		return ';';
	case 0x61f: case 0x2049: case 0x2047:
		return '?';
	case 0x203c:
		return '!';
	}
	return c;
}

static int32_t
next_cp(const char **p, const char *end)
{
	int32_t c;

	c = utf8_decode(p, end);
	return c < 0 ? ' ' : fold_form(c);
}

static int32_t
peek_cp(const char *p, const char *end)
{
	return p < end ? next_cp(&p, end) : ' ';
}

/*
 * Output goes straight into norm: text_tokenize() reserves room for the
 * worst case first (every token one byte of input, plus its space; a
 * letter's case folding at most three times its bytes).
 */
static inline void
put(struct text *t, char ch)
{
	t->norm.s[t->norm.len++] = ch;
}

static inline void
put_cp(struct text *t, int32_t c)
{
	if (c < 0x80)
		t->norm.s[t->norm.len++] = (char)c;
	else
		t->norm.len += utf8_encode(c, t->norm.s + t->norm.len);
}

static struct tok *
begin(struct text *t, int type)
{
	struct tok *k;

	if (t->ntok == t->atok) {
		t->atok = t->atok ? t->atok * 2 : 64;
		t->tok = xreallocarray(t->tok, t->atok, sizeof(*t->tok));
	}
	if (t->norm.len > 0)
		put(t, ' ');
	k = &t->tok[t->ntok++];
	k->off = t->norm.len;
	k->len = 0;
	k->type = (uint8_t)type;
	k->script = SCRIPT_NONE;
	k->flags = 0;
	k->entry = -1;
	k->phrase = k->nphrase = 0;
	return k;
}

static void
finish(struct text *t, struct tok *k)
{
	k->len = (uint32_t)(t->norm.len - k->off);
}

static int
ascii_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
}

static int
ascii_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static const char *const tlds[] = {
	"com", "net", "org", "io", "co", "ly", "me", "gl", "info", "biz",
	"xyz", "app", "shop", "link", "click", "ru", "de", "uk", "es", "pl",
	"fr", "cn", NULL
};

/* Does p start with lower-case ASCII s, in any case?  p has room. */
static int
prefix_ci(const char *p, const char *s)
{
	for (; *s != '\0'; p++, s++)
		if ((*p | 0x20) != *s)
			return 0;
	return 1;
}

/*
 * The end of a URL starting at p (after a non-word character), or NULL:
 * http(s)://..., www...., and with domain set host.tld/... and host.tld
 * for common TLDs (read_word() asks when a word runs into ".x").
 */
static const char *
url_end(const char *p, const char *end, int domain)
{
	const char *q, *slash, *dot, *s;
	size_t i, n, tl;
	char c0 = (char)(*p | 0x20);

	if ((c0 == 'h' && end - p > 8 && (prefix_ci(p, "http://") ||
	    prefix_ci(p, "https://"))) || (c0 == 'w' && end - p > 4 &&
	    prefix_ci(p, "www."))) {
		for (q = p; q < end && *q > 0x20 && *q < 0x7f; q++)
			continue;
	} else if (!domain) {
		return NULL;
	} else {
		for (q = p; q < end && *q > 0x20 && *q < 0x7f; q++)
			continue;
		n = (size_t)(q - p);
		slash = memchr(p, '/', n);
		if (slash == NULL)
			slash = q;
		dot = NULL;
		for (s = p; s < slash; s++) {
			if (*s == '.')
				dot = s;
			else if (!ascii_alnum(*s) && *s != '-')
				return NULL;
		}
		if (dot == NULL || dot == p || dot[-1] == '.' ||
		    slash - dot < 3 || slash - dot > 7)
			return NULL;
		for (s = dot + 1; s < slash; s++)
			if (!ascii_alpha(*s))
				return NULL;
		if (slash == q || slash + 1 == q) {
			tl = (size_t)(slash - dot - 1);
			for (i = 0; tlds[i] != NULL; i++)
				if (strlen(tlds[i]) == tl &&
				    strncasecmp(tlds[i], dot + 1, tl) == 0)
					break;
			if (tlds[i] == NULL)
				return NULL;
		}
	}
	while (q > p + 4 && strchr(".,!?;:)]}'\"", q[-1]) != NULL)
		q--;
	return q;
}

/* ASCII emoticons, any case, matched after a non-word character. */
static const struct {
	const char	*s;
	size_t		 n;
} emoticons[] = {
#define E(s)	{ s, sizeof(s) - 1 }
	E(":-)"), E(":)"), E(":))"), E(":]"), E("=)"), E(":-d"), E(":d"),
	E("xd"), E(";-)"), E(";)"), E(";d"), E(":-p"), E(":p"), E("<3"),
	E("^^"), E("^_^"), E(":*"), E(":-*"), E(":-("), E(":("), E(":(("),
	E(":["), E("=("), E(":'("), E(":'-("), E(":-/"), E(":/"), E(":\\"),
	E(":-|"), E(":|"), E("</3"), E(">:("), E(">:-("), E(":@"), E(":o"),
	E(":-o"), E("-_-"), E("t_t"), E(";(")
#undef E
};

/* Could an emoticon start here?  A cheap test before the table. */
static inline int
emoticon_start(const char *p, const char *end)
{
	char c0 = *p, c1;

	if (p + 1 >= end)
		return 0;
	c1 = (char)(p[1] | 0x20);
	switch (c0) {
	case ':': case ';': case '=': case '<': case '>': case '^':
		return 1;
	case '-':
		return p[1] == '_';
	case 'x': case 'X':
		return c1 == 'd';
	case 't': case 'T':
		return p[1] == '_';
	}
	return 0;
}

static size_t
emoticon_at(const char *p, const char *end)
{
	size_t i, n, best = 0;

	for (i = 0; i < sizeof(emoticons) / sizeof(emoticons[0]); i++) {
		n = emoticons[i].n;
		if (n <= best || (size_t)(end - p) < n ||
		    text_lower((unsigned char)*p) != emoticons[i].s[0] ||
		    strncasecmp(p, emoticons[i].s, n) != 0 ||
		    is_wordch(peek_cp(p + n, end)))
			continue;
		best = n;
	}
	return best;
}

static const char *
read_emoji(struct text *t, int32_t c, const char *p, const char *end)
{
	struct tok *k;
	const char *q;
	int32_t d;

	k = begin(t, TOK_EMOJI);
	put_cp(t, c);
	while (p < end) {
		q = p;
		d = utf8_decode(&q, end);
		if (d >= 0 && is_ignorable(d) && d != 0x200d) {
			p = q;
			continue;
		}
		if (d == 0x200d && is_emoji(peek_cp(q, end))) {
			put_cp(t, 0x200d);
			p = q;
			put_cp(t, next_cp(&p, end));
			continue;
		}
		/* A flag is two regional indicators. */
		if (c >= 0x1f1e6 && c <= 0x1f1ff && d >= 0x1f1e6 &&
		    d <= 0x1f1ff) {
			put_cp(t, d);
			p = q;
			c = 0;
			continue;
		}
		break;
	}
	finish(t, k);
	t->nemoji++;
	return p;
}

static const char *
emit_url(struct text *t, const char *end)
{
	struct tok *k;

	buf_grow(&t->norm, 6);
	k = begin(t, TOK_URL);
	memcpy(t->norm.s + t->norm.len, "<url>", 5);
	t->norm.len += 5;
	finish(t, k);
	t->nurl++;
	return end;
}

/* The state of a word being read. */
struct word {
	int32_t	 last;		/* last letter, lower case, or -1 */
	int	 run;		/* times last was repeated */
	int	 nup, nlow;	/* capitals and others */
	int	 nletter;	/* letters but ASCII ones */
	int	 nascii;	/* ASCII letters */
	int	 script;	/* of the first letter */
};

static inline void
word_letter(struct text *t, struct tok *k, struct word *w, int up,
    int32_t lc, int sc)
{
	w->nletter++;
	if (up)
		w->nup++;
	else
		w->nlow++;
	if (w->script == SCRIPT_NONE)
		w->script = sc;
	t->letters[sc]++;
	if (lc == w->last) {
		if (++w->run >= 2) {
			k->flags |= TF_ELONG;
			return;
		}
	} else {
		w->run = 0;
	}
	put_cp(t, lc);
	w->last = lc;
}

/*
 * A word: letters of any script but Han and kana, digits, marks, an
 * apostrophe between letters.  Han and kana make one token a character.
 * ASCII letters and digits take a short path.
 */
static const char *
read_word(struct text *t, const char *p, const char *end, int flags,
    int urlok)
{
	struct tok *k;
	struct word w;
	const char *q, *start = p;
	int32_t c;
	int sc;
	char ch, *o;

	q = p;
	c = (unsigned char)*p < 0x80 ? ' ' : next_cp(&q, end);
	sc = text_script(c);
	if (sc == SCRIPT_HAN || sc == SCRIPT_KANA) {
		k = begin(t, TOK_WORD);
		put_cp(t, c);
		finish(t, k);
		k->script = (uint8_t)sc;
		k->flags = (uint8_t)(flags | TF_CJK);
		t->letters[sc]++;
		t->nwords++;
		return q;
	}
	k = begin(t, TOK_WORD);
	w.last = -1;
	w.run = w.nup = w.nlow = w.nletter = w.nascii = 0;
	w.script = SCRIPT_NONE;
	for (;;) {
		/*
		 * ASCII letters and digits, the common case, in a tight loop
		 * with the output pointer in a register.
		 */
		o = t->norm.s + t->norm.len;
		for (; p < end; p++) {
			ch = *p;
			if (ch >= 'a' && ch <= 'z') {
				w.nlow++;
			} else if (ch >= 'A' && ch <= 'Z') {
				ch = (char)(ch + 32);
				w.nup++;
			} else if (ch >= '0' && ch <= '9') {
				*o++ = ch;
				w.last = -1;
				continue;
			} else {
				break;
			}
			w.nascii++;
			if (ch == w.last) {
				if (++w.run >= 2) {
					k->flags |= TF_ELONG;
					continue;
				}
			} else {
				w.run = 0;
				w.last = ch;
			}
			*o++ = ch;
		}
		t->norm.len = (size_t)(o - t->norm.s);
		if (p >= end || ((unsigned char)*p < 0x80 && *p != '\''))
			break;
		if (w.script == SCRIPT_NONE && w.nascii > 0)
			w.script = SCRIPT_LATIN;
		q = p;
		c = next_cp(&q, end);
		sc = text_script(c);
		if (sc == SCRIPT_HAN || sc == SCRIPT_KANA)
			break;
		if (sc != SCRIPT_NONE) {
			int32_t f[4];
			int i, nf = fold_cp(c, f), up = is_upper(c);

			for (i = 0; i < nf; i++)
				word_letter(t, k, &w, up,
				    f[i], sc);
		}
		else if (is_digit(c) || is_mark(c)) {
			put_cp(t, c);
			w.last = -1;
		} else if (is_apostrophe(c) && w.last >= 0 &&
		    text_script(peek_cp(q, end)) != SCRIPT_NONE) {
			put(t, '\'');
			w.last = -1;
		} else
			break;
		p = q;
	}
	if (w.script == SCRIPT_NONE && w.nascii > 0)
		w.script = SCRIPT_LATIN;
	/* "example.com/x": the word was the start of a URL. */
	if (urlok && w.nletter == 0 && p + 1 < end && *p == '.' &&
	    ascii_alpha(p[1]) && (q = url_end(start, end, 1)) != NULL) {
		t->ntok--;
		t->norm.len = k->off > 0 ? k->off - 1 : 0;
		return emit_url(t, q);
	}
	t->letters[SCRIPT_LATIN] += (size_t)w.nascii;
	w.nletter += w.nascii;
	finish(t, k);
	k->script = (uint8_t)w.script;
	k->flags |= (uint8_t)flags;
	if (w.nletter == 0) {
		k->type = TOK_NUM;
	} else {
		t->nwords++;
		if (w.nup >= 2 && w.nlow == 0) {
			k->flags |= TF_CAPS;
			t->ncaps++;
		}
	}
	return p;
}

/* @user and @user@instance.example: skipped. */
static const char *
skip_handle(const char *p, const char *end)
{
	while (p < end && (ascii_alnum(*p) || *p == '_'))
		p++;
	if (p + 1 < end && *p == '@' && ascii_alnum(p[1])) {
		for (p++; p < end && (ascii_alnum(*p) || *p == '-' ||
		    (*p == '.' && p + 1 < end && p[1] != ' ')); p++)
			continue;
	}
	return p;
}

/* Flag the tokens of each sentence that ends with a '?'. */
static void
mark_questions(struct text *t)
{
	size_t i;
	int q = 0;
	char ch;

	for (i = t->ntok; i-- > 0;) {
		if (t->tok[i].type == TOK_PUNCT && t->tok[i].len == 1) {
			ch = *text_tok(t, i);
			if (ch == '?')
				q = 1;
			else if (ch == '.' || ch == '!')
				q = 0;
		}
		if (q)
			t->tok[i].flags |= TF_QUESTION;
	}
}

void
text_tokenize(struct text *t, const char *s, size_t n)
{
	const char *p, *e, *start, *q;
	struct tok *k;
	int32_t c;
	int inword = 0, hashtag = 0;
	size_t m;

	s = nfkc(t, s, &n);
	t->src = s;
	t->nsrc = n;
	p = s;
	e = s + n;
	buf_reset(&t->norm);
	/* Folding makes a letter at most three times longer (Greek). */
	buf_grow(&t->norm, 4 * n + 16);
	t->ntok = t->nphrase = 0;
	memset(t->letters, 0, sizeof(t->letters));
	t->nurl = t->nmention = t->nhashtag = t->nemoji = 0;
	t->nexcl = t->nquest = t->ncaps = t->nwords = 0;
	while (p < e) {
		start = p;
		if ((unsigned char)*p <= ' ') {
			p++;
			inword = hashtag = 0;
			continue;
		}
		if (!inword && ascii_alnum(*p)) {
			if ((*p == 'h' || *p == 'H' || *p == 'w' ||
			    *p == 'W') && (q = url_end(p, e, 0)) != NULL) {
				p = emit_url(t, q);
				continue;
			}
			if (emoticon_start(p, e) &&
			    (m = emoticon_at(p, e)) > 0)
				goto emoticon;
		}
		if (ascii_alnum(*p)) {
			p = read_word(t, p, e, hashtag, !inword);
			hashtag = 0;
			inword = 1;
			continue;
		}
		if ((unsigned char)*p < 0x80)
			c = *p++;
		else
			c = next_cp(&p, e);
		if (is_space(c)) {
			inword = hashtag = 0;
			continue;
		}
		if (is_ignorable(c))
			continue;
		if (!inword) {
			if (c == '@' && p < e && (ascii_alnum(*p) ||
			    *p == '_')) {
				p = skip_handle(p, e);
				t->nmention++;
				continue;
			}
			if (c == '#' && is_wordch(peek_cp(p, e))) {
				hashtag = TF_HASHTAG;
				t->nhashtag++;
				continue;
			}
			if (c < 0x80 && emoticon_start(start, e) &&
			    (m = emoticon_at(start, e)) > 0) {
				p = start;
				goto emoticon;
			}
		}
		if (is_emoji(c)) {
			p = read_emoji(t, c, p, e);
			inword = hashtag = 0;
			continue;
		}
		if (is_wordch(c) && !is_mark(c)) {
			p = read_word(t, start, e, hashtag, 0);
			hashtag = 0;
			inword = 1;
			continue;
		}
		/* Punctuation and symbols, one token each. */
		k = begin(t, TOK_PUNCT);
		put_cp(t, c);
		finish(t, k);
		if (c == '!')
			t->nexcl++;
		else if (c == '?')
			t->nquest++;
		inword = hashtag = 0;
		continue;
emoticon:
		k = begin(t, TOK_EMOJI);
		for (q = p; q < p + m; q++)
			put(t, (char)text_lower((unsigned char)*q));
		finish(t, k);
		t->nemoji++;
		p += m;
		inword = hashtag = 0;
	}
	t->norm.s[t->norm.len] = '\0';
	mark_questions(t);
}

void
text_squeeze(const struct text *t, size_t i, struct buf *out)
{
	const char *p = text_tok(t, i), *e = p + t->tok[i].len, *q;
	int32_t c, last = -1;

	buf_reset(out);
	while (p < e) {
		q = p;
		c = utf8_decode(&q, e);
		if (c != last || c < 0 || text_script(c) == SCRIPT_NONE)
			buf_add(out, p, (size_t)(q - p));
		last = c;
		p = q;
	}
}
