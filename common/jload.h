/*
 * jload.h - where a loader stands in a JSON configuration file, so that
 * every mistake it finds is reported as "FILE:LINE: who: why" although
 * jansson keeps no positions for values.
 *
 * The loader pushes the steps of the path to the value it is checking (an
 * object key, or an array index) and pops them when done; jload_fail()
 * finds the line with jsonpos_line() and exits 2.  "who" is a prefix of
 * every message ("team \"care\": "), set by jload_who() and cleared by
 * buf_reset(&j->who).
 *
 * jload_open() reads and parses the file (duplicate keys rejected); the
 * text stays in j until jload_close().  A loader that may die should keep
 * what it built reachable (a static), so that a leak checker sees none.
 */
#ifndef JLOAD_H
#define JLOAD_H

#include <stdarg.h>
#include <stddef.h>
#include <jansson.h>

#include "buf.h"

#define JLOAD_MAXSTEPS	80	/* deeper steps are counted, not kept */

struct jload {
	const char	*file;
	char		*text;
	size_t		 len;
	const char	*steps[JLOAD_MAXSTEPS];
	char		 idx[JLOAD_MAXSTEPS][24];
	int		 nsteps;
	struct buf	 who;		/* the messages' prefix */
	struct buf	 tmp;		/* scratch for the caller's messages */
};

/*
 * Reads and parses path into a new document (the caller owns it); dies
 * naming file and line when it does not parse or is not an object.
 */
json_t	*jload_open(struct jload *j, const char *path);
void	 jload_close(struct jload *j);

void	 jload_push(struct jload *j, const char *step);
void	 jload_push_index(struct jload *j, size_t i);
void	 jload_pop(struct jload *j);
/* The line of the value the loader stands on. */
int	 jload_line(const struct jload *j);
/* who = prefix "NAME": with NAME as a JSON string. */
void	 jload_who(struct jload *j, const char *prefix, const char *name);
/* b = name as a JSON string, quotes and all. */
void	 jload_quoted(struct buf *b, const char *name);

void	 jload_fail(struct jload *j, const char *fmt, ...)
	    __attribute__((noreturn, format(printf, 2, 3)));
void	 jload_vfail(struct jload *j, const char *fmt, va_list ap)
	    __attribute__((noreturn, format(printf, 2, 0)));

/*
 * The string member key of obj: NULL when absent and not required; dies
 * when it is missing and required, not a string, or empty.
 */
const json_t *jload_string(struct jload *j, const json_t *obj,
	    const char *key, int required);

#endif
