/*
 * jsonpos.h - the line on which a value stands in a JSON text, so that a
 * configuration error can name file and line even though jansson keeps no
 * positions for values.
 *
 * The path is a list of steps: an object key, or "[N]" for the Nth array
 * element (0-based).  Returns the 1-based line where that value starts, or
 * the line of the deepest step found, or 1 for an empty path.
 */
#ifndef JSONPOS_H
#define JSONPOS_H

#include <stddef.h>

int	jsonpos_line(const char *text, size_t len, const char *const *path,
	    int npath);

#endif
