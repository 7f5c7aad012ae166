/*
 * test-input - input.h: lines from plain and gzip files and standard
 * input; CR kept, a last line without newline, empty files; the line
 * limit (exactly at it, one over, the spill callback getting the whole
 * line), lines longer than the internal chunk; truncated and corrupt gzip,
 * missing files, line numbers across files.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "input.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

#define CHUNK	(256 * 1024)	/* input.c's read size */

static char *dir;

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *
write_file(const char *name, const void *p, size_t n)
{
	char *f = path(name);

	unit_write(f, p, n);
	return f;
}

/* A gzip member of p[0..n) appended to name ("ab") or replacing it. */
static char *
write_gz(const char *name, const char *mode, const void *p, size_t n)
{
	char *f = path(name);
	gzFile gz;

	if ((gz = gzopen(f, mode)) == NULL ||
	    (n && gzwrite(gz, p, (unsigned)n) != (int)n) ||
	    gzclose(gz) != Z_OK) {
		fprintf(stderr, "cannot write %s\n", f);
		exit(2);
	}
	return f;
}

static char *
read_file(const char *f, size_t *n)
{
	char *s;

	if ((s = unit_read(f, n)) == NULL) {
		perror(f);
		exit(2);
	}
	return s;
}

/*
 * Read everything from in into one string: each line as "lineno:text|",
 * "LONG@lineno|" for an overlong one, "ERROR|" for an error.
 */
static char *
drain(struct input *in)
{
	struct buf b = BUF_INIT;
	const char *line;
	size_t len;
	int rc;

	while ((rc = input_next(in, &line, &len)) != INPUT_EOF) {
		if (rc == INPUT_LINE) {
			buf_printf(&b, "%lu:", input_lineno(in));
			buf_add(&b, line, len);
			buf_addc(&b, '|');
		} else if (rc == INPUT_LONG)
			buf_printf(&b, "LONG@%lu|", input_lineno(in));
		else
			buf_adds(&b, "ERROR|");
	}
	return buf_detach(&b);
}

static char *
drain_files(char **files, int nfiles, size_t maxline)
{
	struct input *in;
	char *s;

	in = input_open(files, nfiles, maxline);
	s = drain(in);
	input_close(in);
	return s;
}

struct spilled {
	struct buf	 bytes;
	int		 ends;
	int		 after_end;	/* bytes came after an end marker */
};

static void
spill(const char *p, size_t n, void *ctx)
{
	struct spilled *s = ctx;

	if (p == NULL) {
		s->ends++;
		return;
	}
	if (s->ends > 0)
		s->after_end = 1;
	buf_add(&s->bytes, p, n);
}

static void
test_plain(void)
{
	static const char text[] = "a\nb\r\n\n \t \nlast";
	char *files[1], *got, *err;
	struct input *in;
	const char *line;
	size_t len;

	files[0] = write_file("plain.txt", text, sizeof(text) - 1);
	got = drain_files(files, 1, 0);
	is_str(got, "1:a|2:b\r|3:|4: \t |5:last|",
	    "plain file: CR kept, blank lines, a last line without newline");
	free(got);

	in = input_open(files, 1, 0);
	ok(input_next(in, &line, &len) == INPUT_LINE && len == 1 &&
	    line[0] == 'a', "first line");
	is_str(input_name(in), files[0], "input_name is the operand");
	ok(input_lineno(in) == 1, "input_lineno 1");
	input_next(in, &line, &len);
	input_next(in, &line, &len);
	input_next(in, &line, &len);
	ok(input_next(in, &line, &len) == INPUT_LINE && len == 4 &&
	    memcmp(line, "last", 4) == 0, "last line without a newline");
	ok(input_next(in, &line, &len) == INPUT_EOF, "then EOF");
	ok(input_next(in, &line, &len) == INPUT_EOF, "and EOF again");
	ok(!input_failed(in), "no failure");
	input_close(in);
	free(files[0]);

	files[0] = write_file("empty.txt", "", 0);
	capture();
	got = drain_files(files, 1, 0);
	err = captured();
	is_str(got, "", "empty file: no lines");
	is_str(err, "", "and no message");
	free(got);
	free(err);
	free(files[0]);

	files[0] = write_file("nl.txt", "\n", 1);
	got = drain_files(files, 1, 0);
	is_str(got, "1:|", "a file of one newline: one empty line");
	free(got);
	free(files[0]);

	files[0] = write_file("nul.txt", "a\0b\nc", 5);
	in = input_open(files, 1, 0);
	ok(input_next(in, &line, &len) == INPUT_LINE && len == 3 &&
	    memcmp(line, "a\0b", 3) == 0, "a NUL byte stays in its line");
	input_close(in);
	free(files[0]);

	input_close(NULL);
	ok(1, "input_close(NULL) is harmless");
}

