/*
 * lang.c - the language table and the language identifier; see lang.h.
 */
#include <math.h>
#include <string.h>

#include "lang.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

#define LATIN		SCRIPT_BIT(SCRIPT_LATIN)
#define CYRILLIC	SCRIPT_BIT(SCRIPT_CYRILLIC)

const struct langinfo lang_table[] = {
	{ "und", 0,					0 },
	{ "en", LATIN,					LANG_DATA },
	{ "es", LATIN,					LANG_DATA },
	{ "de", LATIN,					LANG_DATA },
	{ "fr", LATIN,					LANG_DATA },
	{ "pt", LATIN,					LANG_DATA },
	{ "it", LATIN,					LANG_DATA },
	{ "pl", LATIN,					LANG_DATA },
	{ "nl", LATIN,					0 },
	{ "tr", LATIN,					0 },
	{ "ru", CYRILLIC,				LANG_DATA },
	{ "uk", CYRILLIC,				LANG_DATA },
	{ "zh", SCRIPT_BIT(SCRIPT_HAN),			LANG_DATA },
	{ "ja", SCRIPT_BIT(SCRIPT_KANA),		LANG_DATA },
	{ "ko", SCRIPT_BIT(SCRIPT_HANGUL),		0 },
	{ "ar", SCRIPT_BIT(SCRIPT_ARABIC),		0 },
	{ "el", SCRIPT_BIT(SCRIPT_GREEK),		0 },
	{ "he", SCRIPT_BIT(SCRIPT_HEBREW),		0 },
	{ "th", SCRIPT_BIT(SCRIPT_THAI),		0 },
	/* Hindi is often typed in Latin letters ("Hinglish"). */
	{ "hi", SCRIPT_BIT(SCRIPT_DEVANAGARI) | LATIN,	0 },
};
const int lang_count = (int)(sizeof(lang_table) / sizeof(lang_table[0]));
_Static_assert(sizeof(lang_table) / sizeof(lang_table[0]) <= LANG_MAX,
    "more languages than LANG_MAX");

/*
 * Word endings and letter groups are looked at only when the words leave
 * the choice open: the best language scored below PIECES_BELOW or less
 * than PIECES_MARGIN above the next.
 */
#define PIECES_BELOW	3.0
#define PIECES_MARGIN	1.5
/*
 * The least evidence that names a language.  For the text's main script,
 * any word cue (a Latin text with a single cue is better guessed than
 * left "und"), but letter groups alone must add up to PIECES_LEAST times
 * more: a brand name such as "Ryanair" is no language.  For a second
 * script, more than that: "wifi" in a Russian post.
 */
#define LEAST_EVIDENCE	0.2
#define SECOND_EVIDENCE	1.0
#define PIECES_LEAST	3

/*
 * Texts in these scripts are this language unless cues say otherwise.
 * Where cues are read (Cyrillic), it starts with a head start, prior,
 * that the cues of another language must beat: one Ukrainian letter
 * does, a stray "будь" (a word of both) does not.
 */
static const struct {
	int		 script;
	const char	*lang;
	double		 cap;		/* most confidence it gives */
	double		 prior;
} by_script[] = {
	{ SCRIPT_HAN,		"zh",	0.98,	0 },
	{ SCRIPT_KANA,		"ja",	0.99,	0 },
	{ SCRIPT_HANGUL,	"ko",	0.99,	0 },
	{ SCRIPT_ARABIC,	"ar",	0.9,	0 },	/* also fa, ur */
	{ SCRIPT_GREEK,		"el",	0.99,	0 },
	{ SCRIPT_HEBREW,	"he",	0.95,	0 },	/* also yi */
	{ SCRIPT_THAI,		"th",	0.99,	0 },
	{ SCRIPT_DEVANAGARI,	"hi",	0.85,	0 },	/* mr, ne */
	{ SCRIPT_CYRILLIC,	"ru",	0.6,	1.0 },	/* without a cue */
};

int
lang_find(const char *code, size_t len)
{
	int i;

	for (i = 0; i < lang_count; i++)
		if (strlen(lang_table[i].code) == len &&
		    memcmp(lang_table[i].code, code, len) == 0)
			return i;
	return -1;
}

const char *
lang_code(int lang)
{
	return lang >= 0 && lang < lang_count ? lang_table[lang].code : "und";
}

