/*
 * lang.c - the language table and the language identifier; see lang.h.
 */
#include <math.h>
#include <string.h>

#include "lang.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

const struct langinfo lang_table[] = {
	{ "und", SCRIPT_NONE,		0 },
	{ "en", SCRIPT_LATIN,		LANG_DATA },
	{ "es", SCRIPT_LATIN,		LANG_DATA },
	{ "de", SCRIPT_LATIN,		LANG_DATA },
	{ "fr", SCRIPT_LATIN,		LANG_DATA },
	{ "pt", SCRIPT_LATIN,		LANG_DATA },
	{ "it", SCRIPT_LATIN,		LANG_DATA },
	{ "pl", SCRIPT_LATIN,		LANG_DATA },
	{ "nl", SCRIPT_LATIN,		0 },
	{ "ru", SCRIPT_CYRILLIC,	LANG_DATA },
	{ "uk", SCRIPT_CYRILLIC,	LANG_DATA },
	{ "zh", SCRIPT_HAN,		LANG_DATA },
	{ "ja", SCRIPT_KANA,		0 },
	{ "ko", SCRIPT_HANGUL,		0 },
	{ "ar", SCRIPT_ARABIC,		0 },
	{ "el", SCRIPT_GREEK,		0 },
	{ "he", SCRIPT_HEBREW,		0 },
	{ "th", SCRIPT_THAI,		0 },
	{ "hi", SCRIPT_DEVANAGARI,	0 },
};
const int lang_count = (int)(sizeof(lang_table) / sizeof(lang_table[0]));
_Static_assert(sizeof(lang_table) / sizeof(lang_table[0]) <= LANG_MAX,
    "more languages than LANG_MAX");

/* Texts in these scripts are this language unless cues say otherwise. */
static const struct {
	int		 script;
	const char	*lang;
	double		 cap;		/* most confidence it gives */
} by_script[] = {
	{ SCRIPT_HAN,		"zh",	0.98 },
	{ SCRIPT_KANA,		"ja",	0.99 },
	{ SCRIPT_HANGUL,	"ko",	0.99 },
	{ SCRIPT_ARABIC,	"ar",	0.9 },	/* also fa, ur */
	{ SCRIPT_GREEK,		"el",	0.99 },
	{ SCRIPT_HEBREW,	"he",	0.95 },	/* also yi */
	{ SCRIPT_THAI,		"th",	0.99 },
	{ SCRIPT_DEVANAGARI,	"hi",	0.85 },	/* mr, ne */
	{ SCRIPT_CYRILLIC,	"ru",	0.6 },	/* no cue */
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
	for (k = 0; k < 2; k++) {
		r->script[k] = SCRIPT_NONE;
		r->share[k] = 0;
		r->n[k] = 0;
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
		/* "soooo" says how one feels, not which language. */
		if ((k->script != sc && k->type != TOK_PUNCT) ||
		    (k->flags & TF_ELONG))
			continue;
		add_cues(v, k->entry, score);
		if (k->type != TOK_WORD)
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
    double share, size_t n, struct lang_guess *g)
{
	double score[LANG_MAX], s1 = 0, rivals = 0, cap = 1;
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
		}
	if (sc != SCRIPT_LATIN && sc != SCRIPT_CYRILLIC) {
		g->lang = fallback;
		g->conf = cap * share * saturate((double)n, 2);
		return;
	}
	memset(score, 0, sizeof(score));
	score_cues(v, t, sc, score);
	for (l = 1; l < lang_count; l++)
		if (lang_table[l].script == sc && score[l] > s1) {
			s1 = score[l];
			best = l;
		}
	if (best == LANG_UND) {
		/* No cue: the script's usual language, if it has one. */
		if (fallback != LANG_UND) {
			g->lang = fallback;
			g->conf = cap * share * saturate((double)n, 8);
		}
		return;
	}
	for (l = 1; l < lang_count; l++)
		if (l != best && lang_table[l].script == sc && score[l] > 0)
			rivals += exp(-(s1 - score[l]));
	g->lang = best;
	g->conf = share * saturate(s1, 2.5) / (1 + rivals);
}

/*
 * The main script decides; when its letters say nothing (a brand name in
 * Latin letters inside a Russian post), the second script may.
 */
void
lang_detect(const struct vocab *v, const struct text *t,
    struct lang_guess *g)
{
	struct script_rank r;

	rank_scripts(t, &r);
	detect_in(v, t, r.script[0], r.share[0], r.n[0], g);
	if (g->lang == LANG_UND && r.script[1] != SCRIPT_NONE &&
	    r.share[1] >= 0.2) {
		detect_in(v, t, r.script[1], r.share[1], r.n[1], g);
		if (g->lang == LANG_UND)
			g->script = r.script[0];
	}
}
