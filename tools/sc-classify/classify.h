/*
 * classify.h - the whole classifier: data loaded once, then one call per
 * post that tokenizes the text once and runs the stages over the tokens:
 *
 *	text.h		tokens, lower case
 *	lang.h		language, by script and cues
 *	sentiment.h	lexicon score of the language found (and of
 *			the one it mixes in)
 *	intent.h	cue phrases and sentiment, and for English the
 *			corpus model: what the posts of sc's own
 *			labelled corpus teach (below)
 *
 * classifier_init() loads every data file (exit 2 on a missing or bad
 * one); classify() reuses the classifier's buffers, so it allocates only
 * when a text is longer than any before; class_json() builds the "class"
 * object of sc-classify(1).
 */
#ifndef CLASSIFY_H
#define CLASSIFY_H

#include <stddef.h>
#include <jansson.h>

#include "intent.h"
#include "lang.h"
#include "sentiment.h"
#include "text.h"
#include "vocab.h"

#define CLASS_MODEL	"builtin-2"

struct model;

/*
 * The corpus model, LEARNED_FILE: a model of the built-in's tokens
 * (model.h, --plain --features tokens) that make(1) trains on
 * tools/sc-classify/intent-en.corpus, thirty thousand English posts to
 * brands written and labelled for sc by its authors (their guideline is
 * sc-classify(1)'s).  It reads every English post: its probabilities
 * settle the close calls of the cue scores and temper the confidence
 * (intent_settle()): the cues know the phrases, the model the wording
 * around them.
 */
#define LEARNED_FILE	"intent-en.model"
#define LEARNED_LANG	"en"

struct classifier {
	struct vocab	 v;
	struct text	 t;
	struct model	*learned;	/* the corpus model */
	int		 learned_in[INTENT_COUNT]; /* its labels' intents */
	int		 learned_lang;
	/* The label strings, made once and shared by every post's class. */
	json_t		*intent[INTENT_COUNT];
	json_t		*sentiment[3];
	json_t		*lang[LANG_MAX];
	json_t		*model;
	json_t		*out;		/* the last class made */
	int		 fallback;	/* FALLBACK_LANG */
};

struct class_result {
	struct lang_guess	lang;
	struct sentiment	sent;
	struct intent_guess	intent;
};

void	 classifier_init(struct classifier *c);
void	 classifier_free(struct classifier *c);
/* ctx: what is known beyond the text, CTX_ bits of intent.h. */
void	 classify(struct classifier *c, const char *s, size_t n, int ctx,
	    struct class_result *r);
/*
 * The "class" object for r, a new reference.  Records are written and
 * released one at a time, so the object made for the last post is
 * usually ours alone again by the next: it is then refilled rather than
 * made anew, which saves a dozen allocations a post.
 */
json_t	*class_json(struct classifier *c, const struct class_result *r);
/*
 * A number for each intent, {"complaint": 2.1, ...}: for --scores, the
 * raw scores before calibration and the corpus model's probabilities
 * (fitting a calibration, stacking outside sc).
 */
json_t	*class_scores(const struct classifier *c, const double *score);
/* A score as "class" holds it: three decimals, never -0. */
double	 class_round(double x);
/* The CTX_ bits of a post (intent.h): its in_reply_to_brand. */
int	 class_context(const json_t *post);
/*
 * What a stacked model reads of r (model.h, MODEL_STACK_N numbers): the
 * intent scores (scaled to about 0..1), the intent chosen (one of seven
 * set to 1), the sentiment score, and the intent's confidence.
 */
void	 class_stack(const struct class_result *r, float *v);

#endif
