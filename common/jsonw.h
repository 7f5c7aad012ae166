/*
 * jsonw.h - compact JSON text for a jansson value, the one form every sc
 * program writes: no spaces, keys in insertion order, non-ASCII UTF-8 kept
 * as is, '/' not escaped, and reals in the shortest form that reads back
 * to the same double (0.6, not 0.59999999999999998).
 */
#ifndef JSONW_H
#define JSONW_H

#include <jansson.h>
#include "buf.h"

/* Append the text of j to b (no newline). */
void	jsonw(struct buf *b, const json_t *j);
/* Append s[0..n) as a JSON string literal with quotes. */
void	jsonw_string(struct buf *b, const char *s, size_t n);
/* Append a double in shortest round-trip form (non-finite: null). */
void	jsonw_real(struct buf *b, double d);

#endif