/* How sure n pieces of evidence make us: 0 for none, towards 1. */
static double
saturate(double n, double scale)
{
	return 1 - exp(-n / scale);
}

/*
 * The two main scripts, by letters, a Han, kana or Hangul character
 * weighing as much as a short word; Japanese mixes Han and kana.  Each
 * with its share of the letters and its number of letters.
 */
struct script_rank {
	int	 script[2];
	double	 share[2];
	size_t	 n[2];
};

static void
rank_scripts(const struct text *t, struct script_rank *r)
{
	double w[SCRIPT_MAX], total = 0;
	int sc, k;

	for (sc = 0; sc < SCRIPT_MAX; sc++) {
		w[sc] = (double)t->letters[sc];
		if (sc == SCRIPT_HAN || sc == SCRIPT_KANA)
			w[sc] *= 3;
		else if (sc == SCRIPT_HANGUL)
			w[sc] *= 2;
		total += w[sc];
	}
	/* Two kana, or a tenth of the CJK characters: Japanese. */
	if (t->letters[SCRIPT_KANA] >= 2 || (t->letters[SCRIPT_KANA] > 0 &&
	    t->letters[SCRIPT_KANA] * 10 >= t->letters[SCRIPT_HAN])) {
		w[SCRIPT_KANA] += w[SCRIPT_HAN];
		w[SCRIPT_HAN] = 0;
	} else {
		w[SCRIPT_HAN] += w[SCRIPT_KANA];
		w[SCRIPT_KANA] = 0;
	}
	/* Both set, as a text with no letters leaves the second unfilled. */
	for (k = 0; k < 2; k++) {
		r->script[k] = SCRIPT_NONE;
		r->share[k] = 0;
		r->n[k] = 0;
	}
	for (k = 0; k < 2; k++) {
		for (sc = 1; sc < SCRIPT_MAX; sc++)
			if (w[sc] > 0 && (r->script[k] == SCRIPT_NONE ||
			    w[sc] > w[r->script[k]]) &&
			    (k == 0 || sc != r->script[0]))
				r->script[k] = sc;
		sc = r->script[k];
		if (sc == SCRIPT_NONE)
			break;
		r->share[k] = w[sc] / total;
		r->n[k] = t->letters[sc];
		if (sc == SCRIPT_KANA || sc == SCRIPT_HAN)
			r->n[k] = t->letters[SCRIPT_KANA] +
			    t->letters[SCRIPT_HAN];
	}
}

static void
add_cues(const struct vocab *v, int32_t e, double *score)
{
	const struct sense *s;

	for (s = vocab_first(v, e, SENSE_BIT(SENSE_LANG), -1); s != NULL;
	    s = vocab_next(v, s, SENSE_BIT(SENSE_LANG), -1))
		score[s->lang] += s->weight;
}

static int
written_in(int lang, int sc)
{
	return (lang_table[lang].scripts & SCRIPT_BIT(sc)) != 0;
}

/* The best and second best scores of the languages written in sc. */
static void
top2(const double *score, int sc, double *s1, double *s2, int *best)
{
	int l;

	*s1 = *s2 = 0;
	*best = LANG_UND;
	for (l = 1; l < lang_count; l++) {
		if (!written_in(l, sc) || score[l] <= *s2)
			continue;
		if (score[l] > *s1) {
			*s2 = *s1;
			*s1 = score[l];
			*best = l;
		} else
			*s2 = score[l];
	}
}

/* The cues of the piece p[0..n) of a word, behind marker byte m. */
static void
piece_cues(const struct vocab *v, int m, const char *p, size_t n,
    double *score)
{
	char key[1 + 4 * VOCAB_PIECE];

	key[0] = (char)m;
	memcpy(key + 1, p, n);
	add_cues(v, vocab_lookup(v, key, n + 1), score);
}

/* Is p the first byte of a character? */
#define LEAD(p)	((*(const unsigned char *)(p) & 0xc0) != 0x80)

/*
 * Word endings of 2 to VOCAB_PIECE letters (with at least two letters
 * before them), and groups of 2 or 3 letters anywhere in a word: the cues
 * for texts whose words are not in the lists, such as the compounds of
 * German headlines.
 */
