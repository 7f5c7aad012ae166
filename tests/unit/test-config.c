/*
 * test-config - config.h: --config FILE, then $SC_CONFIG, then
 * ~/.config/sc/config.json (missing: an empty object); errors exit 2
 * naming file and line (in a child); config_str and config_brand_accounts.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "jsonw.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static char *
write_file(const char *name, const char *text)
{
	return unit_file(dir, name, text);
}

/* The compact text of config_load(path). */
static char *
load_text(const char *path)
{
	struct buf b = BUF_INIT;
	json_t *cfg;

	cfg = config_load(path);
	if (cfg == NULL)
		return xstrdup("(NULL)");
	jsonw(&b, cfg);
	json_decref(cfg);
	return buf_detach(&b);
}

static void
test_find(void)
{
	char *home, *cdir, *def, *expl, *env, *got;

	home = xasprintf("%s/home", dir);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	unsetenv("SC_CONFIG");

	ok(config_path() == NULL, "config_path before any load: NULL");
	got = load_text(NULL);
	is_str(got, "{}", "no default file: an empty object");
	free(got);
	ok(config_path() == NULL, "and config_path stays NULL");

	setenv("SC_CONFIG", "", 1);
	got = load_text(NULL);
	is_str(got, "{}", "an empty $SC_CONFIG is ignored");
	free(got);

	unsetenv("HOME");
	unsetenv("SC_CONFIG");
	got = load_text(NULL);
	is_str(got, "{}", "no $HOME: an empty object");
	free(got);
	setenv("HOME", "", 1);
	got = load_text(NULL);
	is_str(got, "{}", "an empty $HOME: an empty object");
	free(got);
	setenv("HOME", home, 1);

	cdir = xasprintf("%s/.config", home);
	mkdir(cdir, 0700);
	free(cdir);
	cdir = xasprintf("%s/.config/sc", home);
	mkdir(cdir, 0700);
	def = xasprintf("%s/config.json", cdir);
	{
		FILE *fp = fopen(def, "w");

		fputs("{\"from\":\"default\"}\n", fp);
		fclose(fp);
	}
	got = load_text(NULL);
	is_str(got, "{\"from\":\"default\"}", "~/.config/sc/config.json");
	free(got);
	is_str(config_path(), def, "config_path names it");

	env = write_file("env.json", "{\"from\":\"env\"}");
	setenv("SC_CONFIG", env, 1);
	got = load_text(NULL);
	is_str(got, "{\"from\":\"env\"}", "$SC_CONFIG beats the default");
	free(got);
	is_str(config_path(), env, "config_path names it");

	expl = write_file("explicit.json",
	    "{\n  \"from\": \"explicit\",\n  \"z\": 1, \"a\": [true]\n}\n");
	got = load_text(expl);
	is_str(got, "{\"from\":\"explicit\",\"z\":1,\"a\":[true]}",
	    "an explicit path beats $SC_CONFIG, keys in file order");
	free(got);
	is_str(config_path(), expl, "config_path names it");

	unsetenv("SC_CONFIG");
	unlink(def);
	rmdir(cdir);
	free(cdir);
	cdir = xasprintf("%s/.config", home);
	rmdir(cdir);
	rmdir(home);
	unlink(env);
	unlink(expl);
	free(cdir);
	free(def);
	free(env);
	free(expl);
	free(home);
}

static void
load_child(void *arg)
{
	json_decref(config_load(arg));
}

struct bad {
	const char	*name;
	const char	*text;	/* NULL: no such file */
	const char	*want;	/* message after "test-config: PATH" */
	const char	*what;
};

