/*
 * test-hmap - hmap.h: byte-string keys (NULs and all), the existed flag,
 * many inserts through several doublings, look-ups, hmap_each.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "tap.h"

#define N	100000

struct visit {
	size_t		 n;
	uintptr_t	 sum;
	int		 keys_ok;
};

static void
visit(const char *key, size_t klen, void *val, void *ctx)
{
	struct visit *v = ctx;
	char want[32];
	int len;

	v->n++;
	v->sum += (uintptr_t)val;
	len = snprintf(want, sizeof(want), "id:%lu",
	    (unsigned long)((uintptr_t)val - 1));
	if ((size_t)len != klen || memcmp(key, want, klen) != 0)
		v->keys_ok = 0;
}

static void
test_basic(void)
{
	struct hmap *m;
	void **slot;
	int existed = -1;

	m = hmap_new();
	ok(hmap_count(m) == 0, "a new map is empty");
	ok(hmap_get(m, "x", 1) == NULL, "get on an empty map");
	slot = hmap_put(m, "x", 1, &existed);
	ok(slot != NULL && *slot == NULL && existed == 0,
	    "put of a new key: a NULL slot, existed 0");
	*slot = &existed;
	slot = hmap_put(m, "x", 1, &existed);
	ok(existed == 1 && *slot == &existed,
	    "put of a key again: existed 1, the value kept");
	ok(hmap_count(m) == 1, "count 1");
	slot = hmap_get(m, "x", 1);
	ok(slot != NULL && *slot == &existed, "get finds it");
	ok(hmap_put(m, "y", 1, NULL) != NULL, "existed may be NULL");
	ok(hmap_get(m, "xy", 2) == NULL && hmap_get(m, "", 0) == NULL,
	    "other keys are absent");
	hmap_free(m);
	hmap_free(NULL);
	ok(1, "hmap_free(NULL) is harmless");
}

static void
test_binary(void)
{
	struct hmap *m;
	void **slot;
	char k[1];
	int existed, i, good = 1;

	m = hmap_new();
	*hmap_put(m, "a\0b", 3, &existed) = (void *)1;
	*hmap_put(m, "a\0c", 3, &existed) = (void *)2;
	*hmap_put(m, "a", 1, &existed) = (void *)3;
	*hmap_put(m, "a\0", 2, &existed) = (void *)4;
	*hmap_put(m, "", 0, &existed) = (void *)5;
	ok(hmap_count(m) == 5, "keys differing after a NUL are distinct");
	slot = hmap_get(m, "a\0b", 3);
	ok(slot && *slot == (void *)1, "a\\0b");
	slot = hmap_get(m, "a\0c", 3);
	ok(slot && *slot == (void *)2, "a\\0c");
	slot = hmap_get(m, "a", 1);
	ok(slot && *slot == (void *)3, "a");
	slot = hmap_get(m, "a\0", 2);
	ok(slot && *slot == (void *)4, "a\\0");
	slot = hmap_get(m, "", 0);
	ok(slot && *slot == (void *)5, "the empty key");
	slot = hmap_get(m, "abc", 1);
	ok(slot && *slot == (void *)3, "klen, not strlen, counts");
	hmap_free(m);

	m = hmap_new();
	for (i = 0; i < 256; i++) {
		k[0] = (char)i;
		*hmap_put(m, k, 1, &existed) = (void *)(uintptr_t)(i + 1);
		if (existed)
			good = 0;
	}
	for (i = 0; i < 256; i++) {
		k[0] = (char)i;
		slot = hmap_get(m, k, 1);
		if (slot == NULL || *slot != (void *)(uintptr_t)(i + 1))
			good = 0;
	}
	ok(good && hmap_count(m) == 256, "every one-byte key");
	hmap_free(m);

	ok(hmap_hash("abc", 3) == hmap_hash("abcd", 3),
	    "hash reads klen bytes only");
	ok(hmap_hash("abc", 3) != hmap_hash("abd", 3) &&
	    hmap_hash("a", 1) != hmap_hash("a\0", 2), "hash tells keys apart");
}

static void
test_many(void)
{
	struct hmap *m;
	struct visit v = { 0, 0, 1 };
	void **slot;
	char k[32];
	int existed, len, i, good = 1, dup = 0;
	uintptr_t want = 0;

	m = hmap_new();
	for (i = 0; i < N; i++) {
		len = snprintf(k, sizeof(k), "id:%d", i);
		slot = hmap_put(m, k, (size_t)len, &existed);
		if (existed || *slot != NULL)
			good = 0;
		*slot = (void *)(uintptr_t)(i + 1);
		want += (uintptr_t)(i + 1);
	}
	ok(good && hmap_count(m) == N, "%d inserts", N);
	good = 1;
	for (i = 0; i < N; i++) {
		len = snprintf(k, sizeof(k), "id:%d", i);
		slot = hmap_get(m, k, (size_t)len);
		if (slot == NULL || *slot != (void *)(uintptr_t)(i + 1))
			good = 0;
	}
	ok(good, "%d look-ups find their values", N);
	good = 1;
	for (i = N; i < 2 * N; i++) {
		len = snprintf(k, sizeof(k), "id:%d", i);
		if (hmap_get(m, k, (size_t)len) != NULL)
			good = 0;
		len = snprintf(k, sizeof(k), "id:%dx", i - N);
		if (hmap_get(m, k, (size_t)len) != NULL)
			good = 0;
	}
	ok(good, "%d absent keys are absent", 2 * N);
	for (i = 0; i < N; i += 7) {
		len = snprintf(k, sizeof(k), "id:%d", i);
		slot = hmap_put(m, k, (size_t)len, &existed);
		if (!existed || *slot != (void *)(uintptr_t)(i + 1))
			dup++;
	}
	ok(dup == 0 && hmap_count(m) == N, "inserting again finds the old");
	hmap_each(m, visit, &v);
	ok(v.n == N && v.sum == want && v.keys_ok,
	    "hmap_each visits each entry once with its key");
	hmap_free(m);
}

int
main(void)
{
	test_basic();
	test_binary();
	test_many();
	ok(hmap_fnv1a("", 0) == 0xcbf29ce484222325ULL &&
	    hmap_fnv1a("a", 1) == 0xaf63dc4c8601ec8cULL &&
	    hmap_fnv1a("foobar", 6) == 0x85944171f73967e8ULL,
	    "hmap_fnv1a is FNV-1a 64 (stored digests depend on it)");
	return tap_done();
}
