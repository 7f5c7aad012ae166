/*
 * test-teams - teams.h and jload.h: the calendars and teams of a rules
 * file (the "24x7" calendar always there, teams in file order with their
 * calendar, line and agents, looked up by name), and each mistake exits
 * 2 with "FILE:LINE: who: why" (in a child), as jload.h makes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "diag.h"
#include "jload.h"
#include "sctime.h"
#include "tap.h"
#include "teams.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static char *
write_file(const char *name, const char *text)
{
	return unit_file(dir, name, text);
}

static void
test_good(void)
{
	static const char text[] =
	    "{\n"
	    "  \"comment\": \"anything else is the caller's\",\n"
	    "  \"calendars\": {\n"
	    "    \"office\": {\"zone\": \"Europe/Warsaw\",\n"
	    "      \"hours\": {\"mon-fri\": [\"09:00-17:00\"]},\n"
	    "      \"holidays\": [\"2026-12-24\"]}\n"
	    "  },\n"
	    "  \"teams\": {\n"
	    "    \"care\": {\"calendar\": \"office\", \"agents\": []},\n"
	    "    \"night\": {\"calendar\": \"24x7\"},\n"
	    "    \"plain\": {}\n"
	    "  }\n"
	    "}\n";
	struct jload j;
	struct teams tm;
	const struct team *t;
	json_t *doc;
	char *f;
	int64_t mon8 = time_days_from_civil(2026, 12, 7) * 86400 + 7 * 3600;

	f = write_file("good.json", text);
	memset(&j, 0, sizeof(j));
	doc = jload_open(&j, f);
	teams_load(&tm, &j, doc);
	ok(tm.n == 3, "three teams");
	ok(tm.ncals == 2, "two calendars: 24x7 and office");
	ok(cal_always(tm.cals[0]), "the first calendar is 24x7");
	t = teams_get(&tm, "care", 4);
	ok(t != NULL && t == &tm.team[0] && t->index == 0, "care is first");
	ok(t != NULL && t->cal == tm.cals[1] && strcmp(t->calname,
	    "office") == 0, "care counts in office");
	ok(t != NULL && t->line == 9, "care is on line 9 (%d)",
	    t ? t->line : -1);
	ok(t != NULL && json_is_array(t->agents), "care's agents borrowed");
	ok(t != NULL && cal_between(t->cal, mon8, mon8 + 3 * 3600) ==
	    2 * 3600, "office: 08:00-11:00 Warsaw time is 2 business hours");
	t = teams_get(&tm, "night", 5);
	ok(t != NULL && t->cal == tm.cals[0], "night counts in 24x7");
	t = teams_get(&tm, "plain", 5);
	ok(t != NULL && t->cal == NULL && t->calname == NULL &&
	    t->agents == NULL, "plain has no calendar and no agents");
	ok(teams_get(&tm, "car", 3) == NULL, "no team car");
	ok(teams_get(&tm, "care-pl", 7) == NULL, "no team care-pl");
	teams_free(&tm);
	json_decref(doc);
	jload_close(&j);
	free(f);

	f = write_file("empty.json", "{\"rules\": []}\n");
	memset(&j, 0, sizeof(j));
	doc = jload_open(&j, f);
	teams_load(&tm, &j, doc);
	ok(tm.n == 0 && tm.ncals == 1, "no teams: only 24x7");
	ok(teams_get(&tm, "care", 4) == NULL, "no teams: none found");
	teams_free(&tm);
	json_decref(doc);
	jload_close(&j);
	free(f);
}

static void
load(void *arg)
{
	struct jload j;
	struct teams tm;
	json_t *doc;

	memset(&j, 0, sizeof(j));
	doc = jload_open(&j, arg);
	teams_load(&tm, &j, doc);
	exit(0);
}

static void
bad(const char *text, const char *want)
{
	char *f, *out, *err, *w;
	int st;

	f = write_file("bad.json", text);
	w = xasprintf("sc-test: %s%s\n", f, want);
	st = run_child(load, f, &out, &err);
	ok(exited(st, 2), "exit 2: %s", want);
	is_str(err, w, "message");
	free(out);
	free(err);
	free(w);
	free(f);
}

static void
test_bad(void)
{
	diag_init("sc-test");
	bad("[1]\n", ":1: expected an object, got an array");
	bad("{\"teams\": {}, \"teams\": {}}\n",
	    ":1: duplicate object key near '\"teams\"'");
	bad("{\"calendars\": []}\n",
	    ":1: \"calendars\": expected an object, got an array");
	bad("{\"calendars\": {\n \"x\": {\"zone\": \"UTC\"}}}\n",
	    ":2: calendar \"x\": missing \"hours\"");
	bad("{\"calendars\": {\n \"x\": {\"zone\": \"\", \"hours\": {}}}}\n",
	    ":2: calendar \"x\": \"zone\": empty");
	bad("{\"calendars\": {\"x\": {\"zone\": \"UTC\",\n"
	    " \"hours\": {\"mon\": [\"09:00-12:00\",\n"
	    "   \"11:00-13:00\"]}}}}\n",
	    ":3: calendar \"x\": \"mon\": mon 11:00-13:00 overlaps "
	    "mon 09:00-12:00");
	bad("{\"teams\": {\n\"a\": {},\n\"b\": {\"calendar\":\n\"c\"}}}\n",
	    ":4: team \"b\": unknown calendar \"c\"");
	bad("{\"teams\": {\"a\": {\n\"calendar\": 7}}}\n",
	    ":2: team \"a\": \"calendar\": expected a string, got a number");
	bad("{\"teams\": {\"a\": {\"agent\": []}}}\n",
	    ":1: team \"a\": unknown key \"agent\"");
	bad("{\"teams\": {\"\": {}}}\n", ":1: team \"\": empty team name");
}

int
main(void)
{
	dir = unit_tmpdir("test-teams");
	test_good();
	test_bad();
	return tap_done();
}
