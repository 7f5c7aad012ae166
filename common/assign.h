/*
 * assign.h - sc-route's agents: who takes which post, with open
 * conversations, capacity and a waiting queue that last across runs.
 *
 * The model.  A team has agents in configuration order, each with the
 * languages they speak (none given: all), their skills and a capacity (the
 * open conversations they can hold).  A conversation (a post's
 * conversation_id, or its id when that is null) opens with a customer post
 * and closes with a brand post (from_brand true) in it.  A customer post
 * opening a conversation goes to the agent of its team who speaks its
 * class.lang (a post without one: any agent), has the rule's skill, has
 * room, and holds the fewest open conversations; ties go to the agent
 * whose last assignment is oldest, and agents never assigned yet go first,
 * in configuration order.  A conversation that has had an agent keeps
 * them (stickiness): a later customer post goes to the same agent, even
 * at full capacity, also after a brand post closed it, until it is
 * forgotten (below).  Nobody with room: the conversation waits in its
 * team's queue.  Whenever an agent gets room (a brand post closed one of
 * theirs, or a new run has a larger capacity or a new agent), they take
 * the longest-waiting conversation they can (earliest created_at, then
 * input order), as often as their room allows.  So a post never jumps a
 * queue: an agent with room and a waiting post they could take is never
 * left that way.
 *
 * What the caller gets.  assign_post() gives the route.agent value
 * ({"id","name"} or null) and, when the post freed an agent who then took
 * waiting conversations, the route.assigned value: an array of
 * {"post","conversation","agent"}, one per conversation taken, so a cron
 * pipeline learns of them from the record that caused them.  Assignments
 * made when a run starts (assign_settle(), after a configuration change)
 * show only in the state and in assign_queue().
 *
 * Idempotence.  Every post applied is remembered by id with what it was
 * given.  A post seen again (a re-run over the same input after kill -9,
 * a duplicate line) changes nothing and gets what it got the first time.
 * Posts are remembered, and closed conversations with their agent, for
 * ASSIGN_KEEP seconds behind the newest post applied; a post older than
 * that is not assigned (route.agent null) and changes nothing, so that
 * forgetting and skipping agree and a re-run can never apply a post twice.
 *
 * State.  assign_save() gives a JSON document (format "sc-route-state",
 * version 1) with everything sorted, so one state is always the same
 * text; assign_load() checks every member of such a document and fails
 * naming the member and what is wrong.  assign_settle() then binds the
 * state to the configured agents: conversations of agents no longer
 * configured go back to waiting (or lose their sticky agent), and agents
 * with room take waiting posts.
 *
 * Memory: the engine owns everything it holds; strings and json_t passed
 * in are copied or borrowed only for the call.  Values returned are new
 * references.  Errors in the configuration die (exit 2) naming the file
 * and line; errors in a state are returned.
 */
#ifndef ASSIGN_H
#define ASSIGN_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#define ASSIGN_FORMAT	"sc-route-state"
#define ASSIGN_VERSION	1
#define ASSIGN_KEEP	(7 * 86400)	/* seconds */
#define ASSIGN_CAPACITY_MAX	1000

struct assign;

/* What assign_post() needs of a record. */
struct assign_post {
	const char	*id;		/* required */
	const char	*conversation;	/* NULL: the conversation is id */
	int		 from_brand;
	const char	*team;		/* the route's team, or NULL */
	const char	*skill;		/* the rule's skill, or NULL */
	const char	*lang;		/* class.lang, or NULL: any */
	int64_t		 created_at;
	int64_t		 due;		/* first_response_due, or ASSIGN_NO_DUE */
};
#define ASSIGN_NO_DUE	INT64_MIN

struct assign	*assign_new(void);
/*
 * Compile the "agents" of team (an array; NULL: none) from the rules file
 * file whose text is text[0..len): checks ids (unique over all teams),
 * names, languages, skills and capacities, and dies (exit 2) with
 * "file:line: team \"x\", agent N: why" at the first mistake.
 */
void		 assign_add_team(struct assign *a, const char *team,
		    const json_t *agents, const char *file, const char *text,
		    size_t len);
/* A team with at least one agent: its posts are assigned. */
int		 assign_has_agents(const struct assign *a, const char *team);
/* Any team with agents at all. */
int		 assign_active(const struct assign *a);

/* Load a state document; 0, or -1 with "where: what" in err. */
int		 assign_load(struct assign *a, const json_t *state, char *err,
		    size_t errlen);
/* Bind the loaded state to the configured agents (see above). */
void		 assign_settle(struct assign *a);
/* The state as a new JSON document. */
json_t		*assign_save(const struct assign *a);

enum {
	ASSIGN_SKIP = 0,	/* not for assignment: write no route.agent */
	ASSIGN_DONE = 1		/* *agent (and maybe *assigned) set */
};
/*
 * Apply one post.  On ASSIGN_DONE, *agent is the route.agent value and
 * *assigned the route.assigned value or NULL.
 */
int		 assign_post(struct assign *a, const struct assign_post *p,
		    json_t **agent, json_t **assigned);

/*
 * The open conversations as rows {"post","conversation","team","agent",
 * "since","first_response_due"}: waiting ones first, each group oldest
 * first.  A new reference to an array.
 */
json_t		*assign_queue(const struct assign *a);

void		 assign_free(struct assign *a);

#endif
