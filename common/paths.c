#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "xmem.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/sc"
#endif

static char *
try(const char *dir, const char *name)
{
	char *p;

	p = xasprintf("%s/%s", dir, name);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	return NULL;
}

char *
sc_datafile(const char *name)
{
	char exe[PATH_MAX], *slash, *p, *dir;
	const char *env;
	ssize_t n;

	if ((env = getenv("SC_DATADIR")) != NULL && *env &&
	    (p = try(env, name)) != NULL)
		return p;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/../share/sc", exe);
			p = try(dir, name);
			free(dir);
			if (p != NULL)
				return p;
		}
	}
	return try(DATADIR, name);
}

const char *
sc_datadir(void)
{
	return DATADIR;
}
