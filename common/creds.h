/*
 * creds.h - the credentials file: tokens for the platforms, kept apart
 * from the configuration because it holds secrets.
 *
 * The file is one JSON object with an object of strings per platform:
 *
 *	{"x": {"token": "..."}, "bluesky": {"identifier": "...", ...}}
 *
 * creds_load() dies (exit 2) with "prog: path: why" or "prog: path:line:
 * why" when the file cannot be used: missing, a directory, larger than
 * CREDS_MAX, readable or writable by anyone but its owner, not JSON, not
 * of that shape, or holding a value with a control character (a CR or LF
 * in a token would end an HTTP header early and start another).  No
 * message ever quotes the file's text: a parse error names the line and
 * column and a fixed reason, never the token it stopped at.
 *
 * creds_load() returns a new reference to the root object, never NULL; the
 * caller json_decref()s it.  creds_get() returns a string of it (owned by
 * the root), or NULL when root is NULL or the platform or field is absent.
 * creds_check() holds a value from elsewhere (the environment) to the same
 * rule, naming it by where in the message.
 */
#ifndef CREDS_H
#define CREDS_H

#include <stddef.h>
#include <jansson.h>

#define CREDS_MAX	(1024UL * 1024)		/* bytes */

json_t		*creds_load(const char *path);
/*
 * creds_load()'s parser and checks on a text in memory (for it and for
 * the fuzz harness): the root object, or NULL with the reason in err and,
 * for a JSON syntax error, its line (else 0) in *line.  The reason never
 * holds the text: a fixed phrase and a column, or the names of the
 * platform and field at fault.
 */
json_t		*creds_parse(const char *text, size_t len, char *err,
		    size_t errlen, unsigned long *line);
const char	*creds_get(const json_t *root, const char *platform,
		    const char *field);
void		 creds_check(const char *where, const char *value);

#endif
