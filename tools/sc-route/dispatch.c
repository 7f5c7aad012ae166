/*
 * The state file and the record side of assignment; dispatch.h says when
 * the state is written and why a re-run is safe.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <utf8proc.h>

#include "assign.h"
#include "buf.h"
#include "diag.h"
#include "dispatch.h"
#include "output.h"
#include "post.h"
#include "rules.h"
#include "sc.h"
#include "sctime.h"
#include "state.h"
#include "xmem.h"

#define FUTURE_MAX	(366 * 86400)	/* how far a post may be ahead of the clock */

struct dispatch {
	struct assign	*a;
	const char	*state;
	int		 lock;
	long		 checkpoint;
	long		 changed;	/* posts since the last write */
	int		 active;	/* agents configured or a state */
};

struct assign *
dispatch_agents(const struct ruleset *rs, const char *path)
{
	struct assign *a;
	char *text = NULL;
	size_t i, len = 0;

	a = assign_new();
	for (i = 0; i < rs->tm.n; i++) {
		if (rs->tm.team[i].agents != NULL && text == NULL)
			text = xslurp(path, &len);
		assign_add_team(a, rs->tm.team[i].name, rs->tm.team[i].agents,
		    path, text, len);
	}
	free(text);
	return a;
}

/*
 * Load path into a (which may have no teams); dies on a bad file, and on
 * a missing one when need is set.
 */
static void
load_state(struct assign *a, const char *path, int need)
{
	char err[512];
	json_t *j;
	int missing;

	if ((j = state_read_json(path, &missing)) == NULL) {
		if (missing && !need)
			return;
		if (missing) {
			assign_free(a);
			die(SC_EXIT_FATAL, "%s: %s", path, strerror(ENOENT));
		}
		diag_exit(SC_EXIT_FATAL);	/* reported */
	}
	if (assign_load(a, j, err, sizeof(err)) == -1) {
		json_decref(j);
		assign_free(a);
		die(SC_EXIT_FATAL, "%s: %s", path, err);
	}
	json_decref(j);
}

static void
save_state(struct dispatch *d)
{
	json_t *j;

	d->changed = 0;
	if (d->state == NULL)
		return;
	j = assign_save(d->a);
	if (state_write_json(d->state, j) == -1)
		die(SC_EXIT_FATAL, "%s: %s", d->state, strerror(errno));
	json_decref(j);
}

struct dispatch *
dispatch_open(struct assign *a, const char *state, long checkpoint)
{
	struct dispatch *d;

	d = xcalloc(1, sizeof(*d));
	d->a = a;
	d->state = state;
	d->lock = -1;
	d->checkpoint = checkpoint;
	d->active = assign_active(a) || state != NULL;
	if (state != NULL) {
		if ((d->lock = state_lock(state)) == -2)
			die(SC_EXIT_TEMPFAIL, "%s: locked by another run",
			    state);
		if (d->lock == -1)
			die(SC_EXIT_FATAL, "%s.lock: %s", state,
			    strerror(errno));
		load_state(a, state, 0);
	}
	assign_settle(a);
	return d;
}

int
dispatch_active(const struct dispatch *d)
{
	return d->active;
}

