#include <sys/stat.h>

#include <errno.h>
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

/* 1 if s holds a byte below 0x20 or DEL. */
static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
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

/* Every platform an object, every value a string without control bytes. */
static void
check_shape(const char *path, json_t *root)
{
	const char *platform, *field;
	json_t *p, *v;

	if (!json_is_object(root)) {
		json_decref(root);
		die(SC_EXIT_FATAL, "%s: expected an object", path);
	}
	json_object_foreach(root, platform, p) {
		if (!json_is_object(p)) {
			json_decref(root);
			die(SC_EXIT_FATAL, "%s: \"%s\": expected an object",
			    path, platform);
		}
		json_object_foreach(p, field, v) {
			if (!json_is_string(v)) {
				json_decref(root);
				die(SC_EXIT_FATAL, "%s: \"%s\".\"%s\": expected "
				    "a string", path, platform, field);
			}
			if (has_control(json_string_value(v))) {
				json_decref(root);
				die(SC_EXIT_FATAL, "%s: \"%s\".\"%s\": contains "
				    "a control character (CR, LF or the like)",
				    path, platform, field);
			}
		}
	}
}

json_t *
creds_load(const char *path)
{
	json_error_t e;
	json_t *root;
	struct stat st;
	size_t len;
	char *text;

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
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
	free(text);
	if (root == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s at column %d", path,
		    e.line > 0 ? e.line : 1, parse_reason(&e),
		    e.column > 0 ? e.column : 1);
	check_shape(path, root);
	return root;
}

const char *
creds_get(const json_t *root, const char *platform, const char *field)
{
	return json_string_value(json_object_get(json_object_get(root,
	    platform), field));
}
