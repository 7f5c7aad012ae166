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
#define CROWD_OTHER	2.0	/* as much as two good cues: a crowd is not care */
#define REPLY_SHORT	6u	/* words: a short reply */
#define REPLY_OTHER	0.5	/* other: a short reply to the brand */
#define REPLY_WARM	0.5	/* ... unless it is this warm */

/*
 * The confidence (intent_calibrate), set by hand in round numbers; see
 * there.
 */
#define CONF_TIE	(-1.0)	/* z at a tie: under even odds */
#define CONF_MARGIN	1.25	/* z per point of lead over the runner-up */
#define CONF_MARGIN_MAX	4.0	/* past this lead, no surer */
#define CONF_ASKING	(-0.5)	/* question, request, feedback */
#define CONF_ASKS	0.5	/* a complaint that also asks this much ... */
#define CONF_ALSO_ASKS	(-1.0)	/* ... with a question */
#define CONF_ALSO_PLEADS (-0.5)	/* ... with a request */
#define CONF_BARE_CUE	0.5	/* a short reply with no cue this strong ... */
#define CONF_BARE	1.0	/* ... is the details asked for */
#define CONF_SENT	0.5	/* praise: z per unit of positive sentiment */
#define CONF_MODEL	(-0.25)	/* z when the corpus model has read the post */

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
add_cue(const struct sense *m, int ctx, double *cue, int *hits)
{
	if ((m->arg & INTENT_REPLY) && !(ctx & CTX_REPLY_TO_BRAND))
		return;
	cue[m->arg & ~INTENT_REPLY] += m->weight;
	hits[m->arg & ~INTENT_REPLY]++;
}

static void
number_cue(const struct vocab *v, const struct text *t, size_t i,
    int lang, int ctx, double *cue, int *hits)
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
		add_cue(m, ctx, cue, hits);
}

/*
 * The chance that intent in is right, 1 / (1 + e^-z), from the scores.
 * The constants are set by hand, not fitted: z starts at -1 at a tie
 * (the runner-up is as likely, and often neither is right); each point
 * of lead over the runner-up is about a cue and a half of evidence for
 * the winner, worth 1.25, so a lead of 1.5 reads 0.7, 2 reads 0.82 and
 * 3 reads 0.94.  Asking (question, request, feedback) is surer of less,
 * since a question or a plea so often hides a complaint; a complaint
 * that also asks a question is surer of less still, the question being
 * what such a complaint is most often taken for, and one that also
 * pleads a little less.  A short reply to the brand with no cue of any
 * intent (shortreply: REPLY_OTHER was added) is the details or the
 * acknowledgement asked for, and is other all but always.  Praise is
 * the surer by half its positive sentiment: a warm tone is seldom
 * anything but praise.  A complaint's negative tone is not counted
 * again (its lead already holds it, NEGATIVITY): the questions, pleas
 * and details that tell of a problem are as negative, and the stronger
 * sentiment scores of the lexicon made such posts look surer than they
 * were (sc-classify(1), Calibration).  tests/bench/intent.sh checks how
 * often each band is right on real customer tweets.
 */
static double
calibrate_z(const double *sc, int in, double sentiment, int shortreply)
{
	double second = -INFINITY, z;
	int i;

	for (i = 0; i < INTENT_COUNT; i++)
		if (i != in && sc[i] > second)
			second = sc[i];
	z = CONF_TIE + CONF_MARGIN * fmin(sc[in] - second, CONF_MARGIN_MAX);
	if (in == INTENT_QUESTION || in == INTENT_REQUEST ||
	    in == INTENT_FEEDBACK)
		z += CONF_ASKING;
	else if (in == INTENT_COMPLAINT && sc[INTENT_QUESTION] >= CONF_ASKS)
		z += CONF_ALSO_ASKS;
	else if (in == INTENT_COMPLAINT && sc[INTENT_REQUEST] >= CONF_ASKS)
		z += CONF_ALSO_PLEADS;
	else if (in == INTENT_OTHER && shortreply && second < CONF_BARE_CUE)
		z += CONF_BARE;
	if (in == INTENT_PRAISE && sentiment > 0)
		z += CONF_SENT * sentiment;
	return z;
}

