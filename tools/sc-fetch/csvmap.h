/*
 * csvmap.h - which CSV column gives which sc-post(5) field (--map).
 *
 * A map is "FIELD=COLUMN,..." where FIELD is a field path (id, text,
 * author.handle, metrics.likes ...) and COLUMN a header name; "!COLUMN"
 * negates a true/false column.  Without a map, every column named like a
 * field path gives that field.  csvmap_bind() looks the columns up in a
 * file's header (each file has its own); csvmap_row() then turns a row of
 * that file into an object of strings (booleans for negated columns) for
 * normalize().  Empty cells give no field.
 */
#ifndef CSVMAP_H
#define CSVMAP_H

#include <stddef.h>
#include <jansson.h>

#include "csv.h"

struct csvmap;

/* spec NULL: columns map to fields of their own name.  NULL on error. */
struct csvmap	*csvmap_new(const char *spec, char *err, size_t errlen);
void		 csvmap_free(struct csvmap *m);
/*
 * Bind to the header in h: 0, or -1 with err naming a column the map
 * wants and the header lacks, or a required field (id, created_at, text)
 * no column gives.
 */
int		 csvmap_bind(struct csvmap *m, const struct csv *h, char *err,
		    size_t errlen);
/*
 * A row with as many fields as the header, its bytes valid UTF-8: a new
 * object, or NULL with err (a negated column that is not true or false).
 */
json_t		*csvmap_row(const struct csvmap *m, const struct csv *row,
		    char *err, size_t errlen);

#endif
