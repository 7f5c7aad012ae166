/*
 * intent.c - the intent rules; see intent.h.
 */
#include <math.h>
#include <string.h>

#include "intent.h"
#include "sentiment.h"
#include "text.h"
#include "vocab.h"

#define OTHER_BASE	1.0	/* the score "other" starts with */
#define CUE_MAX		4.0	/* the most cues add to one intent */
#define NEGATIVITY	2.5	/* complaint: per unit of negative score */
#define POSITIVITY	2.0	/* praise: per unit of positive score */
#define LINK_SPAM	1.0	/* spam: a link beside a promo cue */
#define LINK_ALONE	0.3	/* spam: a link with no promo cue */
#define HASHTAGS_SPAM	0.5	/* spam: four hashtags or more */
#define RHETORIC	1.0	/* complaint cues that make '?' rhetorical */
#define BROADCAST	1.0	/* spam: a link in a post to no one */
#define CROWD		5	/* mentions that make a chat among many */
#define CROWD_OTHER	1.0
#define REPLY_SHORT	6u	/* words: a short reply */
#define REPLY_OTHER	0.5	/* other: a short reply to the brand */

/* Calibration (intent_calibrate); the features are capped. */
#define CAL_MARGIN_MAX	4.0
#define CAL_TOP_MAX	6.0
#define CAL_BIAS	0.441
#define CAL_MARGIN	0.939
#define CAL_TOP		(-0.247)
#define CAL_SENT	0.276
/* complaint question request feedback praise spam other */
#define CAL_INTENT	{ -0.168, -0.335, 0.046, 0, 0.332, 0, -0.324 }

static const char *const names[INTENT_COUNT] = {
	"complaint", "question", "request", "feedback", "praise", "spam",
	"other"
};

const char *
intent_name(int intent)
{
	return intent >= 0 && intent < INTENT_COUNT ? names[intent] : "other";
}

