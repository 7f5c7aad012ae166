/*
 * sentiment.c - the lexicon scorer; see sentiment.h for the rules.
 */
#include <math.h>
#include <string.h>

#include "sentiment.h"
#include "text.h"
#include "vocab.h"

#define NEG_SCOPE	3	/* tokens a negator reaches */
#define NEG_SCOPE_CJK	4	/* Han characters a negator reaches */
#define NEG_POSITIVE	-0.8	/* "not good": most of it, turned */
#define NEG_NEGATIVE	-0.5	/* "not bad": mildly positive */
/*
 * A bad word is turned only this many words after the negator, not
 * counting intensifiers: "not (too) bad", "no está mal", but "can't use
 * your useless app".
 */
#define NEG_BAD_GAP	1
#define INTENS_SCOPE	2	/* tokens an intensifier reaches */
#define CONTRAST_BEFORE	0.5
#define CONTRAST_AFTER	1.5
#define CAPS		1.5
#define ELONG		1.3
/*
 * In a question, good words are mostly asked about, bad ones felt ("why
 * is my bag lost again?"), except in one that opens with a word that asks
 * for facts (lexicon "!asks": "is my flight delayed?"), where bad words
 * count as little as good ones.
 */
#define QUESTION_POS	0.3
#define QUESTION_NEG	0.8
#define EXCL		0.15	/* per '!' */
#define EXCL_MAX	3
#define ALPHA		15.0
/*
 * Irony markers ("/s", "#sarcasm", "yeah right", 🙃) turn what reads as
 * praise into a complaint, most of its strength kept, beside what is
 * plainly bad ("great, another delay /s"); alone they are a mild
 * complaint.
 */
#define IRONY_TURN	-0.8
#define IRONY_ALONE	-1.5
/*
 * "Thanks" and "please" are manners more often than feelings: they count
 * in full only in a post that asks nothing and has no bad word in it, or
 * asks nothing and opens with them ("thank you for getting me home after
 * the cancellation"), and little in "still no refund, thanks" or "is my
 * flight on time? thanks".
 */
#define COURTESY_DAMP	0.25
/* "#unitedsucks", "#worstdayever": a term at either end of a hashtag. */
#define HASHTAG_PIECE	4	/* letters, at least, of the term */
#define HASHTAG_REST	3	/* and of the rest */

const char *
sentiment_name(int label)
{
	return label < 0 ? "negative" : label > 0 ? "positive" : "neutral";
}

/* '.', ',', ';', ':', '!' and '?' end a negation's reach. */
static int
clause_end(const struct text *t, size_t i)
{
	const char *p = text_tok(t, i);

	return t->tok[i].type == TOK_PUNCT && t->tok[i].len == 1 &&
	    strchr(".,;:!?", *p) != NULL;
}

/* Does a lexicon term start within an intensifier's reach of token i? */
static int
term_follows(const struct vocab *v, const struct text *t, size_t i,
    int lang)
{
	size_t j, n;

	for (j = i; j < t->ntok && j < i + INTENS_SCOPE; j++) {
		if (clause_end(t, j))
			return 0;
		if (vocab_match(v, t, j, SENSE_BIT(SENSE_TERM), lang, &n) !=
		    NULL)
			return 1;
	}
	return 0;
}

/* Is token i the first of the text but for punctuation? */
static int
opens(const struct text *t, size_t i)
{
	while (i > 0 && t->tok[i - 1].type == TOK_PUNCT)
		i--;
	return i == 0;
}

/* Does token i start a sentence that ends with '?'? */
static int
question_start(const struct text *t, size_t i)
{
	const struct tok *k = &t->tok[i];

	if (!(k->flags & TF_QUESTION) || k->type == TOK_PUNCT)
		return 0;
	for (; i > 0; i--) {
		k = &t->tok[i - 1];
		if (k->type != TOK_PUNCT || k->len != 1)
			return !(k->flags & TF_QUESTION);
		if (strchr(".!?", *text_tok(t, i - 1)) != NULL)
			return 1;
	}
	return 1;
}

/* Letters (code points) in p[0..n). */
static size_t
letters(const char *p, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xc0) != 0x80;
	return c;
}

/* Does p[0..n) have a sense of kind k in lang?  Its weight in *w. */
static int
piece(const struct vocab *v, const char *p, size_t n, int k, int lang,
    double *w)
{
	const struct sense *m;

	for (m = vocab_first(v, vocab_lookup(v, p, n), SENSE_BIT(k), lang);
	    m != NULL; m = vocab_next(v, m, SENSE_BIT(k), lang))
		if (m->lang == lang && !(m->arg & TERM_COURTESY)) {
			*w = m->weight;
			return 1;
		}
	return 0;
}

/*
 * A hashtag that is no known word: the weight of the longest term it
 * starts or ends with ("#worstdayever", "#unitedsucks"), turned when a
 * negator comes just before the term ("#nothappy"); 0 if none.
 */
