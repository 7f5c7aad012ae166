/*
 * sc-fetch import - posts from files: NDJSON in a shape close to
 * sc-post(5), or CSV through a column map, each normalized
 * (normalize.h) and written once per id.
 *
 * Every file operand gets a record reader of its own, so that a CSV file
 * has its own header and a quote left open at the end of one file is
 * reported against that file, not the next.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "config.h"
#include "csv.h"
#include "csvmap.h"
#include "diag.h"
#include "driver.h"
#include "hmap.h"
#include "normalize.h"
#include "output.h"
#include "post.h"
#include "record.h"
#include "samefile.h"
#include "sc.h"
#include "source.h"
#include "utf8.h"
#include "xmem.h"

enum {
	OPT_CSV = OPT_TOOL_BASE,
	OPT_MAP,
	OPT_PLATFORM,
	OPT_BRAND,
	OPT_RAW_PAGES
};

struct import {
	struct sc_common c;
	int		 csv;
	int		 verbose;
	struct norm	 norm;
	struct csvmap	*map;
	struct csv	*parser;
	const struct driver *pages;	/* --raw-pages DRIVER */
	struct hmap	*seen;		/* ids written in this run */
	struct output	*out;
	unsigned long	 written;
	unsigned long	 dups;
	char		 err[512];
};

/* A fatal error in the input (a CSV header): what was written stays. */
static void __attribute__((noreturn, format(printf, 4, 5)))
fatal(struct import *im, struct recin *r, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnat(rec_name(r), line, fmt, ap);
	va_end(ap);
	output_close(im->out);
	exit(SC_EXIT_FATAL);
}

/*
 * An item of a page that makes no post: the message names it, and
 * --rejects keeps the item alone (not its whole page once per item).
 */
static void
reject_item(struct recin *r, const struct net_item *it)
{
	const char *id = net_item_id(it->raw);
	char *s;

	if (it->raw == NULL || (s = json_dumps(it->raw, JSON_COMPACT)) ==
	    NULL) {
		rec_reject(r, "%s", it->reject);
		return;
	}
	rec_set_current(r, s, strlen(s), rec_lineno(r));
	if (id != NULL)
		rec_reject(r, "post %s: %s", id, it->reject);
	else
		rec_reject(r, "%s", it->reject);
	free(s);
}

/* Normalize one post and write it, unless its id was written before. */
static void
emit(struct import *im, struct recin *r, const json_t *in,
    struct net_item *item)
{
	const char *id;
	json_t *post;
	int existed;

	if (normalize(&im->norm, in, &post, im->err, sizeof(im->err)) == -1) {
		if (item != NULL) {
			item->reject = im->err;
			reject_item(r, item);
			item->reject = NULL;
		} else
			rec_reject(r, "%s", im->err);
		return;
	}
	id = json_string_value(json_object_get(post, "id"));
	hmap_put(im->seen, id, strlen(id), &existed);
	if (existed)
		im->dups++;
	else {
		output_json(im->out, post);
		im->written++;
	}
	json_decref(post);
}

static void
read_ndjson(struct import *im, struct recin *r)
{
	json_t *j;

	while ((j = rec_next(r)) != NULL) {
		emit(im, r, j, NULL);
		json_decref(j);
	}
}

/* The first NUL or invalid UTF-8 byte of a CSV record, as a message. */
static int
bad_bytes(const char *s, size_t n, char *err, size_t errlen)
{
	const char *nul;
	size_t at;

	at = utf8_invalid_at(s, n);
	nul = memchr(s, '\0', at == (size_t)-1 ? n : at);
	if (nul != NULL)
		snprintf(err, errlen, "NUL byte at byte %zu",
		    (size_t)(nul - s) + 1);
	else if (at != (size_t)-1)
		snprintf(err, errlen, "invalid UTF-8 at byte %zu", at + 1);
	else
		return 0;
	return -1;
}

