/*
 * unit.h - helpers shared by the unit tests: standard error captured into
 * a string, a function run in a forked child, a temporary directory.
 * Static functions, like tap.h; a test uses the ones it needs.
 */
#ifndef UNIT_H
#define UNIT_H

#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "tap.h"
#include "xmem.h"

#define UNIT_UNUSED	__attribute__((unused))

/* The contents of fp from its start, NUL-terminated, its length in *len
 * (when len is not NULL); closes fp. */
static UNIT_UNUSED char *
slurp_n(FILE *fp, size_t *len)
{
	struct buf b = BUF_INIT;
	char tmp[4096];
	size_t n;

	fflush(fp);
	rewind(fp);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&b, tmp, n);
	fclose(fp);
	if (len != NULL)
		*len = b.len;
	return buf_detach(&b);
}

/* The contents of fp from its start, NUL-terminated; closes fp. */
static UNIT_UNUSED char *
slurp(FILE *fp)
{
	return slurp_n(fp, NULL);
}

/* The contents of the file f as slurp_n() gives them; NULL (errno set)
 * when f cannot be opened. */
static UNIT_UNUSED char *
unit_read(const char *f, size_t *len)
{
	FILE *fp;

	if ((fp = fopen(f, "rb")) == NULL)
		return NULL;
	return slurp_n(fp, len);
}

/* The file f made to hold p[0..n); exits 2 on failure. */
static UNIT_UNUSED void
unit_write(const char *f, const void *p, size_t n)
{
	FILE *fp;

	if ((fp = fopen(f, "wb")) == NULL || fwrite(p, 1, n, fp) != n ||
	    fclose(fp) != 0) {
		perror(f);
		exit(2);
	}
}

/* The file dir/name made to hold the string text; its path, to free. */
static UNIT_UNUSED char *
unit_file(const char *dir, const char *name, const char *text)
{
	char *f = xasprintf("%s/%s", dir, name);

	unit_write(f, text, strlen(text));
	return f;
}

/* Standard error into a temporary file between capture() and captured(). */
static FILE *cap_fp UNIT_UNUSED;
static int cap_saved UNIT_UNUSED = -1;

static UNIT_UNUSED void
capture(void)
{
	fflush(stderr);
	if ((cap_fp = tmpfile()) == NULL || (cap_saved = dup(STDERR_FILENO)) ==
	    -1 || dup2(fileno(cap_fp), STDERR_FILENO) == -1)
		abort();
}

/* What went to stderr since capture(); the caller frees it. */
static UNIT_UNUSED char *
captured(void)
{
	fflush(stderr);
	dup2(cap_saved, STDERR_FILENO);
	close(cap_saved);
	return slurp(cap_fp);
}

/*
 * fn(arg) in a child; its wait status, its stdout in *out (or stdout left
 * alone when out is NULL) and its stderr in *err.
 */
static UNIT_UNUSED int
run_child(void (*fn)(void *), void *arg, char **out, char **err)
{
	FILE *fo = NULL, *fe;
	pid_t pid;
	int status;

	fflush(stdout);
	if ((out != NULL && (fo = tmpfile()) == NULL) ||
	    (fe = tmpfile()) == NULL || (pid = fork()) == -1)
		abort();
	if (pid == 0) {
		if (fo != NULL)
			dup2(fileno(fo), STDOUT_FILENO);
		dup2(fileno(fe), STDERR_FILENO);
		fn(arg);
		exit(0);
	}
	waitpid(pid, &status, 0);
	if (out != NULL)
		*out = slurp(fo);
	*err = slurp(fe);
	return status;
}

static UNIT_UNUSED int
exited(int status, int code)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == code;
}

/* A new directory $TMPDIR/name.XXXXXX (or under /tmp); exits 2 on failure. */
static UNIT_UNUSED char *
unit_tmpdir(const char *name)
{
	const char *t = getenv("TMPDIR");
	char *d;

	d = xasprintf("%s/%s.XXXXXX", t && *t ? t : "/tmp", name);
	if (mkdtemp(d) == NULL) {
		perror(d);
		exit(2);
	}
	return d;
}

#endif
