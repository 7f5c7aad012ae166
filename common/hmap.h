/*
 * hmap.h - a hash map from byte-string keys to pointer-sized values, for
 * ids seen in a run and indexes of posts.  Open addressing, grows by
 * doubling, so inserts and look-ups take constant time on average.  The
 * map copies keys and owns the copies; values are the caller's.
 */
#ifndef HMAP_H
#define HMAP_H

#include <stddef.h>
#include <stdint.h>

struct hmap;

struct hmap	*hmap_new(void);
/*
 * The value slot for key, created (holding NULL) if absent; *existed tells
 * which.  The slot stays valid until the next insert.
 */
void		**hmap_put(struct hmap *m, const char *key, size_t klen,
		    int *existed);
/* The value slot for key, or NULL if absent. */
void		**hmap_get(const struct hmap *m, const char *key, size_t klen);
size_t		 hmap_count(const struct hmap *m);
/* Visit every entry; order is unspecified. */
void		 hmap_each(const struct hmap *m,
		    void (*fn)(const char *key, size_t klen, void *val,
		    void *ctx), void *ctx);
void		 hmap_free(struct hmap *m);
uint64_t	 hmap_hash(const char *key, size_t klen);
/*
 * Plain FNV-1a, 64 bits: a digest that never changes from one version to
 * the next, so it may be stored (sc-reply's reply.digest).
 */
uint64_t	 hmap_fnv1a(const char *key, size_t klen);

#endif
