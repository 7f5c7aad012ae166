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
#include <jansson.h>

#include "buf.h"
#include "record.h"

struct tmpl;
struct tmpls;

/* Load and check path; dies (exit 2) with "path:line: why" on error. */
struct tmpls	*tmpls_load(const char *path);
/* The file's own "agent", or NULL. */
const char	*tmpls_agent(const struct tmpls *ts);
/*
 * The most specific template for intent (NULL: none known), lang (NULL:
 * use fallback only) and platform (NULL: none).  On no match returns NULL
 * and puts the reason in why.
 */
const struct tmpl *tmpls_select(struct tmpls *ts, const char *intent,
		    const char *lang, const char *platform,
		    const char *fallback, struct buf *why);
void		 tmpls_free(struct tmpls *ts);

const char	*tmpl_id(const struct tmpl *t);
const char	*tmpl_lang(const struct tmpl *t);
/* Append the template filled in from post to out. */
void		 tmpl_render(const struct tmpl *t, const json_t *post,
		    const char *agent, struct buf *out);


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

/* What every record needs: the templates and the options. */
struct drafter {
	struct tmpls	*ts;
	const char	*agent;		/* never NULL */
	const char	*fallback;	/* fallback language */
	int		 mention;	/* start with @handle where usual */
	struct buf	 text;		/* scratch, reused per record */
	struct buf	 tmp;
	struct buf	 why;
};

void		 drafter_init(struct drafter *d, struct tmpls *ts,
		    const char *agent, const char *fallback, int mention);
void		 drafter_free(struct drafter *d);
/* A rec_filter_fn: adds or replaces the post's "reply". */
int		 draft_post(struct recin *r, json_t *post, void *ctx);

/* send.c: sc-reply --send (see sc-reply(1)). */
int		 send_asked(int argc, char **argv);	/* --send given */
int		 send_main(int argc, char **argv);

#endif