static void
read_csv(struct import *im, struct recin *r)
{
	struct csv *p = im->parser;
	const char *line, *raw;
	size_t len, rawlen, nheader = 0;
	unsigned long lineno, first = 0, last = 0;
	json_t *j;
	int rc;

	csv_reset(p);
	while (rec_next_raw(r, &line, &len)) {
		lineno = rec_lineno(r);
		if (csv_busy(p) && lineno != last + 1) {
			/*
			 * The reader dropped an overlong line from the middle
			 * of this record (and said so): what is left of the
			 * record cannot be trusted.
			 */
			raw = csv_raw(p, &rawlen);
			rec_set_current(r, raw, rawlen, first);
			if (nheader == 0)
				fatal(im, r, first, "header: cut by an "
				    "overlong line");
			if (!csv_skipping(p))
				rec_reject(r, "record cut by an overlong line");
			csv_reset(p);
		}
		last = lineno;
		if (!csv_busy(p)) {
			first = lineno;
			if (first == 1 && len >= 3 &&
			    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
				line += 3;
				len -= 3;
			}
		}
		if ((rc = csv_feed(p, line, len)) == CSV_NONE ||
		    rc == CSV_MORE)
			continue;
		raw = csv_raw(p, &rawlen);
		rec_set_current(r, raw, rawlen, first);
		if (rc == CSV_ERROR) {
			if (nheader == 0)
				fatal(im, r, first, "header: %s",
				    csv_error(p));
			rec_reject(r, "%s", csv_error(p));
			continue;
		}
		if (bad_bytes(raw, rawlen, im->err, sizeof(im->err)) == -1) {
			if (nheader == 0)
				fatal(im, r, first, "header: %s", im->err);
			rec_reject(r, "%s", im->err);
			continue;
		}
		if (nheader == 0) {
			if (csvmap_bind(im->map, p, im->err,
			    sizeof(im->err)) == -1)
				fatal(im, r, first, "%s", im->err);
			nheader = csv_nfields(p);
			continue;
		}
		if (csv_nfields(p) != nheader) {
			rec_reject(r, "expected %zu fields, got %zu", nheader,
			    csv_nfields(p));
			continue;
		}
		if ((j = csvmap_row(im->map, p, im->err,
		    sizeof(im->err))) == NULL) {
			rec_reject(r, "%s", im->err);
			continue;
		}
		emit(im, r, j, NULL);
		json_decref(j);
	}
	if (csv_end(p) == CSV_ERROR) {
		raw = csv_raw(p, &rawlen);
		rec_set_current(r, raw, rawlen, first);
		if (nheader == 0)
			fatal(im, r, first, "header: %s", csv_error(p));
		rec_reject(r, "%s", csv_error(p));
	}
}

/* Saved API answers, one page a line, through the driver's parser. */
static void
read_pages(struct import *im, struct recin *r)
{
	struct net_page pg;
	json_error_t e;
	const char *line;
	size_t len, i;
	json_t *page;

	net_page_init(&pg);
	while (rec_next_raw(r, &line, &len)) {
		if ((page = json_loadb(line, len, 0, &e)) == NULL) {
			rec_reject(r, "not JSON: %s", e.text);
			continue;
		}
		if (im->pages->parse(NULL, page, NULL, &pg, im->err,
		    sizeof(im->err)) == -1)
			rec_reject(r, "%s", im->err);
		for (i = 0; i < pg.nitems; i++)
			if (pg.items[i].reject != NULL)
				reject_item(r, &pg.items[i]);
			else
				emit(im, r, pg.items[i].post,
				    &pg.items[i]);
		net_page_free(&pg);
		json_decref(page);
	}
}

static int
import_files(struct import *im, char *const *files, int nfiles)
{
	struct recin *r;
	int status;

	r = rec_open(&im->c, files, nfiles);
	if (im->pages != NULL)
		read_pages(im, r);
	else if (im->csv)
		read_csv(im, r);
	else
		read_ndjson(im, r);
	status = rec_status(r);
	rec_close(r);
	return status;
}

/* The brand's accounts from the configuration, for each platform. */
static void
config_brands(struct import *im, const json_t *cfg)
{
	const char **v;
	const char *platform;
	json_t *list;
	size_t i, n;

	json_object_foreach(json_path(cfg, "brand.accounts"), platform,
	    list) {
		v = config_brand_accounts(cfg, platform, &n);
		for (i = 0; i < n; i++)
			norm_brand(&im->norm, platform, v[i]);
		free(v);
	}
}