static void
test_gzip(void)
{
	static const char text[] = "{\"a\":1}\n{\"b\":2}\r\nlast";
	char *files[3], *got, *err;

	files[0] = write_gz("one.gz", "wb", text, sizeof(text) - 1);
	got = drain_files(files, 1, 0);
	is_str(got, "1:{\"a\":1}|2:{\"b\":2}\r|3:last|", "gzip file");
	free(got);
	free(files[0]);

	/* Two members, the second starting in the middle of a line. */
	files[0] = write_gz("two.gz", "wb", "a\nb\npar", 7);
	free(write_gz("two.gz", "ab", "tial\nc\n", 7));
	got = drain_files(files, 1, 0);
	is_str(got, "1:a|2:b|3:partial|4:c|", "concatenated gzip members");
	free(got);
	free(files[0]);

	files[0] = write_gz("empty.gz", "wb", "", 0);
	capture();
	got = drain_files(files, 1, 0);
	err = captured();
	is_str(got, "", "empty gzip file");
	is_str(err, "", "and no message");
	free(got);
	free(err);
	free(files[0]);

	/* Plain and gzip operands mix; line numbers restart per file. */
	files[0] = write_file("p1.txt", "p1\np2\n", 6);
	files[1] = write_gz("g1.gz", "wb", "g1\ng2\ng3", 8);
	files[2] = write_file("p2.txt", "q1", 2);
	got = drain_files(files, 3, 0);
	is_str(got, "1:p1|2:p2|1:g1|2:g2|3:g3|1:q1|",
	    "plain, gzip, plain: line numbers per file");
	free(got);
	free(files[0]);
	free(files[1]);
	free(files[2]);
}

/* Standard input from fd for the life of fn. */
static char *
drain_stdin(int fd, char **files, int nfiles)
{
	int saved;
	char *got;

	saved = dup(STDIN_FILENO);
	dup2(fd, STDIN_FILENO);
	close(fd);
	got = drain_files(files, nfiles, 0);
	dup2(saved, STDIN_FILENO);
	close(saved);
	return got;
}

static void
test_stdin(void)
{
	char *files[3], *got, *f, *gz, *data, dash[] = "-";
	struct input *in;
	const char *line;
	size_t len, n;
	int fds[2], saved, fd;

	/* A file as standard input, no operands. */
	f = write_file("in.txt", "s1\ns2\n", 6);
	got = drain_stdin(open(f, O_RDONLY), NULL, 0);
	is_str(got, "1:s1|2:s2|", "standard input from a file");
	free(got);

	/* A pipe as standard input, gzip in it. */
	gz = write_gz("in.gz", "wb", "z1\nz2", 5);
	data = read_file(gz, &n);
	if (pipe(fds) == -1 || write(fds[1], data, n) != (ssize_t)n)
		abort();
	close(fds[1]);
	got = drain_stdin(fds[0], NULL, 0);
	is_str(got, "1:z1|2:z2|", "gzip through a pipe on standard input");
	free(got);
	free(data);

	/* "-" among operands. */
	files[0] = f;
	files[1] = dash;
	files[2] = f;
	if (pipe(fds) == -1 || write(fds[1], "d1\n", 3) != 3)
		abort();
	close(fds[1]);
	got = drain_stdin(fds[0], files, 3);
	is_str(got, "1:s1|2:s2|1:d1|1:s1|2:s2|", "\"-\" among operands");
	free(got);

	/* The name of standard input. */
	saved = dup(STDIN_FILENO);
	fd = open(f, O_RDONLY);
	dup2(fd, STDIN_FILENO);
	close(fd);
	in = input_open(NULL, 0, 0);
	input_next(in, &line, &len);
	is_str(input_name(in), "<stdin>", "standard input is <stdin>");
	input_close(in);
	close(STDIN_FILENO);
	dup2(saved, STDIN_FILENO);
	close(saved);
	free(f);
	free(gz);
}

