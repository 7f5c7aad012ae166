/*
 * test-post - post.h: post_check() and its exact messages, dotted paths
 * (json_path, json_path_str, json_path_set_new), kinds and the small
 * readers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "post.h"
#include "tap.h"

static json_t *
parse(const char *text)
{
	json_t *j;

	j = json_loads(text, JSON_DECODE_ANY, NULL);
	if (j == NULL) {
		printf("# cannot parse %s\n", text);
		abort();
	}
	return j;
}

/* post_check of text against need: 0 and "", or -1 and the message. */
static void
check(const char *text, unsigned need, const char *want)
{
	char err[256] = "";
	json_t *j;
	int rc;

	j = parse(text);
	rc = post_check(j, need, err, sizeof(err));
	if (want == NULL)
		is_str(rc == 0 ? "passes" : err, "passes", "post_check %s",
		    text);
	else
		is_str(rc == -1 ? err : "(passed)", want, "post_check %s",
		    text);
	json_decref(j);
}

/* The compact text of j. */
static void
text_is(const json_t *j, const char *want, const char *what)
{
	struct buf b = BUF_INIT;

	jsonw(&b, j);
	is_str(buf_str(&b), want, "%s", what);
	buf_free(&b);
}

static void
test_check(void)
{
	const unsigned all = POST_ID | POST_PLATFORM | POST_CREATED_AT |
	    POST_TEXT | POST_FROM_BRAND | POST_IN_REPLY_TO;
	char err[16];
	json_t *j;

	check("{\"text\":\"hi\"}", POST_TEXT, NULL);
	check("{}", 0, NULL);
	check("{}", POST_TEXT, "missing field \"text\"");
	check("{}", POST_ID, "missing field \"id\"");
	check("{}", POST_PLATFORM, "missing field \"platform\"");
	check("{}", POST_CREATED_AT, "missing field \"created_at\"");
	check("{\"text\":1}", POST_TEXT,
	    "\"text\": expected a string, got a number");
	check("{\"text\":1.5}", POST_TEXT,
	    "\"text\": expected a string, got a number");
	check("{\"text\":null}", POST_TEXT,
	    "\"text\": expected a string, got null");
	check("{\"text\":true}", POST_TEXT,
	    "\"text\": expected a string, got true");
	check("{\"text\":false}", POST_TEXT,
	    "\"text\": expected a string, got false");
	check("{\"text\":{}}", POST_TEXT,
	    "\"text\": expected a string, got an object");
	check("{\"id\":[\"x:1\"]}", POST_ID,
	    "\"id\": expected a string, got an array");
	check("{\"platform\":7}", POST_PLATFORM,
	    "\"platform\": expected a string, got a number");
	check("{\"created_at\":1700000000}", POST_CREATED_AT,
	    "\"created_at\": expected a string, got a number");
	check("{\"created_at\":\"2026-11-22T10:15:00Z\"}", POST_CREATED_AT,
	    NULL);
	check("{\"created_at\":\"2026-11-22T11:15:00+01:00\"}",
	    POST_CREATED_AT, NULL);
	check("{\"created_at\":\"2026-02-30T10:15:00Z\"}", POST_CREATED_AT,
	    "\"created_at\": not an RFC 3339 time: \"2026-02-30T10:15:00Z\"");
	check("{\"created_at\":\"2026-11-22 10:15:00\"}", POST_CREATED_AT,
	    "\"created_at\": not an RFC 3339 time: \"2026-11-22 10:15:00\"");
	check("{\"created_at\":\"Tue Oct 31 22:10:10 +0000 2017\"}",
	    POST_CREATED_AT, "\"created_at\": not an RFC 3339 time: "
	    "\"Tue Oct 31 22:10:10 +0000 2017\"");
	check("{\"created_at\":\"0123456789012345678901234567890123456789"
	    "TOO LONG\"}", POST_CREATED_AT, "\"created_at\": not an RFC 3339 "
	    "time: \"0123456789012345678901234567890123456789\"");
	check("{}", POST_FROM_BRAND, NULL);
	check("{\"from_brand\":true}", POST_FROM_BRAND, NULL);
	check("{\"from_brand\":false}", POST_FROM_BRAND, NULL);
	check("{\"from_brand\":\"yes\"}", POST_FROM_BRAND,
	    "\"from_brand\": expected true or false, got a string");
	check("{\"from_brand\":null}", POST_FROM_BRAND,
	    "\"from_brand\": expected true or false, got null");
	check("{\"from_brand\":1}", POST_FROM_BRAND,
	    "\"from_brand\": expected true or false, got a number");
	check("{}", POST_IN_REPLY_TO, NULL);
	check("{\"in_reply_to\":null}", POST_IN_REPLY_TO, NULL);
	check("{\"in_reply_to\":\"x:1\"}", POST_IN_REPLY_TO, NULL);
	check("{\"in_reply_to\":5}", POST_IN_REPLY_TO,
	    "\"in_reply_to\": expected a string or null, got a number");
	check("{\"in_reply_to\":[]}", POST_IN_REPLY_TO,
	    "\"in_reply_to\": expected a string or null, got an array");
	/* Only the fields asked for are checked. */
	check("{\"text\":\"hi\",\"id\":5,\"created_at\":\"never\"}", POST_TEXT,
	    NULL);
	/* The first failure, in a fixed order, is the one reported. */
	check("{\"text\":1}", all, "missing field \"id\"");
	check("{\"id\":\"x:1\",\"text\":1}", all, "missing field \"platform\"");
	check("{\"id\":\"x:1\",\"platform\":\"x\",\"text\":1,"
	    "\"created_at\":\"2026-11-22T10:15:00Z\"}", all,
	    "\"text\": expected a string, got a number");
	check("{\"id\":\"x:1\",\"platform\":\"x\",\"text\":\"t\","
	    "\"created_at\":\"2026-11-22T10:15:00Z\",\"from_brand\":false,"
	    "\"in_reply_to\":null,\"extra\":[1]}", all, NULL);

	/* A short err buffer is cut, still a string. */
	j = parse("{}");
	memset(err, 'x', sizeof(err));
	ok(post_check(j, POST_CREATED_AT, err, sizeof(err)) == -1 &&
	    strlen(err) == sizeof(err) - 1 &&
	    strncmp(err, "missing field \"created_at\"", sizeof(err) - 1) == 0,
	    "a short err buffer is cut and terminated");
	json_decref(j);
}

