#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

const char *sc_progname = "sc";

void
diag_init(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	sc_progname = p ? p + 1 : argv0;
}

void
vwarnat(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s: %s:%lu: ", sc_progname, file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: %s: ", sc_progname, file);
	else
		fprintf(stderr, "%s: ", sc_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(NULL, 0, fmt, ap);
	va_end(ap);
}

void
warnat(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(file, line, fmt, ap);
	va_end(ap);
}

void	(*diag_die_hook)(int);

void
diag_exit(int status)
{
	if (diag_die_hook != NULL)
		diag_die_hook(status);
	exit(status);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(NULL, 0, fmt, ap);
	va_end(ap);
	diag_exit(status);
}
