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

void
intent_guess(const struct vocab *v, const struct text *t, int lang,
    const struct sentiment *s, int ctx, struct intent_guess *g)
{
	const unsigned kind = SENSE_BIT(SENSE_INTENT);
	const struct sense *m;
	double cue[INTENT_COUNT], *sc = g->score, sum = 0;
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
	for (in = 0; in < INTENT_COUNT; in++)
		sum += exp(sc[in] - sc[g->intent]);
	g->conf = 1 / sum;
}
