/*
 * digest.c - the digests of reply texts (reply.digest, the history of
 * conversations, the knowledge base's features); see reply.h.
 */
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "reply.h"

uint64_t
digest64(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t
body_digest(const char *s, size_t n)
{
	const char *e = s + n;
	uint64_t h;

	for (;;) {
		while (s < e && (*s == ' ' || *s == '\n'))
			s++;
		if (s == e || *s != '@')
			break;
		while (s < e && *s != ' ' && *s != '\n')
			s++;
	}
	h = digest64(s, (size_t)(e - s));
	return h != 0 ? h : 1;
}
