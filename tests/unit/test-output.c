/*
 * test-output - output.h: records to a file (truncated or appended) or to
 * standard output, gzip round trips, flushing with -u, and write errors:
 * /dev/full exits 2 with a message, a closed pipe ends quietly with the
 * status so far.  Anything that exits runs in a child.
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "output.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

/*
 * fn(arg) in a child with standard output on the file out (or left alone
 * when NULL); its wait status and its stderr.
 */
static int
run_child_to(void (*fn)(void *), void *arg, const char *out, char **err)
{
	FILE *fe;
	pid_t pid;
	int status, fd;

	fflush(stdout);
	if ((fe = tmpfile()) == NULL || (pid = fork()) == -1)
		abort();
	if (pid == 0) {
		if (out != NULL) {
			if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC,
			    0666)) == -1)
				_exit(99);
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
		dup2(fileno(fe), STDERR_FILENO);
		fn(arg);
		exit(0);
	}
	waitpid(pid, &status, 0);
	*err = slurp(fe);
	return status;
}

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *
read_file_n(const char *f, size_t *len)
{
	char *s;

	if ((s = unit_read(f, len)) == NULL) {
		s = xstrdup("(missing)");
		*len = strlen(s);
	}
	return s;
}

static char *
read_file(const char *f)
{
	size_t n;

	return read_file_n(f, &n);
}

/* The decompressed contents; *ok 0 when zlib saw an error. */
static char *
read_gz(const char *f, int *good)
{
	struct buf b = BUF_INIT;
	char tmp[4096];
	gzFile gz;
	int n, errnum;

	*good = 0;
	if ((gz = gzopen(f, "rb")) == NULL)
		return xstrdup("(missing)");
	while ((n = gzread(gz, tmp, sizeof(tmp))) > 0)
		buf_add(&b, tmp, (size_t)n);
	gzerror(gz, &errnum);
	*good = n == 0 && errnum == Z_OK;
	gzclose(gz);
	return buf_detach(&b);
}

static int
is_gzip(const char *f)
{
	unsigned char m[2] = { 0, 0 };
	FILE *fp;

	if ((fp = fopen(f, "rb")) == NULL)
		return 0;
	if (fread(m, 1, 2, fp) != 2)
		m[0] = 0;
	fclose(fp);
	return m[0] == 0x1f && m[1] == 0x8b;
}

static json_t *
rec(int i)
{
	return json_pack("{s:s,s:i,s:f,s:s}", "id", "x:1", "n", i, "r", 0.6,
	    "t", "caf\xc3\xa9 \"q\"");
}

static void
test_file(void)
{
	static const char first[] = "{\"id\":\"x:1\",\"n\":1,\"r\":0.6,"
	    "\"t\":\"caf\xc3\xa9 \\\"q\\\"\"}\nraw bytes\0x\n";
	struct output *o;
	json_t *j;
	char *f, *got;
	size_t n;

	f = path("out.ndjson");
	o = output_open(f, 0, 0, OUTPUT_TRUNC);
	j = rec(1);
	output_json(o, j);
	json_decref(j);
	output_puts(o, "raw ");
	output_write(o, "bytes\0x", 7);
	output_write(o, "", 0);
	output_puts(o, "\n");
	output_close(o);
	got = read_file_n(f, &n);
	ok(n == sizeof(first) - 1 && memcmp(got, first, n) == 0,
	    "output_json, output_puts, output_write to a file");
	free(got);

	o = output_open(f, 0, 0, OUTPUT_APPEND);
	output_puts(o, "appended\n");
	output_close(o);
	got = read_file_n(f, &n);
	ok(n == sizeof(first) + 8 && memcmp(got, first, sizeof(first) - 1) ==
	    0 && strcmp(got + sizeof(first) - 1, "appended\n") == 0,
	    "OUTPUT_APPEND keeps what was there");
	free(got);

	o = output_open(f, 0, 0, OUTPUT_TRUNC);
	output_puts(o, "new\n");
	output_close(o);
	got = read_file(f);
	is_str(got, "new\n", "OUTPUT_TRUNC replaces it");
	free(got);

	/* -u: each record is in the file as soon as it is written. */
	o = output_open(f, 0, 1, OUTPUT_TRUNC);
	j = json_pack("{s:i}", "a", 1);
	output_json(o, j);
	got = read_file(f);
	is_str(got, "{\"a\":1}\n", "unbuffered: the record is there at once");
	free(got);
	output_json(o, j);
	got = read_file(f);
	is_str(got, "{\"a\":1}\n{\"a\":1}\n", "and the next one");
	free(got);
	output_close(o);
	json_decref(j);

	/* Buffered: not yet (the next checks rely on it being buffered). */
	o = output_open(f, 0, 0, OUTPUT_TRUNC);
	j = json_pack("{s:i}", "b", 2);
	output_json(o, j);
	got = read_file(f);
	is_str(got, "", "buffered: nothing before the flush");
	free(got);
	output_flush(o);
	got = read_file(f);
	is_str(got, "{\"b\":2}\n", "output_flush writes it");
	free(got);
	output_close(o);
	json_decref(j);
	output_close(NULL);
	ok(1, "output_close(NULL) is harmless");
	unlink(f);
	free(f);
}

