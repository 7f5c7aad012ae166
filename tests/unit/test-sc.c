/*
 * test-sc - sc.h (exit statuses, sc_worse), and the two modules every
 * program leans on: diag.h (the message form) and xmem.h (allocation that
 * cannot fail).
 */
#include <sys/wait.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static void
test_worse(void)
{
	static const struct {
		int a, b, want;
	} t[] = {
		{ 0, 0, 0 }, { 0, 1, 1 }, { 1, 0, 1 }, { 1, 1, 1 },
		{ 0, 2, 2 }, { 2, 0, 2 }, { 1, 2, 2 }, { 2, 1, 2 },
		{ 0, 75, 75 }, { 75, 0, 75 }, { 1, 75, 75 }, { 75, 1, 75 },
		{ 2, 75, 2 }, { 75, 2, 2 }, { 75, 75, 75 }, { 2, 2, 2 },
	};
	size_t i;
	int good = 1, s, order[] = { 1, 0, 75, 1, 0 };

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (sc_worse(t[i].a, t[i].b) != t[i].want) {
			printf("# sc_worse(%d, %d) = %d\n", t[i].a, t[i].b,
			    sc_worse(t[i].a, t[i].b));
			good = 0;
		}
	}
	ok(good, "sc_worse: 0 < 1 < 75 < 2");
	s = SC_EXIT_OK;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		s = sc_worse(s, order[i]);
	ok(s == SC_EXIT_TEMPFAIL, "the worst status seen is kept");
	ok(SC_EXIT_OK == 0 && SC_EXIT_REJECT == 1 && SC_EXIT_FATAL == 2 &&
	    SC_EXIT_TEMPFAIL == 75, "exit statuses as documented");
	is_str(SC_VERSION, "0.1.0", "SC_VERSION");
}

static void
say_things(void *arg)
{
	(void)arg;
	printf("out first\n");
	warnmsg("plain %s", "message");
	warnat("posts.ndjson", 17, "expected an object, got %s", "an array");
	warnat("<stdin>", 0, "read error");
	warnat(NULL, 3, "no file");
	die(SC_EXIT_TEMPFAIL, "lock held by %s", "another run");
}

static void
test_diag(void)
{
	char *out, *err;
	int st;

	st = run_child(say_things, NULL, &out, &err);
	ok(exited(st, SC_EXIT_TEMPFAIL), "die exits with the status given");
	is_str(err, "sc-test: plain message\n"
	    "sc-test: posts.ndjson:17: expected an object, got an array\n"
	    "sc-test: <stdin>: read error\n"
	    "sc-test: no file\n"
	    "sc-test: lock held by another run\n", "message forms");
	is_str(out, "out first\n", "stdout is flushed before a message");
	free(out);
	free(err);
	ok(strcmp(sc_progname, "sc-test") == 0, "diag_init strips the path");
	diag_init("");
	ok(strcmp(sc_progname, "sc-test") == 0, "an empty argv[0] changes "
	    "nothing");
	diag_init("plain");
	is_str(sc_progname, "plain", "argv[0] without a slash");
	diag_init("/usr/local/bin/sc-test");
}

static void
alloc_too_much(void *arg)
{
	(void)arg;
	free(xreallocarray(NULL, SIZE_MAX / 2, 4));
}

static void
test_xmem(void)
{
	char *s, *out, *err;
	int *v, i, good = 1, st;

	s = xmalloc(0);
	ok(s != NULL, "xmalloc(0) is not NULL");
	free(s);
	v = xcalloc(1000, sizeof(*v));
	for (i = 0; i < 1000; i++)
		if (v[i] != 0)
			good = 0;
	ok(good, "xcalloc zeroes");
	v = xreallocarray(v, 2000, sizeof(*v));
	v[1999] = 7;
	ok(v[0] == 0 && v[1999] == 7, "xreallocarray keeps the contents");
	free(v);
	s = xstrdup("dup");
	is_str(s, "dup", "xstrdup");
	free(s);
	s = xstrndup("abcdef", 3);
	is_str(s, "abc", "xstrndup cuts");
	free(s);
	s = xstrndup("a\0c", 3);
	ok(memcmp(s, "a\0c", 4) == 0, "xstrndup copies NULs and ends with one");
	free(s);
	s = xasprintf("%s:%d:%05.1f", "f", 12, 2.5);
	is_str(s, "f:12:002.5", "xasprintf");
	free(s);
	s = xasprintf("%s", "");
	is_str(s, "", "xasprintf of nothing");
	free(s);

	st = run_child(alloc_too_much, NULL, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "an overflowing xreallocarray exits 2");
	is_str(err, "sc-test: out of memory\n", "and says out of memory");
	free(out);
	free(err);
}

int
main(void)
{
	diag_init("/usr/local/bin/sc-test");
	test_worse();
	test_diag();
	test_xmem();
	return tap_done();
}
