/*
 * test-jsonpos - jsonpos.h: the line a value starts on, through nested
 * objects and arrays, past strings holding braces, brackets, commas and
 * escaped quotes, in multi-line texts; a path not found gives the line of
 * the deepest step that was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonpos.h"
#include "tap.h"

#define MAXSTEP	8

static const char rules[] =
	"{\n"							/* 1 */
	"  \"rules\": [\n"					/* 2 */
	"    {\n"						/* 3 */
	"      \"name\": \"brace } and \\\" quote { [\",\n"	/* 4 */
	"      \"if\": {\"text\": \"a\\\\\", \"n\": -1.5e3},\n"	/* 5 */
	"      \"then\": \"x\"\n"				/* 6 */
	"    },\n"						/* 7 */
	"    { \"name\": \"two, \\\"2\\\"\", \"if\": [1, [2, 3], "
	    "{\"k\": \"]\"}], \"then\": null }\n"		/* 8 */
	"  ],\n"						/* 9 */
	"  \"say \\\"hi\\\"\": 5,\n"				/* 10 */
	"  \"last\":\n"						/* 11 */
	"     42,\n"						/* 12 */
	"  \"empty\": {}, \"arr\": [],\n"			/* 13 */
	"  \"tail\": {\"a\": {\"b\": [true, false,\n"		/* 14 */
	"     {\"c\": \"\\\\\\\"}\"}]}}\n"			/* 15 */
	"}\n";							/* 16 */

/*
 * jsonpos_line over text copied into a buffer of exactly its length, so
 * that a read past len shows under ASan.  Steps are separated by '/'.
 */
static int
line_of(const char *text, size_t len, const char *steps)
{
	const char *path[MAXSTEP];
	char *copy, *s, *p;
	int n = 0, line;

	s = strdup(steps);
	for (p = strtok(s, "/"); p != NULL && n < MAXSTEP;
	    p = strtok(NULL, "/"))
		path[n++] = p;
	copy = malloc(len ? len : 1);
	memcpy(copy, text, len);
	line = jsonpos_line(copy, len, path, n);
	free(copy);
	free(s);
	return line;
}

/* The line of the one-step path key (which may hold a '/'). */
static int
line_of_key(const char *text, const char *key)
{
	const char *path[1];
	size_t len = strlen(text);
	char *copy;
	int line;

	path[0] = key;
	copy = malloc(len);
	memcpy(copy, text, len);
	line = jsonpos_line(copy, len, path, 1);
	free(copy);
	return line;
}

static void
at(const char *text, const char *steps, int want)
{
	int got = line_of(text, strlen(text), steps);

	if (!ok(got == want, "line %d: %s", want, *steps ? steps : "(empty)"))
		printf("#   got line %d\n", got);
}

static void
test_rules(void)
{
	at(rules, "", 1);
	at(rules, "rules", 2);
	at(rules, "rules/[0]", 3);
	at(rules, "rules/[0]/name", 4);
	at(rules, "rules/[0]/if", 5);
	at(rules, "rules/[0]/if/text", 5);
	at(rules, "rules/[0]/if/n", 5);
	at(rules, "rules/[0]/then", 6);
	at(rules, "rules/[1]", 8);
	at(rules, "rules/[1]/then", 8);
	at(rules, "rules/[1]/if/[1]/[1]", 8);
	at(rules, "rules/[1]/if/[2]/k", 8);
	at(rules, "last", 12);
	at(rules, "empty", 13);
	at(rules, "arr", 13);
	at(rules, "tail", 14);
	at(rules, "tail/a/b/[1]", 14);
	at(rules, "tail/a/b/[2]", 15);
	at(rules, "tail/a/b/[2]/c", 15);
	/* Not found: the line of the deepest step that was. */
	at(rules, "nope", 1);
	at(rules, "rules/[2]", 2);
	at(rules, "rules/[0]/nope", 3);
	at(rules, "rules/name", 2);
	at(rules, "rules/[x]", 2);
	at(rules, "rules/[-1]", 2);
	at(rules, "last/x", 12);
	at(rules, "empty/x", 13);
	at(rules, "arr/[0]", 13);
	at(rules, "tail/a/b/[3]", 14);
	at(rules, "ru", 1);
	at(rules, "rulesx", 1);
	/*
	 * jansson hands out keys unescaped, so that is how a program names
	 * them: the key written "say \"hi\"" is the step say "hi".
	 */
	ok(line_of(rules, strlen(rules), "say \"hi\"") == 10,
	    "BUG: a key with escaped quotes is found (line 10, got %d)",
	    line_of(rules, strlen(rules), "say \"hi\""));
}