static double
hashtag_term(const struct vocab *v, const struct text *t, size_t i, int lang)
{
	const struct tok *k = &t->tok[i];
	const char *p = text_tok(t, i);
	double w, dummy;
	size_t n, at, end, j;

	if (!(k->flags & TF_HASHTAG) || k->type != TOK_WORD ||
	    k->len < HASHTAG_PIECE + HASHTAG_REST)
		return 0;
	for (n = k->len - HASHTAG_REST; n >= HASHTAG_PIECE; n--) {
		for (end = 0; end < 2; end++) {
			at = end ? k->len - n : 0;
			/* a cut between two bytes of one letter is none */
			if (((unsigned char)p[end ? at : n] & 0xc0) == 0x80 ||
			    letters(p + at, n) < HASHTAG_PIECE ||
			    letters(p + (end ? 0 : n), k->len - n) <
			    HASHTAG_REST ||
			    !piece(v, p + at, n, SENSE_TERM, lang, &w))
				continue;
			for (j = 2; j <= at; j++)
				if (piece(v, p + at - j, j, SENSE_NEGATOR,
				    lang, &dummy)) {
					w *= w > 0 ? NEG_POSITIVE :
					    NEG_NEGATIVE;
					break;
				}
			return w;
		}
	}
	return 0;
}

/* A negator whose reach ended with no term in it: "can't get through". */
static void
unturned(double *x, struct sentiment *s, double *dangle)
{
	if (*dangle < 0) {
		*x += *dangle;
		s->neg -= *dangle;
		s->ncues++;
	}
	*dangle = 0;
}

