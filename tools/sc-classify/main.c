/*
 * sc-classify - add intent, sentiment and language to each post.
 */
#include <jansson.h>

#include "classify.h"
#include "cli.h"
#include "diag.h"
#include "post.h"
#include "record.h"
#include "sc.h"

static int
classify_post(struct recin *r, json_t *post, void *ctx)
{
	struct classifier *c = ctx;
	struct class_result res;
	json_t *text;
	char err[256];

	if (post_check(post, POST_TEXT, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return -1;
	}
	text = json_object_get(post, "text");
	classify(c, json_string_value(text), json_string_length(text), &res);
	json_object_set_new(post, "class", class_json(c, &res));
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		SC_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct sc_common c;
	struct classifier cl;
	int ch, status;

	diag_init(argv[0]);
	cli_usage_text = "sc-classify [-uz] [-o file] [--rejects file] "
	    "[--strict] [file ...]";
	cli_options_text = "";
	cli_init(&c);
	while ((ch = getopt_long(argc, argv, SC_COMMON_SHORTOPTS, longopts,
	    NULL)) != -1)
		if (!cli_common(&c, ch, optarg))
			cli_usage_error();

	classifier_init(&cl);
	status = rec_filter(&c, argv + optind, argc - optind, classify_post,
	    &cl);
	classifier_free(&cl);
	return status;
}
