/*
 * buf.h - a growable byte string, always NUL-terminated.
 *
 * A struct buf starts zeroed (BUF_INIT) and owns b->s; buf_free() releases
 * it, buf_detach() hands it to the caller.  Appends never fail (xmem).
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *b, size_t extra);
void	 buf_add(struct buf *b, const void *p, size_t n);
void	 buf_adds(struct buf *b, const char *s);
void	 buf_addc(struct buf *b, int c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *b);		/* len = 0, keeps memory */
void	 buf_free(struct buf *b);
char	*buf_detach(struct buf *b);		/* never NULL */
/* The contents, "" for an empty never-grown buffer. */
const char *buf_str(const struct buf *b);

#endif