static void
test_escaped_keys(void)
{
	static const char text[] =
	    "{\"plain\": 0,\n"
	    "\"caf\\u00e9\": 1,\n"
	    "\"\\ud83d\\ude00\": 2,\n"
	    "\"tab\\there\": 3,\n"
	    "\"a\\/b\\\\c\": 4\n}";
	json_t *j;

	/* What jansson calls these keys is what a program asks for. */
	j = json_loads(text, 0, NULL);
	ok(j != NULL && json_object_get(j, "caf\xc3\xa9") != NULL &&
	    json_object_get(j, "\xf0\x9f\x98\x80") != NULL &&
	    json_object_get(j, "tab\there") != NULL &&
	    json_object_get(j, "a/b\\c") != NULL, "the keys, unescaped");
	json_decref(j);
	at(text, "plain", 1);
	ok(line_of_key(text, "caf\xc3\xa9") == 2 &&
	    line_of_key(text, "\xf0\x9f\x98\x80") == 3 &&
	    line_of_key(text, "tab\there") == 4 &&
	    line_of_key(text, "a/b\\c") == 5 &&
	    line_of_key(text, "caf\\u00e9") == 1,
	    "BUG: keys written with \\u, \\t, \\/ and \\\\ escapes are found "
	    "by their unescaped names, not by their spelling");
	at(text, "caf", 1);
}

static void
test_shapes(void)
{
	static const char arr[] = "[\n  1,\n  {\"a\":\n    2},\n  \"x\"\n]";
	static const char crlf[] = "{\r\n\"a\": 1,\r\n\"b\":\r\n 2\r\n}\r\n";
	static const char flat[] = "{\"a\":1,\"b\":{\"c\":[0,1]}}";
	static const char esc[] = "{\"s\": \"line\\nbreak, \\\"q\\\" }\",\n"
	    "\"t\": \"\\u007d\"\n,\"u\":\n3}";

	at(arr, "[0]", 2);
	at(arr, "[1]", 3);
	at(arr, "[1]/a", 4);
	at(arr, "[2]", 5);
	at(arr, "[3]", 1);
	at(arr, "a", 1);
	at(crlf, "a", 2);
	at(crlf, "b", 4);
	at(flat, "b/c/[1]", 1);
	at(esc, "t", 2);
	at(esc, "u", 4);
	at("", "a", 1);
	at("   \n\n  ", "a", 3);
	at("\n\n\n{\"a\": 1}", "", 4);
	at("\n\n\n{\"a\": 1}", "a", 4);
	at("42", "a", 1);
	at("\"str\"", "[0]", 1);
}

static void
test_broken(void)
{
	static const char *bad[] = {
		"{", "{\"", "{\"a", "{\"a\"", "{\"a\":", "{\"a\": [",
		"{\"a\": [1,", "{\"a\": \"unterminated", "{\"a\": \"esc\\",
		"{\"x\": {\"y\": [1, {\"z\"", "{\"x\" 1, \"a\": 2}",
		"{\"x\": 1 \"a\": 2}", "[[[[[[[[", "]]]]", "}}}}", "{\"a\\",
		"{\"x\":}, \"a\": 1}",
	};
	size_t i, n;
	int good = 1, line;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (n = 0; n <= strlen(bad[i]); n++) {
			line = line_of(bad[i], n, "a/[3]/b");
			if (line != 1)
				good = 0;
			line = line_of(bad[i], n, "x/y/[1]/z");
			if (line != 1)
				good = 0;
		}
	}
	ok(good, "broken and truncated texts give line 1, read nothing past "
	    "len");

	/* Every prefix of the rules text: no read past len, a sane line. */
	good = 1;
	for (n = 0; n <= strlen(rules); n++) {
		line = line_of(rules, n, "tail/a/b/[2]/c");
		if (line < 1 || line > 16)
			good = 0;
	}
	ok(good, "every prefix of a text gives a line within it");
}

int
main(void)
{
	test_rules();
	test_escaped_keys();
	test_shapes();
	test_broken();
	return tap_done();
}
