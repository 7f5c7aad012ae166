/*
 * test-assign - assign.h: who gets a post (language, skill, capacity, the
 * fewest open, the oldest last assignment, never-assigned first in
 * configuration order), stickiness at full capacity, waiting and freeing
 * in one run and across a save and a load, idempotence by post id, the
 * queue's order, agents that left the configuration, and the messages for
 * a bad configuration and a bad state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "diag.h"
#include "jsonw.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

#define T0	1790000000	/* 2026-09-21T14:13:20Z */

static const char *cfg_text;

/* An engine with one team "care" whose agents are the JSON text agents. */
static struct assign *
engine(const char *agents)
{
	json_error_t e;
	struct assign *a;
	json_t *j;

	j = json_loads(agents, 0, &e);
	if (j == NULL) {
		fprintf(stderr, "bad test JSON: %s\n", e.text);
		exit(2);
	}
	a = assign_new();
	assign_add_team(a, "care", j, "rules.json", NULL, 0);
	assign_add_team(a, "empty", NULL, "rules.json", NULL, 0);
	json_decref(j);
	return a;
}

/* Post id in conversation conv (NULL: its own) at T0 + dt; the agent's
 * id, "-" for null, "skip" for no route.agent; assigned into *h. */
static char *
post(struct assign *a, const char *id, const char *conv, int brand,
    const char *lang, const char *skill, int dt, char **h)
{
	struct assign_post p = { id, conv, brand, "care", skill, lang,
	    T0 + dt, T0 + dt + 900 };
	json_t *agent, *assigned;
	struct buf b = BUF_INIT;
	char *r;

	if (assign_post(a, &p, &agent, &assigned) == ASSIGN_SKIP)
		return xstrdup("skip");
	r = xstrdup(json_is_null(agent) ? "-" :
	    json_string_value(json_object_get(agent, "id")));
	if (h != NULL) {
		if (assigned != NULL)
			jsonw(&b, assigned);
		*h = xstrdup(b.len ? b.s : "");
		buf_free(&b);
	}
	json_decref(agent);
	json_decref(assigned);
	return r;
}

/* Check that post gives want; frees what it got. */
#define GETS(want, ...) do { \
	char *got_ = post(__VA_ARGS__, NULL); \
	is_str(got_, want, "%s -> %s", #__VA_ARGS__, want); \
	free(got_); \
} while (0)

static char *
save_text(const struct assign *a)
{
	struct buf b = BUF_INIT;
	json_t *j;
	char *s;

	j = assign_save(a);
	jsonw(&b, j);
	json_decref(j);
	s = xstrdup(b.s);
	buf_free(&b);
	return s;
}

/* A new engine with the same agents, loaded from a's state. */
static struct assign *
reload(struct assign *a, const char *agents)
{
	struct assign *b;
	char err[256];
	json_t *j;
	char *s;

	s = save_text(a);
	j = json_loads(s, 0, NULL);
	b = engine(agents);
	if (assign_load(b, j, err, sizeof(err)) == -1) {
		printf("# load: %s\n", err);
		exit(1);
	}
	assign_settle(b);
	json_decref(j);
	free(s);
	return b;
}