static void
test_gzip(void)
{
	struct buf want = BUF_INIT, big = BUF_INIT;
	struct output *o;
	json_t *j;
	char *f, *got;
	int i, good;

	f = path("out.ndjson.gz");
	o = output_open(f, 1, 0, OUTPUT_TRUNC);
	for (i = 0; i < 5000; i++) {
		j = rec(i);
		output_json(o, j);
		json_decref(j);
		buf_printf(&want, "{\"id\":\"x:1\",\"n\":%d,\"r\":0.6,"
		    "\"t\":\"caf\xc3\xa9 \\\"q\\\"\"}\n", i);
	}
	/* One record bigger than the gzip buffer. */
	for (i = 0; i < 300000; i++)
		buf_addc(&big, 'a' + i % 26);
	j = json_pack("{s:s}", "big", big.s);
	output_json(o, j);
	json_decref(j);
	buf_printf(&want, "{\"big\":\"%s\"}\n", big.s);
	output_close(o);
	ok(is_gzip(f), "-z writes gzip");
	got = read_gz(f, &good);
	ok(good && strcmp(got, want.s) == 0, "gzip round trip, 5001 records");
	free(got);

	/* Appending to a gzip file adds a member. */
	o = output_open(f, 1, 0, OUTPUT_APPEND);
	output_puts(o, "more\n");
	output_close(o);
	got = read_gz(f, &good);
	buf_adds(&want, "more\n");
	ok(good && strcmp(got, want.s) == 0, "gzip append: a second member");
	free(got);

	/* -u -z: each record can be read before the close. */
	o = output_open(f, 1, 1, OUTPUT_TRUNC);
	j = json_pack("{s:i}", "u", 1);
	output_json(o, j);
	json_decref(j);
	got = read_gz(f, &good);
	is_str(got, "{\"u\":1}\n", "unbuffered gzip: the record is readable "
	    "at once");
	free(got);
	output_close(o);
	got = read_gz(f, &good);
	ok(good && strcmp(got, "{\"u\":1}\n") == 0, "and the file complete "
	    "after the close");
	free(got);
	unlink(f);
	free(f);
	buf_free(&want);
	buf_free(&big);
}

struct job {
	const char	*path;		/* NULL: stdout */
	int		 gzip;
	int		 unbuffered;
	int		 status;	/* output_set_status */
	int		 records;
	int		 nosigpipe;
};

static void
write_job(void *arg)
{
	struct job *jb = arg;
	struct output *o;
	json_t *j;
	int i;

	if (jb->nosigpipe)
		signal(SIGPIPE, SIG_IGN);
	output_set_status(jb->status);
	o = output_open(jb->path, jb->gzip, jb->unbuffered, OUTPUT_TRUNC);
	j = json_pack("{s:s}", "k", "v");
	for (i = 0; i < jb->records; i++)
		output_json(o, j);
	json_decref(j);
	if (jb->unbuffered) {
		/* Should not get here: the first record failed. */
		fputs("survived\n", stderr);
	}
	output_close(o);
	exit(jb->status);
}

