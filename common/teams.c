/*
 * teams.c - loading and checking the calendars and teams of a rules file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "hmap.h"
#include "jload.h"
#include "post.h"
#include "teams.h"
#include "tz.h"
#include "xmem.h"

/* "HH:MM-HH:MM" periods of one day key. */
static void
load_hours(struct jload *j, struct calendar *cal, const json_t *hours)
{
	char err[256];
	const char *key;
	json_t *v, *e;
	unsigned mask, seen = 0;
	size_t i;
	int start, end;

	if (!json_is_object(hours))
		jload_fail(j, "\"hours\": expected an object such as "
		    "{\"mon-fri\": [\"09:00-17:00\"]}, got %s",
		    json_kind_a(hours));
	if (json_object_size(hours) == 0)
		jload_fail(j, "\"hours\": no days");
	json_object_foreach((json_t *)hours, key, v) {
		jload_push(j, key);
		if ((mask = cal_parse_days(key)) == 0)
			jload_fail(j, "bad day key \"%s\" (mon, tue, wed, thu, "
			    "fri, sat, sun, or a range such as mon-fri)", key);
		if (mask & seen)
			jload_fail(j, "\"%s\": a day given twice", key);
		seen |= mask;
		if (!json_is_array(v))
			jload_fail(j, "\"%s\": expected an array of periods, "
			    "got %s", key, json_kind_a(v));
		for (i = 0; i < json_array_size(v); i++) {
			e = json_array_get(v, i);
			jload_push_index(j, i);
			if (!json_is_string(e))
				jload_fail(j, "\"%s\": expected periods such "
				    "as \"09:00-17:00\", got %s", key,
				    json_kind_a(e));
			if (cal_parse_period(json_string_value(e), &start,
			    &end, err, sizeof(err)) == -1 ||
			    cal_add_period(cal, mask, start, end, err,
			    sizeof(err)) == -1)
				jload_fail(j, "\"%s\": %s", key, err);
			jload_pop(j);
		}
		jload_pop(j);
	}
}

static void
load_holidays(struct jload *j, struct calendar *cal, const json_t *v)
{
	const json_t *e;
	int64_t day;
	size_t i;

	if (!json_is_array(v))
		jload_fail(j, "\"holidays\": expected an array of dates, got %s",
		    json_kind_a(v));
	for (i = 0; i < json_array_size(v); i++) {
		e = json_array_get(v, i);
		jload_push_index(j, i);
		if (!json_is_string(e) ||
		    cal_parse_date(json_string_value(e), &day) == -1)
			jload_fail(j, "\"holidays\": expected dates such as "
			    "\"2026-12-24\", got %s%s%s",
			    json_is_string(e) ? "\"" : json_kind_a(e),
			    json_is_string(e) ? json_string_value(e) : "",
			    json_is_string(e) ? "\"" : "");
		cal_add_holiday(cal, day);
		jload_pop(j);
	}
}

static struct calendar *
add_calendar(struct teams *tm, struct hmap *calnames, const char *name,
    struct calendar *cal)
{
	void **slot;
	int existed;

	tm->cals = xreallocarray(tm->cals, tm->ncals + 1, sizeof(*tm->cals));
	tm->cals[tm->ncals++] = cal;
	slot = hmap_put(calnames, name, strlen(name), &existed);
	*slot = cal;
	return cal;
}

static void
load_calendar(struct jload *j, struct teams *tm, struct hmap *calnames,
    const char *name, const json_t *c)
{
	char err[256];
	const char *key;
	const json_t *zone, *v;
	struct calendar *cal;
	struct tz *z;

	jload_who(j, "calendar ", name);
	if (*name == '\0')
		jload_fail(j, "empty calendar name");
	if (strcmp(name, "24x7") == 0)
		jload_fail(j, "\"24x7\" is the calendar that never closes; "
		    "give yours another name");
	if (!json_is_object(c))
		jload_fail(j, "expected an object, got %s", json_kind_a(c));
	json_object_foreach((json_t *)c, key, v)
		if (strcmp(key, "zone") != 0 && strcmp(key, "hours") != 0 &&
		    strcmp(key, "holidays") != 0 &&
		    strcmp(key, "comment") != 0) {
			jload_push(j, key);
			jload_fail(j, "unknown key \"%s\"", key);
		}
	zone = jload_string(j, c, "zone", 1);
	if ((z = tz_load(json_string_value(zone), err, sizeof(err))) == NULL) {
		jload_push(j, "zone");
		jload_fail(j, "%s", err);
	}
	cal = add_calendar(tm, calnames, name, cal_new(z));
	if ((v = json_object_get(c, "hours")) == NULL)
		jload_fail(j, "missing \"hours\"");
	jload_push(j, "hours");
	load_hours(j, cal, v);
	if (cal_finish(cal, err, sizeof(err)) == -1)
		jload_fail(j, "\"hours\": %s", err);
	jload_pop(j);
	if ((v = json_object_get(c, "holidays")) != NULL) {
		jload_push(j, "holidays");
		load_holidays(j, cal, v);
		jload_pop(j);
		cal_finish(cal, err, sizeof(err));
	}
}

