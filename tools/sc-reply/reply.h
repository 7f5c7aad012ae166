/*
 * reply.h - the parts of sc-reply: a templates file loaded once into an
 * index (templates.c), the draft written for one post (draft.c), and the
 * length each platform counts (measure.c).
 *
 * A struct tmpls owns everything it holds; tmpls_free() releases it.
 * Loading errors are configuration errors: they name the file and line
 * and exit 2, so callers never see a half-loaded set.
 */
#ifndef REPLY_H
#define REPLY_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "record.h"
#include "sctime.h"

struct tmpl;
struct tmpls;

/* Where a variable's value comes from. */
enum {
	V_POST,		/* the post's field at the path */
	V_AGENT,	/* {{agent}}, {{agent.name}} */
	V_INITIALS,	/* {{agent.initials}} */
	V_FIRST,	/* {{first_name}} */
	V_KB_ANSWER,	/* {{kb.answer}} */
	V_KB_ID,	/* {{kb.id}} */
	V_PRIVATE,	/* true in a private channel */
	V_ONGOING	/* true in a conversation already under way */
};

/* What personal data is replaced with in a draft. */
#define MASK	"***"

/* What one rendering reads, and what it found. */
struct render {
	const json_t	*post;
	const char	*agent;		/* never NULL */
	const char	*initials;
	const char	*first_name;	/* NULL: not a person's name */
	const char	*kb_answer;	/* NULL: no entry matched */
	const char	*kb_id;
	int		 private_channel;
	int		 ongoing;
	struct buf	*tmp;		/* scratch */
	size_t		 asks;		/* out: {{?fields}} left for the agent */
	size_t		 masked;	/* out: values masked */
};

/* Load and check path; dies (exit 2) with "path:line: why" on error. */
struct tmpls	*tmpls_load(const char *path);
/* The file's own "agent", or NULL. */
const char	*tmpls_agent(const struct tmpls *ts);
/* The top-level members the templates read, NULL-terminated. */
const char *const *tmpls_want(const struct tmpls *ts);
/* The file's "forbid" phrases. */
const char *const *tmpls_forbid(const struct tmpls *ts, size_t *n);
/*
 * The variants of the most specific template for intent (NULL: none
 * known), lang (NULL: use fallback only) and platform (NULL: none), *n of
 * them, in file order.  On no match returns NULL and puts the reason in
 * why.
 */
const struct tmpl *const *tmpls_select(struct tmpls *ts, const char *intent,
		    const char *lang, const char *platform,
		    const char *fallback, struct buf *why, size_t *n);
void		 tmpls_free(struct tmpls *ts);

const char	*tmpl_id(const struct tmpl *t);
const char	*tmpl_lang(const struct tmpl *t);
int		 tmpl_auto(const struct tmpl *t);
/* Append the template filled in as rc says to out. */
void		 tmpl_render(const struct tmpl *t, struct render *rc,
		    struct buf *out);

/*
 * names.c: the first name in an author's display name when it is a
 * person's name, without emoji or decorations ("Ana 🌸 López | travel"
 * gives "Ana"; "Sky Deals 24/7" gives nothing); and a name's initials
 * ("Maria José Lopez": "MJL").  Both append to out and return 0 when
 * there is nothing.
 */
int		 first_name(const char *name, struct buf *out);
int		 initials(const char *name, struct buf *out);

/*
 * A platform's length rule: what it counts and its limit (0: none), and
 * a byte limit besides (0: none).
 */
struct measure {
	size_t	 length;	/* in the platform's characters */
	long	 limit;		/* 0: no limit */
	size_t	 bytes;		/* length in bytes */
	long	 byte_limit;	/* 0: no byte limit */
};

void		 measure(const char *platform, const char *s, size_t n,
		    struct measure *m);
int		 measure_fits(const struct measure *m);
/*
 * Cut text to what platform allows, after the last sentence that fits,
 * else at a word, with "…"; 1 when it was cut, 0 when it fit.
 */
int		 measure_shorten(const char *platform, struct buf *text);
/*
 * Split s[0..n) into posts that each fit platform, at sentences where
 * possible, numbered " (1/3)"; appends them to parts, returns how many.
 */
