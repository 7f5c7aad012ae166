/*
 * test-record - record.h: rec_filter with a small fn (records changed in
 * place and written, rejects counted and reported with file:line, the raw
 * lines in the --rejects file), --strict (exit 2 after the earlier records
 * were written, in a child), and the lower-level reader.
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "post.h"
#include "record.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *
write_file(const char *name, const char *text, size_t n)
{
	char *f = path(name);

	unit_write(f, text, n);
	return f;
}

static char *
read_file(const char *f)
{
	char *s;

	return (s = unit_read(f, NULL)) != NULL ? s : xstrdup("(missing)");
}

static char *
read_gz(const char *f)
{
	struct buf b = BUF_INIT;
	char tmp[4096];
	gzFile gz;
	int n, errnum;

	if ((gz = gzopen(f, "rb")) == NULL)
		return xstrdup("(missing)");
	while ((n = gzread(gz, tmp, sizeof(tmp))) > 0)
		buf_add(&b, tmp, (size_t)n);
	gzerror(gz, &errnum);
	if (n < 0 || errnum != Z_OK)
		buf_adds(&b, "(truncated gzip stream)");
	gzclose(gz);
	return buf_detach(&b);
}

struct seen {
	int	 calls;
	char	 order[64];
};

/* Reject posts without text, or whose text is "drop"; mark the rest. */
static int
classify(struct recin *r, json_t *post, void *ctx)
{
	struct seen *s = ctx;
	char err[128];
	const char *id;

	s->calls++;
	id = json_string_value(json_object_get(post, "id"));
	if (id != NULL &&
	    strlen(s->order) + strlen(id) + 2 < sizeof(s->order)) {
		strcat(s->order, id);
		strcat(s->order, " ");
	}
	if (post_check(post, POST_TEXT, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	if (strcmp(post_text(post), "drop") == 0) {
		rec_reject(r, "dropped %s", id ? id : "?");
		return -1;
	}
	json_object_set_new(post, "class", json_string("seen"));
	return 0;
}

static const char long_line[] =
    "{\"id\":\"x:long\",\"text\":\"0123456789012345678901234567890123456789"
    "01234567890123456789012345678901234567890123456789\"}";

static void
test_filter(void)
{
	struct buf in = BUF_INIT, want = BUF_INIT;
	struct seen seen = { 0, "" };
	struct sc_common c;
	char *files[2], *out, *rej, *err, *got;
	int status, bad;

	buf_adds(&in, "{\"id\":\"x:1\",\"text\":\"keep\"}\n");		/* 1 */
	buf_adds(&in, "\n");						/* 2 */
	buf_adds(&in, "not json\n");					/* 3 */
	buf_adds(&in, "[1,2]\n");					/* 4 */
	buf_adds(&in, "{\"id\":\"x:2\",\"text\":\"drop\"}\n");		/* 5 */
	buf_adds(&in, "{\"class\":\"old\",\"id\":\"x:3\",\"text\":\"keep\","
	    "\"n\":1.0,\"u\":\"\\u00e9\"}\r\n");			/* 6 */
	buf_adds(&in, "{\"text\":\"\xff\"}\n");				/* 7 */
	buf_adds(&in, " \t \r\n");					/* 8 */
	buf_adds(&in, long_line);					/* 9 */
	buf_adds(&in, "\n{\"id\":\"x:4\"}\n");				/* 10 */
	buf_adds(&in, "\"str\"\n");					/* 11 */
	buf_adds(&in, "{\"id\":\"x:5\",\"text\":\"last\"}");		/* 12 */
	files[0] = write_file("in.ndjson", in.s, in.len);
	out = path("out.ndjson");
	rej = path("rejects.ndjson");
	files[1] = write_file("rejects.ndjson", "earlier\n", 8);
	free(files[1]);

	cli_init(&c);
	c.output = out;
	c.rejects = rej;
	c.maxline = 100;
	capture();
	status = rec_filter(&c, files, 1, classify, &seen);
	err = captured();
	ok(status == SC_EXIT_REJECT, "rec_filter returns 1 after rejects");
	ok(seen.calls == 5, "fn sees only the objects (%d calls)", seen.calls);
	is_str(seen.order, "x:1 x:2 x:3 x:4 x:5 ", "in input order");

	got = read_file(out);
	is_str(got, "{\"id\":\"x:1\",\"text\":\"keep\",\"class\":\"seen\"}\n"
	    "{\"class\":\"seen\",\"id\":\"x:3\",\"text\":\"keep\",\"n\":1.0,"
	    "\"u\":\"\xc3\xa9\"}\n"
	    "{\"id\":\"x:5\",\"text\":\"last\",\"class\":\"seen\"}\n",
	    "the records fn kept, changed, in the compact form");
	free(got);

	buf_printf(&want, "test-record: %s:3: invalid JSON at byte ",
	    files[0]);
	bad = !ok(strncmp(err, want.s, want.len) == 0, "not JSON: file:line");
	buf_reset(&want);
	buf_printf(&want,
	    "test-record: %s:4: expected an object, got an array\n"
	    "test-record: %s:5: dropped x:2\n"
	    "test-record: %s:7: invalid UTF-8 at byte ",
	    files[0], files[0], files[0]);
	bad |= !ok(strstr(err, want.s) != NULL,
	    "array, fn's reject, bad UTF-8");
	buf_reset(&want);
	buf_printf(&want,
	    "test-record: %s:9: line too long (over 100 bytes; "
	    "see --max-line)\n"
	    "test-record: %s:10: missing field \"text\"\n"
	    "test-record: %s:11: expected an object, got a string\n",
	    files[0], files[0], files[0]);
	bad |= !ok(strlen(err) >= want.len &&
	    strcmp(err + strlen(err) - want.len, want.s) == 0,
	    "too long, missing field, a string");
	bad |= !ok(strstr(err, ":2:") == NULL && strstr(err, ":8:") == NULL &&
	    strstr(err, ":6:") == NULL, "blank lines and CRLF pass quietly");
	if (bad)
		printf("# stderr:\n%s", err);

	got = read_file(rej);
	buf_reset(&want);
	buf_printf(&want, "earlier\nnot json\n[1,2]\n"
	    "{\"id\":\"x:2\",\"text\":\"drop\"}\n{\"text\":\"\xff\"}\n%s\n"
	    "{\"id\":\"x:4\"}\n\"str\"\n", long_line);
	is_str(got, want.s, "--rejects appends the raw rejected lines, the "
	    "overlong one whole");
	free(got);
	free(err);
	unlink(out);
	unlink(rej);
	unlink(files[0]);
	free(files[0]);
	free(out);
	free(rej);
	buf_free(&in);
	buf_free(&want);
}

static int
pass(struct recin *r, json_t *post, void *ctx)
{
	(void)r;
	(void)post;
	(void)ctx;
	return 0;
}

static void
test_status(void)
{
	struct sc_common c;
	char *files[2], *out, *err, *got, *want;
	int status, fd, saved;

	cli_init(&c);
	out = path("out2.ndjson");
	c.output = out;

	files[0] = write_file("ok.ndjson", "{\"a\":1}\n{\"b\":[]}\n", 16);
	capture();
	status = rec_filter(&c, files, 1, pass, NULL);
	err = captured();
	ok(status == SC_EXIT_OK, "all good: 0");
	is_str(err, "", "and quiet");
	got = read_file(out);
	is_str(got, "{\"a\":1}\n{\"b\":[]}\n", "records pass through");
	free(got);
	free(err);

	files[1] = path("missing.ndjson");
	capture();
	status = rec_filter(&c, files, 2, pass, NULL);
	err = captured();
	ok(status == SC_EXIT_FATAL, "a missing input file: 2");
	want = xasprintf("test-record: %s: No such file or directory\n",
	    files[1]);
	is_str(err, want, "reported");
	free(want);
	free(err);
	got = read_file(out);
	is_str(got, "{\"a\":1}\n{\"b\":[]}\n", "the other file is read");
	free(got);
	free(files[1]);

	/* Standard input is <stdin> in messages. */
	unlink(files[0]);
	free(files[0]);
	files[0] = write_file("stdin.ndjson", "{}\n[]\n", 6);
	saved = dup(STDIN_FILENO);
	fd = open(files[0], O_RDONLY);
	dup2(fd, STDIN_FILENO);
	close(fd);
	capture();
	status = rec_filter(&c, NULL, 0, pass, NULL);
	err = captured();
	dup2(saved, STDIN_FILENO);
	close(saved);
	ok(status == SC_EXIT_REJECT, "standard input: 1");
	is_str(err,
	    "test-record: <stdin>:2: expected an object, got an array\n",
	    "standard input is <stdin>");
	free(err);

	/* An empty input. */
	unlink(files[0]);
	free(files[0]);
	files[0] = write_file("empty.ndjson", "", 0);
	status = rec_filter(&c, files, 1, pass, NULL);
	got = read_file(out);
	ok(status == SC_EXIT_OK && *got == '\0', "empty input: 0, no output");
	free(got);
	unlink(files[0]);
	free(files[0]);
	unlink(out);
	free(out);
}

struct strict_args {
	char	*in;
	char	*out;
	int	 gzip;
	int	 to_stdout;	/* out is standard output */
};

static void
run_strict(void *arg)
{
	struct strict_args *a = arg;
	struct sc_common c;
	struct seen seen = { 0, "" };
	int fd;

	cli_init(&c);
	c.output = a->out;
	if (a->to_stdout) {
		if ((fd = open(a->out, O_WRONLY | O_CREAT | O_TRUNC, 0666)) ==
		    -1)
			_exit(99);
		dup2(fd, STDOUT_FILENO);
		close(fd);
		c.output = NULL;
	}
	c.gzip = a->gzip;
	c.strict = 1;
	exit(rec_filter(&c, &a->in, 1, classify, &seen));
}

static void
test_strict(void)
{
	static const char text[] =
	    "{\"id\":\"x:1\",\"text\":\"a\"}\n"
	    "{\"id\":\"x:2\",\"text\":\"b\"}\n"
	    "{\"id\":\"x:3\",\"text\":\"drop\"}\n"
	    "{\"id\":\"x:4\",\"text\":\"d\"}\n";
	static const char first2[] =
	    "{\"id\":\"x:1\",\"text\":\"a\",\"class\":\"seen\"}\n"
	    "{\"id\":\"x:2\",\"text\":\"b\",\"class\":\"seen\"}\n";
	struct strict_args a;
	char *err, *got, *want;
	int st;

	a.in = write_file("strict.ndjson", text, sizeof(text) - 1);
	a.out = path("strict.out");
	a.gzip = 0;
	a.to_stdout = 0;
	st = run_child(run_strict, &a, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "--strict: exit 2");
	want = xasprintf("test-record: %s:3: dropped x:3\n"
	    "test-record: stopping at the first bad record (--strict)\n", a.in);
	is_str(err, want, "--strict: the reject, then why it stops");
	got = read_file(a.out);
	is_str(got, first2, "--strict: the records before were written");
	free(got);
	free(err);
	unlink(a.out);

	/* The same with gzip output: the records before must be there. */
	a.gzip = 1;
	st = run_child(run_strict, &a, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "--strict -z: exit 2");
	is_str(err, want, "--strict -z: the same messages");
	got = read_gz(a.out);
	is_str(got, first2, "--strict -z: the records before were written, "
	    "the gzip stream complete");
	free(got);
	free(err);

	/* And to standard output, plain and gzip. */
	a.to_stdout = 1;
	a.gzip = 0;
	st = run_child(run_strict, &a, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "--strict >file: exit 2");
	is_str(err, want, "--strict >file: the same messages");
	got = read_file(a.out);
	is_str(got, first2, "--strict >file: the records before were written");
	free(got);
	free(err);
	a.gzip = 1;
	st = run_child(run_strict, &a, NULL, &err);
	ok(exited(st, SC_EXIT_FATAL), "--strict -z >file: exit 2");
	is_str(err, want, "--strict -z >file: the same messages");
	got = read_gz(a.out);
	is_str(got, first2, "--strict -z >file: the records before, the gzip "
	    "stream complete");
	free(got);
	free(err);
	free(want);
	unlink(a.out);
	unlink(a.in);
	free(a.in);
	free(a.out);
}

/* rec_next_keys: the wanted members only, rec_next's rejections. */
static void
test_next_keys(void)
{
	static const char text[] =
	    "{\"id\":\"x:1\",\"text\":\"long\",\"route\":{\"skip\":true},"
	    "\"n\":[1,2]}\n"
	    "{\"id\":\"x:\\u0032\",\"id2\":1}\n"
	    "{\"id\":oops}\n"
	    "{\"a\":1,\"a\":2,\"id\":\"x:3\"}\n";
	static const char *const want[] = { "id", "route", NULL };
	struct sc_common c;
	struct recin *r;
	json_t *j;
	char *files[1], *err, *exp;

	cli_init(&c);
	files[0] = write_file("keys.ndjson", text, sizeof(text) - 1);
	capture();
	r = rec_open(&c, files, 1);
	j = rec_next_keys(r, want);
	ok(json_object_size(j) == 2 &&
	    strcmp(json_string_value(json_object_get(j, "id")), "x:1") == 0 &&
	    json_is_true(json_object_get(json_object_get(j, "route"), "skip")),
	    "rec_next_keys: only id and route, parsed");
	json_decref(j);
	j = rec_next_keys(r, want);
	ok(j != NULL && strcmp(json_string_value(json_object_get(j, "id")),
	    "x:2") == 0, "an escaped string is decoded");
	json_decref(j);
	j = rec_next_keys(r, want);
	ok(j != NULL && strcmp(json_string_value(json_object_get(j, "id")),
	    "x:3") == 0 && rec_lineno(r) == 4,
	    "a bad line is rejected, a duplicate key goes to jansson");
	json_decref(j);
	ok(rec_next_keys(r, want) == NULL, "then NULL at the end");
	rec_close(r);
	err = captured();
	exp = xasprintf("test-record: %s:3: invalid JSON at byte 10: invalid "
	    "token near 'oops'\n", files[0]);
	is_str(err, exp, "the same message as rec_next");
	free(exp);
	free(err);
	unlink(files[0]);
	free(files[0]);
}

static int
set_fn(struct recin *r, json_t *post, void *ctx)
{
	(void)r;
	(void)ctx;
	json_object_set_new(post, "k", json_string("fn"));
	return 0;
}

static int
set_raw(struct recin *r, json_t *post, struct buf *val, void *ctx)
{
	(void)ctx;
	if (json_object_get(post, "skip") != NULL) {
		rec_reject(r, "skipped");
		return -1;
	}
	buf_adds(val, "\"raw\"");
	return 0;
}

/* rec_filter_keys_raw: raw's text on plain lines, fn's value on others. */
static void
test_filter_raw(void)
{
	static const char text[] =
	    "{\"a\":1}\n"
	    "{\"a\":1,\"a\":2}\n"
	    "{\"k\":0,\"b\":[]}\n"
	    "{\"skip\":1}\n";
	static const char *const want[] = { "a", "skip", NULL };
	struct sc_common c;
	char *files[1], *out, *err, *got, *exp;
	int status;

	cli_init(&c);
	out = path("raw.out");
	c.output = out;
	files[0] = write_file("raw.ndjson", text, sizeof(text) - 1);
	capture();
	status = rec_filter_keys_raw(&c, files, 1, want, "k", set_fn, set_raw,
	    NULL);
	err = captured();
	ok(status == SC_EXIT_REJECT, "rec_filter_keys_raw: a reject, 1");
	exp = xasprintf("test-record: %s:4: skipped\n", files[0]);
	is_str(err, exp, "raw's reject names its line");
	got = read_file(out);
	is_str(got, "{\"a\":1,\"k\":\"raw\"}\n{\"a\":2,\"k\":\"fn\"}\n"
	    "{\"k\":\"raw\",\"b\":[]}\n",
	    "raw's text spliced in (added, or in place); fn for a line "
	    "parsed whole");
	free(got);
	free(exp);
	free(err);
	unlink(out);
	unlink(files[0]);
	free(files[0]);
	free(out);
}

/* rec_next_keys with "a.b": only the members named of a nested object. */
static void
test_next_keys_part(void)
{
	static const char text[] =
	    "{\"id\":\"x:1\",\"author\":{\"id\":\"u\",\"followers\":12,"
	    "\"verified\":true,\"name\":\"N\"}}\n"
	    "{\"author\":[1,2]}\n"
	    "{\"author\":{\"followers\":1,\"followers\":2}}\n";
	static const char *const want[] = {
		"author.followers", "author.verified", NULL
	};
	struct sc_common c;
	struct recin *r;
	json_t *j, *a;
	char *files[1], *err;

	cli_init(&c);
	files[0] = write_file("part.ndjson", text, sizeof(text) - 1);
	capture();
	r = rec_open(&c, files, 1);
	j = rec_next_keys(r, want);
	a = json_object_get(j, "author");
	ok(json_object_size(j) == 1 && json_object_size(a) == 2 &&
	    json_integer_value(json_object_get(a, "followers")) == 12 &&
	    json_is_true(json_object_get(a, "verified")),
	    "author.followers, author.verified: those two of author only");
	json_decref(j);
	j = rec_next_keys(r, want);
	ok(json_array_size(json_object_get(j, "author")) == 2,
	    "an author that is no object is taken whole");
	json_decref(j);
	j = rec_next_keys(r, want);
	ok(json_integer_value(json_path(j, "author.followers")) == 2,
	    "a key given twice goes to jansson: the last one");
	json_decref(j);
	rec_close(r);
	err = captured();
	is_str(err, "", "no message");
	free(err);
	unlink(files[0]);
	free(files[0]);
}

static void
test_lowlevel(void)
{
	static const char csv[] = "h1,h2\nr1,\"multi\nline\"\nr3,x\n";
	struct sc_common c;
	struct recin *r;
	json_t *j;
	char *files[1], *rej, *err, *want, *got;
	const char *line, *raw;
	size_t len;

	cli_init(&c);
	files[0] = write_file("low.ndjson", "{\"a\":1}\n\n{\"b\":2}\n[]\n", 20);
	capture();
	r = rec_open(&c, files, 1);
	j = rec_next(r);
	ok(json_is_object(j) && json_object_get(j, "a") != NULL &&
	    rec_lineno(r) == 1, "rec_next: the first object, line 1");
	raw = rec_line(r, &len);
	ok(len == 7 && memcmp(raw, "{\"a\":1}", 7) == 0, "rec_line: raw bytes");
	is_str(rec_name(r), files[0], "rec_name");
	json_decref(j);
	j = rec_next(r);
	ok(json_object_get(j, "b") != NULL && rec_lineno(r) == 3,
	    "blank lines skipped, line 3");
	rec_warn(r, "just a %s", "warning");
	json_decref(j);
	ok(rec_next(r) == NULL, "then NULL at the end");
	ok(rec_rejected(r) == 1 && rec_status(r) == SC_EXIT_REJECT,
	    "one rejected, status 1");
	rec_close(r);
	err = captured();
	want = xasprintf("test-record: %s:3: just a warning\n"
	    "test-record: %s:4: expected an object, got an array\n",
	    files[0], files[0]);
	is_str(err, want, "rec_warn does not count, the array does");
	free(want);
	free(err);
	unlink(files[0]);
	free(files[0]);

	/* Raw lines and a record over several lines (CSV). */
	files[0] = write_file("low.csv", csv, sizeof(csv) - 1);
	rej = path("low.rejects");
	c.rejects = rej;
	capture();
	r = rec_open(&c, files, 1);
	ok(rec_next_raw(r, &line, &len) == 1 && len == 5 &&
	    rec_lineno(r) == 1, "rec_next_raw: the header");
	ok(rec_next_raw(r, &line, &len) == 1 && rec_lineno(r) == 2,
	    "rec_next_raw: line 2");
	ok(rec_next_raw(r, &line, &len) == 1 && rec_lineno(r) == 3,
	    "rec_next_raw: line 3");
	rec_set_current(r, "r1,\"multi\nline\"", 15, 2);
	ok(rec_lineno(r) == 2, "rec_set_current names the first line");
	rec_reject(r, "bad record");
	ok(rec_next_raw(r, &line, &len) == 1 && rec_lineno(r) == 4 &&
	    len == 4 && memcmp(line, "r3,x", 4) == 0,
	    "the next raw line has its own number again");
	ok(rec_next_raw(r, &line, &len) == 0, "then 0 at the end");
	rec_close(r);
	err = captured();
	want = xasprintf("test-record: %s:2: bad record\n", files[0]);
	is_str(err, want, "a multi-line record is rejected at its first line");
	free(want);
	got = read_file(rej);
	is_str(got, "r1,\"multi\nline\"\n", "and its bytes kept");
	free(got);
	free(err);
	unlink(rej);
	free(rej);
	unlink(files[0]);
	free(files[0]);

	rec_close(NULL);
	ok(1, "rec_close(NULL) is harmless");
}

static void
bad_rejects(void *arg)
{
	struct sc_common c;

	cli_init(&c);
	c.rejects = arg;
	rec_close(rec_open(&c, NULL, 0));
}

static void
test_bad_rejects(void)
{
	char *f, *err, *want;
	int st;

	f = path("no/such/dir/rejects");
	st = run_child(bad_rejects, f, NULL, &err);
	/*
	 * Under LeakSanitizer a leak turns the status into 23.  rec_open()
	 * allocates the reader before it opens the rejects file and dies;
	 * whether LSan sees that depends on what the stack still holds.
	 */
	ok(exited(st, SC_EXIT_FATAL), "an unopenable --rejects file exits 2 "
	    "(under SAN: and leaks nothing)");
	want = xasprintf("test-record: %s: No such file or directory\n", f);
	is_str(err, want, "an unopenable --rejects file: says why, nothing "
	    "else");
	free(want);
	free(err);
	free(f);
}

int
main(int argc, char **argv)
{
	(void)argc;
	diag_init(argv[0]);
	dir = unit_tmpdir("test-record");
	test_filter();
	test_status();
	test_strict();
	test_lowlevel();
	test_next_keys();
	test_next_keys_part();
	test_filter_raw();
	test_bad_rejects();
	if (rmdir(dir) == -1)
		ok(0, "temporary directory left clean: %s", dir);
	free(dir);
	return tap_done();
}
