/*
 * test-state - state.h: atomic state files (the old or the new contents,
 * never a mix, no temporary file left), JSON state read back, missing and
 * broken files, and the lock (a second holder gets -2, also from the same
 * process, since flock locks belong to the open file description).
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "jsonw.h"
#include "state.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* The names in dir, sorted, separated by spaces. */
static char *
listing(void)
{
	struct dirent **ents;
	struct buf b = BUF_INIT;
	int n, i;

	n = scandir(dir, &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.') {
			if (b.len)
				buf_addc(&b, ' ');
			buf_adds(&b, ents[i]->d_name);
		}
		free(ents[i]);
	}
	free(ents);
	return buf_detach(&b);
}

static void
test_write(void)
{
	char *f, *got, *ls, *sub;
	size_t n;
	int rc;

	f = path("state");
	ok(state_write(f, "one\n", 4) == 0, "state_write");
	got = unit_read(f, &n);
	ok(got && n == 4 && memcmp(got, "one\n", 4) == 0, "contents");
	free(got);
	ok(state_write(f, "two, longer\0x", 13) == 0, "state_write again");
	got = unit_read(f, &n);
	ok(got && n == 13 && memcmp(got, "two, longer\0x", 13) == 0,
	    "replaced, binary safe");
	free(got);
	ok(state_write(f, "", 0) == 0, "an empty state");
	got = unit_read(f, &n);
	ok(got && n == 0, "is empty");
	free(got);
	ls = listing();
	is_str(ls, "state", "no temporary file left behind");
	free(ls);

	/* Failures replace nothing and leave nothing. */
	sub = path("nodir/state");
	errno = 0;
	rc = state_write(sub, "x", 1);
	ok(rc == -1 && errno == ENOENT, "a missing directory: -1, ENOENT");
	free(sub);
	sub = path("adir");
	mkdir(sub, 0700);
	errno = 0;
	rc = state_write(sub, "x", 1);
	ok(rc == -1 && errno != 0, "a directory in the way: -1 (errno %d)",
	    errno);
	rmdir(sub);
	free(sub);
	ls = listing();
	is_str(ls, "state", "and no temporary file left after a failure");
	free(ls);
	unlink(f);
	free(f);
}

static void
test_json(void)
{
	json_t *j, *back;
	char *f, *got, *err, *want;
	size_t n;
	int missing = -1;

	f = path("state.json");
	back = state_read_json(f, &missing);
	ok(back == NULL && missing == 1, "a missing state file: NULL, missing");

	j = json_pack("{s:s,s:I,s:f,s:[i,i],s:{s:b}}", "since_id", "x:99",
	    "big", (json_int_t)9007199254740993LL, "r", 0.1, "list", 1, 2,
	    "o", "t", 1);
	ok(state_write_json(f, j) == 0, "state_write_json");
	got = unit_read(f, &n);
	is_str(got, "{\"since_id\":\"x:99\",\"big\":9007199254740993,\"r\":0.1,"
	    "\"list\":[1,2],\"o\":{\"t\":true}}\n",
	    "written in the compact form, with a newline");
	free(got);
	missing = -1;
	back = state_read_json(f, &missing);
	ok(back != NULL && missing == 0 && json_equal(back, j),
	    "state_read_json reads it back");
	json_decref(back);
	json_decref(j);

	/* A broken file is reported with its line. */
	unlink(f);
	{
		FILE *fp = fopen(f, "w");

		fputs("{\n  \"a\": 1,\n  \"b\": tru\n}\n", fp);
		fclose(fp);
	}
	capture();
	missing = -1;
	back = state_read_json(f, &missing);
	err = captured();
	ok(back == NULL && missing == 0, "a broken file: NULL, not missing");
	want = xasprintf("test-state: %s:3: invalid token near 'tru'\n", f);
	is_str(err, want, "reported once as file:line: why");
	free(want);
	free(err);
	unlink(f);
	free(f);
}

static int
lock_in_child(const char *f)
{
	pid_t pid;
	int st, fd;

	fflush(stdout);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		fd = state_lock(f);
		_exit(fd >= 0 ? 0 : fd == -2 ? 2 : 1);
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
test_lock(void)
{
	char *f, *lock, *sub;
	struct stat sb;
	int fd, fd2;

	f = path("cursor");
	lock = path("cursor.lock");
	fd = state_lock(f);
	ok(fd >= 0, "state_lock");
	ok(stat(lock, &sb) == 0, "makes PATH.lock");
	ok(stat(f, &sb) == -1, "and leaves PATH alone");
	fd2 = state_lock(f);
	ok(fd2 == -2, "a second lock in the same process: -2");
	ok(lock_in_child(f) == 2, "a lock from another process: -2");
	ok(fcntl(fd, F_GETFD) & FD_CLOEXEC, "the lock fd is close-on-exec");
	close(fd);
	fd = state_lock(f);
	ok(fd >= 0, "after close, the lock can be taken again");
	close(fd);
	ok(lock_in_child(f) == 0, "also by another process");
	sub = path("nodir/cursor");
	errno = 0;
	ok(state_lock(sub) == -1 && errno == ENOENT,
	    "a lock in a missing directory: -1, ENOENT");
	free(sub);
	unlink(lock);
	free(lock);
	free(f);
}

/* A writer child swaps two big contents while the parent reads. */
static void
test_atomic(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	char *f, *got, *ls;
	size_t n;
	pid_t pid;
	int i, st, mixed = 0, reads = 0;

	for (i = 0; i < 20000; i++) {
		buf_addc(&a, 'A');
		buf_adds(&b, "Bb");
	}
	f = path("swap");
	state_write(f, a.s, a.len);
	fflush(stdout);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		for (i = 0; i < 60; i++)
			if (state_write(f, i % 2 ? a.s : b.s,
			    i % 2 ? a.len : b.len) == -1)
				_exit(1);
		_exit(0);
	}
	do {
		got = unit_read(f, &n);
		reads++;
		if (got == NULL || !((n == a.len && memcmp(got, a.s, n) == 0) ||
		    (n == b.len && memcmp(got, b.s, n) == 0)))
			mixed++;
		free(got);
	} while (waitpid(pid, &st, WNOHANG) == 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "60 replacements");
	ok(mixed == 0, "%d reads meanwhile saw the old or the new, whole",
	    reads);
	ls = listing();
	is_str(ls, "swap", "no temporary files left");
	free(ls);
	unlink(f);
	free(f);
	buf_free(&a);
	buf_free(&b);
}

int
main(int argc, char **argv)
{
	(void)argc;
	diag_init(argv[0]);
	dir = unit_tmpdir("test-state");
	test_write();
	test_json();
	test_lock();
	test_atomic();
	if (rmdir(dir) == -1)
		ok(0, "temporary directory left clean: %s", dir);
	free(dir);
	return tap_done();
}
