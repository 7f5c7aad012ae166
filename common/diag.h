/*
 * diag.h - diagnostics in the one form all sc programs use:
 *
 *	sc-route: rules.json:17: unknown operator "gt="
 *	sc-route: <stdin>:3: expected an object, got an array
 *
 * Lower case, no full stop, always the program name first and, for input,
 * the place.  diag_init() takes the program name from argv[0].
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdarg.h>

extern const char *sc_progname;

void	diag_init(const char *argv0);
/* "prog: msg" on stderr. */
void	warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: file:line: msg" on stderr; line 0 leaves out the line. */
void	warnat(const char *file, unsigned long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/*
 * "prog: msg" on stderr, then exit(status).  A fuzz harness may set
 * diag_die_hook to get control first (and longjmp out of a loader whose
 * input it made up); programs leave it NULL.
 */
extern void	(*diag_die_hook)(int);
/* exit(status), through diag_die_hook; for fatal errors reported already. */
void	diag_exit(int status) __attribute__((noreturn));
void	die(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
void	vwarnat(const char *file, unsigned long line, const char *fmt,
	    va_list ap);

#endif
