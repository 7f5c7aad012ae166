/*
 * fuzz-templates - sc-reply's templates file and knowledge base loaders
 * (tools/sc-reply/templates.c, kb.c) and what they load, over arbitrary
 * files.  The first byte chooses: even, the rest is a templates file,
 * loaded and rendered for two posts (the text's lengths measured for X
 * and Bluesky); odd, a knowledge base, loaded and matched against three
 * texts.  The loaders end a bad file with exit 2, so each input runs in a
 * child process: exit 0 or 2 is fine, a signal (a crash, or a sanitizer
 * report with abort_on_error) is a finding and aborts the harness too.
 *
 *	sh tests/fuzz/run.sh 60 templates
 * Seeds: tests/fuzz/corpus/templates (template files behind a byte 0x00,
 * knowledge bases behind 0x01).
 * fuzz-sources: tools/sc-reply/templates.c tools/sc-reply/names.c tools/sc-reply/kb.c tools/sc-reply/measure.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "child.h"
#include "reply.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const posts[] = {
	"{\"id\":\"x:1\",\"platform\":\"x\",\"channel\":\"private\","
	"\"text\":\"how many bags can I take? card 4111 1111 1111 1111\","
	"\"author\":{\"name\":\"Ana \\ud83c\\udf38 L\\u00f3pez\","
	"\"handle\":\"ana\"},\"class\":{\"intent\":\"question\",\"lang\":"
	"\"en\",\"pii\":[\"booking_ref\"]},\"route\":{\"agent\":\"Jo\"}}",
	"{\"id\":\"bluesky:2\",\"platform\":\"bluesky\",\"in_reply_to\":\"b:1\","
	"\"text\":\"\\u4f60\\u597d\",\"author\":{\"name\":\"x@y.io\"}}",
};

static void
templates(const char *path)
{
	struct tmpls *ts;
	const struct tmpl *const *v;
	struct render rc;
	struct measure m;
	struct buf out = BUF_INIT, tmp = BUF_INIT, why = BUF_INIT;
	json_t *post;
	size_t i, k, nv;

	ts = tmpls_load(path);
	for (i = 0; i < sizeof(posts) / sizeof(posts[0]); i++) {
		post = json_loads(posts[i], 0, NULL);
		v = tmpls_select(ts, json_string_value(json_object_get(
		    json_object_get(post, "class"), "intent")), "en",
		    json_string_value(json_object_get(post, "platform")), "en",
		    &why, &nv);
		for (k = 0; v != NULL && k < nv; k++) {
			memset(&rc, 0, sizeof(rc));
			rc.post = post;
			rc.agent = "Maria";
			rc.first_name = "Ana";
			rc.kb_answer = "An answer.";
			rc.ongoing = (int)i;
			rc.private_channel = !(int)i;
			rc.tmp = &tmp;
			buf_reset(&out);
			tmpl_render(v[k], &rc, &out);
			measure(i ? "bluesky" : "x", buf_str(&out), out.len, &m);
			measure_shorten(i ? "bluesky" : "x", &out);
		}
		json_decref(post);
	}
	tmpls_free(ts);
	buf_free(&out);
	buf_free(&tmp);
	buf_free(&why);
}

static void
knowledge(const char *path)
{
	static const char *const texts[] = { "How many BAGS can I take?",
	    "\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x91\x8d", "" };
	struct kb *kb;
	struct kb_hit hit;
	size_t i;

	kb = kb_load(path);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (kb_match(kb, texts[i], i ? "zh" : "en", &hit))
			(void)kb_answer(kb, &hit, "en", "x");
	kb_free(kb);
}

static void
load(const char *path, int kind)
{
	if (kind & 1)
		knowledge(path);
	else
		templates(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0)
		fuzz_file_child(data + 1, size - 1, load, data[0]);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