static void
test_path(void)
{
	json_t *j, *v;

	j = parse("{\"id\":\"x:1\",\"author\":{\"name\":\"Ann\","
	    "\"followers\":3,"
	    "\"x\":{\"y\":{\"z\":\"deep\"}}},\"text\":\"hi\",\"a.b\":1,"
	    "\"list\":[{\"k\":1}]}");
	v = json_path(j, "author.name");
	ok(json_is_string(v) && strcmp(json_string_value(v), "Ann") == 0,
	    "json_path author.name");
	ok(json_path(j, "id") == json_object_get(j, "id"), "a top-level key");
	ok(json_is_integer(json_path(j, "author.followers")),
	    "author.followers");
	is_str(json_path_str(j, "author.x.y.z"), "deep", "four steps");
	ok(json_is_object(json_path(j, "author.x")), "an object on the way");
	ok(json_path(j, "author.nope") == NULL, "a missing last step");
	ok(json_path(j, "nope.name") == NULL, "a missing first step");
	ok(json_path(j, "text.x") == NULL, "a step through a string");
	ok(json_path(j, "list.k") == NULL, "a step through an array");
	ok(json_path(j, "author.name.first") == NULL, "past the end");
	ok(json_path(j, "author.") == NULL, "an empty last step");
	ok(json_path(j, "a.b") == NULL, "dots always split");
	ok(json_path(NULL, "x") == NULL, "a NULL root");
	ok(json_path_str(j, "author.followers") == NULL,
	    "json_path_str of a number");
	ok(json_path_str(j, "nope") == NULL, "json_path_str of nothing");
	json_decref(j);
}