int
import_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		{ "csv",		no_argument,		NULL, OPT_CSV },
		{ "map",		required_argument,	NULL, OPT_MAP },
		{ "platform",		required_argument,	NULL,
		    OPT_PLATFORM },
		{ "brand-account",	required_argument,	NULL,
		    OPT_BRAND },
		{ "raw-pages",		required_argument,	NULL,
		    OPT_RAW_PAGES },
		{ "verbose",		no_argument,		NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct import im;
	struct buf map = BUF_INIT;
	const char *platform = NULL, *pages = NULL, **brands;
	json_t *cfg;
	FILE *fp;
	size_t nbrands = 0, i;
	int ch, hasmap = 0, status = SC_EXIT_OK;

	cli_usage_text = "sc-fetch import [-uvz] [-o file] [--csv] "
	    "[--map spec]\n"
	    "                [--platform name] [--brand-account handle]\n"
	    "                [--raw-pages driver] [--rejects file] "
	    "[--strict]\n"
	    "                [file ...]";
	cli_options_text =
	    "      --csv           read CSV (RFC 4180, with a header) "
	    "instead of NDJSON\n"
	    "      --map SPEC      fields from CSV columns: "
	    "FIELD=COLUMN,... (FIELD=!COLUMN\n"
	    "                      negates a true/false column; "
	    "repeatable)\n"
	    "      --platform NAME platform of records that name none "
	    "(default import)\n"
	    "      --raw-pages DRIVER\n"
	    "                      read saved API answers, one page a line, "
	    "as DRIVER\n"
	    "                      (x, mastodon ...) reads them\n"
	    "      --brand-account HANDLE\n"
	    "                      a handle of the brand's own "
	    "(repeatable)\n"
	    "  -v, --verbose       report the counts at the end\n";
	memset(&im, 0, sizeof(im));
	cli_init(&im.c);
	brands = xcalloc((size_t)argc, sizeof(*brands));
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "v",
	    longopts)) != -1) {
		switch (ch) {
		case OPT_CSV:
			im.csv = 1;
			break;
		case OPT_MAP:
			/* Several --map options add up. */
			buf_printf(&map, "%s%s", hasmap ? "," : "", optarg);
			hasmap = 1;
			break;
		case OPT_PLATFORM:
			platform = optarg;
			break;
		case OPT_BRAND:
			if (optarg[optarg[0] == '@'] == '\0')
				die(SC_EXIT_FATAL, "--brand-account: empty "
				    "handle");
			brands[nbrands++] = optarg;
			break;
		case OPT_RAW_PAGES:
			pages = optarg;
			break;
		case 'v':
			im.verbose = 1;
			break;
		default:
			if (!cli_common(&im.c, ch, optarg))
				cli_usage_error();
		}
	}
	if (pages != NULL && (im.pages = net_driver(pages)) == NULL) {
		free(brands);
		die(SC_EXIT_FATAL, "--raw-pages: no such driver: \"%s\"",
		    pages);
	}
	if (hasmap && !im.csv) {
		warnmsg("--map needs --csv");
		cli_usage_error();
	}
	if (im.csv && im.pages != NULL) {
		warnmsg("--csv and --raw-pages do not go together");
		cli_usage_error();
	}
	if (platform == NULL)
		platform = im.pages != NULL ? im.pages->name : "import";
	if (norm_init(&im.norm, platform) == -1)
		die(SC_EXIT_FATAL, "--platform: not a platform name (1 to 32 "
		    "letters and digits): \"%s\"", platform);
	for (i = 0; i < nbrands; i++)
		norm_brand(&im.norm, NULL, brands[i]);
	free(brands);
	if (im.csv && (im.map = csvmap_new(hasmap ? buf_str(&map) : NULL,
	    im.err, sizeof(im.err))) == NULL)
		die(SC_EXIT_FATAL, "%s", im.err);
	buf_free(&map);
	cfg = config_load(im.c.config);
	config_brands(&im, cfg);
	json_decref(cfg);

	/* Before -o truncates anything (each file opens it again). */
	samefile_check(im.c.output, "output file", argv + optind,
	    argc - optind);
	samefile_check(im.c.rejects, "rejects file", argv + optind,
	    argc - optind);
	if (im.c.rejects != NULL) {
		if ((fp = fopen(im.c.rejects, "a")) == NULL)
			die(SC_EXIT_FATAL, "%s: %s", im.c.rejects,
			    strerror(errno));
		fclose(fp);
	}
	im.seen = hmap_new();
	im.parser = csv_new(im.c.maxline);
	im.out = output_open(im.c.output, im.c.gzip, im.c.unbuffered,
	    OUTPUT_TRUNC);
	if (optind == argc)
		status = import_files(&im, NULL, 0);
	for (; optind < argc; optind++) {
		status = sc_worse(status, import_files(&im, argv + optind, 1));
		output_set_status(status);
	}
	output_set_status(status);
	output_close(im.out);
	if (im.verbose)
		warnmsg("import: %lu records, %lu duplicates dropped",
		    im.written, im.dups);

	hmap_free(im.seen);
	csv_free(im.parser);
	csvmap_free(im.map);
	norm_free(&im.norm);
	return status;
}
