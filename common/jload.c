/*
 * jload.c - the position of a configuration loader, for its messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "jload.h"
#include "jsonpos.h"
#include "jsonw.h"
#include "post.h"
#include "sc.h"

json_t *
jload_open(struct jload *j, const char *path)
{
	json_error_t err;
	const char *kind;
	json_t *doc;

	j->file = path;
	j->text = xslurp(path, &j->len);
	doc = json_loadb(j->text, j->len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path, err.line > 0 ? err.line :
		    1, err.text);
	if (!json_is_object(doc)) {
		kind = json_kind_a(doc);
		json_decref(doc);
		jload_fail(j, "expected an object, got %s", kind);
	}
	return doc;
}

void
jload_close(struct jload *j)
{
	buf_free(&j->who);
	buf_free(&j->tmp);
	free(j->text);
	j->text = NULL;
}

void
jload_push(struct jload *j, const char *step)
{
	if (j->nsteps < JLOAD_MAXSTEPS)
		j->steps[j->nsteps] = step;
	j->nsteps++;
}

void
jload_push_index(struct jload *j, size_t i)
{
	if (j->nsteps < JLOAD_MAXSTEPS) {
		snprintf(j->idx[j->nsteps], sizeof(j->idx[0]), "[%zu]", i);
		j->steps[j->nsteps] = j->idx[j->nsteps];
	}
	j->nsteps++;
}

void
jload_pop(struct jload *j)
{
	j->nsteps--;
}

int
jload_line(const struct jload *j)
{
	return jsonpos_line(j->text, j->len, j->steps,
	    j->nsteps < JLOAD_MAXSTEPS ? j->nsteps : JLOAD_MAXSTEPS);
}

void
jload_quoted(struct buf *b, const char *name)
{
	buf_reset(b);
	jsonw_string(b, name, strlen(name));
}

void
jload_who(struct jload *j, const char *prefix, const char *name)
{
	buf_reset(&j->who);
	buf_adds(&j->who, prefix);
	jsonw_string(&j->who, name, strlen(name));
	buf_adds(&j->who, ": ");
}

void
jload_vfail(struct jload *j, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	warnat(j->file, (unsigned long)jload_line(j), "%s%s",
	    buf_str(&j->who), msg);
	exit(SC_EXIT_FATAL);
}

void
jload_fail(struct jload *j, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jload_vfail(j, fmt, ap);
}

const json_t *
jload_string(struct jload *j, const json_t *obj, const char *key,
    int required)
{
	const json_t *v;

	if ((v = json_object_get(obj, key)) == NULL) {
		if (required)
			jload_fail(j, "missing \"%s\"", key);
		return NULL;
	}
	jload_push(j, key);
	if (!json_is_string(v))
		jload_fail(j, "\"%s\": expected a string, got %s", key,
		    json_kind_a(v));
	if (json_string_length(v) == 0)
		jload_fail(j, "\"%s\": empty", key);
	jload_pop(j);
	return v;
}
