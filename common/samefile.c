#include <sys/stat.h>

#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "samefile.h"
#include "sc.h"

static int
same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void __attribute__((noreturn))
refuse(const char *out, const char *role, const char *in)
{
	if (strcmp(out, in) == 0)
		die(SC_EXIT_FATAL, "%s: %s is also an input", out, role);
	die(SC_EXIT_FATAL, "%s: %s is also an input (as %s)", out, role, in);
}

void
samefile_check(const char *out, const char *role, char *const *files,
    int nfiles)
{
	struct stat so, si;
	int i;

	if (out == NULL || strcmp(out, "-") == 0 || stat(out, &so) == -1 ||
	    !S_ISREG(so.st_mode))
		return;
	if (nfiles == 0) {
		if (fstat(STDIN_FILENO, &si) == 0 && same(&so, &si))
			refuse(out, role, "<stdin>");
		return;
	}
	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0) {
			if (fstat(STDIN_FILENO, &si) == 0 && same(&so, &si))
				refuse(out, role, "<stdin>");
		} else if (stat(files[i], &si) == 0 && same(&so, &si))
			refuse(out, role, files[i]);
	}
}
