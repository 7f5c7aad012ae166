/*
 * jscan.h - check one line of JSON without building it, and find the
 * bytes of its top-level members.
 *
 * Most of what a filter does with a record is copy it: sc-classify reads
 * four members and adds one.  Parsing every line into a tree and writing
 * the tree back costs more than the classifier itself, so record.c first
 * asks jscan_object() whether the line is a plain, valid JSON object and
 * where its members are; the members a program reads are then parsed
 * alone, and the line is copied with the program's member put in.
 *
 * jscan_object() is a strict RFC 8259 checker (UTF-8 as in utf8.h: no
 * overlongs, no surrogates, nothing past U+10FFFF; no control characters
 * in strings; surrogate escapes in pairs).  It is at least as strict as
 * jansson's parser as sc uses it, so what it accepts json_loadb() accepts
 * too, with the same meaning.  It declines, and the caller falls back to
 * jansson (which then accepts the line or says exactly what is wrong):
 * anything invalid, a top-level key with an escape or given twice,
 * "\u0000", an integer of more than 18 digits or a number of more than 40
 * characters or with an exponent of more than 2 digits (which might not
 * fit int64 or a double), nesting deeper than JSCAN_DEPTH, and more than
 * max members.
 */
#ifndef JSCAN_H
#define JSCAN_H

#include <stddef.h>
#include <jansson.h>

#define JSCAN_DEPTH	256	/* deepest nesting it checks */

struct jscan_member {
	size_t	key;		/* offset of the key, after its '"' */
	size_t	keylen;		/* bytes of the key (no escapes) */
	size_t	val;		/* offset of the value */
	size_t	vallen;		/* bytes of the value */
};

/*
 * Check that s[0..n) is one JSON object, with white space around it
 * allowed.  On success return 0, with m[0..*nm) its members in order and
 * *close the offset of its closing '}'; else -1 (see above).
 */
int	jscan_object(const char *s, size_t n, struct jscan_member *m,
	    size_t max, size_t *nm, size_t *close);

/*
 * The jansson value of s[0..n), one value that jscan_object() accepted
 * as a member: the same value json_loadb() gives, a new reference.
 * Plain strings, literals, integers and objects whose keys are plain are
 * built directly; anything else (escapes, reals, arrays, a key given
 * twice) is handed to json_loadb().  NULL only if that fails.
 */
json_t	*jscan_json(const char *s, size_t n);

/* The four hex digits of a \u escape at p (before e) into *v; 0 or -1. */
int	jscan_hex4(const char *p, const char *e, unsigned *v);

/* Index of the member named key in m[0..nm) of s, or -1. */
int	jscan_find(const char *s, const struct jscan_member *m, size_t nm,
	    const char *key, size_t keylen);

#endif
