/*
 * post.h - the sc-post(5) record: checking the fields a program uses, and
 * reaching fields by dotted path.
 *
 * A program checks only the fields it uses: post_check(post, POST_TEXT |
 * POST_CREATED_AT, ...) fails on a missing or mistyped text or created_at
 * and says why in err ("missing field \"text\"", "\"created_at\": expected
 * a string, got a number", "\"created_at\": not an RFC 3339 time: ...").
 */
#ifndef POST_H
#define POST_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

enum {
	POST_ID = 1 << 0,		/* string "platform:native" */
	POST_PLATFORM = 1 << 1,		/* string */
	POST_CREATED_AT = 1 << 2,	/* string, RFC 3339 */
	POST_TEXT = 1 << 3,		/* string */
	POST_FROM_BRAND = 1 << 4,	/* bool if present */
	POST_IN_REPLY_TO = 1 << 5	/* string or null if present */
};

/* Returns 0, or -1 with a message in err. */
int	post_check(const json_t *post, unsigned need, char *err, size_t errlen);

/* "author.name" -> the value, or NULL when any step is missing. */
json_t	*json_path(const json_t *root, const char *path);
/* The value at path as a string, or NULL if absent or not a string. */
const char *json_path_str(const json_t *root, const char *path);
/* Set root's path to v (stealing the reference), creating objects. */
int	json_path_set_new(json_t *root, const char *path, json_t *v);
/*
 * "array", "object", "string", "number", "true", "false", "null"; and
 * "nothing" for NULL, a member that is not there.
 */
const char *json_kind(const json_t *j);
/* The same with an article: "an array", "a number", "null", "nothing". */
const char *json_kind_a(const json_t *j);

/* Convenience readers used by several programs. */
const char *post_text(const json_t *post);
const char *post_platform(const json_t *post);
int	post_from_brand(const json_t *post);	/* absent: 0 */
/* created_at as seconds since the epoch; -1 with err if absent or bad. */
int	post_created_at(const json_t *post, int64_t *t);

#endif
