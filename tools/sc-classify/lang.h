/*
 * lang.h - the languages sc-classify knows, and the language identifier.
 *
 * A language is an index into a fixed table (lang_code() gives its ISO
 * 639-1 code) that also says which scripts it is written in: Hindi in
 * Devanagari and, often, in Latin letters ("Hinglish").  Languages with
 * LANG_DATA have their own lexicon-CODE.tsv and intent-CODE.tsv; the
 * others are told apart by script (and by word and letter cues from
 * langid.tsv) and scored with the language-neutral data only (emoji,
 * '?').
 *
 * lang_detect() decides by script first: Han without kana is zh, kana ja,
 * Hangul ko, Arabic ar, Greek el, Hebrew he, Thai th, Devanagari hi.
 * Latin and Cyrillic texts go to a scorer over the cues of langid.tsv of
 * the languages written in that script (short function words, elisions,
 * distinctive letters, and, when those leave the choice open, word
 * endings and letter groups); a Cyrillic text is Russian unless its cues
 * outweigh a head start (Ukrainian "і", "ї", "є").  Handles, URLs and the
 * '#' of hashtags never count (text.h drops them); an elongated word
 * counts as its squeezed form.  A text with no letters, or Latin letters
 * without a word cue and with too few letter groups to tell (a brand
 * name), is LANG_UND.
 */
#ifndef LANG_H
#define LANG_H

#include <stddef.h>

struct text;
struct vocab;

enum {
	LANG_DATA = 1 << 0	/* has lexicon-CODE.tsv and intent-CODE.tsv */
};

#define LANG_UND	0	/* "und": cannot tell */
#define LANG_MAX	32	/* room for languages (lang_count) */
#define LANG_ANY	0xff	/* data that holds for every language */

/* The set of scripts (enum script, text.h) a language is written in. */
#define SCRIPT_BIT(sc)	(1u << (sc))

struct langinfo {
	const char	*code;
	unsigned	 scripts;	/* SCRIPT_BIT()s */
	unsigned	 flags;
};

extern const struct langinfo lang_table[];
extern const int lang_count;

/* Index of the language with this code, or -1. */
int		 lang_find(const char *code, size_t len);
const char	*lang_code(int lang);

struct lang_guess {
	int	 lang;		/* index, LANG_UND: cannot tell */
	int	 script;	/* the text's main script */
	double	 conf;		/* 0..1 */
};

void	lang_detect(const struct vocab *v, const struct text *t,
	    struct lang_guess *g);

#endif