static void
test_set(void)
{
	json_t *j, *s;

	j = parse("{\"id\":\"x:1\",\"text\":\"t\"}");
	ok(json_path_set_new(j, "class", json_string("complaint")) == 0,
	    "set a top-level key");
	ok(json_path_set_new(j, "reply.text", json_string("thanks")) == 0,
	    "set reply.text");
	ok(json_path_set_new(j, "reply.meta.n", json_integer(2)) == 0,
	    "set reply.meta.n");
	text_is(j, "{\"id\":\"x:1\",\"text\":\"t\",\"class\":\"complaint\","
	    "\"reply\":{\"text\":\"thanks\",\"meta\":{\"n\":2}}}",
	    "objects are created, keys appended in order");
	ok(json_path_set_new(j, "class", json_string("praise")) == 0 &&
	    json_path_set_new(j, "reply.text", json_string("again")) == 0,
	    "replace values");
	text_is(j, "{\"id\":\"x:1\",\"text\":\"t\",\"class\":\"praise\","
	    "\"reply\":{\"text\":\"again\",\"meta\":{\"n\":2}}}",
	    "replacing keeps the key's place and its siblings");
	ok(json_path_set_new(j, "a.b.c.d", json_true()) == 0 &&
	    json_is_true(json_path(j, "a.b.c.d")), "four new levels");
	ok(json_path_set_new(j, "text.x", json_null()) == 0 &&
	    json_is_object(json_path(j, "text")) &&
	    json_is_null(json_path(j, "text.x")),
	    "a non-object on the way is replaced by an object");

	/* Failure steals the reference all the same (LSan checks). */
	s = json_string("x");
	ok(json_path_set_new(s, "k", json_string("v")) == -1,
	    "setting into a string fails");
	ok(json_path_set_new(s, "k.l", json_string("v")) == -1,
	    "setting a path into a string fails");
	json_decref(s);
	json_decref(j);
}

static void
test_kinds(void)
{
	static const struct {
		const char *text, *kind, *kind_a;
	} t[] = {
		{ "{}", "object", "an object" },
		{ "[]", "array", "an array" },
		{ "\"s\"", "string", "a string" },
		{ "1", "number", "a number" },
		{ "1.5", "number", "a number" },
		{ "true", "true", "true" },
		{ "false", "false", "false" },
		{ "null", "null", "null" },
	};
	json_t *j;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		j = parse(t[i].text);
		is_str(json_kind(j), t[i].kind, "json_kind %s", t[i].text);
		is_str(json_kind_a(j), t[i].kind_a, "json_kind_a %s",
		    t[i].text);
		json_decref(j);
	}
	/* A member that is not there (json_object_get() gave NULL). */
	is_str(json_kind(NULL), "nothing", "json_kind NULL");
	is_str(json_kind_a(NULL), "nothing", "json_kind_a NULL");
}

static void
test_readers(void)
{
	json_t *j;
	int64_t t = 0;

	j = parse("{\"text\":\"hi\",\"platform\":\"x\",\"from_brand\":true,"
	    "\"created_at\":\"2026-11-22T10:15:00Z\"}");
	is_str(post_text(j), "hi", "post_text");
	is_str(post_platform(j), "x", "post_platform");
	ok(post_from_brand(j) == 1, "post_from_brand true");
	ok(post_created_at(j, &t) == 0 && t == INT64_C(1795342500),
	    "post_created_at");
	json_decref(j);
	j = parse("{\"text\":5,\"from_brand\":\"true\","
	    "\"created_at\":\"2026-11-22T10:15:00\"}");
	ok(post_text(j) == NULL && post_platform(j) == NULL,
	    "readers give NULL for a wrong type or a missing field");
	ok(post_from_brand(j) == 0, "post_from_brand of a string is 0");
	ok(post_created_at(j, &t) == -1, "post_created_at wants RFC 3339");
	json_decref(j);
	j = parse("{}");
	ok(post_from_brand(j) == 0, "post_from_brand absent is 0");
	ok(post_created_at(j, &t) == -1, "post_created_at absent");
	json_decref(j);
}

int
main(void)
{
	test_check();
	test_path();
	test_set();
	test_kinds();
	test_readers();
	return tap_done();
}
