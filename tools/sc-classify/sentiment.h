/*
 * sentiment.h - how a post feels, from a hand-written lexicon.
 *
 * The score is the sum of the weights of the lexicon terms found (the
 * longest phrase wins at each token), each changed by its surroundings:
 *
 * - a negator flips and damps the good terms of the next three tokens
 *   (four Han characters) up to the end of the clause, and a bad one at
 *   most a word after it, intensifiers aside ("not too bad", "no está
 *   mal", not "can't use your useless app"); one that turns no term
 *   counts its own weight (lexicon "!negator TERM WEIGHT": "won't let me
 *   pay");
 * - an intensifier multiplies the next term by its factor;
 * - after a contrast word ("but") what came before counts half and what
 *   follows one and a half;
 * - a word in capitals counts 1.5 times, an elongated one ("soooo") 1.3
 *   times;
 * - in a sentence that ends with '?' good words count 0.3 times (mostly
 *   asked about: "is the lounge good?") and bad ones 0.8 times, or 0.3
 *   too when the question opens with a word that asks for facts (lexicon
 *   "!asks": "is there an issue with my booking?");
 * - courtesy terms ("thanks") count a quarter in a post with a question,
 *   or with a negative term unless the post opens with them;
 * - a hashtag that is no known word counts the longest term it starts or
 *   ends with ("#worstdayever"), turned by a negator just before it
 *   ("#nothappy");
 * - emoji and emoticons (LANG_ANY terms) count in every language but are
 *   never negated.
 *
 * Where good and bad terms meet, the bad weigh the lexicon's
 * "!negativity" times as much (1.5 in English), unless a smiling emoji
 * is among the good.  Each '!' (up to three) adds 15% to the whole.  The
 * sum x is squashed into [-1, 1] as x / sqrt(x * x + 15), rounded to
 * three decimals; |score| below SENTIMENT_NEUTRAL is neutral.  Irony
 * markers ("/s", "#sarcasm", "yeah right", "thanks for nothing", 🙃) turn
 * a positive sum negative; weak ones ("love how", "呵呵") only when the
 * bad words weigh as much as the good ones.
 *
 * The confidence grows with the strength of the score and the agreement
 * of the cues; with no cue it is a fair guess of neutral, and it is lower
 * for a language without a lexicon.
 */
#ifndef SENTIMENT_H
#define SENTIMENT_H

struct text;
struct vocab;

#define SENTIMENT_NEUTRAL	0.1	/* |score| below: neutral */

struct sentiment {
	int		 label;		/* -1, 0, 1: negative to positive */
	double		 score;		/* -1..1 */
	double		 conf;		/* 0..1 */
	double		 pos;		/* weight of positive terms */
	double		 neg;		/* of negative ones (> 0) */
	unsigned	 ncues;		/* terms found */
	int		 irony;		/* an irony marker was found */
	int		 lang2;		/* the lang2 used, as resolved */
};

/*
 * lang: the language whose lexicon applies, or LANG_UND for none (emoji
 * only); lexicon says whether lang has one, for the confidence.  lang2,
 * unless -1, is the language the post mixes in, VOCAB_MIXED or VOCAB_ANY
 * (vocab.h): a word with no sense in lang's data may count as a term of
 * lang2's lexicon.
 */
void	sentiment_score(const struct vocab *v, const struct text *t,
	    int lang, int lang2, int lexicon, struct sentiment *s);
const char *sentiment_name(int label);

#endif