static void
test_choice(void)
{
	const char *ag = "[{\"id\":\"a1\",\"languages\":[\"pl\",\"en\"],"
	    "\"skills\":[\"payments\"],\"capacity\":3},"
	    "{\"id\":\"a2\",\"languages\":[\"pl\"],\"capacity\":2},"
	    "{\"id\":\"a3\",\"capacity\":1}]";
	struct assign *a = engine(ag);

	GETS("a1", a, "p1", NULL, 0, "pl", NULL, 0);	/* never assigned */
	GETS("a2", a, "p2", NULL, 0, "pl", NULL, 1);	/* then a2 */
	GETS("a3", a, "p3", NULL, 0, "de", NULL, 2);	/* speaks all */
	GETS("a1", a, "p4", NULL, 0, "en", NULL, 3);	/* only a1 of those
							   left speaks en */
	GETS("a2", a, "p5", NULL, 0, "pl", NULL, 4);	/* a1 2 open, a2 1 */
	GETS("-", a, "p6", NULL, 0, "pl", "legal", 5);	/* nobody: waits */
	GETS("a1", a, "p7", NULL, 0, "pl", "payments", 6);	/* skill */
	GETS("-", a, "p8", NULL, 0, "pl", NULL, 7);	/* all full */
	GETS("-", a, "p9", NULL, 0, NULL, NULL, 8);	/* no lang: any */
	{
		struct assign_post p = { "q1", NULL, 0, "empty", NULL, "pl",
		    T0, ASSIGN_NO_DUE };
		json_t *g, *h;

		ok(assign_post(a, &p, &g, &h) == ASSIGN_SKIP && g == NULL,
		    "a team without agents: no route.agent");
		p.team = NULL;
		ok(assign_post(a, &p, &g, &h) == ASSIGN_SKIP && g == NULL,
		    "no team: no route.agent");
	}
	assign_free(a);
	(void)cfg_text;
}

static void
test_ties(void)
{
	const char *ag = "[{\"id\":\"a\",\"capacity\":2},"
	    "{\"id\":\"b\",\"capacity\":2},{\"id\":\"c\",\"capacity\":2}]";
	struct assign *a = engine(ag);

	/* Never assigned first, in configuration order. */
	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("b", a, "p2", NULL, 0, "en", NULL, 0);
	/* b answers p2: b and c have 0 open; c was never assigned. */
	GETS("-", a, "r2", "p2", 1, "en", NULL, 1);
	GETS("c", a, "p3", NULL, 0, "en", NULL, 2);
	/* a 1 open, b 0, c 1: fewest open wins. */
	GETS("b", a, "p4", NULL, 0, "en", NULL, 3);
	/* All 1 open: the oldest last assignment is a's. */
	GETS("a", a, "p5", NULL, 0, "en", NULL, 4);
	GETS("c", a, "p6", NULL, 0, "en", NULL, 4);
	GETS("b", a, "p7", NULL, 0, "en", NULL, 4);
	assign_free(a);
}

static void
test_sticky_wait_free(void)
{
	const char *ag = "[{\"id\":\"a\",\"capacity\":1},"
	    "{\"id\":\"b\",\"languages\":[\"de\"],\"capacity\":1}]";
	struct assign *a = engine(ag), *b;
	char *h, *s1, *s2;

	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("a", a, "p2", "p1", 0, "en", NULL, 1);	/* sticky, full */
	GETS("-", a, "p3", NULL, 0, "en", NULL, 2);	/* waits */
	GETS("b", a, "p4", NULL, 0, "de", NULL, 3);	/* b speaks de */
	GETS("-", a, "p5", NULL, 0, "de", NULL, 4);
	assign_free(a);

	/* Freeing: the longest-waiting post the freed agent can take. */
	a = engine(ag);
	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("b", a, "p2", NULL, 0, "de", NULL, 1);
	GETS("-", a, "p3", NULL, 0, "de", NULL, 2);	/* waits for b */
	GETS("-", a, "p4", NULL, 0, "en", NULL, 5);
	GETS("-", a, "p5", NULL, 0, "de", NULL, 3);
	s1 = post(a, "r1", "p1", 1, "en", NULL, 6, &h);
	is_str(s1, "-", "a brand post gets no agent");
	is_str(h, "[{\"post\":\"p3\",\"conversation\":\"p3\",\"agent\":"
	    "{\"id\":\"a\",\"name\":\"a\"}}]", "freed a takes p3, the "
	    "longest waiting (a speaks all)");
	free(s1);
	free(h);
	/* Across a save and a load: b frees and takes p5 (older than p4). */
	s1 = save_text(a);
	b = reload(a, ag);
	s2 = save_text(b);
	is_str(s2, s1, "a state saved, loaded and saved is the same text");
	free(s2);
	s2 = post(b, "r2", "p2", 1, "de", NULL, 7, &h);
	is_str(h, "[{\"post\":\"p5\",\"conversation\":\"p5\",\"agent\":"
	    "{\"id\":\"b\",\"name\":\"b\"}}]", "after a load, freed b takes "
	    "p5, which it can take");
	free(s2);
	free(h);
	/* The same posts again change nothing and get the same answers. */
	free(s1);
	s1 = save_text(b);
	s2 = post(b, "r2", "p2", 1, "de", NULL, 7, &h);
	ok(strstr(h, "\"p5\"") != NULL, "a post seen again gets the same "
	    "route.assigned");
	free(s2);
	free(h);
	GETS("a", b, "p1", NULL, 0, "en", NULL, 0);
	GETS("-", b, "p4", NULL, 0, "en", NULL, 5);
	s2 = save_text(b);
	is_str(s2, s1, "posts seen again leave the state as it was");
	free(s1);
	free(s2);
	assign_free(a);
	assign_free(b);
}