static void
test_stdout(void)
{
	struct job jb = { NULL, 0, 0, 0, 3, 0 };
	char *f, *err, *got;
	int st, good;

	f = path("stdout.txt");
	st = run_child_to(write_job, &jb, f, &err);
	got = read_file(f);
	ok(exited(st, 0), "standard output: exit 0");
	is_str(got, "{\"k\":\"v\"}\n{\"k\":\"v\"}\n{\"k\":\"v\"}\n",
	    "standard output gets the records");
	is_str(err, "", "quietly");
	free(got);
	free(err);

	jb.path = "-";
	jb.gzip = 1;
	st = run_child_to(write_job, &jb, f, &err);
	ok(exited(st, 0) && is_gzip(f), "\"-\" with -z: gzip on stdout");
	got = read_gz(f, &good);
	is_str(got, "{\"k\":\"v\"}\n{\"k\":\"v\"}\n{\"k\":\"v\"}\n",
	    "and it decompresses");
	free(got);
	free(err);
	unlink(f);
	free(f);
}

static void
test_errors(void)
{
	struct job jb = { "/dev/full", 0, 0, 1, 3, 0 };
	char *err;
	int st, fds[2];
	pid_t pid;

	st = run_child_to(write_job, &jb, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "-o /dev/full: exit 2");
	is_str(err, "test-output: /dev/full: write error: No space left on "
	    "device\n", "-o /dev/full: says so");
	free(err);

	jb.path = NULL;
	st = run_child_to(write_job, &jb, "/dev/full", &err);
	ok(exited(st, SC_EXIT_FATAL), ">/dev/full: exit 2");
	is_str(err, "test-output: <stdout>: write error: No space left on "
	    "device\n", ">/dev/full: says so");
	free(err);

	jb.gzip = 1;
	st = run_child_to(write_job, &jb, "/dev/full", &err);
	ok(exited(st, SC_EXIT_FATAL), "-z >/dev/full: exit 2");
	ok(strncmp(err, "test-output: <stdout>: write error: ", 36) == 0 &&
	    strchr(err, '\n')[1] == '\0', "-z >/dev/full: says so once");
	if (strcmp(err, "test-output: <stdout>: write error: No space left on "
	    "device\n") != 0)
		printf("# note: %s", err);
	free(err);

	jb.gzip = 0;
	jb.unbuffered = 1;
	st = run_child_to(write_job, &jb, "/dev/full", &err);
	ok(exited(st, SC_EXIT_FATAL) && strstr(err, "survived") == NULL,
	    "-u >/dev/full: exit 2 at the first record");
	free(err);

	/* A path that cannot be opened. */
	jb.path = "/nonexistent/dir/out";
	jb.unbuffered = 0;
	st = run_child_to(write_job, &jb, NULL, &err);
	/*
	 * Under LeakSanitizer a leak turns the status into 23; output_open()
	 * allocates before it opens the file (LSan may or may not see it,
	 * by what the stack still holds).
	 */
	ok(exited(st, SC_EXIT_FATAL), "an unopenable -o exits 2 (under SAN: "
	    "and leaks nothing)");
	is_str(err, "test-output: /nonexistent/dir/out: No such file or "
	    "directory\n", "an unopenable -o: says why");
	free(err);

	/*
	 * A closed pipe: programs that ignore SIGPIPE end quietly with the
	 * status they have; the others die of the signal.
	 */
	jb.path = NULL;
	jb.records = 100000;
	jb.status = SC_EXIT_REJECT;
	jb.nosigpipe = 1;
	fflush(stdout);
	if (pipe(fds) == -1 || (pid = fork()) == -1)
		abort();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDOUT_FILENO);
		close(fds[1]);
		jb.status = SC_EXIT_REJECT;
		write_job(&jb);
	}
	close(fds[0]);
	close(fds[1]);
	waitpid(pid, &st, 0);
	ok(exited(st, SC_EXIT_REJECT), "EPIPE: exit with the status so far");
	jb.nosigpipe = 0;
	fflush(stdout);
	if (pipe(fds) == -1 || (pid = fork()) == -1)
		abort();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDOUT_FILENO);
		close(fds[1]);
		signal(SIGPIPE, SIG_DFL);
		write_job(&jb);
	}
	close(fds[0]);
	close(fds[1]);
	waitpid(pid, &st, 0);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	    "SIGPIPE by default: the filter dies quietly of it");
}

int
main(int argc, char **argv)
{
	(void)argc;
	diag_init(argv[0]);
	dir = unit_tmpdir("test-output");
	test_file();
	test_gzip();
	test_stdout();
	test_errors();
	if (rmdir(dir) == -1)
		ok(0, "temporary directory left clean: %s", dir);
	free(dir);
	return tap_done();
}
