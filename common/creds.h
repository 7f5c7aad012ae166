/*
 * creds.h - the credentials file: tokens for the platforms, kept apart
 * from the configuration because it holds secrets.
 *
 * The file is one JSON object with an object per platform:
 *
 *	{"x": {"token": "..."}, "bluesky": {"identifier": "...", ...}}
 *
 * creds_load() refuses a file that others may read and dies (exit 2)
 * with "prog: path: why" when it cannot be used.  It returns a new
 * reference to the root object, never NULL; the caller json_decref()s it.
 * creds_get() returns a string of it (owned by the root), or NULL when
 * the platform's object or the field is absent.
 */
#ifndef CREDS_H
#define CREDS_H

#include <jansson.h>

json_t		*creds_load(const char *path);
const char	*creds_get(const json_t *root, const char *platform,
		    const char *field);

#endif