size_t		 measure_thread(const char *platform, const char *s, size_t n,
		    json_t *parts);

/*
 * convo.c: the last reply text of each conversation (a digest), kept in
 * memory for the run and, with a path, in a locked state file across
 * runs (exit 75 when another run holds it).  convos_prev() gives the
 * text before post's own when post was the last one drafted, so that a
 * re-run chooses as the first run did; 0 means none.
 */
struct convos;
struct convos	*convos_open(const char *path);
uint64_t	 convos_prev(struct convos *c, const char *conv,
		    const char *post);
void		 convos_note(struct convos *c, const char *conv,
		    const char *post, uint64_t digest);
/* Save (with a path) and free; -1 after a write error was reported. */
int		 convos_close(struct convos *c);

/*
 * The digest of a reply's words, leading @mentions left out (never 0).
 * reply.digest is hmap_fnv1a() of the whole text.
 */
uint64_t	 body_digest(const char *s, size_t n);

/*
 * kb.c: the knowledge base (--kb FILE; its format is in kb.c and
 * sc-reply(1)).  kb_load() dies with "file:line: why" (exit 2).
 * kb_match() scores text against every entry's phrases and returns 1
 * when the best reaches the file's min_score; hit is filled in whenever
 * anything matched at all.  hit->id points into kb.
 */
struct kb;
struct kb_hit {
	const char	*id;
	double		 score;		/* 0 to 1, three decimals */
	size_t		 entry;		/* the phrase, inside kb */
	int		 ok;		/* score >= min_score */
};
struct kb	*kb_load(const char *path);
int		 kb_match(struct kb *kb, const char *text, const char *lang,
		    struct kb_hit *hit);
/* The answer in lang, the platform's own if it has one; NULL: none. */
const char	*kb_answer(const struct kb *kb, const struct kb_hit *hit,
		    const char *lang, const char *platform);
void		 kb_free(struct kb *kb);

/* What every record needs: the templates and the options. */
struct drafter {
	struct tmpls	*ts;
	const char	*agent;		/* -a, never NULL */
	const char	*fallback;	/* fallback language */
	int		 mention;	/* start with @handle where usual */
	double		 review_below;	/* confidence under which a person
					   reviews */
	int		 thread;	/* split what is too long */
	struct convos	*convos;
	struct kb	*kb;		/* --kb, or NULL */
	struct buf	 text;		/* scratch, reused per record */
	struct buf	 tmp;
	struct buf	 why;
	struct buf	 first;
	struct buf	 inits;
	struct buf	 scratch;
};

void		 drafter_init(struct drafter *d, struct tmpls *ts,
		    const char *agent, const char *fallback, int mention);
void		 drafter_free(struct drafter *d);
/* A rec_filter_fn: adds or replaces the post's "reply". */
int		 draft_post(struct recin *r, json_t *post, void *ctx);

/* gate.c: --approve and --reject. */
enum { GATE_APPROVE = 1, GATE_REJECT = 2 };
struct gate {
	struct hmap	*ids;		/* id -> decision, | 4 once seen */
	const char	**order;	/* the ids as given, for messages */
	size_t		  n;
	size_t		  changed;
	int		  status;
	char		  now[TIME_STRLEN];
};
void		 gate_init(struct gate *g);
/* id must live as long as g; the same id both ways is fatal. */
void		 gate_add(struct gate *g, const char *id, int decision);
/* A rec_filter_fn: sets reply.status of the named posts. */
int		 gate_post(struct recin *r, json_t *post, void *ctx);
/* Report the ids no record had; the exit status for what happened. */
int		 gate_finish(struct gate *g);

/*
 * lint.c: --lint reads records and writes none; each finding goes to
 * standard error as "file:line: id: why".
 */
struct lint;
struct lint	*lint_new(const struct tmpls *ts);
/* 0 when clean, SC_EXIT_REJECT after findings, or rec_status()'s. */
int		 lint_run(struct lint *l, const struct sc_common *c,
		    char *const *files, int nfiles);
void		 lint_free(struct lint *l);


/* send.c: sc-reply --send (see sc-reply(1)). */
int		 send_asked(int argc, char **argv);	/* --send given */
int		 send_main(int argc, char **argv);

#endif
