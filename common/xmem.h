/*
 * xmem.h - allocation that cannot fail: on exhaustion the program says
 * "out of memory" and exits 2, so callers never check.  Memory returned is
 * the caller's, released with free().
 */
#ifndef XMEM_H
#define XMEM_H

#include <stddef.h>

void	*xmalloc(size_t n);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t n);
/* xreallocarray: p resized to n * size, overflow checked. */
void	*xreallocarray(void *p, size_t n, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