static void
test_limit(void)
{
	char *files[1], *got, *text;
	struct spilled sp = { BUF_INIT, 0, 0 };
	struct input *in;
	const char *line;
	size_t len;
	int rc;

	/* maxline 10: 10 bytes pass, 11 do not. */
	files[0] = write_file("limit.txt",
	    "0123456789\n0123456789X\nok\n0123456789\r\nabcdefghijkl", 50);
	in = input_open(files, 1, 10);
	input_set_spill(in, spill, &sp);
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LINE && len == 10, "a line exactly at the limit");
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && input_lineno(in) == 2,
	    "one byte over: INPUT_LONG, line 2");
	is_str(buf_str(&sp.bytes), "0123456789X",
	    "spill gets the whole line");
	ok(sp.ends == 1 && !sp.after_end, "then one end marker");
	buf_reset(&sp.bytes);
	sp.ends = 0;
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LINE && len == 2 && memcmp(line, "ok", 2) == 0 &&
	    input_lineno(in) == 3, "the next line is read, line 3");
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && input_lineno(in) == 4,
	    "a CR counts towards the limit");
	is_str(buf_str(&sp.bytes), "0123456789\r", "spill gets the CR too");
	buf_reset(&sp.bytes);
	sp.ends = 0;
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && input_lineno(in) == 5,
	    "an overlong last line without newline");
	is_str(buf_str(&sp.bytes), "abcdefghijkl", "spilled whole");
	ok(sp.ends == 1, "with its end marker");
	ok(input_next(in, &line, &len) == INPUT_EOF && !input_failed(in),
	    "then EOF, no failure");
	input_close(in);
	buf_free(&sp.bytes);
	memset(&sp, 0, sizeof(sp));
	free(files[0]);

	/* Without a spill callback. */
	files[0] = write_file("limit2.txt", "long line\nx\n", 12);
	got = drain_files(files, 1, 4);
	is_str(got, "LONG@1|2:x|", "INPUT_LONG without a spill callback");
	free(got);
	free(files[0]);

	/* Lines longer than one read. */
	text = xmalloc(3 * CHUNK + 100);
	memset(text, 'a', 3 * CHUNK + 100);
	text[0] = 'A';
	text[2 * CHUNK + 50] = '\n';		/* line 1: 2 * CHUNK + 50 */
	text[3 * CHUNK + 99] = '\n';		/* line 2: CHUNK + 48 */
	files[0] = write_file("big.txt", text, 3 * CHUNK + 100);
	in = input_open(files, 1, 0);
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LINE && len == 2 * CHUNK + 50 &&
	    memcmp(line, text, len) == 0, "a line of two and a bit chunks");
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LINE && len == CHUNK + 48 && input_lineno(in) == 2 &&
	    memcmp(line, text + 2 * CHUNK + 51, len) == 0,
	    "and one after it");
	ok(input_next(in, &line, &len) == INPUT_EOF, "then EOF");
	input_close(in);

	/* Limits past the chunk size: at, and one over. */
	in = input_open(files, 1, 2 * CHUNK + 50);
	ok(input_next(in, &line, &len) == INPUT_LINE &&
	    len == 2 * CHUNK + 50, "a long line exactly at a big limit");
	input_close(in);
	in = input_open(files, 1, 2 * CHUNK + 49);
	input_set_spill(in, spill, &sp);
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && input_lineno(in) == 1,
	    "one over a big limit: INPUT_LONG");
	ok(sp.bytes.len == 2 * CHUNK + 50 &&
	    memcmp(sp.bytes.s, text, sp.bytes.len) == 0 && sp.ends == 1 &&
	    !sp.after_end, "spill gets every byte of it, in order, then the "
	    "end marker");
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LINE && len == CHUNK + 48 && input_lineno(in) == 2,
	    "the line after it is whole");
	input_close(in);
	buf_free(&sp.bytes);

	/* A line of many chunks over a small limit. */
	memset(&sp, 0, sizeof(sp));
	in = input_open(files, 1, 1000);
	input_set_spill(in, spill, &sp);
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && sp.bytes.len == 2 * CHUNK + 50 &&
	    memcmp(sp.bytes.s, text, sp.bytes.len) == 0 && sp.ends == 1,
	    "a line of many chunks over a small limit: spilled whole");
	buf_free(&sp.bytes);
	memset(&sp, 0, sizeof(sp));
	rc = input_next(in, &line, &len);
	ok(rc == INPUT_LONG && sp.bytes.len == CHUNK + 48 && sp.ends == 1,
	    "and the next one too");
	input_close(in);
	buf_free(&sp.bytes);
	free(files[0]);
	free(text);
}

