/*
 * report.h - sc-report's parts and who owns what.
 *
 * The measures are kept as a mergeable state (struct rstate): tables that
 * map a key (the JSON text of a group, a weekday and hour, a day, a team,
 * a 15-minute bucket) to counts and an exact histogram of first-response
 * times in whole seconds (struct agg).  Two states of the same options
 * merge by adding counts and histograms, so a report printed from the
 * merge of N shards' states is the report of one run over all input, byte
 * for byte: every output (print.c) is made from a state, never from posts.
 *
 *	agg.c		histograms, aggregates, tables, merging, quantiles
 *	window.c	the posts held while they may still be answered, the
 *			pairing, and settling them into the state
 *	partial.c	a state as a versioned, checksummed file and back
 *	zone.c		local time in --tz (weekday, hour, day, ISO week)
 *	print.c		ndjson, table, csv and html
 *
 * The state owns all its memory (keys, rows, histograms); rstate_free()
 * releases it.  Nothing here keeps a json_t.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "calendar.h"
#include "output.h"
#include "record.h"

#define T_NONE		INT64_MIN	/* no time */
#define ROW_NONE	UINT32_MAX

/*
 * An exact histogram of whole seconds: values are appended to pend and
 * folded, sorted, into (value, count) bins when pend grows as large as
 * the bins, so memory follows the number of distinct values (at most the
 * window in seconds), not the number of posts.
 */
struct hbin {
	uint32_t	 v;
	uint64_t	 c;
};

struct hist {
	uint32_t	*pend;
	size_t		 npend, cpend;
	struct hbin	*bin;
	size_t		 nbin, cbin;
};

void	hist_add(struct hist *h, uint32_t v, uint64_t c);
void	hist_compact(struct hist *h);
void	hist_merge(struct hist *dst, struct hist *src);
/* The value at 1-based rank k of n (after hist_compact). */
uint32_t hist_rank(const struct hist *h, uint64_t k);
void	hist_free(struct hist *h);

struct agg {
	uint64_t	 inbound, answered;
	uint64_t	 frt_sum;	/* seconds, exact */
	uint64_t	 met, breached, pending;
	struct hist	 frt;
	/* With -r, in T_BY only: the same answers in business seconds. */
	uint64_t	 bfrt_sum;
	struct hist	 bfrt;
};

/* Nearest rank of n for p/100: ceil(p * n / 100), at least 1. */
uint64_t nearest_rank(uint64_t n, unsigned p);

enum {
	T_BY,		/* the groups of --by: {"platform":"x",...} */
	T_HOW,		/* weekday and hour in --tz: "0,13" (0: Monday) */
	T_DAY,		/* local day: "2026-11-20" */
	T_TEAM,		/* route.team as JSON text, or null */
	T_BUCKET,	/* start of a --bucket, epoch seconds as text */
	T_WAIT,		/* for --wait, relative to now: "recent" (answered in
			   the last 3 hours), "open" (waiting at now), "week"
			   (created in the 7 days to now - 15m; answered:
			   within 15 minutes) */
	NTABLES
};

struct row {
	char		*key;
	size_t		 klen;
	struct agg	 a;
};

struct table {
	struct hmap	*map;		/* key -> row index + 1 */
	struct row	*rows;
	size_t		 n, cap;
};

uint32_t table_intern(struct table *t, const char *key, size_t klen);

/* What a report is made of, and must agree between merged states. */
struct ropts {
	char		**by;		/* --by keys, in order */
	size_t		 nby;
	int64_t		 window;	/* seconds */
	int64_t		 bucket;	/* seconds, --bucket */
	char		*tz;		/* --tz zone name */
	char		*rules;		/* -r: the file's CRC-32 in hex, or
					   NULL without -r */
};

struct rstate {
	struct ropts	 o;
	struct table	 t[NTABLES];
	uint64_t	 posts;		/* records counted (all kinds) */
	int64_t		 newest;	/* newest created_at read, T_NONE */
	int64_t		 now;		/* --now, or the clock */
	struct convs	*cv;		/* --conversations, or NULL */
};

void	rstate_init(struct rstate *s);
void	rstate_free(struct rstate *s);
/* Adds src into dst (same options; checked by the caller). */
void	rstate_merge(struct rstate *dst, struct rstate *src);
/* The options as text, to compare two states'. */
void	ropts_text(const struct ropts *o, struct buf *b);

/*
 * conv.c: --conversations, a row per conversation (its conversation_id,
 * else the post's in_reply_to, else its id: the key of --shard).  Not part of the mergeable state: the rows
 * are kept in memory, about 200 bytes and the strings per conversation.
 * The record's details are taken when it is read (conv_read), the answer
 * of its first inbound post when that post is settled (conv_settle).
 */
