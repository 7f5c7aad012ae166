/*
 * test-buf - buf.h: the growable byte string.  Always NUL-terminated,
 * binary-safe, reset keeps the memory, detach hands it over, and a size
 * that cannot be met is "out of memory" (exit 2), never a wrap-around.
 */
#include <sys/wait.h>

#include <errno.h>
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

static void
grow_too_much(void *arg)
{
	struct buf b = BUF_INIT;

	(void)arg;
	buf_adds(&b, "abc");
	buf_grow(&b, SIZE_MAX - 2);
	buf_free(&b);
}

static void
test_basic(void)
{
	struct buf b = BUF_INIT;
	const char *s;

	ok(b.s == NULL && b.len == 0 && b.cap == 0, "BUF_INIT is zero");
	is_str(buf_str(&b), "", "buf_str of a never-grown buffer");
	buf_reset(&b);
	ok(b.s == NULL && b.len == 0, "reset of a never-grown buffer");
	buf_add(&b, "", 0);
	ok(b.s != NULL && b.len == 0 && b.s[0] == '\0',
	    "adding nothing still gives a string");
	buf_adds(&b, "hello");
	buf_addc(&b, ' ');
	buf_add(&b, "world!!", 5);
	is_str(buf_str(&b), "hello world", "adds, addc, add");
	ok(b.len == 11 && b.cap > b.len && b.s[b.len] == '\0',
	    "len counts, cap leaves room for the NUL");
	buf_printf(&b, " %d-%s-%c", 42, "x", 'y');
	is_str(buf_str(&b), "hello world 42-x-y", "printf appends");
	s = b.s;
	buf_reset(&b);
	ok(b.s == s && b.len == 0 && b.s[0] == '\0' && b.cap > 0,
	    "reset keeps the memory");
	buf_add(&b, "a\0b", 3);
	buf_addc(&b, '\0');
	ok(b.len == 4 && memcmp(b.s, "a\0b\0", 5) == 0, "binary safe");
	buf_free(&b);
	ok(b.s == NULL && b.len == 0 && b.cap == 0, "free zeroes");
	buf_free(&b);
	ok(1, "free twice is harmless");
}

static void
test_growth(void)
{
	struct buf b = BUF_INIT;
	char *big;
	size_t i, caps = 0, lastcap = 0;
	int good = 1;

	for (i = 0; i < 1000000; i++) {
		buf_addc(&b, 'a' + (int)(i % 26));
		if (b.cap != lastcap) {
			caps++;
			lastcap = b.cap;
		}
	}
	for (i = 0; i < b.len; i++)
		if (b.s[i] != 'a' + (int)(i % 26))
			good = 0;
	ok(good && b.len == 1000000 && b.s[b.len] == '\0',
	    "a million addc calls");
	ok(caps < 30, "capacity doubles (%zu reallocations)", caps);
	buf_reset(&b);

	big = malloc(300000);
	memset(big, 'z', 299999);
	big[299999] = '\0';
	buf_printf(&b, "<%s>", big);
	ok(b.len == 300001 && b.s[0] == '<' && b.s[300000] == '>' &&
	    b.s[300001] == '\0', "printf longer than any first guess");
	free(big);

	buf_reset(&b);
	buf_grow(&b, 1000);
	ok(b.cap >= 1001 && b.len == 0, "grow reserves room");
	buf_free(&b);
}

static void
test_detach(void)
{
	struct buf b = BUF_INIT;
	char *s;

	s = buf_detach(&b);
	ok(s != NULL && *s == '\0', "detach of an empty buffer gives \"\"");
	free(s);
	buf_adds(&b, "kept");
	s = buf_detach(&b);
	is_str(s, "kept", "detach hands over the contents");
	ok(b.s == NULL && b.len == 0 && b.cap == 0, "and empties the buffer");
	free(s);
	buf_adds(&b, "again");
	is_str(buf_str(&b), "again", "a detached buffer can be used again");
	buf_free(&b);
}