static void
test_reopen(void)
{
	const char *ag = "[{\"id\":\"a\",\"capacity\":1},"
	    "{\"id\":\"b\",\"capacity\":1}]";
	struct assign *a = engine(ag);

	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("-", a, "r1", "p1", 1, "en", NULL, 1);
	GETS("b", a, "p2", NULL, 0, "en", NULL, 2);
	GETS("a", a, "p3", NULL, 0, "en", NULL, 3);
	/* p1's conversation comes back to a, at full capacity. */
	GETS("a", a, "p4", "p1", 0, "en", NULL, 4);
	assign_free(a);

	/* Too old to assign: more than ASSIGN_KEEP behind the newest. */
	a = engine(ag);
	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("-", a, "r1", "p1", 1, "en", NULL, ASSIGN_KEEP + 100);
	GETS("-", a, "p2", NULL, 0, "en", NULL, 10);
	GETS("b", a, "p3", NULL, 0, "en", NULL, ASSIGN_KEEP + 200);
	assign_free(a);
}

/* sc-fetch pages newest first: an answer may come before its question. */
static void
test_newest_first(void)
{
	const char *ag = "[{\"id\":\"a\",\"capacity\":1}]";
	struct assign *a = engine(ag);

	/* b2 answers p1; p3 asks again after it: input newest first. */
	GETS("a", a, "p3", "c", 0, "en", NULL, 30);
	GETS("-", a, "b2", "c", 1, "en", NULL, 20);	/* older than p3 */
	GETS("a", a, "p1", "c", 0, "en", NULL, 10);	/* answered */
	/* Answered before sc-route saw the question: nothing opens. */
	GETS("-", a, "b5", "d", 1, "en", NULL, 50);
	GETS("-", a, "p4", "d", 0, "en", NULL, 40);
	{
		struct buf b = BUF_INIT;
		json_t *q = assign_queue(a);

		jsonw(&b, q);
		ok(json_array_size(q) == 1 && strstr(b.s, "\"post\":\"p3\"")
		    != NULL, "open: only c, since p3: %s", b.s);
		json_decref(q);
		buf_free(&b);
	}
	assign_free(a);

	/* Two questions newest first: the older one opened it. */
	a = engine(ag);
	GETS("a", a, "q1", NULL, 0, "en", NULL, 0);
	GETS("-", a, "q3", "c", 0, "en", NULL, 30);
	GETS("-", a, "q2", "c", 0, "en", NULL, 20);
	GETS("-", a, "q4", NULL, 0, "en", NULL, 25);
	/* a is freed: c waited since 20, before q4 at 25. */
	{
		char *h, *r = post(a, "r1", "q1", 1, "en", NULL, 40, &h);

		ok(strstr(h, "\"post\":\"q2\"") != NULL, "c goes first, "
		    "since its older post: %s", h);
		free(r);
		free(h);
	}
	assign_free(a);
}