static void
score_pieces(const struct vocab *v, const struct text *t, int sc,
    double *score)
{
	const struct tok *k;
	const char *w, *p, *q;
	size_t i, len;
	int c, span;

	for (i = 0; i < t->ntok; i++) {
		k = &t->tok[i];
		if (k->type != TOK_WORD || k->script != sc ||
		    (k->flags & TF_ELONG))
			continue;
		w = text_tok(t, i);
		len = k->len;
		/* endings: back from the end, one letter at a time */
		for (p = w + len, c = 0; p > w && c < VOCAB_PIECE; ) {
			while (--p > w && !LEAD(p))
				continue;
			if (++c >= 2 && p - w >= 2)
				piece_cues(v, VOCAB_SUFFIX, p,
				    (size_t)(w + len - p), score);
		}
		/* groups of two and three letters */
		for (p = w; p < w + len; ) {
			for (q = p, span = 0; q < w + len && span < 3; span++) {
				while (++q < w + len && !LEAD(q))
					continue;
				if (span >= 1)
					piece_cues(v, VOCAB_PART, p,
					    (size_t)(q - p), score);
			}
			while (++p < w + len && !LEAD(p))
				continue;
		}
	}
}

/*
 * The language cues of an elongated word: its squeezed form ("lindooo"
 * is "lindo") unless the word as typed is a cue itself ("kkkk", the
 * laughter of Brazilian posts, is "kk" after tokenizing).  A single
 * letter drawn out ("aaaaa") is a cry in any language.
 */
static int32_t
elong_entry(const struct vocab *v, const struct text *t, size_t i)
{
	char key[VOCAB_MAXKEY];
	const char *p = text_tok(t, i), *end = p + t->tok[i].len, *q;
	int32_t e, c, last = -1;
	size_t n = 0, nc = 0;

	e = vocab_lookup(v, p, t->tok[i].len);
	if (vocab_first(v, e, SENSE_BIT(SENSE_LANG), -1) != NULL)
		return e;
	while (p < end) {
		q = p;
		if ((c = utf8_decode(&q, end)) != last) {
			if (n + (size_t)(q - p) > sizeof(key))
				return -1;
			memcpy(key + n, p, (size_t)(q - p));
			n += (size_t)(q - p);
			nc++;
		}
		last = c;
		p = q;
	}
	return nc >= 2 ? vocab_lookup(v, key, n) : -1;
}

