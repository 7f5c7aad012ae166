/*
 * teams.h - the "calendars" and "teams" of an sc-route(5) rules file:
 * which business calendar each team's time counts in, and its agents.
 * sc-route loads them with its rules; sc-report with -r reads them to
 * count first responses in business time.
 *
 * teams_load() checks both members as sc-route(5) says and dies with
 * "FILE:LINE: why" (exit 2) at the first mistake, through the jload the
 * caller opened the file with.  The calendar named "24x7" always exists
 * and never closes.  A team's "agents" is only checked to be an array;
 * whoever assigns agents validates them.
 *
 * struct teams owns the calendars (and their zones); names and "agents"
 * are borrowed from the document, which must outlive it.  teams_free()
 * releases what it owns.
 */
#ifndef TEAMS_H
#define TEAMS_H

#include <stddef.h>
#include <jansson.h>

#include "calendar.h"
#include "jload.h"

struct hmap;

struct team {
	const char	*name;		/* borrowed from the document */
	const struct calendar *cal;	/* NULL: calendar minutes */
	const char	*calname;	/* NULL when cal is NULL */
	const json_t	*agents;	/* "agents" (borrowed), or NULL */
	size_t		 index;		/* in teams.team */
	int		 line;		/* of the team in the file */
};

struct teams {
	struct team	*team;		/* in the order of the file */
	size_t		 n;
	struct calendar	**cals;		/* "24x7", then the user's */
	size_t		 ncals;
	struct hmap	*names;		/* team name -> index + 1 */
};

/* Loads doc's "calendars" and "teams" (each may be absent) into tm. */
void		 teams_load(struct teams *tm, struct jload *j,
		    const json_t *doc);
/* The team of that name, or NULL. */
const struct team *teams_get(const struct teams *tm, const char *name,
		    size_t len);
void		 teams_free(struct teams *tm);

#endif