/* Write p[0..n) to fd in small pieces, from a child, then exit. */
static pid_t
slow_writer(int fd, const char *p, size_t n)
{
	pid_t pid;
	size_t k;

	fflush(stdout);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		while (n > 0) {
			k = n < 4093 ? n : 4093;
			if (write(fd, p, k) != (ssize_t)k)
				_exit(1);
			p += k;
			n -= k;
		}
		_exit(0);
	}
	close(fd);
	return pid;
}

static void
test_pieces(void)
{
	struct buf want = BUF_INIT;
	struct spilled sp = { BUF_INIT, 0, 0 };
	struct input *in;
	const char *line;
	size_t len, i, n = 0;
	int fds[2], saved, rc, good = 1;
	unsigned x = 12345, lens[400];
	pid_t pid;

	/* Lines of random lengths up to 20000, some over the limit. */
	for (i = 0; i < 400; i++) {
		x = x * 1103515245 + 12345;
		lens[i] = (x >> 8) % 20000;
		while (want.len < n + lens[i])
			buf_addc(&want, 'a' + (int)((want.len * 7 + i) % 26));
		buf_addc(&want, '\n');
		n = want.len;
	}
	if (pipe(fds) == -1)
		abort();
	pid = slow_writer(fds[1], want.s, want.len);
	saved = dup(STDIN_FILENO);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	in = input_open(NULL, 0, 15000);
	input_set_spill(in, spill, &sp);
	n = 0;
	for (i = 0; i < 400; i++) {
		rc = input_next(in, &line, &len);
		if (lens[i] > 15000) {
			if (rc != INPUT_LONG || sp.bytes.len != lens[i] ||
			    memcmp(sp.bytes.s, want.s + n, lens[i]) != 0 ||
			    sp.ends != 1)
				good = 0;
		} else if (rc != INPUT_LINE || len != lens[i] ||
		    memcmp(line, want.s + n, len) != 0)
			good = 0;
		if (input_lineno(in) != i + 1)
			good = 0;
		if (!good) {
			printf("# line %zu (length %u): rc %d\n", i + 1,
			    lens[i], rc);
			break;
		}
		buf_reset(&sp.bytes);
		sp.ends = 0;
		n += lens[i] + 1;
	}
	ok(good && input_next(in, &line, &len) == INPUT_EOF,
	    "400 lines through a pipe in odd pieces, long ones spilled whole");
	input_close(in);
	dup2(saved, STDIN_FILENO);
	close(saved);
	waitpid(pid, NULL, 0);
	buf_free(&sp.bytes);
	buf_free(&want);
}