static int
ascii_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
ascii_lower(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

/*
 * The words of hashtags written in camel case: "#ConversaComBial" is
 * "conversa com bial", "#SBTNoticias" "sbt noticias".  The tokenizer
 * keeps a hashtag whole, and a whole hashtag is seldom a cue; its words
 * are (a hashtag of one word counts as a word already).
 */
static void
hashtag_cues(const struct vocab *v, const struct text *t, double *score)
{
	const char *p = t->src, *e = t->src + t->nsrc, *h, *q, *w;
	char key[VOCAB_MAXKEY];
	size_t parts, k, i;

	while (p < e && (p = memchr(p, '#', (size_t)(e - p))) != NULL) {
		h = ++p;
		while (p < e && (ascii_upper(*p) || ascii_lower(*p)))
			p++;
		/* count the parts first: one part is a plain word */
		for (parts = 0, q = h; q < p; parts++) {
			w = q;
			while (q < p && ascii_upper(*q))
				q++;
			if (q - w > 1 && q < p && ascii_lower(*q))
				q--;	/* "SBTNo": "SBT" then "No" */
			while (q < p && ascii_lower(*q))
				q++;
		}
		if (parts < 2)
			continue;
		for (q = h; q < p;) {
			w = q;
			while (q < p && ascii_upper(*q))
				q++;
			if (q - w > 1 && q < p && ascii_lower(*q))
				q--;
			while (q < p && ascii_lower(*q))
				q++;
			k = (size_t)(q - w);
			if (k < 2 || k > sizeof(key))
				continue;
			for (i = 0; i < k; i++)
				key[i] = ascii_upper(w[i]) ? (char)(w[i] + 32) :
				    w[i];
			add_cues(v, vocab_lookup(v, key, k), score);
		}
	}
}

/* Word, elision and letter cues of the tokens written in script sc. */
static void
score_cues(const struct vocab *v, const struct text *t, int sc,
    double *score)
{
	const struct lettercue *lc;
	const struct tok *k;
	const char *p, *end, *apos;
	size_t i;
	int32_t c;
	int j;

	for (i = 0; i < t->ntok; i++) {
		k = &t->tok[i];
		/*
		 * A word found only without its accents ("esta" typed for
		 * "está") says nothing of the language.
		 */
		if ((k->script != sc && k->type != TOK_PUNCT) ||
		    (k->flags & TF_STRIPPED))
			continue;
		add_cues(v, (k->flags & TF_ELONG) ? elong_entry(v, t, i) :
		    k->entry, score);
		/* "ééééé" is a cry: its letters do not count. */
		if (k->type != TOK_WORD || (k->flags & TF_ELONG))
			continue;
		p = text_tok(t, i);
		end = p + k->len;
		if ((apos = memchr(p, '\'', k->len)) != NULL)
			add_cues(v, vocab_lookup(v, p, (size_t)(apos + 1 - p)),
			    score);
		while (p < end) {
			if ((unsigned char)*p < 0x80) {
				p++;
				continue;
			}
			c = utf8_decode(&p, end);
			if (c < 0 || c >= VOCAB_LETTERS)
				continue;
			lc = &v->letter[c];
			for (j = 0; j < lc->n; j++)
				score[lc->lang[j]] += lc->weight[j];
		}
	}
}

/* The language of the text's letters of script sc. */
static void
detect_in(const struct vocab *v, const struct text *t, int sc,
    double share, size_t n, double least, int main,
    struct lang_guess *g)
{
	double score[LANG_MAX], s1 = 0, s2 = 0, rivals = 0, cap = 1;
	double prior = 0, words, ev;
	size_t i;
	int l, best = LANG_UND, fallback = LANG_UND;

	g->lang = LANG_UND;
	g->conf = 0;
	g->script = sc;
	if (sc == SCRIPT_NONE || sc == SCRIPT_OTHER || sc == SCRIPT_ARMENIAN)
		return;
	for (i = 0; i < sizeof(by_script) / sizeof(by_script[0]); i++)
		if (by_script[i].script == sc) {
			fallback = lang_find(by_script[i].lang,
			    strlen(by_script[i].lang));
			cap = by_script[i].cap;
			prior = by_script[i].prior;
		}
	if (sc != SCRIPT_LATIN && sc != SCRIPT_CYRILLIC) {
		g->lang = fallback;
		g->conf = cap * share * saturate((double)n, 2);
		return;
	}
	memset(score, 0, sizeof(score));
	if (fallback != LANG_UND)
		score[fallback] = prior;
	score_cues(v, t, sc, score);
	/* In the main script only: an English hashtag on an Arabic post. */
	if (sc == SCRIPT_LATIN && t->nhashtag > 0 && main)
		hashtag_cues(v, t, score);
	top2(score, sc, &s1, &s2, &best);
	words = best == fallback ? s1 - prior : s1;
	/* Words left it open: look inside them. */
	if (s1 < PIECES_BELOW || s1 - s2 < PIECES_MARGIN) {
		score_pieces(v, t, sc, score);
		top2(score, sc, &s1, &s2, &best);
	}
	/* The head start is no evidence. */
	if (fallback != LANG_UND)
		score[fallback] -= prior;
	ev = score[best];
	if (best == LANG_UND || (words < least && ev < least * PIECES_LEAST)) {
		/* No cue: the script's usual language, if it has one. */
		if (fallback != LANG_UND) {
			g->lang = fallback;
			g->conf = cap * share * saturate((double)n, 8);
		}
		return;
	}
	for (l = 1; l < lang_count; l++)
		if (l != best && written_in(l, sc) && score[l] > 0)
			rivals += exp(-(ev - score[l]));
	g->lang = best;
	g->conf = share * saturate(ev, 2.5) / (1 + rivals);
}

/*
 * The main script decides, unless the second (a fifth of the letters or
 * more) says more surely what the text is: brand names and technical
 * words in Latin letters inside a Russian post.
 */
void
lang_detect(const struct vocab *v, const struct text *t,
    struct lang_guess *g)
{
	struct script_rank r;
	struct lang_guess g2;

	rank_scripts(t, &r);
	detect_in(v, t, r.script[0], r.share[0], r.n[0], LEAST_EVIDENCE, 1, g);
	if (r.script[1] != SCRIPT_NONE && r.share[1] >= 0.2) {
		/* The surer of the two: a Russian question about "wifi". */
		detect_in(v, t, r.script[1], r.share[1], r.n[1],
		    SECOND_EVIDENCE, 0, &g2);
		if (g2.lang != LANG_UND &&
		    (g->lang == LANG_UND || g2.conf > g->conf))
			*g = g2;
	}
}
