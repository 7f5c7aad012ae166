/*
 * test-creds - creds.h: the credentials file is loaded only when no one
 * else may read it; every refusal exits 2 naming the file (in a child);
 * creds_get finds a platform's field.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "creds.h"
#include "diag.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static char *
write_file(const char *name, const char *text, mode_t mode)
{
	char *f = xasprintf("%s/%s", dir, name);

	unit_write(f, text, strlen(text));
	if (chmod(f, mode) == -1) {
		perror(f);
		exit(2);
	}
	return f;
}

static void
load_child(void *arg)
{
	json_decref(creds_load(arg));
}

/* Loading f in a child: exit 2 with "test-creds: F" + want. */
static void
refused(const char *f, const char *want, const char *what)
{
	char *out, *err, *w;
	int st;

	st = run_child(load_child, (void *)f, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "%s: exit 2", what);
	w = xasprintf("test-creds: %s%s", f, want);
	is_str(err, w, "%s: message", what);
	free(w);
	free(out);
	free(err);
}

static void
test_good(void)
{
	json_t *root;
	char *f;

	f = write_file("good.json", "{\"x\": {\"token\": \"abc\"}, "
	    "\"bluesky\": {\"identifier\": \"me\", \"password\": \"pw\"}}\n",
	    0600);
	root = creds_load(f);
	is_str(creds_get(root, "x", "token"), "abc", "x token");
	is_str(creds_get(root, "bluesky", "password"), "pw",
	    "bluesky password");
	ok(creds_get(root, "reddit", "token") == NULL, "absent platform: NULL");
	ok(creds_get(root, "x", "secret") == NULL, "absent field: NULL");
	ok(creds_get(NULL, "x", "token") == NULL, "no file: NULL");
	json_decref(root);
	unlink(f);
	free(f);
}

static void
test_refused(void)
{
	char *f;

	f = write_file("open.json", "{}\n", 0644);
	refused(f, ": readable by others (mode 0644); chmod 600 it\n",
	    "mode 644");
	unlink(f);
	free(f);
	f = write_file("group.json", "{}\n", 0640);
	refused(f, ": readable by others (mode 0640); chmod 600 it\n",
	    "mode 640");
	unlink(f);
	free(f);
	f = xasprintf("%s/missing.json", dir);
	refused(f, ": No such file or directory\n", "a missing file");
	free(f);
	f = write_file("array.json", "[]\n", 0600);
	refused(f, ": expected an object\n", "an array");
	unlink(f);
	free(f);
}

/* The defects of issue 8: a secret echoed, loose modes, header injection. */
static const struct {
	const char	*name;
	const char	*text;
	mode_t		 mode;
	const char	*want;
} bad[] = {
	{ "cut.json", "{\"mastodon\":{\"token\":\"SECRETXYZ\n", 0600,
	    ":1: not valid JSON at column 31\n" },
	{ "cut2.json", "{\"x\":\n{\"token\": \"SECRETXYZ\"", 0600,
	    ":2: unexpected end of input at column 21\n" },
	{ "junk.json", "{\"x\": {\"token\": SECRETXYZ}}", 0600,
	    ":1: not valid JSON at column 25\n" },
	{ "twice.json", "{\"x\": {\"token\": \"a\", \"token\": "
	    "\"SECRETXYZ\"}}", 0600,
	    ":1: a key given twice at column 28\n" },
	{ "bytes.json", "{\"x\": {\"token\": \"SECRET\xffXYZ\"}}", 0600,
	    ":1: not UTF-8 at column 23\n" },
	{ "gw.json", "{}", 0620,
	    ": writable by others (mode 0620); chmod 600 it\n" },
	{ "ow.json", "{}", 0602,
	    ": writable by others (mode 0602); chmod 600 it\n" },
	{ "crlf.json", "{\"x\": {\"token\": \"SECRET\\r\\nX-Evil: 1\"}}",
	    0600, ": \"x\".\"token\": contains a control character (CR, LF "
	    "or the like)\n" },
	{ "lf.json", "{\"x\": {\"token\": \"SECRET\\n\"}}", 0600,
	    ": \"x\".\"token\": contains a control character (CR, LF or the "
	    "like)\n" },
	{ "ctl.json", "{\"reddit\": {\"token\": \"a\\u0001b\"}}", 0600,
	    ": \"reddit\".\"token\": contains a control character (CR, LF or "
	    "the like)\n" },
	{ "nul.json", "{\"x\": {\"token\": \"a\\u0000b\"}}", 0600,
	    ":1: a NUL character at column 26\n" },
	{ "num.json", "{\"x\": {\"token\": 12345}}", 0600,
	    ": \"x\".\"token\": expected a string\n" },
	{ "str.json", "{\"x\": \"SECRETXYZ\"}", 0600,
	    ": \"x\": expected an object\n" },
	{ "key.json", "{\"\\u001b[2J\": \"SECRETXYZ\"}", 0600,
	    ": \"?[2J\": expected an object\n" },
};

static void
test_hostile(void)
{
	char *f, *out, *err, *w;
	size_t i;
	int st;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		f = write_file(bad[i].name, bad[i].text, bad[i].mode);
		st = run_child(load_child, f, &out, &err);
		ok(exited(st, SC_EXIT_FATAL), "%s: exit 2", bad[i].name);
		w = xasprintf("test-creds: %s%s", f, bad[i].want);
		is_str(err, w, "%s: message", bad[i].name);
		ok(strstr(err, "SECRET") == NULL, "%s: no secret in it",
		    bad[i].name);
		free(w);
		free(out);
		free(err);
		unlink(f);
		free(f);
	}
}

static void
test_limits(void)
{
	struct buf b = BUF_INIT;
	char *f;

	refused(dir, ": Is a directory\n", "a directory");

	buf_addc(&b, '{');
	while (b.len <= CREDS_MAX)
		buf_adds(&b, "                ");
	buf_adds(&b, "}");
	f = xasprintf("%s/big.json", dir);
	unit_write(f, b.s, b.len);
	chmod(f, 0600);
	refused(f, ": larger than 1 MiB\n", "over CREDS_MAX");
	unlink(f);
	free(f);
	buf_free(&b);
}

static void
check_child(void *arg)
{
	creds_check("SC_X_TOKEN", arg);
}

static void
test_check(void)
{
	char *out, *err;
	int st;

	st = run_child(check_child, (void *)"abc-DEF_123.~", &out, &err);
	ok(exited(st, 0) && *err == '\0', "a plain token passes");
	free(out);
	free(err);
	st = run_child(check_child, NULL, &out, &err);
	ok(exited(st, 0) && *err == '\0', "no token passes");
	free(out);
	free(err);
	st = run_child(check_child, (void *)"SECRET\r\nX-Evil: 1", &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "CR LF in the environment: exit 2");
	is_str(err, "test-creds: SC_X_TOKEN: contains a control character "
	    "(CR, LF or the like)\n", "CR LF: message without the token");
	free(out);
	free(err);
	st = run_child(check_child, (void *)"a\tb", &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "a tab: exit 2");
	free(out);
	free(err);
	st = run_child(check_child, (void *)"a\x7f", &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "DEL: exit 2");
	free(out);
	free(err);
}

int
main(void)
{
	diag_init("test-creds");
	dir = unit_tmpdir("test-creds");
	test_good();
	test_refused();
	test_hostile();
	test_limits();
	test_check();
	rmdir(dir);
	free(dir);
	return tap_done();
}
