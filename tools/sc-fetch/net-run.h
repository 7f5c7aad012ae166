/*
 * net-run.h - what net.c and net-commit.c share about a run; drivers do
 * not look in here (driver.h is theirs).
 */
#ifndef NET_RUN_H
#define NET_RUN_H

#include <stdio.h>
#include <jansson.h>

#include "buf.h"
#include "cli.h"
#include "driver.h"
#include "http.h"
#include "normalize.h"

#define NET_RECENT	5000	/* ids kept in the state per query */

struct hmap;
struct output;

struct net_run {
	struct sc_common c;
	struct option	*longopts;
	struct buf	 usage;		/* cli_usage_text */
	struct buf	 help;		/* cli_options_text */
	char		*api_base;
	const char	*state_path;	/* --state */
	const char	*creds_path;	/* --credentials */
	char		*credv[DRV_MAXCRED];
	int		 creds_from_file;	/* some from --credentials */
	long		 max_wait;	/* --max-wait, seconds */
	struct norm	 norm;
	struct hmap	*seen;		/* ids written: this run and recent */
	char		*key;		/* the query's key in the state */

	/* The state file and the poll's place. */
	int		 lockfd;
	json_t		*state;		/* the whole file */
	json_t		*recent;	/* ids written lately (in state) */
	char		*position;	/* saved: fetch newer than this */
	char		*cursor;	/* page to fetch next; NULL: first */
	char		*newest;	/* greatest position of this poll */
	int		 polling;	/* a poll is under way */

	/* The output and its commit. */
	struct output	*out;
	int		 out_fd;	/* -o FILE: fsync, size, lock */
	char		*out_real;	/* its real path (key in the state) */
	FILE		*rejects;
	const char	*rejects_path;

	/* The answer, page and request at hand (freed on any exit). */
	struct http_resp resp;
	struct net_page	 page;
	struct net_req	 req;
	char		*red;		/* a redacted URL for a message */
	struct buf	 hint;		/* "check SC_X_TOKEN" */
	char		 err[512];

	unsigned long	 pages, written, dups, rejected, requests, waits;
	int		 throttles;	/* throttled answers in a row */
	long		 wait_next;	/* seconds before the next request */
	int		 status;	/* the worst so far */
	int		 tty;		/* progress on stderr */
	int		 shown;		/* a progress line is showing */
};

/* End the run (commit, message with "; try again later" for 75, exit). */
__attribute__((noreturn)) void net_finish(struct net *n, int status,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void		 net_progress_clear(struct net *n);
/* A redacted copy of url, kept until the next call (for messages). */
const char	*net_redact(struct net *n, const char *url);

/* net-commit.c */
/* Lock and read the state, open the output, cut a torn tail. */
void		 net_state_open(struct net *n);
/* An id written: remembered in the state. */
void		 net_state_recent(struct net *n, const char *id);
/*
 * Flush (and fsync -o FILE), then save the state with the output's
 * length; final: the run ends, the output is whole.
 */
void		 net_commit(struct net *n, int final);
/* Release the locks. */
void		 net_state_close(struct net *n);

#endif