static void
load_calendars(struct jload *j, struct teams *tm, struct hmap *calnames,
    const json_t *cals)
{
	const char *name;
	json_t *v;

	add_calendar(tm, calnames, "24x7", cal_new(NULL));
	if (cals == NULL)
		return;
	jload_push(j, "calendars");
	if (!json_is_object(cals))
		jload_fail(j, "\"calendars\": expected an object, got %s",
		    json_kind_a(cals));
	json_object_foreach((json_t *)cals, name, v) {
		jload_push(j, name);
		load_calendar(j, tm, calnames, name, v);
		jload_pop(j);
	}
	jload_pop(j);
	buf_reset(&j->who);
}

static void
load_team(struct jload *j, struct hmap *calnames, struct team *t,
    const char *name, const json_t *v)
{
	const json_t *c;
	const char *key;
	json_t *m;
	void **slot;

	jload_who(j, "team ", name);
	if (*name == '\0')
		jload_fail(j, "empty team name");
	if (!json_is_object(v))
		jload_fail(j, "expected an object, got %s", json_kind_a(v));
	json_object_foreach((json_t *)v, key, m)
		if (strcmp(key, "calendar") != 0 && strcmp(key, "agents") != 0 &&
		    strcmp(key, "comment") != 0) {
			jload_push(j, key);
			jload_fail(j, "unknown key \"%s\"", key);
		}
	t->name = name;
	t->line = jload_line(j);
	if ((c = jload_string(j, v, "calendar", 0)) != NULL) {
		slot = hmap_get(calnames, json_string_value(c),
		    json_string_length(c));
		if (slot == NULL) {
			jload_push(j, "calendar");
			jload_quoted(&j->tmp, json_string_value(c));
			jload_fail(j, "unknown calendar %s", buf_str(&j->tmp));
		}
		t->cal = *slot;
		t->calname = json_string_value(c);
	}
	if ((t->agents = json_object_get(v, "agents")) != NULL &&
	    !json_is_array(t->agents)) {
		jload_push(j, "agents");
		jload_fail(j, "\"agents\": expected an array, got %s",
		    json_kind_a(t->agents));
	}
}

static void
load_teams(struct jload *j, struct teams *tm, struct hmap *calnames,
    const json_t *teams)
{
	const char *name;
	json_t *v;
	void **slot;
	int existed;

	if (teams == NULL)
		return;
	jload_push(j, "teams");
	if (!json_is_object(teams))
		jload_fail(j, "\"teams\": expected an object, got %s",
		    json_kind_a(teams));
	tm->team = xcalloc(json_object_size(teams) + 1, sizeof(*tm->team));
	json_object_foreach((json_t *)teams, name, v) {
		jload_push(j, name);
		tm->team[tm->n].index = tm->n;
		load_team(j, calnames, &tm->team[tm->n], name, v);
		tm->n++;
		slot = hmap_put(tm->names, name, strlen(name), &existed);
		*slot = (void *)(uintptr_t)tm->n;
		jload_pop(j);
	}
	jload_pop(j);
	buf_reset(&j->who);
}

void
teams_load(struct teams *tm, struct jload *j, const json_t *doc)
{
	/* Static, so that it stays reachable if loading dies. */
	static struct hmap *calnames;

	memset(tm, 0, sizeof(*tm));
	tm->names = hmap_new();
	calnames = hmap_new();
	load_calendars(j, tm, calnames, json_object_get(doc, "calendars"));
	load_teams(j, tm, calnames, json_object_get(doc, "teams"));
	hmap_free(calnames);
	calnames = NULL;
}

const struct team *
teams_get(const struct teams *tm, const char *name, size_t len)
{
	void **slot;

	if (tm->names == NULL ||
	    (slot = hmap_get(tm->names, name, len)) == NULL)
		return NULL;
	return &tm->team[(uintptr_t)*slot - 1];
}

void
teams_free(struct teams *tm)
{
	size_t i;

	free(tm->team);
	for (i = 0; i < tm->ncals; i++)
		cal_free(tm->cals[i]);
	free(tm->cals);
	hmap_free(tm->names);
	memset(tm, 0, sizeof(*tm));
}
