/*
 * test-samefile - samefile.h: an output that is one of the inputs (by any
 * path, or as standard input) exits 2 naming both; other files, a missing
 * output, standard output and /dev/null pass.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "samefile.h"
#include "sc.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

struct args {
	const char	*out;
	char		*files[3];
	int		 nfiles;
	const char	*stdin_path;
};

static void
child(void *arg)
{
	struct args *a = arg;
	int fd;

	if (a->stdin_path != NULL) {
		if ((fd = open(a->stdin_path, O_RDONLY)) == -1)
			exit(9);
		dup2(fd, STDIN_FILENO);
	}
	samefile_check(a->out, "output file", a->files, a->nfiles);
}

/* want NULL: passes (exit 0, silent); else exit 2 with that message. */
static void
expect(struct args *a, const char *want, const char *what)
{
	char *out, *err, *w;
	int st;

	st = run_child(child, a, &out, &err);
	if (want == NULL) {
		ok(exited(st, 0) && *err == '\0', "%s: passes", what);
	} else {
		w = xasprintf("test-samefile: %s\n", want);
		ok(exited(st, SC_EXIT_FATAL), "%s: exit 2", what);
		is_str(err, w, "%s: message", what);
		free(w);
	}
	free(out);
	free(err);
}

int
main(void)
{
	struct args a;
	char *dir, *f, *g, *hard, *sym, *w;

	diag_init("test-samefile");
	dir = unit_tmpdir("test-samefile");
	f = xasprintf("%s/f", dir);
	g = xasprintf("%s/g", dir);
	hard = xasprintf("%s/hard", dir);
	sym = xasprintf("%s/sym", dir);
	unit_write(f, "x\n", 2);
	unit_write(g, "y\n", 2);
	if (link(f, hard) == -1 || symlink(f, sym) == -1)
		return 2;

	memset(&a, 0, sizeof(a));
	a.out = f;
	a.files[0] = g;
	a.nfiles = 1;
	expect(&a, NULL, "another file");
	a.files[1] = f;
	a.nfiles = 2;
	w = xasprintf("%s: output file is also an input", f);
	expect(&a, w, "the same path, second operand");
	free(w);
	a.files[1] = hard;
	w = xasprintf("%s: output file is also an input (as %s)", f, hard);
	expect(&a, w, "a hard link");
	free(w);
	a.out = sym;
	a.files[1] = f;
	w = xasprintf("%s: output file is also an input (as %s)", sym, f);
	expect(&a, w, "a symbolic link as output");
	free(w);
	a.files[1] = (char *)"-";
	a.stdin_path = f;
	w = xasprintf("%s: output file is also an input (as <stdin>)", sym);
	expect(&a, w, "\"-\" reading it");
	free(w);
	a.nfiles = 0;
	expect(&a, w = xasprintf("%s: output file is also an input (as "
	    "<stdin>)", sym), "no operands, standard input reading it");
	free(w);
	a.stdin_path = g;
	expect(&a, NULL, "standard input another file");
	a.out = "/dev/null";
	a.stdin_path = "/dev/null";
	expect(&a, NULL, "/dev/null both ways");
	a.out = NULL;
	a.stdin_path = f;
	expect(&a, NULL, "standard output");
	a.out = "-";
	expect(&a, NULL, "\"-\"");
	a.out = w = xasprintf("%s/missing", dir);
	expect(&a, NULL, "an output not there yet");
	free(w);

	unlink(f);
	unlink(g);
	unlink(hard);
	unlink(sym);
	rmdir(dir);
	free(f);
	free(g);
	free(hard);
	free(sym);
	free(dir);
	return tap_done();
}
