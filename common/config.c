#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "post.h"
#include "sc.h"
#include "xmem.h"

static char *loaded_path;

const char *
config_path(void)
{
	return loaded_path;
}

json_t *
config_load(const char *path)
{
	json_error_t err;
	const char *home, *env, *kind;
	char *def = NULL, *text;
	size_t len;
	json_t *cfg;
	FILE *fp;

	if (path == NULL && (env = getenv("SC_CONFIG")) != NULL && *env)
		path = env;
	if (path == NULL) {
		if ((home = getenv("HOME")) == NULL || *home == '\0')
			return json_object();
		def = xasprintf("%s/.config/sc/config.json", home);
		path = def;
	}
	if ((fp = fopen(path, "r")) == NULL) {
		if (def != NULL && errno == ENOENT) {
			/* No default file: an empty configuration. */
			free(def);
			return json_object();
		}
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	}
	fclose(fp);
	/* Bounded: "--config /dev/zero" ends with a message (buf.h). */
	text = xslurp(path, &len);
	cfg = json_loadb(text, len, 0, &err);
	free(text);
	if (cfg == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path, err.line > 0 ?
		    err.line : 1, err.text);
	if (!json_is_object(cfg)) {
		kind = json_kind_a(cfg);
		json_decref(cfg);
		die(SC_EXIT_FATAL, "%s:1: expected an object, got %s", path,
		    kind);
	}
	free(loaded_path);
	loaded_path = xstrdup(path);
	free(def);
	return cfg;
}

const char *
config_str(const json_t *cfg, const char *path, const char *def)
{
	const char *s;

	s = json_path_str(cfg, path);
	return s ? s : def;
}

const char **
config_brand_accounts(const json_t *cfg, const char *platform, size_t *n)
{
	json_t *list;
	const char **v;
	size_t i, k;

	list = json_object_get(json_path(cfg, "brand.accounts"), platform);
	if (json_is_string(list)) {
		v = xcalloc(2, sizeof(*v));
		v[0] = json_string_value(list);
		*n = 1;
		return v;
	}
	if (!json_is_array(list)) {
		*n = 0;
		return xcalloc(1, sizeof(*v));
	}
	v = xcalloc(json_array_size(list) + 1, sizeof(*v));
	for (i = k = 0; i < json_array_size(list); i++)
		if (json_is_string(json_array_get(list, i)))
			v[k++] = json_string_value(json_array_get(list, i));
	*n = k;
	return v;
}