int
intent_find(const char *name, size_t len)
{
	int i;

	for (i = 0; i < INTENT_COUNT; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

/*
 * A number before token i: the cue "# WORD" ("# days" is "3 days"), a
 * number's stand-in in the lists.
 */
static void
add_cue(const struct sense *m, int ctx, double *cue)
{
	if ((m->arg & INTENT_REPLY) && !(ctx & CTX_REPLY_TO_BRAND))
		return;
	cue[m->arg & ~INTENT_REPLY] += m->weight;
}

static void
number_cue(const struct vocab *v, const struct text *t, size_t i,
    int lang, int ctx, double *cue)
{
	char key[VOCAB_MAXKEY];
	const struct sense *m;
	const unsigned kind = SENSE_BIT(SENSE_INTENT);
	int32_t e;

	if (t->tok[i].type != TOK_WORD || t->tok[i].len + 2 > sizeof(key))
		return;
	key[0] = '#';
	key[1] = ' ';
	memcpy(key + 2, text_tok(t, i), t->tok[i].len);
	if ((e = vocab_lookup(v, key, t->tok[i].len + 2)) < 0)
		return;
	for (m = vocab_first(v, e, kind, lang); m != NULL;
	    m = vocab_next(v, m, kind, lang))
		add_cue(m, ctx, cue);
}

/*
 * The chance that intent in is right, from the scores: a logistic
 * function of the margin between the best two scores, the best score,
 * the intent itself (some are surer than others) and how far the
 * sentiment agrees with a complaint or praise.  The weights were fitted
 * by logistic regression to whether the answer was right on real
 * customer tweets (sc-classify(1), CALIBRATION; tests/bench/intent-cv.py
 * refits them on k-1 folds and reports the k-th).
 */
static const double cal_bias = CAL_BIAS, cal_margin = CAL_MARGIN,
    cal_top = CAL_TOP, cal_sent = CAL_SENT;
static const double cal_intent[INTENT_COUNT] = CAL_INTENT;

double
intent_calibrate(const double *sc, int in, double sentiment)
{
	double top = sc[in], second = -INFINITY, z;
	int i;

	for (i = 0; i < INTENT_COUNT; i++)
		if (i != in && sc[i] > second)
			second = sc[i];
	z = cal_bias + cal_margin * fmin(top - second, CAL_MARGIN_MAX) +
	    cal_top * fmin(top, CAL_TOP_MAX) + cal_intent[in];
	if (in == INTENT_COMPLAINT)
		z += cal_sent * -sentiment;
	else if (in == INTENT_PRAISE)
		z += cal_sent * sentiment;
	return 1 / (1 + exp(-z));
}

void
intent_guess(const struct vocab *v, const struct text *t, int lang,
    const struct sentiment *s, int ctx, struct intent_guess *g)
{
	const unsigned kind = SENSE_BIT(SENSE_INTENT);
	const struct sense *m;
	double cue[INTENT_COUNT], *sc = g->score;
	size_t i, n;
	int in, ml, lang2 = s->lang2;

	memset(cue, 0, sizeof(cue));
	for (i = 0; i < t->ntok; i += n) {
		n = 1;
		ml = lang;
		m = vocab_match(v, t, i, kind, ml, &n);
		/* "Suggestion: añadan más vuelos" (vocab.h) */
		if (m == NULL && lang2 != -1 &&
		    vocab_mixable(v, t, i, kind, lang)) {
			if (lang2 == VOCAB_MIXED)
				lang2 = vocab_mixed_lang(v, t, lang);
			if ((ml = lang2) != -1)
				m = vocab_match(v, t, i, kind, ml, &n);
		}
		for (; m != NULL; m = ml == VOCAB_ANY ? NULL :
		    vocab_next(v, m, kind, ml))
			add_cue(m, ctx, cue);
		if (t->tok[i].type == TOK_NUM && i + 1 < t->ntok)
			number_cue(v, t, i + 1, lang, ctx, cue);
	}
	/* "Best airline ever 🙃": the praise is the complaint. */
	if (s->irony) {
		cue[INTENT_COMPLAINT] += cue[INTENT_PRAISE];
		cue[INTENT_PRAISE] = 0;
	}
	/*
	 * "Why is my order not here?": a question that carries complaint
	 * cues is mostly a complaint, unless it also asks how or whether
	 * (the question cues beyond the '?' itself).
	 */
	if (cue[INTENT_COMPLAINT] >= RHETORIC && cue[INTENT_QUESTION] > 0) {
		cue[INTENT_COMPLAINT] += cue[INTENT_QUESTION] / 2;
		cue[INTENT_QUESTION] /= 2;
	}
	for (in = 0; in < INTENT_COUNT; in++)
		sc[in] = cue[in] > CUE_MAX ? CUE_MAX : cue[in];
	sc[INTENT_OTHER] += OTHER_BASE;
	if (s->score < 0)
		sc[INTENT_COMPLAINT] += NEGATIVITY * -s->score;
	else
		sc[INTENT_PRAISE] += POSITIVITY * s->score;
	if (t->nurl > 0)
		sc[INTENT_SPAM] += cue[INTENT_SPAM] > 0 ? LINK_SPAM :
		    LINK_ALONE;
	if (t->nhashtag >= 4)
		sc[INTENT_SPAM] += HASHTAGS_SPAM;
	/* An announcement with a link, addressed to no one. */
	if (t->nurl > 0 && t->nmention == 0)
		sc[INTENT_SPAM] += BROADCAST;
	/*
	 * A reply to the brand mostly answers it: details asked for, an
	 * acknowledgement.  It is a complaint when it says so ("still not
	 * working": the "reply:" cues).
	 */
	if ((ctx & CTX_REPLY_TO_BRAND) && t->nwords <= REPLY_SHORT)
		sc[INTENT_OTHER] += REPLY_OTHER;
	/* Banter among a crowd of accounts. */
	if (t->nmention >= CROWD)
		sc[INTENT_OTHER] += CROWD_OTHER;

	g->intent = INTENT_OTHER;
	for (in = 0; in < INTENT_COUNT; in++)
		if (sc[in] > sc[g->intent])
			g->intent = in;
	g->conf = intent_calibrate(sc, g->intent, s->score);
}