void
sentiment_score(const struct vocab *v, const struct text *t, int lang,
    int lang2, int lexicon, struct sentiment *s)
{
	const struct sense *m;
	const struct tok *k;
	double x = 0, w, term, factor, after = 1, intens = 1, purity;
	double court = 0, copen = 0, dangle = 0, negw, bias;
	size_t i, j, n;
	/* negwords: words but intensifiers since the last negator */
	int negleft = 0, negwords = 0, intensleft = 0, isterm, isint, negator,
	    contrast, caps, elong, mixed = 0, ml, polite, asks = 0, smile = 0;
	unsigned kinds, excl;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < t->ntok; i += n) {
		if (question_start(t, i))
			asks = vocab_match(v, t, i, SENSE_BIT(SENSE_ASKS), lang,
			    &j) != NULL;
		n = 1;
		if (clause_end(t, i)) {
			negleft = intensleft = 0;
			unturned(&x, s, &dangle);
			continue;
		}
		kinds = SENSE_SENTIMENT;
		ml = lang;
		m = vocab_match(v, t, i, kinds, ml, &n);
		if (m == NULL && lang2 != -1 &&
		    vocab_mixable(v, t, i, SENSE_BIT(SENSE_TERM), lang)) {
			if (lang2 == VOCAB_MIXED)
				lang2 = vocab_mixed_lang(v, t, lang);
			kinds = SENSE_BIT(SENSE_TERM);
			ml = lang2;
			if (ml != -1)
				m = vocab_match(v, t, i, kinds, ml, &n);
		}
		isterm = negator = contrast = isint = polite = 0;
		term = 0;
		negw = 0;
		factor = 1;
		k = &t->tok[i];
		if (m == NULL) {
			if (lang >= 0 &&
			    (term = hashtag_term(v, t, i, lang)) != 0) {
				isterm = 1;
			} else {
				negwords++;
				if (negleft > 0 && --negleft == 0)
					unturned(&x, s, &dangle);
				if (intensleft > 0)
					intensleft--;
				continue;
			}
		}
		for (; m != NULL; m = ml == VOCAB_ANY ? NULL :
		    vocab_next(v, m, kinds, ml)) {
			switch (m->kind) {
			case SENSE_IRONY:
				if ((m->arg & IRONY_HASHTAG) &&
				    !(k->flags & TF_HASHTAG))
					break;
				if (m->arg & IRONY_MIXED)
					mixed = 1;
				else
					s->irony = 1;
				break;
			case SENSE_TERM:
				isterm = 1;
				term += m->weight;
				if (m->arg & TERM_COURTESY)
					polite = 1;
				break;
			case SENSE_NEGATOR:
				negator = 1;
				negw = m->weight;
				break;
			case SENSE_INTENSIFIER:
				isint = 1;
				factor *= m->weight;
				break;
			case SENSE_CONTRAST:
				contrast = 1;
				break;
			}
		}
		/*
		 * "super slow", "好慢": a word that is both a term and an
		 * intensifier intensifies when a term follows.
		 */
		if (isterm && isint) {
			if (term_follows(v, t, i + n, lang))
				isterm = 0;
			else
				isint = 0;
		}
		if (isint) {
			if (intensleft == 0)
				intens = 1;
			intens *= factor;
			intensleft = INTENS_SCOPE + 1;
		}
		if (isterm) {
			caps = elong = 0;
			for (j = i; j < i + n; j++) {
				caps |= t->tok[j].flags & TF_CAPS;
				elong |= t->tok[j].flags & TF_ELONG;
			}
			w = term;
			if (caps)
				w *= CAPS;
			if (elong)
				w *= ELONG;
			if (intensleft > 0)
				w *= intens;
			if (negleft > 0 && k->type != TOK_EMOJI &&
			    (w > 0 || negwords <= NEG_BAD_GAP)) {
				w *= w > 0 ? NEG_POSITIVE : NEG_NEGATIVE;
				dangle = 0;
			}
			if (k->flags & TF_QUESTION)
				w *= w > 0 || asks ? QUESTION_POS : QUESTION_NEG;
			w *= after;
			if (w > 0 && k->type == TOK_EMOJI)
				smile = 1;
			if (polite && w > 0 && opens(t, i)) {
				copen += w;
			} else if (polite && w > 0) {
				court += w;
			} else {
				x += w;
				if (w > 0)
					s->pos += w;
				else
					s->neg -= w;
			}
			s->ncues++;
			intens = 1;
			intensleft = 0;
		}
		if (contrast) {
			unturned(&x, s, &dangle);
			x *= CONTRAST_BEFORE;
			court *= CONTRAST_BEFORE;
			copen *= CONTRAST_BEFORE;
			s->pos *= CONTRAST_BEFORE;
			s->neg *= CONTRAST_BEFORE;
			after = CONTRAST_AFTER;
			negleft = 0;
		}
		/* The reach of a negator or intensifier starts after it. */
		if (negleft > 0) {
			negleft = negleft > (int)n ? negleft - (int)n : 0;
			if (negleft == 0)
				unturned(&x, s, &dangle);
		}
		if (!isint)
			negwords++;
		if (negator) {
			negwords = 0;
			unturned(&x, s, &dangle);
			negleft = (k->flags & TF_CJK) ? NEG_SCOPE_CJK :
			    NEG_SCOPE;
			dangle = negw * after;
			if (k->flags & TF_QUESTION)
				dangle *= QUESTION_NEG;
		}
		if (intensleft > 0 && !isterm)
			intensleft--;
	}
	unturned(&x, s, &dangle);
	if (s->neg > 0 || t->nquest > 0)
		court *= COURTESY_DAMP;
	if (t->nquest > 0)
		copen *= COURTESY_DAMP;
	x += court + copen;
	s->pos += court + copen;
	/*
	 * In a post to a brand a complaint with a kind word in it is still a
	 * complaint: where good and bad terms meet, the bad weigh the
	 * lexicon's "!negativity" times as much, unless a smiling emoji says
	 * the writer is content.
	 */
	bias = lang >= 0 ? v->negativity[lang & 0xff] : 0;
	if (bias > 1 && s->pos > 0 && s->neg > 0 && !smile) {
		x -= (bias - 1) * s->neg;
		s->neg *= bias;
	}
	/*
	 * "I love how my flight got cancelled", not "love how kind", nor
	 * the "呵呵" (hehe) of a review that is mostly praise.
	 */
	if (mixed && s->neg > 0 && s->neg >= s->pos)
		s->irony = 1;
	if (s->irony) {
		if (s->ncues == 0) {
			x = IRONY_ALONE;
			s->ncues++;
		} else {
			x = IRONY_TURN * s->pos - s->neg;
		}
		s->neg = -x;
		s->pos = 0;
	}
	s->lang2 = lang2;
	excl = t->nexcl < EXCL_MAX ? t->nexcl : EXCL_MAX;
	if (s->ncues > 0)
		x *= 1 + EXCL * excl;
	/* Rounded here, so the label agrees with the number written. */
	s->score = round(x / sqrt(x * x + ALPHA) * 1000) / 1000;
	s->label = s->score <= -SENTIMENT_NEUTRAL ? -1 :
	    s->score >= SENTIMENT_NEUTRAL ? 1 : 0;

	/*
	 * Confidence: strength and agreement of the cues; with no cue, a
	 * fair guess of neutral that grows with the length of the text.
	 */
	if (s->ncues == 0) {
		s->conf = 0.45 + 0.25 * (1 - exp(-(double)t->nwords / 6));
	} else {
		purity = fabs(s->pos - s->neg) / (s->pos + s->neg + 1e-9);
		if (s->label == 0)
			s->conf = 0.3 + 0.2 * (1 - purity);
		else
			s->conf = (0.35 + 0.6 * fabs(s->score)) *
			    (0.6 + 0.4 * purity);
	}
	if (!lexicon)
		s->conf *= s->ncues > 0 ? 0.7 : 0.6;
}
