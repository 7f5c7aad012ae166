/*
 * fuzz-jsonpos - jsonpos_line() over arbitrary texts and paths.  The
 * input is up to four path steps, each ended by a NUL byte, then the JSON
 * text (its first byte says how many steps there are).  The line found
 * must lie within the text, and nothing may be read past its end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path[4];
	const uint8_t *p = data, *end = data + size, *nul;
	char *steps, *text;
	size_t i, tlen, lines;
	int npath, line;

	if (size == 0)
		return 0;
	npath = *p++ % 5;
	steps = malloc(size);
	memcpy(steps, p, (size_t)(end - p));
	for (i = 0; i < (size_t)npath; i++) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL) {
			npath = (int)i;
			break;
		}
		path[i] = steps + (p - (data + 1));
		p = nul + 1;
	}
	/* The text in a buffer of its exact size. */
	tlen = (size_t)(end - p);
	text = malloc(tlen ? tlen : 1);
	memcpy(text, p, tlen);
	for (i = 0, lines = 1; i < tlen; i++)
		if (text[i] == '\n')
			lines++;
	line = jsonpos_line(text, tlen, path, npath);
	if (line < 1 || (size_t)line > lines)
		abort();
	if (npath == 0 && tlen > 0 && text[0] == '{' && line != 1)
		abort();
	free(text);
	free(steps);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
