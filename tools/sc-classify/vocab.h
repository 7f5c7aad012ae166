/*
 * vocab.h - the classifier's data files, loaded once into one map.
 *
 * Every term of every data file (sentiment lexicons, intent cue phrases,
 * language cues) is run through the tokenizer (text.h) and stored under
 * its normalized form, the token texts one space apart.  A key can carry
 * several senses: "no" is a negator in English and Spanish and a language
 * cue for both.  So each token of a post is looked up once
 * (vocab_annotate), and a phrase of several tokens is tried only where a
 * known phrase starts (an entry's maxn).
 *
 * The loaders find files with sc_datafile("classify/NAME").  A missing
 * file or a malformed line is fatal: "sc-classify: FILE:LINE: why", exit
 * 2.  File formats (one item a line, TAB-separated, '#' starts a comment
 * line, blank lines skipped) are in sc-classify(1):
 *
 *	lexicon-LANG.tsv, emoji.tsv:
 *		TERM WEIGHT | !courtesy TERM WEIGHT |
 *		!negator TERM [WEIGHT] | !intensifier TERM FACTOR |
 *		!contrast TERM | !asks TERM | !negativity FACTOR
 *	intent-LANG.tsv, intent-all.tsv:
 *		INTENT PHRASE WEIGHT
 *	langid.tsv:
 *		LANG WORD WEIGHT | !letter LANG LETTER WEIGHT
 *
 * The vocab owns all its memory; vocab_free() releases it.
 */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "text.h"

#define VOCAB_MAXN	12	/* longest phrase, in tokens */
#define VOCAB_MAXKEY	255	/* longest normalized term, in bytes */
#define VOCAB_LETTERS	0x530	/* letter cues: code points below */
/*
 * Language cues on pieces of words (langid.tsv "!suffix" and "!part") are
 * keys of one marker byte and up to VOCAB_PIECE letters.
 */
#define VOCAB_SUFFIX	'\001'
#define VOCAB_PART	'\002'
#define VOCAB_PIECE	6

enum sense_kind {
	SENSE_TERM,		/* sentiment weight, -4..4; arg: TERM_ bits */
	SENSE_NEGATOR,		/* weight: when it turns no term, <= 0 */
	SENSE_INTENSIFIER,	/* weight: the factor */
	SENSE_CONTRAST,
	SENSE_INTENT,		/* arg: enum intent */
	SENSE_LANG,		/* a language cue */
	SENSE_IRONY,		/* arg: IRONY_ bits */
	SENSE_ASKS		/* opens a question that asks for facts */
};

/* An irony marker counts only as a hashtag ("#not"), only beside a
   negative term ("love how" ... "cancelled"). */
#define IRONY_HASHTAG	1
#define IRONY_MIXED	2
/* A term of politeness ("thanks", "please"): sentiment.h. */
#define TERM_COURTESY	1

#define SENSE_BIT(k)	(1u << (k))
#define SENSE_SENTIMENT	(SENSE_BIT(SENSE_TERM) | \
			SENSE_BIT(SENSE_NEGATOR) | \
			SENSE_BIT(SENSE_INTENSIFIER) | \
			SENSE_BIT(SENSE_CONTRAST) | \
			SENSE_BIT(SENSE_IRONY))

struct sense {
	float		 weight;
	uint32_t	 next;	/* index + 1 of the next one, 0: none */
	uint8_t		 kind;
	uint8_t		 lang;	/* language index, or LANG_ANY */
	uint8_t		 arg;
};

/* A key while loading. */
struct ventry {
	uint32_t	 first;	/* index + 1 of its first sense */
	uint32_t	 koff;	/* the key: keys.s[koff..koff+klen) */
	uint32_t	 klen;
	uint8_t		 maxn;	/* longest phrase it starts, in tokens */
	uint8_t		 kinds;	/* SENSE_BIT()s of its senses */
};

/*
 * A slot of the frozen table, sixteen bytes: a key's hash, where its
 * bytes are, and what a stage needs to know before it reads the senses,
 * which lie side by side.  A token's entry is its slot's index.
 */
struct vslot {
	uint32_t	 hash;
	uint32_t	 key;	/* offset << 8 | length, 0: empty slot */
	uint32_t	 sense;	/* index + 1 of the first sense */
	uint8_t		 maxn;
	uint8_t		 kinds;
	uint16_t	 unused;
};

struct lettercue {
	uint8_t		 n;
	uint8_t		 lang[4];
	float		 weight[4];
};