static void
test_overflow(void)
{
	char *err;
	int st;

	st = run_child(grow_too_much, NULL, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "a size past SIZE_MAX exits 2");
	is_str(err, "test-buf: out of memory\n", "and says out of memory");
	free(err);
}

static void
slurp_small(void *path)
{
	size_t len;

	free(xslurp_max(path, 1024, &len));
}

static void
test_readfile(void)
{
	char dir[] = "/tmp/test-buf.XXXXXX", path[64], *s;
	struct buf b = BUF_INIT;
	size_t len, i;
	FILE *fp;
	int st;
	pid_t pid;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/f", dir);
	fp = fopen(path, "w");
	for (i = 0; i < 20000; i++)
		fputc('a' + (int)(i % 26), fp);
	fclose(fp);
	buf_adds(&b, "x");
	ok(buf_readfile(&b, path) == 0 && b.len == 20001 && b.s[20001] == '\0'
	    && b.s[1] == 'a' && b.s[20000] == 'a' + 19999 % 26,
	    "buf_readfile appends a file larger than its chunk");
	buf_free(&b);
	s = xslurp(path, &len);
	ok(len == 20000 && strlen(s) == 20000, "xslurp reads the whole file");
	free(s);
	s = xslurp_max(path, 20000, &len);
	ok(len == 20000, "xslurp_max takes a file of exactly max bytes");
	free(s);
	errno = 0;
	ok(buf_readfile_max(&b, path, 19999) == -1 && errno == EFBIG &&
	    b.len <= 19999, "one byte over max: EFBIG, at most max kept");
	buf_free(&b);
	ok(buf_readfile_max(&b, "/dev/zero", 100000) == -1 && errno == EFBIG,
	    "/dev/zero ends at the limit");
	buf_free(&b);
	ok(buf_readfile(&b, dir) == -1 && errno == EISDIR,
	    "a directory: EISDIR");
	buf_free(&b);
	{
		char *out, *err;

		st = run_child(slurp_small, path, &out, &err);
		ok(exited(st, SC_EXIT_FATAL), "xslurp_max over max: exit 2");
		ok(strstr(err, ": larger than 1 KiB\n") != NULL,
		    "xslurp_max over max: \"larger than 1 KiB\"");
		free(out);
		free(err);
		st = run_child(slurp_small, dir, &out, &err);
		ok(exited(st, SC_EXIT_FATAL) && strstr(err,
		    ": Is a directory\n") != NULL,
		    "xslurp of a directory: \"Is a directory\"");
		free(out);
		free(err);
	}
	unlink(path);
	ok(buf_readfile(&b, path) == -1, "buf_readfile fails on a missing file");
	buf_free(&b);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		freopen("/dev/null", "w", stderr);
		s = xslurp(path, &len);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == SC_EXIT_FATAL,
	    "xslurp on a missing file exits 2");
	rmdir(dir);
}

static void
test_csv(void)
{
	struct buf b = BUF_INIT;

	buf_add_csv(&b, "plain text");
	is_str(buf_str(&b), "plain text", "csv: a plain field as it is");
	buf_reset(&b);
	buf_add_csv(&b, "");
	is_str(buf_str(&b), "", "csv: an empty field stays empty");
	buf_reset(&b);
	buf_add_csv(&b, "a,b");
	is_str(buf_str(&b), "\"a,b\"", "csv: a comma is quoted");
	buf_reset(&b);
	buf_add_csv(&b, "say \"hi\"");
	is_str(buf_str(&b), "\"say \"\"hi\"\"\"",
	    "csv: a quote is quoted and doubled");
	buf_reset(&b);
	buf_add_csv(&b, "two\r\nlines");
	is_str(buf_str(&b), "\"two\r\nlines\"", "csv: CR LF are quoted");
	buf_reset(&b);
	buf_add_csv(&b, "zażółć");
	is_str(buf_str(&b), "zażółć", "csv: UTF-8 passes untouched");
	buf_free(&b);
}

int
main(int argc, char **argv)
{
	(void)argc;
	diag_init(argv[0]);
	test_basic();
	test_growth();
	test_detach();
	test_overflow();
	test_readfile();
	test_csv();
	return tap_done();
}
