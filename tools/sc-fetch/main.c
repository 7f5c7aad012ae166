/*
 * sc-fetch - posts from a source, as sc-post(5) records.
 *
 * A dispatcher over the table of sources: it handles --help, --version
 * and a missing or unknown source, and hands everything else over.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "driver.h"
#include "sc.h"
#include "source.h"

static const struct source sources[] = {
	{ "import", "posts from NDJSON or CSV files", import_main, NULL },
	{ "x", "posts from X: recent search or a user's mentions", NULL,
	    &drv_x },
	{ "mastodon", "posts from Mastodon: mentions, a tag, search", NULL,
	    &drv_mastodon },
	{ "bluesky", "posts from Bluesky: a search, or the account's mentions",
	    NULL, &drv_bluesky },
	{ "reddit", "posts from Reddit: a search's newest submissions, or "
	    "mentions", NULL, &drv_reddit },
	{ "facebook", "posts from a Facebook Page: comments or Messenger",
	    NULL, &drv_facebook },
};
#define NSOURCES	(sizeof(sources) / sizeof(sources[0]))

static void
help(void)
{
	size_t i;

	printf("usage: %s SOURCE [options] [file ...]\n\nSources:\n",
	    sc_progname);
	for (i = 0; i < NSOURCES; i++)
		printf("  %-18s  %s\n", sources[i].name, sources[i].summary);
	printf("\nRun '%s SOURCE --help' for the options of a source.\n"
	    "See %s(1).\n", sc_progname, sc_progname);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(SC_EXIT_FATAL, "<stdout>: write error");
}

int
main(int argc, char **argv)
{
	struct buf known = BUF_INIT;
	size_t i;

	diag_init(argv[0]);
	cli_usage_text = "sc-fetch SOURCE [options] [file ...]";
	if (argc < 2)
		cli_usage_error();
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		help();
		return SC_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s %s\n", sc_progname, SC_VERSION);
		if (fflush(stdout) == EOF || ferror(stdout))
			die(SC_EXIT_FATAL, "<stdout>: write error");
		return SC_EXIT_OK;
	}
	for (i = 0; i < NSOURCES; i++)
		if (strcmp(argv[1], sources[i].name) == 0) {
			/* The source sees "sc-fetch OPTIONS FILES". */
			argv[1] = argv[0];
			if (sources[i].drv != NULL)
				return net_main(sources[i].drv, argc - 1,
				    argv + 1);
			return sources[i].main(argc - 1, argv + 1);
		}
	if (argv[1][0] == '-')
		warnmsg("expected a source before the options, got \"%s\"",
		    argv[1]);
	else {
		for (i = 0; i < NSOURCES; i++)
			buf_printf(&known, "%s%s", i ? ", " : "",
			    sources[i].name);
		warnmsg("unknown source \"%s\" (known: %s)", argv[1],
		    buf_str(&known));
		buf_free(&known);
	}
	cli_usage_error();
}