int
dispatch_post(struct dispatch *d, struct recin *r, const json_t *post,
    json_t *route, const char *skill)
{
	struct assign_post p;
	json_t *agent, *assigned, *v;
	char err[256];
	int64_t due;

	if (!d->active)
		return 0;
	memset(&p, 0, sizeof(p));
	p.team = json_string_value(json_object_get(route, "team"));
	if (post_check(post, POST_ID | POST_CREATED_AT | POST_FROM_BRAND,
	    err, sizeof(err)) == -1) {
		/* A post for agents needs them; others are let be. */
		if (!assign_has_agents(d->a, p.team))
			return 0;
		rec_reject(r, "%s", err);
		return -1;
	}
	p.from_brand = post_from_brand(post);
	/* Spam and the like open nothing; a brand post always closes. */
	if (!p.from_brand && json_is_true(json_object_get(route, "skip")))
		return 0;
	p.id = json_string_value(json_object_get(post, "id"));
	v = json_object_get(post, "conversation_id");
	p.conversation = json_is_string(v) && json_string_length(v) > 0 ?
	    json_string_value(v) : NULL;
	p.skill = skill;
	p.lang = json_path_str(post, "class.lang");
	(void)post_created_at(post, &p.created_at);
	/*
	 * A time far ahead would move the 7-day window past every real
	 * post and stop assignment for a week: such a post is refused.
	 */
	if (p.created_at > (int64_t)time(NULL) + FUTURE_MAX) {
		if (!assign_has_agents(d->a, p.team))
			return 0;
		rec_reject(r, "\"created_at\": more than a year ahead of "
		    "this machine's clock: \"%s\"",
		    json_string_value(json_object_get(post, "created_at")));
		return -1;
	}
	p.due = ASSIGN_NO_DUE;
	v = json_path(route, "sla.first_response_due");
	if (json_is_string(v) && time_parse_rfc3339(json_string_value(v),
	    &due) == 0)
		p.due = due;
	if (assign_post(d->a, &p, &agent, &assigned) == ASSIGN_DONE) {
		json_object_set_new(route, "agent", agent);
		if (assigned != NULL)
			json_object_set_new(route, "assigned", assigned);
	}
	if (d->checkpoint > 0 && ++d->changed >= d->checkpoint)
		save_state(d);
	return 0;
}

void
dispatch_close(struct dispatch *d)
{
	save_state(d);
	if (d->lock >= 0)
		close(d->lock);
	assign_free(d->a);
	free(d);
}

/* ---- --queue ---------------------------------------------------------- */

/* Columns of text by display width (a CJK name is two columns a glyph). */
static size_t
width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t w = 0;

	while (*p != '\0') {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0) {
			p++;
			w++;
			continue;
		}
		w += (size_t)utf8proc_charwidth(cp);
		p += n;
	}
	return w;
}

#define NCOLS	6

static const char *
cell(const json_t *row, int col)
{
	static const char *const keys[NCOLS] = { "since",
	    "first_response_due", "team", "agent", "conversation", "post" };
	const json_t *v = json_object_get(row, keys[col]);

	if (col == 3)
		v = json_is_object(v) ? json_object_get(v, "name") : NULL;
	if (json_is_string(v))
		return json_string_value(v);
	return col == 3 ? "(waiting)" : "-";
}

static void
put_row(struct output *o, const char *const *cells, const size_t *w)
{
	struct buf b = BUF_INIT;
	size_t i, k;

	for (i = 0; i < NCOLS; i++) {
		buf_adds(&b, cells[i]);
		if (i + 1 < NCOLS)
			for (k = width(cells[i]); k < w[i] + 2; k++)
				buf_addc(&b, ' ');
	}
	buf_addc(&b, '\n');
	output_write(o, b.s, b.len);
	buf_free(&b);
}

int
dispatch_queue(const char *state, const char *output, int table)
{
	static const char *const head[NCOLS] = { "SINCE", "DUE", "TEAM",
	    "AGENT", "CONVERSATION", "POST" };
	const char *cells[NCOLS];
	struct assign *a;
	struct output *o;
	size_t i, w[NCOLS];
	json_t *rows, *row;
	int c;

	a = assign_new();
	load_state(a, state, 1);
	rows = assign_queue(a);
	assign_free(a);
	o = output_open(output, 0, 0, OUTPUT_TRUNC);
	if (!table) {
		json_array_foreach(rows, i, row) {
			output_json(o, row);
			output_end_record(o);
		}
	} else {
		for (c = 0; c < NCOLS; c++)
			w[c] = width(head[c]);
		json_array_foreach(rows, i, row)
			for (c = 0; c < NCOLS; c++)
				if (width(cell(row, c)) > w[c])
					w[c] = width(cell(row, c));
		put_row(o, head, w);
		json_array_foreach(rows, i, row) {
			for (c = 0; c < NCOLS; c++)
				cells[c] = cell(row, c);
			put_row(o, cells, w);
		}
	}
	json_decref(rows);
	output_close(o);
	return SC_EXIT_OK;
}