static void
test_errors(void)
{
	static const struct bad bad[] = {
		{ "syntax.json", "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n",
		    ":3: unexpected token near ']'\n", "a syntax error" },
		{ "trailing.json", "{\"a\": 1}\n{\"b\": 2}\n",
		    ":2: end of file expected near '{'\n", "two values" },
		{ "empty.json", "",
		    ":1: '[' or '{' expected near end of file\n",
		    "an empty file" },
		{ "string.json", "\"x\"\n",
		    ":1: '[' or '{' expected near '\"x\"'\n", "a string" },
	};
	char *f, *out, *err, *want;
	size_t i;
	int st;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		f = write_file(bad[i].name, bad[i].text);
		st = run_child(load_child, f, &out, &err);
		ok(exited(st, SC_EXIT_FATAL), "%s: exit 2", bad[i].what);
		want = xasprintf("test-config: %s%s", f, bad[i].want);
		is_str(err, want, "%s: file:line: why", bad[i].what);
		unlink(f);
		free(want);
		free(out);
		free(err);
		free(f);
	}

	/* Unbounded or not a file: a message, not memory eaten. */
	st = run_child(load_child, (void *)"/dev/zero", &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "/dev/zero: exit 2");
	is_str(err, "test-config: /dev/zero: larger than 64 MiB\n",
	    "/dev/zero: over the 64 MiB cap");
	free(out);
	free(err);
	st = run_child(load_child, dir, &out, &err);
	want = xasprintf("test-config: %s: Is a directory\n", dir);
	ok(exited(st, SC_EXIT_FATAL), "a directory: exit 2");
	is_str(err, want, "a directory: says so");
	free(want);
	free(out);
	free(err);

	/* The same through $SC_CONFIG. */
	f = write_file("env-bad.json", "{\n\n  oops\n}\n");
	setenv("SC_CONFIG", f, 1);
	st = run_child(load_child, NULL, &out, &err);
	unsetenv("SC_CONFIG");
	want = xasprintf("test-config: %s:3: string or '}' expected near "
	    "'oops'\n", f);
	ok(exited(st, SC_EXIT_FATAL), "a broken $SC_CONFIG: exit 2");
	is_str(err, want, "a broken $SC_CONFIG: file:line: why");
	unlink(f);
	free(want);
	free(out);
	free(err);
	free(f);

	/* Not an object: the same words as the record reader uses. */
	f = write_file("array.json", "[1, 2]\n");
	st = run_child(load_child, f, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "BUG (shows under SAN): an array "
	    "exits 2 with nothing leaked (the array is not released)");
	want = xasprintf("test-config: %s:1: expected an object, got an "
	    "array\n", f);
	is_str(err, want, "BUG: an array: \"expected an object, got an array\""
	    " (json_kind_a, as everywhere else)");
	unlink(f);
	free(want);
	free(out);
	free(err);
	free(f);

	/* An explicit file that is not there is an error. */
	f = xasprintf("%s/missing.json", dir);
	st = run_child(load_child, f, &out, &err);
	ok(exited(st, SC_EXIT_FATAL), "a missing --config file: exit 2");
	want = xasprintf("test-config: %s: No such file or directory\n", f);
	is_str(err, want, "BUG: a missing --config file: \"prog: file: why\", "
	    "as for any file, not \"file:1: unable to open file: ...\"");
	free(want);
	free(out);
	free(err);
	free(f);
}

static void
test_str(void)
{
	json_t *cfg;

	cfg = json_loads("{\"brand\":{\"name\":\"Acme\",\"n\":3},"
	    "\"top\":\"t\"}", 0, NULL);
	is_str(config_str(cfg, "brand.name", "def"), "Acme", "config_str");
	is_str(config_str(cfg, "top", "def"), "t", "config_str top level");
	is_str(config_str(cfg, "brand.n", "def"), "def",
	    "config_str of a number: the default");
	is_str(config_str(cfg, "brand.none", "def"), "def",
	    "config_str of nothing: the default");
	ok(config_str(cfg, "nope.x", NULL) == NULL, "a NULL default");
	json_decref(cfg);
}

static void
accounts_child(void *arg)
{
	static const char *platforms[] = { "x", "mastodon", "reddit",
	    "bluesky", NULL };
	const char **v;
	json_t *cfg;
	size_t n, i, k;

	cfg = json_loads(arg, 0, NULL);
	for (i = 0; platforms[i] != NULL; i++) {
		v = config_brand_accounts(cfg, platforms[i], &n);
		printf("%s=%zu:", platforms[i], n);
		for (k = 0; v[k] != NULL; k++)
			printf("%s,", v[k]);
		printf(k == n ? ";" : "(count mismatch);");
		free(v);	/* the caller's, says the header */
	}
	json_decref(cfg);
	fflush(stdout);
}

static void
test_accounts(void)
{
	static char full[] = "{\"brand\":{\"accounts\":{\"x\":"
	    "[\"@acme\",\"@acme_help\",3,null],\"mastodon\":\"@acme@m.social\","
	    "\"reddit\":42}}}", none[] = "{}";
	char *out, *err;
	int st;

	st = run_child(accounts_child, full, &out, &err);
	is_str(out, "x=2:@acme,@acme_help,;mastodon=1:@acme@m.social,;"
	    "reddit=0:;bluesky=0:;",
	    "config_brand_accounts: arrays, a single string, others none");
	ok(exited(st, 0), "the caller frees the array, the strings stay the "
	    "config's (under SAN: nothing leaked, nothing freed twice)");
	if (*err)
		printf("# %.300s\n", err);
	free(out);
	free(err);

	st = run_child(accounts_child, none, &out, &err);
	is_str(out, "x=0:;mastodon=0:;reddit=0:;bluesky=0:;",
	    "no brand.accounts: none, never NULL");
	ok(exited(st, 0), "and nothing leaked then");
	free(out);
	free(err);
}

int
main(int argc, char **argv)
{
	(void)argc;
	diag_init(argv[0]);
	dir = unit_tmpdir("test-config");
	test_find();
	test_errors();
	test_str();
	test_accounts();
	if (rmdir(dir) == -1)
		ok(0, "temporary directory left clean: %s", dir);
	free(dir);
	return tap_done();
}
