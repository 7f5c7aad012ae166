/*
 * utf8.h - UTF-8 checks and measures.
 *
 * utf8_valid() follows RFC 3629: no overlongs, no surrogates, nothing past
 * U+10FFFF.  utf8_decode() reads one code point, returning -1 (and moving
 * one byte) on an invalid sequence.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Offset of the first invalid byte, or (size_t)-1 when all is valid. */
size_t	utf8_invalid_at(const char *s, size_t n);
int	utf8_valid(const char *s, size_t n);
/* One code point from *p (advanced); -1 on a bad sequence. */
int32_t	utf8_decode(const char **p, const char *end);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t	utf8_encode(int32_t cp, char *out);
/* Number of code points (bad bytes count one each). */
size_t	utf8_len(const char *s, size_t n);
/*
 * Columns s takes on a terminal (utf8proc's East Asian widths): wide and
 * full-width characters 2, combining marks and zero-width characters 0;
 * control characters and bad bytes 1 each, as a '?' in their place.
 */
size_t	utf8_width(const char *s, size_t n);
/*
 * Bytes of the http(s) URL starting at p (textlen.h counts URLs), up to the next space or control
 * character but without trailing punctuation (".,:;!?'\"]", and a ")" it
 * did not open), or 0.  The caller checks that p may start a URL.
 */
size_t	utf8_url_at(const char *p, const char *end);
/* Longest prefix of s that is at most max bytes and ends on a boundary. */
size_t	utf8_prefix(const char *s, size_t n, size_t max);

/*
 * Eight bytes at a time, on a uint64_t read with memcpy (the scanners of
 * jscan, jsonw and fold): BYTES_HIGH(x) is nonzero when some byte is 0x80
 * or above (not ASCII); BYTES_LESS(x, n) when some byte is below n (n <=
 * 128), and may be nonzero by mistake when a byte is 0x80 or above, so a
 * caller treats nonzero as "look closer"; BYTES_ZERO(x) is BYTES_LESS(x, 1)
 * and BYTES_ONES * c repeats the byte c eight times.
 */
#define BYTES_ONES	0x0101010101010101ULL
#define BYTES_HIGHS	0x8080808080808080ULL
#define BYTES_HIGH(x)	((x) & BYTES_HIGHS)
#define BYTES_LESS(x, n) (((x) - BYTES_ONES * (n)) & ~(x) & BYTES_HIGHS)
#define BYTES_ZERO(x)	BYTES_LESS(x, 1)

#endif
