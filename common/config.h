/*
 * config.h - the one configuration file the sc programs share.
 *
 * Found as: --config FILE, else $SC_CONFIG, else ~/.config/sc/config.json
 * (a missing default file is no error: the configuration is then empty).
 * It is a JSON object; sc(7) documents its keys.  Options override it.
 * A file that does not parse is an error naming file and line (exit 2);
 * so is a directory or a file over SC_FILE_MAX (64 MiB, buf.h).
 *
 * config_load() returns a new reference (an object, never NULL).
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <jansson.h>

json_t		*config_load(const char *path);
/* The path config_load() read, or NULL if none. */
const char	*config_path(void);
/* String at a dotted path, or def. */
const char	*config_str(const json_t *cfg, const char *path,
		    const char *def);
/*
 * The brand's account handles for platform (from "brand.accounts"), as a
 * NULL-terminated array the caller frees with free(); the strings in it
 * belong to the config.  Never NULL.
 */
const char	**config_brand_accounts(const json_t *cfg,
		    const char *platform, size_t *n);

#endif
