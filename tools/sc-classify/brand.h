/*
 * brand.h - how a post names the brand: by its account's @handle, as a
 * #hashtag, by name untagged, or misspelled.
 *
 * A brand is given as names (--brand, config "brand.names") and account
 * handles (config "brand.accounts").  Names are folded once: case folded,
 * compatibility-normalized and kept as letters and digits only, which
 * drops diacritics too (fold.h, FOLD_KEY: "Sky-Lark" -> "skylark").  A
 * post is read on its tokens (text.h): a hashtag token that folds to a name is a
 * "hashtag"; the name's own tokens in a row are a "name"; a window of up
 * to three word tokens whose fold is within a bounded Damerau-Levenshtein
 * distance of a name (0: spacing and punctuation only, 1 for names of 4+
 * letters, 2 for 8+) is "misspelled".  Only a band of the distance table
 * is computed, and windows whose length is out of reach are skipped, so
 * the cost is linear in the tokens.  Nothing is allocated per post.
 */
#ifndef BRAND_H
#define BRAND_H

#include <stddef.h>

struct text;

#define BRAND_FOLDMAX	64	/* longest folded name, in bytes */

enum brand_how {
	BRAND_NONE,
	BRAND_MISSPELLED,
	BRAND_NAME,
	BRAND_HASHTAG,
	BRAND_HANDLE
};

struct brandname {
	char		 fold[BRAND_FOLDMAX];
	size_t		 flen;
	char		*key;		/* normalized tokens, ' ' apart */
	size_t		 klen;
	unsigned	 ntok;
	int		 maxd;		/* distance allowed */
};

struct brand {
	struct brandname *name;
	size_t		 nname;
	char		**handle;	/* lower case, without '@' */
	size_t		 nhandle;
};

void	brand_init(struct brand *b);
void	brand_free(struct brand *b);
/* Add a name (scratch: a struct text for tokenizing it). */
void	brand_add_name(struct brand *b, struct text *scratch, const char *s);
void	brand_add_handle(struct brand *b, const char *s);
/* Does this @handle (without '@', any case) belong to the brand? */
int	brand_is_handle(const struct brand *b, const char *h, size_t n);
/* The best enum brand_how for the tokens of t (not handles). */
int	brand_match(const struct brand *b, const struct text *t);
const char *brand_how_name(int how);
/* Fold s[0..n) as names are compared (FOLD_NFKC | FOLD_CASE | FOLD_KEY)
 * into out (cap bytes): its length, up to cap. */
size_t	brand_fold(const char *s, size_t n, char *out, size_t cap);
/* Damerau-Levenshtein distance of a and b if at most k, else k + 1. */
int	brand_distance(const char *a, size_t na, const char *b, size_t nb,
	    int k);

#endif
