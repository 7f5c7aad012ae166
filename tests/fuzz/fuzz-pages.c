/*
 * fuzz-pages - the page parsers of sc-fetch's five network drivers
 * (common/driver-x.c, -mastodon.c, -bluesky.c, -reddit.c, -facebook.c), as
 * "sc-fetch import --raw-pages DRIVER" replays them.  The first byte picks
 * the driver; the rest is the page, parsed as JSON.  Every post a parser
 * makes is normalized as import would write it.  A page the parser cannot
 * read must come with a reason; crashes and sanitizer reports are
 * findings.
 *
 *	sh tests/fuzz/run.sh 60 pages
 * Seeds: tests/fuzz/corpus/pages, small pages in each platform's
 * documented shape (../shared/PLATFORMS.md), behind the driver's byte.
 *
 * fuzz-sources: tools/sc-fetch/net.c tools/sc-fetch/net-commit.c tools/sc-fetch/normalize.c tools/sc-fetch/import.c tools/sc-fetch/csv.c tools/sc-fetch/csvmap.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* common's driver.h, not this folder's fuzz driver */
#include "../../common/driver.h"
#include "../../tools/sc-fetch/normalize.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct driver *const drivers[] = {
		&drv_x, &drv_mastodon, &drv_bluesky, &drv_reddit,
		&drv_facebook
	};
	const struct driver *drv;
	struct net_page pg;
	struct norm nm;
	json_t *page, *post;
	char err[512];
	size_t i;

	if (size == 0)
		return 0;
	drv = drivers[data[0] % 5];
	if ((page = json_loadb((const char *)data + 1, size - 1, 0, NULL)) ==
	    NULL)
		return 0;
	if (norm_init(&nm, drv->name) == -1)
		abort();
	net_page_init(&pg);
	err[0] = '\0';
	if (drv->parse(NULL, page, NULL, &pg, err, sizeof(err)) == -1 &&
	    err[0] == '\0')
		abort();	/* a page refused must say why */
	for (i = 0; i < pg.nitems; i++) {
		if (pg.items[i].reject != NULL || pg.items[i].post == NULL)
			continue;
		if (normalize(&nm, pg.items[i].post, &post, err,
		    sizeof(err)) == 0)
			json_decref(post);
	}
	net_page_free(&pg);
	norm_free(&nm);
	json_decref(page);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