struct convs;
struct convs	*convs_new(void);
/* Returns the conversation's index, for conv_settle. */
uint32_t conv_read(struct convs *cv, const json_t *post, int64_t t,
	    int brand, int inbound);
void	conv_print(struct output *o, struct convs *cv, int fmt);
void	convs_free(struct convs *cv);

/* One settled inbound post, into the tables. */
struct settled {
	int64_t		 t, frt;	/* frt -1: unanswered in the window */
	int64_t		 bfrt;		/* frt in business seconds, with -r */
	int64_t		 ans;		/* answer time, INT64_MAX: none */
	int		 sla;		/* SLA_* */
	uint32_t	 group, team;	/* rows of T_BY and T_TEAM; team is
					   the conversation with s->cv */
};
enum { SLA_NONE, SLA_MET, SLA_BREACHED, SLA_PENDING };
void	conv_settle(struct convs *cv, const struct settled *p, int64_t now,
	    int64_t window);
void	rstate_settle(struct rstate *s, const struct settled *p);

/* zone.c: --tz.  0, or -1 when the zone is unknown. */
int	zone_set(const char *name);
/* Local time of t in the zone: days since 1970-01-01 and second of day. */
void	zone_local(int64_t t, int64_t *days, int *sec);
/* 0 Monday .. 6 Sunday. */
int	zone_weekday(int64_t days);
/* "2026-W47" into out[9]. */
void	zone_isoweek(int64_t days, char *out);

/* window.c */
struct wstore;
struct post_in {
	uint64_t	 id, parent;	/* id hashes; parent 0: none */
	int64_t		 t, due;	/* due T_NONE: no SLA */
	int		 brand, counted;/* counted: inbound, in the time range */
	uint8_t		 cal;		/* -r: index in the calendars */
	uint32_t	 group, team;
	uint32_t	 line;
	uint16_t	 file;
	char		*raw;		/* the line, kept for --unanswered */
	size_t		 rawlen;
};
/*
 * cals: with -r, the calendars a post's cal indexes (0: "24x7"), that
 * business first-response times count in; NULL without -r.
 */
struct wstore	*wstore_new(struct rstate *s, int64_t hold, int keep_lines,
	    struct calendar *const *cals);
/*
 * Adds a post.  Returns 0, or the line and file of the post read before
 * with the same id (a duplicate: nothing is added) through *dupline and
 * *dupfile with -1.
 */
int	wstore_add(struct wstore *w, struct post_in *p, uint32_t *dupline,
	    uint16_t *dupfile);
/* Settles what is left; the posts still unanswered (raw lines) go to fn. */
void	wstore_finish(struct wstore *w,
	    void (*fn)(const char *raw, size_t len, int64_t t, int64_t due,
	    void *ctx), void *ctx);
size_t	wstore_held(const struct wstore *w);
uint64_t wstore_late(const struct wstore *w);
void	wstore_free(struct wstore *w);

/* partial.c; writing compacts the histograms (their values stay). */
void	partial_text(struct buf *b, struct rstate *s);
int	partial_write(const char *path, struct rstate *s);
/*
 * Reads a state from data[0..len); 0, or -1 with why in err (the state
 * is then empty but initialised, for rstate_free()).
 */
int	partial_parse(const char *data, size_t len, struct rstate *s,
	    char *err, size_t errlen);

/*
 * spikes.c: the 15-minute (--bucket) counts of inbound posts from the
 * first bucket to the last, each with its baseline, score and verdict.
 */
struct spike {
	int64_t		 start;		/* epoch seconds */
	uint64_t	 count;
	int		 has_base;	/* enough history to judge */
	double		 base, spread, score;
	int		 spike;
	const char	*basis;		/* "week", "day", "hours" */
};
#define SPIKE_SCORE	6.0	/* robust z-score at least this */
#define SPIKE_EXCESS	10	/* and at least this many posts over */
size_t	spikes_find(struct rstate *s, struct spike **out);

/* print.c */
enum { FMT_NDJSON, FMT_TABLE, FMT_CSV, FMT_HTML };
void	print_report(struct output *o, struct rstate *s, int fmt);
void	print_heatmap(struct output *o, struct rstate *s, int fmt);
/* Returns 1 when the latest bucket spikes. */
int	print_spikes(struct output *o, struct rstate *s, int fmt);
void	print_staffing(struct output *o, struct rstate *s, int fmt,
	    double aht, double target, double within);
void	print_wait(struct output *o, struct rstate *s, int fmt);

#define WAIT_RECENT	(3 * 3600)	/* the last hours of --wait */
#define WAIT_WEEK	(7 * 86400)	/* the very-responsive test: 90% */
#define WAIT_FAST	900		/* answered within 15 minutes */

#endif