static void
test_errors(void)
{
	struct buf text = BUF_INIT;
	char *files[3], *got, *err, *data, *want, *p, *q, *r, *partial;
	int i, haserr;
	size_t n;

	/* A missing file is reported and the next one read. */
	files[0] = path("no-such-file");
	files[1] = write_file("after.txt", "x\n", 2);
	capture();
	{
		struct input *in = input_open(files, 2, 0);

		got = drain(in);
		ok(input_failed(in), "a missing file: input_failed");
		input_close(in);
	}
	err = captured();
	is_str(got, "1:x|", "a missing file: the next file is read");
	want = xasprintf("test-input: %s: No such file or directory\n",
	    files[0]);
	is_str(err, want, "a missing file: reported");
	free(want);
	free(got);
	free(err);
	free(files[0]);

	/* A directory. */
	files[0] = xstrdup(dir);
	capture();
	{
		struct input *in = input_open(files, 2, 0);

		got = drain(in);
		ok(input_failed(in), "a directory: input_failed");
		input_close(in);
	}
	err = captured();
	ok(strstr(got, "1:x|") != NULL, "a directory: the next file is read");
	want = xasprintf("test-input: %s:1: read error: Is a directory\n", dir);
	is_str(err, want, "a directory: reported");
	free(want);
	free(got);
	free(err);
	free(files[0]);

	/* A gzip file cut in the middle. */
	for (i = 0; i < 3000; i++)
		buf_printf(&text, "{\"n\":%d,\"pad\":\"%x%x\"}\n", i,
		    (unsigned)i * 2654435761U, (unsigned)i * 40503U);
	free(write_gz("whole.gz", "wb", text.s, text.len));
	files[0] = path("whole.gz");
	data = read_file(files[0], &n);
	free(files[0]);
	files[0] = write_file("cut.gz", data, n / 2);
	capture();
	{
		struct input *in = input_open(files, 2, 0);

		got = drain(in);
		ok(input_failed(in), "a truncated gzip file: input_failed");
		input_close(in);
	}
	err = captured();
	want = xasprintf("test-input: %s:", files[0]);
	if (!ok(strncmp(err, want, strlen(want)) == 0 && strstr(err,
	    ": unexpected end of compressed data (truncated gzip file?)\n") &&
	    strchr(err, '\n')[1] == '\0',
	    "a truncated gzip file: reported once, with its name"))
		printf("#   %s", err);
	free(want);
	ok(strstr(got, "1:x|") != NULL && strncmp(got, "1:{\"n\":0,", 9) == 0,
	    "the lines before the cut are read, and the next file");
	/*
	 * Every line handed out must be a whole line of the original; the
	 * cut one is no line but INPUT_ERROR (the header's "read error
	 * (reported); the file is left"), or a program reading CSV takes a
	 * truncated record for a good one.
	 */
	haserr = strstr(got, "|ERROR|1:x|") != NULL;
	partial = NULL;
	for (p = got; partial == NULL && (q = strchr(p, '|')) != NULL;
	    p = q + 1) {
		*q = '\0';
		if (strcmp(p, "1:x") == 0 || strcmp(p, "ERROR") == 0)
			continue;
		if ((r = strchr(p, ':')) == NULL || (r = strstr(text.s,
		    r + 1)) == NULL || r[strlen(strchr(p, ':') + 1)] != '\n')
			partial = p;
	}
	if (!ok(partial == NULL && haserr,
	    "BUG: a truncated gzip file hands out no partial line, but "
	    "INPUT_ERROR"))
		printf("#   got line %s\n", partial ? partial : "ERROR?");
	free(got);
	free(err);
	free(files[0]);

	/* Only the gzip trailer missing: every line, and the error. */
	files[0] = write_file("notrailer.gz", data, n - 4);
	capture();
	{
		struct input *in = input_open(files, 1, 0);

		got = drain(in);
		ok(input_failed(in), "a gzip file without its trailer: failed");
		input_close(in);
	}
	err = captured();
	ok(strstr(got, "3000:{\"n\":2999,") != NULL,
	    "a gzip file without its trailer: all lines read");
	ok(strstr(err, "unexpected end of compressed data") != NULL,
	    "and the cut reported");
	free(got);
	free(err);
	free(files[0]);

	/* Corrupt data in the middle. */
	for (i = 0; i < 64; i++)
		data[n / 2 + (size_t)i] ^= 0x5a;
	files[0] = write_file("corrupt.gz", data, n);
	capture();
	{
		struct input *in = input_open(files, 2, 0);

		got = drain(in);
		ok(input_failed(in), "a corrupt gzip file: input_failed");
		input_close(in);
	}
	err = captured();
	ok(strstr(err, ": corrupt compressed data: ") != NULL ||
	    strstr(err, ": unexpected end of compressed data") != NULL,
	    "a corrupt gzip file: reported");
	ok(strstr(got, "1:x|") != NULL, "and the next file is read");
	free(got);
	free(err);
	free(files[0]);
	free(files[1]);
	free(data);
	buf_free(&text);
}

static void
test_many(void)
{
	struct buf text = BUF_INIT;
	struct input *in;
	const char *line;
	size_t len;
	char *files[2], want[32];
	int i, good = 1, wl;

	for (i = 0; i < 100000; i++)
		buf_printf(&text, "line %d\n", i);
	files[0] = write_file("many.txt", text.s, text.len);
	files[1] = write_gz("many.gz", "wb", text.s, text.len);
	in = input_open(files, 2, 0);
	for (i = 0; i < 200000; i++) {
		wl = snprintf(want, sizeof(want), "line %d", i % 100000);
		if (input_next(in, &line, &len) != INPUT_LINE ||
		    len != (size_t)wl || memcmp(line, want, len) != 0 ||
		    input_lineno(in) != (unsigned long)(i % 100000 + 1)) {
			good = 0;
			break;
		}
		if (i == 100000 && strcmp(input_name(in), files[1]) != 0)
			good = 0;
	}
	ok(good && input_next(in, &line, &len) == INPUT_EOF,
	    "100000 lines plain, then 100000 gzip");
	input_close(in);
	free(files[0]);
	free(files[1]);
	buf_free(&text);
}

static int
rm(const char *name)
{
	char *f = path(name);
	int rc = unlink(f);

	free(f);
	return rc;
}

