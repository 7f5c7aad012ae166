/*
 * text.h - a post's text made into tokens, the one view of the text that
 * every classifier stage reads.
 *
 * text_tokenize() normalizes the text to NFKC and case-folds its letters
 * with fold.h (full folding: "Straße" and "STRASSE" both give "strasse";
 * full-width letters, ligatures and the like become plain ones; texts in
 * ASCII skip both, being unchanged by them), drops @handles and the '#' of hashtags, turns URLs
 * into one URL token, squeezes letters repeated three times or more to two
 * ("soooo" -> "soo", flagged TF_ELONG), flags words written in capitals
 * (TF_CAPS), and cuts the rest into tokens: words (letters, digits,
 * combining marks, an apostrophe between letters), one token per Han or
 * kana character (those scripts do not separate words), emoji (with their
 * ZWJ sequences, without variation selectors and skin tones), emoticons
 * such as ":)" and "<3", and one token per punctuation character (full-
 * width and Arabic '?' '!' ',' '.' become their ASCII forms).  The
 * tokens of a sentence that ends with '?' are flagged TF_QUESTION.
 *
 * The tokens' texts sit in t->norm one space apart, so tokens i..j are
 * the contiguous bytes from tok[i].off to the end of tok[j]: a phrase of
 * several tokens is looked up as one key, and data files (vocab.h) store
 * their terms in the same form by running them through this tokenizer.
 *
 * A struct text is reused from post to post; its memory grows to the
 * longest text seen and is released by text_free().
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum script {
	SCRIPT_NONE,		/* digits, punctuation, emoji */
	SCRIPT_LATIN,
	SCRIPT_GREEK,
	SCRIPT_CYRILLIC,
	SCRIPT_ARMENIAN,
	SCRIPT_HEBREW,
	SCRIPT_ARABIC,
	SCRIPT_DEVANAGARI,
	SCRIPT_THAI,
	SCRIPT_HANGUL,
	SCRIPT_KANA,		/* hiragana and katakana */
	SCRIPT_HAN,
	SCRIPT_OTHER,		/* letters of any other script */
	SCRIPT_MAX
};

enum tok_type {
	TOK_WORD,
	TOK_NUM,		/* digits only */
	TOK_PUNCT,
	TOK_EMOJI,		/* emoji and emoticons */
	TOK_URL			/* text "<url>" */
};

enum {
	TF_CAPS = 1 << 0,	/* two or more letters, all capitals */
	TF_ELONG = 1 << 1,	/* a letter repeated 3+ times was squeezed */
	TF_HASHTAG = 1 << 2,	/* written after '#' */
	TF_CJK = 1 << 3,	/* one Han or kana character */
	TF_QUESTION = 1 << 4,	/* in a sentence that ends with '?' */
	TF_STRIPPED = 1 << 5	/* its vocab entry was found without its
				   diacritics (vocab_annotate) */
};

struct tok {
	size_t		 off;	/* in norm */
	uint32_t	 len;
	uint8_t		 type;	/* enum tok_type */
	uint8_t		 script;/* enum script of its letters */
	uint8_t		 flags;
	/* Set by vocab_annotate(): */
	uint32_t	 hash;	/* (uint32_t)hmap_hash() of its text */
	int32_t		 entry;	/* its vocab entry, -1: none */
	uint32_t	 phrase;	/* its phrases: text.phrase[phrase..] */
	uint32_t	 nphrase;
};

/* A known phrase of several tokens starting at a token (vocab.h). */
struct phrase {
	int32_t		 entry;
	uint32_t	 ntok;
};

struct text {
	/* The text tokenized (in NFKC), for what reads it as written. */
	const char	*src;
	size_t		 nsrc;
	struct buf	 norm;
	struct buf	 spare;		/* scratch for the stages */
	struct buf	 nfkc;		/* the text in NFKC, when it differs */
	struct tok	*tok;
	size_t		 ntok;
	size_t		 atok;
	/* Letters per script, outside handles and URLs. */
	size_t		 letters[SCRIPT_MAX];
	unsigned	 nurl;
	unsigned	 nmention;
	unsigned	 nhashtag;
	unsigned	 nemoji;
	unsigned	 nexcl;		/* '!' */
	unsigned	 nquest;	/* '?' */
	unsigned	 ncaps;		/* TF_CAPS words */
	unsigned	 nwords;
	/* Phrases found by vocab_annotate(), longest first per token. */
	struct phrase	*phrase;
	size_t		 nphrase;
	size_t		 aphrase;
};

void	text_init(struct text *t);
void	text_free(struct text *t);
/* Replace t's tokens with those of s[0..n). */
void	text_tokenize(struct text *t, const char *s, size_t n);
/* Token i's text (not NUL-terminated). */
static inline const char *
text_tok(const struct text *t, size_t i)
{
	return t->norm.s + t->tok[i].off;
}
/* The lower-case form of a code point (itself when it has none). */
int32_t	text_lower(int32_t cp);
/* The script of a letter, SCRIPT_NONE for anything else. */
int	text_script(int32_t cp);
/*
 * Token i with every squeezed double letter made single ("soo" -> "so"),
 * into out; for TF_ELONG tokens not found as they are.
 */
void	text_squeeze(const struct text *t, size_t i, struct buf *out);

#endif