static void
test_queue(void)
{
	const char *ag = "[{\"id\":\"a\",\"name\":\"Zoë\",\"capacity\":1}]";
	struct assign *a = engine(ag), *b;
	struct buf s = BUF_INIT;
	json_t *q;

	GETS("a", a, "p1", NULL, 0, "en", NULL, 0);
	GETS("-", a, "p2", NULL, 0, "en", NULL, 20);
	GETS("-", a, "p3", "c3", 0, "en", NULL, 10);
	q = assign_queue(a);
	jsonw(&s, q);
	is_str(s.s, "[{\"post\":\"p3\",\"conversation\":\"c3\",\"team\":"
	    "\"care\",\"agent\":null,\"since\":\"2026-09-21T14:13:30Z\","
	    "\"first_response_due\":\"2026-09-21T14:28:30Z\"},"
	    "{\"post\":\"p2\",\"conversation\":\"p2\",\"team\":\"care\","
	    "\"agent\":null,\"since\":\"2026-09-21T14:13:40Z\","
	    "\"first_response_due\":\"2026-09-21T14:28:40Z\"},"
	    "{\"post\":\"p1\",\"conversation\":\"p1\",\"team\":\"care\","
	    "\"agent\":{\"id\":\"a\",\"name\":\"Zoë\"},\"since\":"
	    "\"2026-09-21T14:13:20Z\",\"first_response_due\":"
	    "\"2026-09-21T14:28:20Z\"}]", "the queue: waiting first, oldest "
	    "first");
	json_decref(q);
	buf_free(&s);
	/* a leaves; b comes with room for two: p1 back to waiting, then
	 * b takes p1 and p3, the two oldest. */
	b = reload(a, "[{\"id\":\"b\",\"capacity\":2}]");
	q = assign_queue(b);
	jsonw(&s, q);
	ok(strstr(s.s, "{\"post\":\"p2\",\"conversation\":\"p2\",\"team\":"
	    "\"care\",\"agent\":null") == s.s + 1, "p2 still waits: %s", s.s);
	ok(strstr(s.s, "\"post\":\"p1\",\"conversation\":\"p1\",\"team\":"
	    "\"care\",\"agent\":{\"id\":\"b\"") != NULL, "b took p1");
	ok(strstr(s.s, "\"post\":\"p3\",\"conversation\":\"c3\",\"team\":"
	    "\"care\",\"agent\":{\"id\":\"b\"") != NULL, "b took p3");
	json_decref(q);
	buf_free(&s);
	assign_free(a);
	assign_free(b);
}

struct badcfg {
	const char	*text;
};

static void
load_cfg(void *arg)
{
	const struct badcfg *bc = arg;
	struct assign *a;
	json_t *j;

	j = json_loads(bc->text, 0, NULL);
	a = assign_new();
	assign_add_team(a, "care", json_object_get(json_object_get(
	    json_object_get(j, "teams"), "care"), "agents"), "rules.json",
	    bc->text, strlen(bc->text));
	exit(0);
}

static void
cfg_error(const char *text, const char *want)
{
	struct badcfg bc = { text };
	char *out, *err;
	int st;

	st = run_child(load_cfg, &bc, &out, &err);
	ok(exited(st, 2), "bad agents exit 2: %s", want);
	is_str(err, want, "message");
	free(out);
	free(err);
}

