/*
 * sc.h - what every sc program shares: the version and the exit statuses.
 *
 * Exit statuses are part of the interface (see sc(7)); a program keeps the
 * worst status it has seen and returns it from main.
 */
#ifndef SC_H
#define SC_H

#define SC_VERSION	"0.1.0"

enum {
	SC_EXIT_OK = 0,		/* all good */
	SC_EXIT_REJECT = 1,	/* finished, but some input records were rejected */
	SC_EXIT_FATAL = 2,	/* usage, configuration or fatal error */
	SC_EXIT_TEMPFAIL = 75	/* temporary failure (rate limit, lock): retry */
};

/* The worse of two exit statuses: 75 and 2 beat 1, 1 beats 0. */
int	sc_worse(int a, int b);

#endif