/* A lexicon or intent term as written without its diacritics. */
struct alias {
	uint32_t	 koff, klen;	/* in aliaskeys */
	uint8_t		 kind, lang, arg, ntok;
	float		 weight;
};

struct vocab {
	struct hmap	*map;		/* loading: key -> entry + 1 */
	struct vslot	*slot;		/* after vocab_freeze() */
	size_t		 mask;
	struct buf	 keys;
	struct ventry	*e;
	size_t		 ne, ae;
	struct sense	*s;
	size_t		 ns, as;
	struct lettercue *letter;	/* VOCAB_LETTERS of them */
	struct text	 scratch;	/* for loading */
	struct alias	*alias;		/* terms without diacritics, */
	size_t		 nalias, aalias;/* added at vocab_freeze() */
	struct buf	 aliaskeys;
	/* Per language index, lexicon "!negativity": 0 when not given. */
	float		 negativity[256];
};

void	vocab_init(struct vocab *v);
void	vocab_free(struct vocab *v);
/* Load classify/NAME for language lang (LANG_ANY for emoji.tsv). */
void	vocab_load_lexicon(struct vocab *v, const char *name, int lang);
void	vocab_load_intents(struct vocab *v, const char *name, int lang);
/*
 * Where the data file classify/NAME is (sc_datafile()), to free; exit 2
 * saying where it was looked for when it is nowhere.
 */
char	*vocab_path(const char *name);
void	vocab_load_langid(struct vocab *v, const char *name);
/*
 * After the last load: the keys go into a compact read-only table
 * (sixteen bytes a slot, the key bytes and the senses side by side),
 * which a post's look-ups find in the cache far more often than they
 * would the loader's map.
 */
void	vocab_freeze(struct vocab *v);

/*
 * Set each token's entry (the token alone, or squeezed if elongated) and
 * find the known phrases starting at it, once for all the stages.
 */
void	vocab_annotate(const struct vocab *v, struct text *t);
/*
 * The longest phrase starting at token i that has a sense of one of the
 * kinds (SENSE_BIT mask) for lang or LANG_ANY: its first such sense, with
 * *ntok its length in tokens; NULL if none.
 */
const struct sense *vocab_match(const struct vocab *v, const struct text *t,
	    size_t i, unsigned kinds, int lang, size_t *ntok);
/*
 * The first sense of entry for kinds and lang (-1: any language), and the
 * next one of the same key; NULL when there is none (left).
 */
const struct sense *vocab_first(const struct vocab *v, int32_t entry,
	    unsigned kinds, int lang);
const struct sense *vocab_next(const struct vocab *v, const struct sense *s,
	    unsigned kinds, int lang);
/* A raw key (no tokenizing): its entry index, or -1; frozen only. */
int32_t	vocab_lookup(const struct vocab *v, const char *key, size_t len);

/*
 * Posts mix languages ("Mein Flug is delayed again, schrecklich").  A
 * stage that finds no sense of a word for the post's language may try
 * the language the post mixes in: vocab_mixed_lang() is English in a post
 * in another language when a word of it is an English cue and none of
 * lang's; in an English post, the language with the most cues that are
 * not English ones ("my flight got cancelado, qué desastre"); -1 when
 * there is none.  The stages ask for it only when a word needs it
 * (VOCAB_MIXED: not known yet); VOCAB_ANY, for a post of unknown
 * language, takes the first language that has the word.
 */
#define VOCAB_ANY	(-2)
#define VOCAB_MIXED	(-3)
int	vocab_mixed_lang(const struct vocab *v, const struct text *t,
	    int lang);
/*
 * May token i count in the language mixed in, for a sense of kinds?  A
 * word of five bytes or more, as typed, with such a sense in some
 * language, and not a cue of lang: short words are where false friends
 * are ("kind", "fast", "bad" in German), and stripping diacritics makes
 * more ("stück" -> "stuck").  Inline, for it is asked of every word a
 * stage does not know.
 */
static inline int
vocab_mixable(const struct vocab *v, const struct text *t, size_t i,
    unsigned kinds, int lang)
{
	const struct tok *k = &t->tok[i];

	return k->len >= 5 && k->entry >= 0 && k->type == TOK_WORD &&
	    (v->slot[k->entry].kinds & kinds) &&
	    !(k->flags & TF_STRIPPED) &&
	    vocab_first(v, k->entry, SENSE_BIT(SENSE_LANG), lang) == NULL;
}

#endif
