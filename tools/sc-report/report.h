/*
 * report.h - sc-report's three stages: a compact store of every post read
 * (posts.c), the measures per group over it (measure.c), and their output
 * (print.c).
 *
 * The store keeps no json_t: per post only its time, its parent's index,
 * its group's index, its answer time and where it was read (for the
 * duplicate-id message), 32 bytes, plus the id map's entry.  Ids named in
 * in_reply_to but never read as a record get a slot too (not P_READ), so
 * replies may come before the posts they answer.  The store owns all its
 * memory; store_free() releases it.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "output.h"
#include "record.h"

#define NO_POST		UINT32_MAX

enum {
	P_READ = 1 << 0,	/* read as a record, not only named */
	P_BRAND = 1 << 1	/* from_brand true */
};

struct post {
	int64_t		 t;		/* created_at, epoch seconds */
	int64_t		 frt;		/* first response time, -1: none */
	uint32_t	 parent;	/* in_reply_to's index or NO_POST */
	uint32_t	 group;		/* index into store.groups */
	uint32_t	 line;		/* where read, for messages */
	uint16_t	 file;
	uint8_t		 flags;
};

struct group {
	char		*value;		/* the group's value as text */
	size_t		 len;
};

struct store {
	const char	*by;		/* --by path, or NULL */
	struct hmap	*ids;		/* id -> post index + 1 */
	struct post	*posts;
	size_t		 n, cap;
	struct hmap	*gmap;		/* value -> group index + 1 */
	struct group	*groups;
	size_t		 ngroups, gcap;
	char		**files;	/* names of the inputs seen */
	size_t		 nfiles;
};

void	store_init(struct store *s, const char *by);
/* Takes what it needs of post; 0, or -1 after rec_reject(). */
int	store_add(struct store *s, struct recin *r, const json_t *post);
/*
 * Pairs customer posts with their first answers (sets frt); frees the id
 * map, so no store_add() after it.
 */
void	store_pair(struct store *s);
void	store_free(struct store *s);

/* The measures of one row (see sc-report(1) for their definitions). */
struct stats {
	const struct group *group;	/* NULL: the overall row */
	unsigned long long posts, customer, brand, answered;
	int64_t		*frt;		/* answered customer posts' times */
	size_t		 nfrt, capfrt;
	int64_t		 median, p90;	/* valid when nfrt > 0 */
	double		 mean;
};

struct report {
	const char	*by;
	struct stats	 all;
	struct stats	*rows;		/* one per group, in output order */
	size_t		 nrows;
};

/* Posts with since <= created_at < until count. */
void	report_build(struct report *rp, const struct store *s, int64_t since,
	    int64_t until);
void	report_free(struct report *rp);

void	print_ndjson(struct output *o, const struct report *rp);
void	print_table(struct output *o, const struct report *rp);

#endif
