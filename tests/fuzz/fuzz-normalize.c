/*
 * fuzz-normalize - libFuzzer harness for the post normalizer of sc-fetch
 * (tools/sc-fetch/normalize.c).
 *
 * The input is a JSON text; an object is normalized.  A success must give
 * a record sc-post(5) accepts (a prefixed string id, a platform, an RFC
 * 3339 created_at, a string text, a boolean from_brand), and normalizing
 * that record again must give it back byte for byte.  A failure must say
 * why.  Crashes, sanitizer reports and aborts are findings.
 *
 * Built and run by tests/fuzz/run.sh (make fuzz), which adds
 * tools/sc-fetch/normalize.c for the "normalize.h" it includes:
 *	sh tests/fuzz/run.sh 60 normalize
 * Seeds: tests/fuzz/corpus/normalize (single JSON objects, e.g. lines of
 * scripts/gen-posts output, or of the .in files of
 * tests/cases/sc-fetch).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "jsonw.h"
#include "normalize.h"
#include "post.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct norm norm;
static int ready;

static void
setup(void)
{
	if (ready)
		return;
	if (norm_init(&norm, "x") == -1)
		abort();
	norm_brand(&norm, NULL, "@SkyLarkAir");
	norm_brand(&norm, "mastodon", "skylark");
	ready = 1;
}

static void
check(const json_t *post)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	char err[512];
	const char *id;
	json_t *again;

	if (post_check(post, POST_ID | POST_PLATFORM | POST_CREATED_AT |
	    POST_TEXT | POST_FROM_BRAND | POST_IN_REPLY_TO, err,
	    sizeof(err)) == -1)
		abort();
	if (!json_is_boolean(json_object_get(post, "from_brand")))
		abort();
	id = json_string_value(json_object_get(post, "id"));
	if (strchr(id, ':') == NULL || strchr(id, ':') == id)
		abort();
	if (normalize(&norm, post, &again, err, sizeof(err)) == -1)
		abort();
	jsonw(&a, post);
	jsonw(&b, again);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0)
		abort();
	json_decref(again);
	buf_free(&a);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *in, *out;
	char err[512];

	setup();
	in = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	if (!json_is_object(in)) {
		json_decref(in);
		return 0;
	}
	err[0] = '\0';
	if (normalize(&norm, in, &out, err, sizeof(err)) == 0)
		check(out);
	else if (out != NULL || err[0] == '\0')
		abort();
	json_decref(out);
	json_decref(in);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
