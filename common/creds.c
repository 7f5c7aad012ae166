#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "creds.h"
#include "diag.h"
#include "sc.h"

/*
 * A fixed reason for a parse error: jansson's own text quotes the source
 * near the error ("near '\"SECRET'"), which here is the secret.
 */
static const char *
parse_reason(const json_error_t *e)
{
	switch (json_error_code(e)) {
	case json_error_premature_end_of_input:
		return "unexpected end of input";
	case json_error_end_of_input_expected:
		return "text after the object";
	case json_error_invalid_utf8:
		return "not UTF-8";
	case json_error_null_character:
		return "a NUL character";
	case json_error_null_byte_in_key:
		return "a NUL character in a key";
	case json_error_duplicate_key:
		return "a key given twice";
	case json_error_numeric_overflow:
		return "a number out of range";
	case json_error_invalid_syntax:
	default:
		return "not valid JSON";
	}
}

static int
is_control(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

/* 1 if s holds a byte below 0x20 or DEL. */
static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if (is_control(*s))
			return 1;
	return 0;
}

void
creds_check(const char *where, const char *value)
{
	if (value != NULL && has_control(value))
		die(SC_EXIT_FATAL, "%s: contains a control character (CR, LF "
		    "or the like)", where);
}

/* A key for a message: at most 40 bytes, control bytes shown as '?'. */
static const char *
shown(const char *key, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; key[i] != '\0' && i + 1 < outlen && i < 40; i++)
		out[i] = is_control(key[i]) ? '?' : key[i];
	out[i] = '\0';
	return out;
}

/*
 * Every platform an object, every value a string without control bytes;
 * 0, or -1 with why in err.
 */
static int
check_shape(const json_t *root, char *err, size_t errlen)
{
	const char *platform, *field;
	char pk[48], fk[48];
	json_t *p, *v;

	if (!json_is_object(root)) {
		snprintf(err, errlen, "expected an object");
		return -1;
	}
	json_object_foreach((json_t *)root, platform, p) {
		if (!json_is_object(p)) {
			snprintf(err, errlen, "\"%s\": expected an object",
			    shown(platform, pk, sizeof(pk)));
			return -1;
		}
		json_object_foreach(p, field, v) {
			if (!json_is_string(v)) {
				snprintf(err, errlen, "\"%s\".\"%s\": expected "
				    "a string", shown(platform, pk, sizeof(pk)),
				    shown(field, fk, sizeof(fk)));
				return -1;
			}
			if (has_control(json_string_value(v))) {
				snprintf(err, errlen, "\"%s\".\"%s\": "
				    "contains a control character (CR, LF or "
				    "the like)", shown(platform, pk, sizeof(pk)),
				    shown(field, fk, sizeof(fk)));
				return -1;
			}
		}
	}
	return 0;
}

json_t *
creds_parse(const char *text, size_t len, char *err, size_t errlen,
    unsigned long *line)
{
	json_error_t e;
	json_t *root;

	*line = 0;
	if ((root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e)) ==
	    NULL) {
		*line = e.line > 0 ? (unsigned long)e.line : 1;
		snprintf(err, errlen, "%s at column %d", parse_reason(&e),
		    e.column > 0 ? e.column : 1);
		return NULL;
	}
	if (check_shape(root, err, errlen) == -1) {
		json_decref(root);
		return NULL;
	}
	return root;
}

json_t *
creds_load(const char *path)
{
	json_t *root;
	struct stat st;
	unsigned long line;
	size_t len;
	char *text, err[512];

	if (stat(path, &st) == -1)
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(EISDIR));
	if (st.st_mode & (S_IRGRP | S_IROTH))
		die(SC_EXIT_FATAL, "%s: readable by others (mode %04o); "
		    "chmod 600 it", path, (unsigned)(st.st_mode & 07777));
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		die(SC_EXIT_FATAL, "%s: writable by others (mode %04o); "
		    "chmod 600 it", path, (unsigned)(st.st_mode & 07777));
	text = xslurp_max(path, CREDS_MAX, &len);
	root = creds_parse(text, len, err, sizeof(err), &line);
	free(text);
	if (root == NULL && line > 0)
		die(SC_EXIT_FATAL, "%s:%lu: %s", path, line, err);
	if (root == NULL)
		die(SC_EXIT_FATAL, "%s: %s", path, err);
	return root;
}

const char *
creds_get(const json_t *root, const char *platform, const char *field)
{
	return json_string_value(json_object_get(json_object_get(root,
	    platform), field));
}
