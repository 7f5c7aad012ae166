/*
 * rules.h - sc-route's rules: loaded, checked and compiled once, then
 * matched against each record.
 *
 * rules_load() reads a rules file (sc-route(5) documents the language:
 * calendars, teams, the SLA table and the rules), checks all of it and
 * dies with "FILE:LINE: why" (exit 2) at the first mistake, so nothing
 * that could be checked at load is left for the record loop.  Each
 * condition is compiled into a tree of all/any/not over field tests:
 * dotted paths are split into keys, regular expressions compiled (PCRE2),
 * needles folded (fold.h); calendars and teams are loaded by teams.h,
 * which sc-report shares.  Matching a
 * record allocates nothing but the growth of its rule_hits scratch.
 *
 * The ruleset owns everything it points to, the parsed rules document
 * included (names and literals are borrowed from it), the calendars and
 * their zones too; rules_free() releases it all.  Teams point to their
 * calendar and borrow their "agents" array from the document: whoever
 * assigns agents reads them from there, for as long as the ruleset
 * lives.
 */
#ifndef ROUTE_RULES_H
#define ROUTE_RULES_H

#include <stddef.h>
#include <stdint.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <jansson.h>

#define SLA_MAX_MINUTES	525600	/* a year */

#include "buf.h"
#include "calendar.h"
#include "teams.h"

enum rule_op {
	OP_EQ,		/* arg: literal */
	OP_NE,		/* arg: literal */
	OP_IN,		/* arg: array of literals */
	OP_NIN,		/* arg: array of literals */
	OP_GT,		/* arg: number or string */
	OP_GTE,
	OP_LT,
	OP_LTE,
	OP_EXISTS,	/* flag */
	OP_CONTAINS,	/* needle */
	OP_MATCHES,	/* re, md */
	OP_NONEMPTY	/* flag */
};

struct rule_cond {
	enum rule_op	 op;
	int		 flag;
	const json_t	*arg;		/* borrowed from the rules document */
	char		*needle;	/* folded as FOLD_MATCH | FOLD_LUMP */
	size_t		 nlen;
	pcre2_code	*re;		/* UTF-8, Unicode, caseless */
	pcre2_match_data *md;		/* for re, made once */
};

/* One field and what must hold of it. */
struct rule_test {
	char		*keys;		/* the path, '.' replaced by NUL */
	const char	**path;		/* npath pointers into keys */
	size_t		 npath;
	const char	*field;		/* the dotted path, for --explain */
	struct rule_cond *conds;	/* all must hold */
	size_t		 nconds;
};

/*
 * A condition: a field test, or "all", "any", "not" of conditions, nested
 * to any depth.  A condition object ({"class.lang": "pl", "any": [...]})
 * is the COND_ALL of its members.
 */
enum cond_kind {
	COND_TEST,
	COND_ALL,	/* every kid holds (none: true) */
	COND_ANY,	/* some kid holds */
	COND_NOT	/* the one kid does not hold */
};

struct rule_node {
	enum cond_kind	 kind;
	struct rule_test test;		/* COND_TEST */
	struct rule_node *kids;
	size_t		 nkids;
};

struct rule {
	const char	*name;		/* borrowed from the rules document */
	size_t		 index;		/* in ruleset.rules */
	struct rule_node *cond;		/* NULL: matches every record */
	int		 cont;		/* "continue": tags only, go on */
	int		 skip;		/* "skip": not for the team */
	const struct team *team;	/* "team", or NULL */
	const char	*skill;		/* "skill" (borrowed), or NULL */
	const json_t	*tags;		/* "tags" (borrowed), or NULL */
	json_t		*route;		/* all of the route but "sla" */
	int		 has_sla;
	long		 first_response;	/* minutes */
	long		 resolve;		/* minutes, 0: none */
};

struct ruleset {
	json_t		*doc;
	struct rule	*rules;
	size_t		 nrules;
	struct teams	 tm;		/* the calendars and teams */
	int		 has_continue;	/* some rule has "continue" */
	const char	**members;	/* top-level members read, NULL-ended */
	size_t		 nmembers;
	json_t		*nomatch;	/* the route when no rule matches */
};

/* Load and check path; dies (exit 2) naming file and line on any error. */
struct ruleset	*rules_load(const char *path);
/*
 * Add name to rs->members, the top-level members of a post that matching
 * and routing read (for rec_filter_keys()); the loader adds the first step
 * of every condition's path and "created_at".  name must outlive rs.
 */
void		 rules_add_member(struct ruleset *rs, const char *name);

/* What matched a record: scratch for rules_match(), one per ruleset. */
#define RULE_MEMO	8
struct rule_hits {
	const struct rule *decided;	/* NULL: no rule decided */
	const struct rule **cont;	/* "continue" rules that matched */
	size_t		 ncont;
	/* The record's strings folded for "contains", in fold. */
	struct fold_memo {
		const json_t	*v;
		size_t		 off, len;
		int		 ok;
	}		 memo[RULE_MEMO];
	size_t		 nmemo;
	struct buf	 fold;
};
struct rule_hits *rules_hits_new(const struct ruleset *rs);
void		 rules_hits_free(struct rule_hits *h);
/*
 * Fills h: the first matching rule without "continue" (also returned, NULL
 * when none), and the "continue" rules that matched before it.
 */
const struct rule *rules_match(const struct ruleset *rs, const json_t *post,
		    struct rule_hits *h);
/* Whether r's condition holds for post (h: scratch, as for rules_match). */
int		 rules_rule_matches(const struct rule *r, const json_t *post,
		    struct rule_hits *h);
/*
 * The "route" value for post under h, a new reference.  SLA due times
 * count business minutes of the deciding rule's team's calendar, or
 * calendar minutes without one.  Returns NULL when the rule has an SLA
 * and post has no valid created_at, with the reason in err.
 */
json_t		*rules_route(const struct ruleset *rs, const struct rule_hits *h,
		    const json_t *post, char *err, size_t errlen);
/*
 * For --explain, a new object: the deciding rule ("rule", null when none)
 * and the tests that made it match ("because"), the "continue" rules that
 * added their tags ("continued") and the rules passed over ("passed"),
 * each with the tests that failed it.
 */
json_t		*rules_why(const struct ruleset *rs, struct rule_hits *h,
		    const json_t *post);
void		 rules_free(struct ruleset *rs);

#endif