/* Input of issue 8: data after gzip, a bare header, a byte order mark. */
static void
test_trailing(void)
{
	char *files[2], *got, *err, *want, *data;
	struct input *in;
	size_t n;
	FILE *fp;

	/* gzip, then plain lines appended. */
	files[0] = write_gz("tail.gz", "wb", "g1\ng2\n", 6);
	data = read_file(files[0], &n);
	if ((fp = fopen(files[0], "ab")) == NULL || fputs("p1\np2\n", fp) ==
	    EOF || fclose(fp) != 0)
		abort();
	files[1] = write_file("after2.txt", "x\n", 2);
	capture();
	in = input_open(files, 2, 0);
	got = drain(in);
	ok(input_failed(in), "data after gzip: input_failed");
	input_close(in);
	err = captured();
	is_str(got, "1:g1|2:g2|1:x|",
	    "data after gzip: the gzip lines, then the next file");
	want = xasprintf("test-input: %s: data after the end of the gzip "
	    "stream, at byte %zu; not read\n", files[0], n);
	is_str(err, want, "data after gzip: named with the byte it starts at");
	free(want);
	free(got);
	free(err);
	free(data);

	/* Two members, then garbage: both members, then the error. */
	free(write_gz("tail.gz", "wb", "a\n", 2));
	free(write_gz("tail.gz", "ab", "b", 1));
	if ((fp = fopen(files[0], "ab")) == NULL || fputs("\x1f", fp) == EOF ||
	    fclose(fp) != 0)
		abort();
	capture();
	in = input_open(files, 1, 0);
	got = drain(in);
	ok(input_failed(in), "one stray byte after two members: failed");
	input_close(in);
	err = captured();
	is_str(got, "1:a|2:b|", "two members, then a stray byte: both read");
	ok(strstr(err, "data after the end of the gzip stream") != NULL,
	    "and the byte reported");
	free(got);
	free(err);

	/* Nothing but the magic bytes. */
	unit_write(files[0], "\x1f\x8b", 2);
	capture();
	in = input_open(files, 1, 0);
	got = drain(in);
	ok(input_failed(in), "a bare gzip magic: failed");
	input_close(in);
	err = captured();
	want = xasprintf("test-input: %s:1: unexpected end of compressed data "
	    "(truncated gzip file?)\n", files[0]);
	is_str(err, want, "a bare gzip magic: truncated, at line 1");
	free(want);
	free(got);
	free(err);

	/* One byte 0x1f is plain text, not a gzip file. */
	unit_write(files[0], "\x1f", 1);
	got = drain_files(files, 1, 0);
	is_str(got, "1:\x1f|", "a lone 0x1f byte is a plain line");
	free(got);

	/* A byte order mark opens a file's first line only. */
	unit_write(files[0], "\xef\xbb\xbf{}\n\xef\xbb\xbf{}\n", 12);
	free(files[1]);
	files[1] = write_gz("bom.gz", "wb", "\xef\xbb\xbfz", 4);
	got = drain_files(files, 2, 0);
	is_str(got, "1:{}|2:\xef\xbb\xbf{}|1:z|",
	    "a BOM is skipped at the start of each file, plain or gzip");
	free(got);
	unit_write(files[0], "\xef\xbb\xbf", 3);
	got = drain_files(files, 1, 0);
	is_str(got, "1:|", "a file of just a BOM: one empty line");
	free(got);
	free(files[0]);
	free(files[1]);
}

int
main(int argc, char **argv)
{
	static const char *names[] = { "plain.txt", "empty.txt", "nl.txt",
	    "nul.txt", "one.gz", "two.gz", "empty.gz", "p1.txt", "g1.gz",
	    "p2.txt", "in.txt", "in.gz", "limit.txt", "limit2.txt",
	    "big.txt", "after.txt", "whole.gz", "cut.gz", "notrailer.gz",
	    "corrupt.gz", "many.txt", "many.gz", "tail.gz", "after2.txt",
	    "bom.gz" };
	size_t i;

	(void)argc;
	diag_init(argv[0]);
	dir = unit_tmpdir("test-input");
	test_plain();
	test_gzip();
	test_stdin();
	test_limit();
	test_pieces();
	test_errors();
	test_many();
	test_trailing();
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		rm(names[i]);
	if (rmdir(dir) == -1)
		ok(0, "temporary directory left clean: %s", dir);
	free(dir);
	return tap_done();
}
