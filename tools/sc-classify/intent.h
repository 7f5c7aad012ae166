/*
 * intent.h - what a post wants: rules over cue phrases and sentiment.
 *
 * Each intent gets a score: the weights of the cue phrases found (from
 * intent-LANG.tsv for the post's language and intent-all.tsv), plus, for
 * complaint and praise, the strength of negative or positive sentiment,
 * plus, for spam, links next to promotional words.  "other" starts with a
 * fixed score and wins when no cue is strong enough.  The best score
 * wins; the confidence is the chance that it is right, by a rule set by
 * hand from the margin over the runner-up, the kind of intent, the
 * sentiment of praise and whether the post is a short reply to the brand
 * (intent_calibrate).
 */
#ifndef INTENT_H
#define INTENT_H

#include <stddef.h>

struct sentiment;
struct text;
struct vocab;

enum intent {
	INTENT_COMPLAINT,
	INTENT_QUESTION,
	INTENT_REQUEST,
	INTENT_FEEDBACK,	/* a suggestion or opinion, neither */
	INTENT_PRAISE,
	INTENT_SPAM,
	INTENT_OTHER,
	INTENT_COUNT
};

/*
 * An intent cue's sense (vocab.h) carries its intent, with this bit when
 * it counts only in a reply to the brand ("reply:complaint" in the
 * lists).
 */
#define INTENT_REPLY	0x40

/* What is known of a post beyond its text (sc-post(5)). */
enum {
	CTX_REPLY_TO_BRAND = 1 << 0,	/* in_reply_to_brand: true */
	CTX_REPLY_TO_OTHER = 1 << 1	/* in_reply_to_brand: false */
};

const char	*intent_name(int intent);
/* The intent with this name, or -1. */
int		 intent_find(const char *name, size_t len);

struct intent_guess {
	int	 intent;
	double	 conf;
	double	 score[INTENT_COUNT];
	int	 shortreply;	/* other got a short reply's lean */
	int	 read;		/* the corpus model read the post ... */
	double	 corpus[INTENT_COUNT];	/* ... and gave these (intent_settle) */
};

/*
 * The calibrated confidence that intent in is right, given the scores
 * of every intent, the sentiment score (-1..1) and whether the post is a
 * short reply to the brand (other got its lean).
 */
double	intent_calibrate(const double *score, int in, double sentiment,
	    int shortreply);
/* ctx: CTX_ bits. */
void	intent_guess(const struct vocab *v, const struct text *t, int lang,
	    const struct sentiment *s, int ctx, struct intent_guess *g);
/*
 * The corpus model (classify.h) has read the post and gives p, its
 * probability of each intent.  On a close call, when the best score
 * leads the second by INTENT_SETTLE or less, it adds INTENT_SETTLE times
 * p to g's scores and the intent is chosen again: too little to move any
 * two intents further apart than that, so it settles close calls and
 * leaves the rest to the cues.  Then the confidence is calibrated on the
 * scores with INTENT_AGREE times p added: the chosen intent is surer when
 * the model agrees and less sure when it does not.
 */
#define INTENT_SETTLE	0.5
#define INTENT_AGREE	1.0
void	intent_settle(struct intent_guess *g, const double *p,
	    double sentiment);

#endif
