#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "xmem.h"

struct entry {
	char		*key;	/* NULL: empty slot */
	size_t		 klen;
	uint64_t	 hash;
	void		*val;
};

struct hmap {
	struct entry	*tab;
	size_t		 cap;	/* a power of two */
	size_t		 n;
};

uint64_t
hmap_fnv1a(const char *key, size_t klen)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < klen; i++) {
		h ^= (unsigned char)key[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* FNV-1a, 64 bits, its high bits folded in: simple, good enough for ids. */
uint64_t
hmap_hash(const char *key, size_t klen)
{
	uint64_t h = hmap_fnv1a(key, klen);

	return h ^ (h >> 29);
}

struct hmap *
hmap_new(void)
{
	struct hmap *m;

	m = xcalloc(1, sizeof(*m));
	m->cap = 64;
	m->tab = xcalloc(m->cap, sizeof(*m->tab));
	return m;
}

static struct entry *
slot(const struct hmap *m, const char *key, size_t klen, uint64_t h)
{
	size_t i = h & (m->cap - 1);
	struct entry *e;

	for (;;) {
		e = &m->tab[i];
		if (e->key == NULL || (e->hash == h && e->klen == klen &&
		    memcmp(e->key, key, klen) == 0))
			return e;
		i = (i + 1) & (m->cap - 1);
	}
}

static void
grow(struct hmap *m)
{
	struct entry *old = m->tab, *e;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->tab = xcalloc(m->cap, sizeof(*m->tab));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		e = slot(m, old[i].key, old[i].klen, old[i].hash);
		*e = old[i];
	}
	free(old);
}

void **
hmap_put(struct hmap *m, const char *key, size_t klen, int *existed)
{
	struct entry *e;
	uint64_t h;

	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	h = hmap_hash(key, klen);
	e = slot(m, key, klen, h);
	if (e->key != NULL) {
		if (existed)
			*existed = 1;
		return &e->val;
	}
	e->key = xstrndup(key, klen);
	e->klen = klen;
	e->hash = h;
	e->val = NULL;
	m->n++;
	if (existed)
		*existed = 0;
	return &e->val;
}

void **
hmap_get(const struct hmap *m, const char *key, size_t klen)
{
	struct entry *e;

	e = slot(m, key, klen, hmap_hash(key, klen));
	return e->key != NULL ? &e->val : NULL;
}

size_t
hmap_count(const struct hmap *m)
{
	return m->n;
}

void
hmap_each(const struct hmap *m, void (*fn)(const char *, size_t, void *,
    void *), void *ctx)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->tab[i].key != NULL)
			fn(m->tab[i].key, m->tab[i].klen, m->tab[i].val, ctx);
}

void
hmap_free(struct hmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->tab[i].key);
	free(m->tab);
	free(m);
}
