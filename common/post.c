#include <stdio.h>
#include <string.h>

#include "post.h"
#include "sctime.h"

const char *
json_kind(const json_t *j)
{
	if (j == NULL)
		return "nothing";
	switch (json_typeof(j)) {
	case JSON_OBJECT:	return "object";
	case JSON_ARRAY:	return "array";
	case JSON_STRING:	return "string";
	case JSON_INTEGER:
	case JSON_REAL:		return "number";
	case JSON_TRUE:		return "true";
	case JSON_FALSE:	return "false";
	default:		return "null";
	}
}

const char *
json_kind_a(const json_t *j)
{
	if (j == NULL)
		return "nothing";
	switch (json_typeof(j)) {
	case JSON_OBJECT:	return "an object";
	case JSON_ARRAY:	return "an array";
	case JSON_STRING:	return "a string";
	case JSON_INTEGER:
	case JSON_REAL:		return "a number";
	case JSON_TRUE:		return "true";
	case JSON_FALSE:	return "false";
	default:		return "null";
	}
}

json_t *
json_path(const json_t *root, const char *path)
{
	const char *dot;
	json_t *j = (json_t *)root;

	while (j != NULL) {
		if (!json_is_object(j))
			return NULL;
		dot = strchr(path, '.');
		if (dot == NULL)
			return json_object_get(j, path);
		j = json_object_getn(j, path, (size_t)(dot - path));
		path = dot + 1;
	}
	return NULL;
}

const char *
json_path_str(const json_t *root, const char *path)
{
	return json_string_value(json_path(root, path));
}

int
json_path_set_new(json_t *root, const char *path, json_t *v)
{
	const char *dot;
	json_t *next;

	while ((dot = strchr(path, '.')) != NULL) {
		next = json_object_getn(root, path, (size_t)(dot - path));
		if (!json_is_object(next)) {
			next = json_object();
			if (json_object_setn_new(root, path,
			    (size_t)(dot - path), next) == -1) {
				json_decref(v);
				return -1;
			}
		}
		root = next;
		path = dot + 1;
	}
	return json_object_set_new(root, path, v);
}

static int
want(const json_t *post, const char *key, json_type type, int nullable,
    int required, char *err, size_t errlen)
{
	json_t *v;

	v = json_object_get(post, key);
	if (v == NULL) {
		if (!required)
			return 0;
		snprintf(err, errlen, "missing field \"%s\"", key);
		return -1;
	}
	if (json_typeof(v) == type || (nullable && json_is_null(v)) ||
	    (type == JSON_TRUE && json_is_boolean(v)))
		return 0;
	snprintf(err, errlen, "\"%s\": expected %s, got %s", key,
	    type == JSON_STRING ? (nullable ? "a string or null" : "a string")
	    : "true or false", json_kind_a(v));
	return -1;
}

int
post_check(const json_t *post, unsigned need, char *err, size_t errlen)
{
	int64_t t;

	if ((need & POST_ID) &&
	    want(post, "id", JSON_STRING, 0, 1, err, errlen) == -1)
		return -1;
	if ((need & POST_PLATFORM) &&
	    want(post, "platform", JSON_STRING, 0, 1, err, errlen) == -1)
		return -1;
	if (need & POST_CREATED_AT) {
		if (want(post, "created_at", JSON_STRING, 0, 1, err,
		    errlen) == -1)
			return -1;
		if (post_created_at(post, &t) == -1) {
			snprintf(err, errlen, "\"created_at\": not an RFC 3339 "
			    "time: \"%.40s\"", json_string_value(
			    json_object_get(post, "created_at")));
			return -1;
		}
	}
	if ((need & POST_TEXT) &&
	    want(post, "text", JSON_STRING, 0, 1, err, errlen) == -1)
		return -1;
	if ((need & POST_FROM_BRAND) &&
	    want(post, "from_brand", JSON_TRUE, 0, 0, err, errlen) == -1)
		return -1;
	if ((need & POST_IN_REPLY_TO) &&
	    want(post, "in_reply_to", JSON_STRING, 1, 0, err, errlen) == -1)
		return -1;
	return 0;
}

const char *
post_text(const json_t *post)
{
	return json_string_value(json_object_get(post, "text"));
}

const char *
post_platform(const json_t *post)
{
	return json_string_value(json_object_get(post, "platform"));
}

int
post_from_brand(const json_t *post)
{
	return json_is_true(json_object_get(post, "from_brand"));
}

int
post_created_at(const json_t *post, int64_t *t)
{
	const char *s;

	s = json_string_value(json_object_get(post, "created_at"));
	if (s == NULL)
		return -1;
	return time_parse_rfc3339(s, t);
}
