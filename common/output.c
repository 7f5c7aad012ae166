#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "jsonw.h"
#include "output.h"
#include "sc.h"
#include "xmem.h"

struct output {
	FILE		*fp;		/* plain output */
	gzFile		 gz;		/* -z output */
	const char	*name;
	int		 unbuffered;
	struct buf	 rec;		/* the record being written */
};

static int exit_status_on_pipe = SC_EXIT_OK;
static struct output *last_open;	/* for output_close_last() */

void
output_set_status(int status)
{
	exit_status_on_pipe = status;
}

static void __attribute__((noreturn))
write_failed(const struct output *o, int errnum)
{
	if (errnum == EPIPE)
		exit(exit_status_on_pipe);
	die(SC_EXIT_FATAL, "%s: write error: %s", o->name,
	    errnum ? strerror(errnum) : "unknown error");
}

struct output *
output_open(const char *path, int gzip, int unbuffered, int mode)
{
	struct output *o;
	int fd, flags;

	o = xcalloc(1, sizeof(*o));
	o->unbuffered = unbuffered;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->name = "<stdout>";
		fd = STDOUT_FILENO;
	} else {
		o->name = path;
		flags = O_WRONLY | O_CREAT |
		    (mode == OUTPUT_APPEND ? O_APPEND : O_TRUNC);
		if ((fd = open(path, flags, 0666)) == -1) {
			free(o);	/* leak-free exit under ASan */
			die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
		}
	}
	if (gzip) {
		if (fd == STDOUT_FILENO)
			fd = dup(fd);
		if (fd == -1 || (o->gz = gzdopen(fd, "wb")) == NULL)
			die(SC_EXIT_FATAL, "%s: cannot start gzip output",
			    o->name);
		gzbuffer(o->gz, 128 * 1024);
	} else if (fd == STDOUT_FILENO) {
		o->fp = stdout;
	} else if ((o->fp = fdopen(fd, mode == OUTPUT_APPEND ? "a" : "w"))
	    == NULL) {
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	}
	last_open = o;
	return o;
}

void
output_close_last(void)
{
	struct output *o = last_open;

	last_open = NULL;
	output_close(o);
}

void
output_write(struct output *o, const void *p, size_t n)
{
	int errnum;

	if (n == 0)
		return;
	if (o->gz != NULL) {
		if (gzwrite(o->gz, p, (unsigned)n) != (int)n) {
			gzerror(o->gz, &errnum);
			write_failed(o, errnum == Z_ERRNO ? errno : 0);
		}
		return;
	}
	if (fwrite(p, 1, n, o->fp) != n)
		write_failed(o, errno);
}

void
output_puts(struct output *o, const char *s)
{
	output_write(o, s, strlen(s));
}

void
output_flush(struct output *o)
{
	int errnum;

	if (o->gz != NULL) {
		if (gzflush(o->gz, Z_SYNC_FLUSH) != Z_OK) {
			gzerror(o->gz, &errnum);
			write_failed(o, errnum == Z_ERRNO ? errno : 0);
		}
	} else if (fflush(o->fp) == EOF)
		write_failed(o, errno);
}

void
output_end_record(struct output *o)
{
	if (o->unbuffered)
		output_flush(o);
}

void
output_json(struct output *o, const json_t *j)
{
	buf_reset(&o->rec);
	jsonw(&o->rec, j);
	buf_addc(&o->rec, '\n');
	output_write(o, o->rec.s, o->rec.len);
	output_end_record(o);
}

void
output_close(struct output *o)
{
	int err;

	if (o == NULL)
		return;
	if (o == last_open)
		last_open = NULL;
	if (o->gz != NULL) {
		err = gzclose(o->gz);
		if (err != Z_OK)
			write_failed(o, err == Z_ERRNO ? errno : 0);
	} else {
		if (fflush(o->fp) == EOF || ferror(o->fp))
			write_failed(o, errno);
		if (o->fp == stdout) {
			if (fclose(stdout) == EOF)
				write_failed(o, errno);
		} else if (fclose(o->fp) == EOF)
			write_failed(o, errno);
	}
	buf_free(&o->rec);
	free(o);
}
