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
/* s as one CSV field: RFC 4180, quoted when it holds , " CR or LF. */
void	 buf_add_csv(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *b);		/* len = 0, keeps memory */
void	 buf_free(struct buf *b);
char	*buf_detach(struct buf *b);		/* never NULL */
/*
 * The most a configuration-like file (rules, templates, the configuration,
 * credentials, state) may hold: a mistake such as "-r /dev/zero" must end
 * with a message, not eat the memory.
 */
#define SC_FILE_MAX	(64UL * 1024 * 1024)
/*
 * Append the whole of the file at path; 0, or -1 with errno set (what was
 * read stays in b): EISDIR for a directory, EFBIG when it holds more than
 * max bytes (b then holds max bytes at most; a FIFO or device is read
 * up to the limit, never further).
 */
int	 buf_readfile_max(struct buf *b, const char *path, size_t max);
/* buf_readfile_max() with SC_FILE_MAX. */
int	 buf_readfile(struct buf *b, const char *path);
/*
 * The whole file at path as a new NUL-terminated string and its length;
 * dies with "prog: path: why" (exit 2) when it cannot be read, is a
 * directory ("Is a directory") or holds more than max bytes ("larger
 * than 64 MiB").  For files read once at start.
 */
char	*xslurp_max(const char *path, size_t max, size_t *len);
/* xslurp_max() with SC_FILE_MAX. */
char	*xslurp(const char *path, size_t *len);
/* The contents, "" for an empty never-grown buffer. */
const char *buf_str(const struct buf *b);

#endif