static void
test_config(void)
{
	diag_init("sc-route");
	cfg_error("{\"teams\": {\"care\": {\"agents\": {}}}}",
	    "sc-route: rules.json:1: team \"care\": \"agents\": expected an "
	    "array, got an object\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\", \"capacity\": 1},\n"
	    "  {\"id\": \"b\",\n   \"capacity\": 0}]}}}",
	    "sc-route: rules.json:4: team \"care\", agent 2: \"capacity\": "
	    "expected a whole number 1 to 1000, got another\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\", \"capacity\": 1},\n"
	    "  {\"id\": \"a\", \"capacity\": 1}]}}}",
	    "sc-route: rules.json:3: team \"care\", agent 2: \"id\": \"a\" "
	    "already used in team \"care\"\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\",\n \"languages\": [], \"capacity\": 1}]}}}",
	    "sc-route: rules.json:3: team \"care\", agent 1: \"languages\": "
	    "empty (leave it out for all)\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\", \"capacity\": 1, \"skils\": []}]}}}",
	    "sc-route: rules.json:2: team \"care\", agent 1: unknown key "
	    "\"skils\" (one of: id, name, languages, skills, capacity)\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\"}]}}}",
	    "sc-route: rules.json:2: team \"care\", agent 1: missing "
	    "\"capacity\"\n");
	cfg_error("{\"teams\": {\"care\": {\"agents\": [\n"
	    "  {\"id\": \"a\", \"capacity\": 1, \"skills\": [\"x\", 3]}]}}}",
	    "sc-route: rules.json:2: team \"care\", agent 1: \"skills\": "
	    "expected an array of non-empty strings, got a number\n");
}

static void
state_error(const char *text, const char *want)
{
	struct assign *a = engine("[{\"id\":\"a\",\"capacity\":1}]");
	char err[256] = "";
	json_t *j;

	j = json_loads(text, 0, NULL);
	ok(j != NULL && assign_load(a, j, err, sizeof(err)) == -1,
	    "bad state refused: %s", want);
	is_str(err, want, "message");
	json_decref(j);
	assign_free(a);
}

static void
test_state_errors(void)
{
#define HEAD "{\"format\":\"sc-route-state\",\"version\":1,\"seq\":1," \
	"\"wait\":1,\"newest\":100,"
	state_error("[]", "expected an object, got an array");
	state_error("{\"format\":\"sc-fetch-state\"}",
	    "not an sc-route state file (\"format\" is not "
	    "\"sc-route-state\")");
	state_error("{\"format\":\"sc-route-state\",\"version\":2}",
	    "version: 2, but this sc-route reads version 1");
	state_error(HEAD "\"agents\":[],\"conversations\":{},\"posts\":[]}",
	    "conversations: expected an array, got an object");
	state_error(HEAD "\"agents\":[{\"id\":\"a\",\"name\":\"a\","
	    "\"last\":2}],\"conversations\":[],\"posts\":[]}",
	    "agents[0].last: out of range: 2");
	state_error(HEAD "\"agents\":[],\"conversations\":[{\"id\":\"c\","
	    "\"open\":true,\"agent\":\"x\",\"last\":1}],\"posts\":[]}",
	    "conversations[0].agent: \"x\" is not in \"agents\"");
	state_error(HEAD "\"agents\":[],\"conversations\":[{\"id\":\"c\","
	    "\"open\":true,\"agent\":null,\"last\":1,\"answered\":null,\"post\":\"p\","
	    "\"team\":\"care\",\"lang\":null,\"skill\":null,\"since\":\"1\","
	    "\"due\":null,\"wait\":1}],\"posts\":[]}",
	    "conversations[0].since: expected an integer, got a string");
	state_error(HEAD "\"agents\":[],\"conversations\":[],\"posts\":"
	    "[[\"p\",1,null],[\"p\",2,null]]}",
	    "posts[1]: post \"p\" given twice");
	state_error(HEAD "\"agents\":[],\"conversations\":[],\"posts\":[],"
	    "\"extra\":1}", "unknown key \"extra\"");
	state_error(HEAD "\"agents\":[],\"conversations\":[{\"id\":\"c\","
	    "\"open\":true,\"agent\":null,\"last\":1,\"answered\":null,\"post\":\"p\","
	    "\"team\":\"care\",\"lang\":null,\"skill\":null,\"since\":1,"
	    "\"due\":null,\"wait\":0}],\"posts\":[]}",
	    "conversations[0].wait: 0 for a conversation that waits");
#undef HEAD
}

int
main(void)
{
	test_choice();
	test_ties();
	test_sticky_wait_free();
	test_reopen();
	test_newest_first();
	test_queue();
	test_config();
	test_state_errors();
	return tap_done();
}
