/*
 * rules.h - sc-route's rules: loaded, checked and compiled once, then
 * matched against each record.
 *
 * rules_load() reads a rules file (sc-route(1) documents the language),
 * checks all of it and dies with "FILE:LINE: why" (exit 2) at the first
 * mistake, so nothing that could be checked at load is left for the record
 * loop.  Each condition is compiled: dotted paths are split into keys,
 * regular expressions compiled, needles lower-cased.  Matching a record
 * allocates nothing.
 *
 * The ruleset owns everything it points to, the parsed rules document
 * included (literals in conditions are borrowed from it); rules_free()
 * releases it all.
 */
#ifndef ROUTE_RULES_H
#define ROUTE_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <regex.h>
#include <jansson.h>

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
	OP_MATCHES,	/* re */
	OP_NONEMPTY	/* flag */
};

struct rule_cond {
	enum rule_op	 op;
	int		 flag;
	const json_t	*arg;		/* borrowed from the rules document */
	char		*needle;	/* lower-case ASCII */
	size_t		 nlen;
	regex_t		 re;
};

/* One field and what must hold of it. */
struct rule_test {
	char		*keys;		/* the path, '.' replaced by NUL */
	const char	**path;		/* npath pointers into keys */
	size_t		 npath;
	struct rule_cond *conds;	/* all must hold */
	size_t		 nconds;
};

/* An "if" object, or one element of "any": all tests must hold. */
struct rule_clause {
	struct rule_test *tests;
	size_t		 ntests;
};

struct rule {
	const char	*name;		/* borrowed from the rules document */
	int		 has_if;
	struct rule_clause cond_if;
	struct rule_clause *any;	/* at least one must hold */
	size_t		 nany;
	json_t		*route;		/* all of the route but "sla" */
	int		 has_sla;
	long		 first_response;	/* minutes */
	long		 resolve;		/* minutes, 0: none */
};

struct ruleset {
	json_t		*doc;
	struct rule	*rules;
	size_t		 nrules;
	json_t		*nomatch;	/* the route when no rule matches */
};

/* Load and check path; dies (exit 2) naming file and line on any error. */
struct ruleset	*rules_load(const char *path);
/* The first rule that matches post, or NULL. */
const struct rule *rules_match(const struct ruleset *rs, const json_t *post);
/*
 * The "route" value for post under rule r (NULL: no rule matched), a new
 * reference.  Returns NULL when r has an SLA and post has no valid
 * created_at, with the reason in err.
 */
json_t		*rules_route(const struct ruleset *rs, const struct rule *r,
		    const json_t *post, char *err, size_t errlen);
void		 rules_free(struct ruleset *rs);

#endif
