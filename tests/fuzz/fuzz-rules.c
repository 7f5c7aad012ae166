/*
 * fuzz-rules - sc-route's rules loader (tools/sc-route/rules.c) and the
 * matcher over what it loads (match.c): conditions, calendars, teams,
 * SLA due times in business minutes, --explain.  The loader ends a bad
 * file with exit 2, so each input runs in a child process: exit 0 or 2
 * is fine, a signal (a crash, or a sanitizer report with abort_on_error)
 * is a finding and aborts the harness too.
 *
 *	sh tests/fuzz/run.sh 60 rules
 * Seeds: tests/fuzz/corpus/rules (rules files).
 * fuzz-sources: tools/sc-route/match.c
 */
#include <stdint.h>

#include <jansson.h>

#include "child.h"
#include "rules.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const posts[] = {
	"{\"id\":\"x:1\",\"platform\":\"x\",\"created_at\":"
	"\"2026-10-23T15:55:00Z\",\"text\":\"Late again, chocolate \\u00e9t\\u00e9\","
	"\"class\":{\"intent\":\"complaint\",\"lang\":\"pl\",\"sensitive\":"
	"[\"legal\"],\"influencer\":true},\"author\":{\"followers\":12}}",
	"{\"id\":\"m:2\",\"platform\":\"mastodon\",\"created_at\":"
	"\"2026-03-29T00:59:60Z\",\"from_brand\":true,\"class\":{}}",
	"{\"id\":\"r:3\",\"text\":\"\\u4f60\\u597d\",\"created_at\":\"x\"}",
};

static void
route(const char *path, int unused)
{
	struct ruleset *rs;
	struct rule_hits *h;
	json_t *post, *r;
	char err[256];
	size_t i;

	(void)unused;
	rs = rules_load(path);
	h = rules_hits_new(rs);
	for (i = 0; i < sizeof(posts) / sizeof(posts[0]); i++) {
		post = json_loads(posts[i], 0, NULL);
		(void)rules_match(rs, post, h);
		if ((r = rules_route(rs, h, post, err, sizeof(err))) != NULL)
			json_decref(r);
		json_decref(rules_why(rs, h, post));
		json_decref(post);
	}
	rules_hits_free(h);
	rules_free(rs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_child(data, size, route, 0);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