double
intent_calibrate(const double *sc, int in, double sentiment,
    int shortreply)
{
	return 1 / (1 + exp(-calibrate_z(sc, in, sentiment, shortreply)));
}

/* The best intent: other on a tie with it. */
static void
choose(struct intent_guess *g)
{
	int in;

	g->intent = INTENT_OTHER;
	for (in = 0; in < INTENT_COUNT; in++)
		if (g->score[in] > g->score[g->intent])
			g->intent = in;
}

/* How far the best score leads the second. */
static double
lead(const double *sc)
{
	double best = -INFINITY, second = -INFINITY;
	int i;

	for (i = 0; i < INTENT_COUNT; i++)
		if (sc[i] > best) {
			second = best;
			best = sc[i];
		} else if (sc[i] > second)
			second = sc[i];
	return best - second;
}

void
intent_guess(const struct vocab *v, const struct text *t, int lang,
    const struct sentiment *s, int ctx, struct intent_guess *g)
{
	const unsigned kind = SENSE_BIT(SENSE_INTENT);
	const struct sense *m;
	double cue[INTENT_COUNT], *sc = g->score;
	int hits[INTENT_COUNT];
	size_t i, n;
	int in, ml, lang2 = s->lang2, shortreply = 0;

	memset(cue, 0, sizeof(cue));
	memset(hits, 0, sizeof(hits));
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
			add_cue(m, ctx, cue, hits);
		if (t->tok[i].type == TOK_NUM && i + 1 < t->ntok)
			number_cue(v, t, i + 1, lang, ctx, cue, hits);
	}
	/* "Best airline ever 🙃": the praise is the complaint. */
	if (s->irony) {
		cue[INTENT_COMPLAINT] += cue[INTENT_PRAISE];
		cue[INTENT_PRAISE] = 0;
	}
	/*
	 * "Why is my order not here?": a question that carries complaint
	 * cues is mostly a complaint, unless it thanks ("... any way to
	 * look them up?  Thanks!"; "thanks in advance" counts too): one
	 * who thanks is asking politely, not protesting.
	 */
	if (cue[INTENT_COMPLAINT] >= RHETORIC && cue[INTENT_QUESTION] > 0 &&
	    hits[INTENT_PRAISE] == 0) {
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
	 * working": the "reply:" cues); and praise when it thanks
	 * ("Thanks, that worked!") or is warm ("it was delicious").
	 */
	if ((ctx & CTX_REPLY_TO_BRAND) && t->nwords <= REPLY_SHORT &&
	    cue[INTENT_PRAISE] <= 0 && s->score < REPLY_WARM) {
		sc[INTENT_OTHER] += REPLY_OTHER;
		shortreply = 1;
	}
	/* Banter among a crowd of accounts. */
	if (t->nmention >= CROWD)
		sc[INTENT_OTHER] += CROWD_OTHER;

	g->shortreply = shortreply;
	g->read = 0;
	choose(g);
	g->conf = intent_calibrate(sc, g->intent, s->score, shortreply);
}

void
intent_settle(struct intent_guess *g, const double *p, double sentiment)
{
	double sc[INTENT_COUNT], z;
	int in;

	memcpy(g->corpus, p, sizeof(g->corpus));
	g->read = 1;
	if (lead(g->score) <= INTENT_SETTLE) {
		for (in = 0; in < INTENT_COUNT; in++)
			g->score[in] += INTENT_SETTLE * p[in];
		choose(g);
	}
	for (in = 0; in < INTENT_COUNT; in++)
		sc[in] = g->score[in] + INTENT_AGREE * p[in];
	z = calibrate_z(sc, g->intent, sentiment, g->shortreply) + CONF_MODEL;
	g->conf = 1 / (1 + exp(-z));
}
