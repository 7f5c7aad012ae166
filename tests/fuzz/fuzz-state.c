/*
 * fuzz-state - sc-route's state reader (assign_load()) over arbitrary
 * texts.  Whatever it accepts must survive a round trip: settled, saved,
 * loaded into a fresh engine and saved again, the two saves are the same
 * text; and posts applied after a load must not break the engine.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "buf.h"
#include "jsonw.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char agents[] = "[{\"id\":\"a\",\"name\":\"Ann\","
    "\"languages\":[\"en\"],\"capacity\":1},{\"id\":\"b\",\"skills\":"
    "[\"pay\"],\"capacity\":2}]";

static struct assign *
engine(void)
{
	struct assign *a;
	json_t *j;

	j = json_loads(agents, 0, NULL);
	a = assign_new();
	assign_add_team(a, "care", j, "rules.json", NULL, 0);
	json_decref(j);
	return a;
}

static char *
saved(const struct assign *a)
{
	struct buf b = BUF_INIT;
	json_t *j;

	j = assign_save(a);
	jsonw(&b, j);
	json_decref(j);
	return b.s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assign_post p = { "x:9", "x:1", 0, "care", NULL, "en",
	    1790000000, ASSIGN_NO_DUE };
	struct assign *a, *b;
	json_t *j, *g, *h;
	char err[256], *s1, *s2;

	if ((j = json_loadb((const char *)data, size, 0, NULL)) == NULL)
		return 0;
	a = engine();
	if (assign_load(a, j, err, sizeof(err)) == -1) {
		if (err[0] == '\0')
			abort();	/* a refusal always says why */
		json_decref(j);
		assign_free(a);
		return 0;
	}
	json_decref(j);
	assign_settle(a);
	s1 = saved(a);
	b = engine();
	j = json_loads(s1, 0, NULL);
	if (j == NULL || assign_load(b, j, err, sizeof(err)) == -1)
		abort();	/* what we write we must read */
	json_decref(j);
	assign_settle(b);
	s2 = saved(b);
	if (strcmp(s1, s2) != 0)
		abort();
	/* Posts after a load: a customer post, then the brand's answer. */
	if (assign_post(b, &p, &g, &h) == ASSIGN_DONE) {
		json_decref(g);
		json_decref(h);
	}
	p.id = "x:10";
	p.from_brand = 1;
	if (assign_post(b, &p, &g, &h) == ASSIGN_DONE) {
		json_decref(g);
		json_decref(h);
	}
	json_decref(assign_queue(b));
	free(s1);
	free(s2);
	assign_free(a);
	assign_free(b);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
