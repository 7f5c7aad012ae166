/*
 * normalize.h - one imported post made into an sc-post(5) record.
 *
 * normalize() takes a JSON object as an export gives it (or as a CSV row
 * becomes one through --map) and builds a new object in the sc-post form:
 * ids prefixed with their platform, created_at in RFC 3339 UTC, counts
 * and booleans made from strings, from_brand always set, the sc-post keys
 * first in their order and every other key after them, untouched.  It
 * reads its input and never changes it.  On success *out is a new
 * reference; on failure it is NULL and err says why, in the words of the
 * reject message ("\"created_at\": not a time: \"2026-02-30\"").
 *
 * sc-fetch(1) documents the rules; the network sources will build their
 * records with the same function, so they come out the same.
 */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <stddef.h>
#include <jansson.h>

#define NORM_PLATFORM_MAX	32	/* bytes in a platform name */

struct hmap;

struct norm {
	/* Platform of records that name none: a valid platform name. */
	char		 platform[NORM_PLATFORM_MAX + 1];
	/* The brand's handles: "PLATFORM:handle" and "*:handle". */
	struct hmap	*brand;
};

/* platform: a name norm_platform_name() accepts; 0, or -1 if not. */
int	norm_init(struct norm *n, const char *platform);
/*
 * A brand account for platform (NULL: every platform); a leading '@' and
 * ASCII case do not count.
 */
void	norm_brand(struct norm *n, const char *platform, const char *handle);
void	norm_free(struct norm *n);
int	normalize(const struct norm *n, const json_t *in, json_t **out,
	    char *err, size_t errlen);

/*
 * s lower-cased into out (NORM_PLATFORM_MAX + 1 bytes) if it is 1 to
 * NORM_PLATFORM_MAX ASCII letters or digits; 0, or -1 if not.
 */
int	norm_platform_name(const char *s, char *out);
/* "true", "false", "1", "0", "yes", "no" in any case; 0, or -1 if not. */
int	norm_boolish(const char *s, size_t n, int *b);
/*
 * s[0..n) as a JSON string literal for a message, cut after 40 bytes
 * (then followed by "...").
 */
void	norm_quote(char *out, size_t outlen, const char *s, size_t n);

#endif
