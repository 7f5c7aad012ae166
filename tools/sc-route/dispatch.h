/*
 * dispatch.h - sc-route's agents in a run: the state file around the
 * assignment engine (common/assign.h), route.agent on each record, and
 * the --queue picture.
 *
 * dispatch_open() locks the state file (PATH.lock; held by another run:
 * "sc-route: PATH: locked by another run", exit 75), loads and checks it
 * (a corrupt or foreign file: "sc-route: PATH: where: what", exit 2; no
 * file yet: an empty state) and settles it against the configured agents.
 * Nothing is read from the input before this.
 *
 * dispatch_post() gives a routed record its route.agent (and
 * route.assigned); a record whose team has agents but lacks an id or a
 * good created_at, or is dated more than a year ahead of the clock, is
 * rejected.  The state is written (state_write(): temporary file, fsync,
 * rename) every `checkpoint` records handed to dispatch_post() (0: never)
 * and once more by dispatch_close(), after rec_filter() has closed the
 * output.  A run killed at any moment leaves the state it found or that
 * of a checkpoint, whose posts are remembered by id: a re-run over the
 * same input skips them (giving them what they got before) and applies
 * the rest, ending in the state one uninterrupted run leaves and writing
 * the same records.
 *
 * Without a state file the engine still assigns within the run.
 */
#ifndef ROUTE_DISPATCH_H
#define ROUTE_DISPATCH_H

#include <jansson.h>

#include "assign.h"
#include "record.h"

struct dispatch;
struct ruleset;

/* The agents of rs's teams, checked (dies naming file:line on mistakes). */
struct assign	*dispatch_agents(const struct ruleset *rs, const char *path);

/* a is taken over; state may be NULL. */
struct dispatch	*dispatch_open(struct assign *a, const char *state,
		    long checkpoint);
/* Whether dispatch_post() may change records at all. */
int		 dispatch_active(const struct dispatch *d);
/*
 * Set route.agent (and route.assigned) in route for post, whose rule
 * names skill (or NULL).  0, or -1 after rec_reject().
 */
int		 dispatch_post(struct dispatch *d, struct recin *r,
		    const json_t *post, json_t *route, const char *skill);
/* Write the state a last time, release the lock, free everything. */
void		 dispatch_close(struct dispatch *d);

/* sc-route --queue: print the open conversations of state; exit status. */
int		 dispatch_queue(const char *state, const char *output,
		    int table);

#endif
