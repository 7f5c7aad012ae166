/*
 * test-paths - paths.h: sc_datafile() looks in $SC_DATADIR, then in
 * ../share/sc beside the running program, then in the compiled-in DATADIR.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static void
touch(const char *path)
{
	FILE *fp;

	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	fputs("data\n", fp);
	fclose(fp);
}

static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return a != NULL && b != NULL && stat(a, &sa) == 0 &&
	    stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	    sa.st_ino == sb.st_ino;
}

static void
test_env(void)
{
	char *dir, *f, *p, name[64];

	snprintf(name, sizeof(name), "test-paths-%ld.tsv", (long)getpid());
	dir = unit_tmpdir("test-paths");
	f = xasprintf("%s/%s", dir, name);
	touch(f);

	setenv("SC_DATADIR", dir, 1);
	p = sc_datafile(name);
	is_str(p, f, "found in $SC_DATADIR");
	free(p);
	p = sc_datafile("no-such-file-anywhere.tsv");
	ok(p == NULL, "a file in none of the places: NULL");
	free(p);
	setenv("SC_DATADIR", "", 1);
	p = sc_datafile(name);
	ok(p == NULL, "an empty $SC_DATADIR is not the current directory");
	free(p);
	unsetenv("SC_DATADIR");
	p = sc_datafile(name);
	ok(p == NULL, "without $SC_DATADIR it is not found");
	free(p);

	unlink(f);
	rmdir(dir);
	free(f);
	free(dir);
}

static void
test_beside(void)
{
	char exe[PATH_MAX], *slash, *share, *sc, *f, *envf, *dir, *p;
	char name[64];
	int made_share = 0, made_sc = 0;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL) {
		ok(1, "# SKIP no /proc/self/exe");
		ok(1, "# SKIP no /proc/self/exe");
		return;
	}
	*slash = '\0';
	share = xasprintf("%s/../share", exe);
	sc = xasprintf("%s/../share/sc", exe);
	if (mkdir(share, 0777) == 0)
		made_share = 1;
	if (mkdir(sc, 0777) == 0)
		made_sc = 1;
	snprintf(name, sizeof(name), "test-paths-%ld.txt", (long)getpid());
	f = xasprintf("%s/%s", sc, name);
	touch(f);

	unsetenv("SC_DATADIR");
	p = sc_datafile(name);
	ok(same_file(p, f), "found in ../share/sc beside the program");
	free(p);

	/* $SC_DATADIR comes first. */
	dir = unit_tmpdir("test-paths");
	envf = xasprintf("%s/%s", dir, name);
	touch(envf);
	setenv("SC_DATADIR", dir, 1);
	p = sc_datafile(name);
	is_str(p, envf, "$SC_DATADIR comes before the program's own");
	free(p);
	unsetenv("SC_DATADIR");

	unlink(envf);
	rmdir(dir);
	unlink(f);
	if (made_sc)
		rmdir(sc);
	if (made_share)
		rmdir(share);
	free(envf);
	free(dir);
	free(f);
	free(sc);
	free(share);
}

int
main(void)
{
	test_env();
	test_beside();
	return tap_done();
}
