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

int
main(void)
{
	diag_init("test-creds");
	dir = unit_tmpdir("test-creds");
	test_good();
	test_refused();
	rmdir(dir);
	free(dir);
	return tap_done();
}
