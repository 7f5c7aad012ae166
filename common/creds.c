#include <sys/stat.h>

#include <errno.h>
#include <string.h>

#include "creds.h"
#include "diag.h"
#include "sc.h"

json_t *
creds_load(const char *path)
{
	json_error_t e;
	json_t *root;
	struct stat st;

	if (stat(path, &st) == -1)
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	if (st.st_mode & (S_IRGRP | S_IROTH))
		die(SC_EXIT_FATAL, "%s: readable by others (mode %04o); "
		    "chmod 600 it", path, (unsigned)(st.st_mode & 07777));
	if ((root = json_load_file(path, 0, &e)) == NULL)
		die(SC_EXIT_FATAL, "%s:%d: %s", path, e.line, e.text);
	if (!json_is_object(root)) {
		json_decref(root);
		die(SC_EXIT_FATAL, "%s: expected an object", path);
	}
	return root;
}

const char *
creds_get(const json_t *root, const char *platform, const char *field)
{
	return json_string_value(json_object_get(json_object_get(root,
	    platform), field));
}
