/*
 * journal.h - what was sent to a platform, kept so that a reply is never
 * posted twice, whatever stops the sender (crash, timeout, kill -9).
 *
 * A journal is an append-only file of JSON lines.  Each line is written
 * whole with write() and fsynced before the call that writes it returns,
 * so what a line says is on disk before the next step is taken:
 *
 *	{"op":"intent","key":K,"at":T,"idem":I}	before a request that may
 *						create something
 *	{"op":"sent","key":K,"at":T,"id":ID}	created: the platform's id
 *	{"op":"failed","key":K,"at":T,"error":E}  refused: nothing created,
 *						and trying again will not help
 *	{"op":"unsent","key":K,"at":T,"error":E}  the request surely never
 *						left (no connection, a 429):
 *						it may be tried again
 *	{"op":"unknown","key":K,"at":T,"error":E} it may have left and what
 *						became of it is not known
 *
 * K is the caller's key for one thing to send (sc-reply: the post's id);
 * T an RFC 3339 time; I the idempotency key chosen for the try, which a
 * platform that honours one (Mastodon's Idempotency-Key) is given again
 * when the try is repeated.
 *
 * journal_open() takes an exclusive lock on PATH.lock without waiting
 * (held by another run: -2, which callers turn into exit 75), reads the
 * file and keeps the last line of each key.  A last line that kill -9 cut
 * short (no newline, or not JSON) is dropped and cut off the file: a cut
 * intent means its request was never sent (the intent is on disk before
 * the request), a cut outcome leaves the intent before it as the last
 * word.  Any other line that is not a journal line is an error naming
 * path:line: the journal is not guessed at.
 *
 * journal_get() says what is known of a key:
 *	J_NEW		never tried, or the last try surely never left: send
 *	J_PENDING	an intent without an outcome: a run died while the
 *			request was under way; it may have been created
 *	J_SENT		created (id, at)
 *	J_FAILED	refused (error)
 *	J_UNKNOWN	an outcome recorded as unknown (error)
 * A pending or unknown key is never sent again blindly: only with its
 * intent's idempotency key where the platform honours it, else a person
 * decides.
 *
 * Memory: the journal owns the entries; a struct jentry stays valid until
 * the next write for its key or journal_close().  Write errors return -1
 * with errno set; the caller must stop (nothing may be sent after an
 * intent that is not on disk).
 */
#ifndef JOURNAL_H
#define JOURNAL_H

#include <stddef.h>
#include <stdint.h>

enum jstate { J_NEW, J_PENDING, J_SENT, J_FAILED, J_UNKNOWN };

struct jentry {
	enum jstate	 state;
	int64_t		 at;		/* time of the last line */
	int64_t		 intent_at;	/* time of the last intent, or 0 */
	char		*idem;		/* the last intent's, or NULL */
	char		*id;		/* J_SENT: the platform's id */
	char		*error;		/* J_FAILED, J_UNKNOWN, or last unsent */
	unsigned	 tries;		/* intents written for the key */
};

struct journal;

/*
 * 0 and *jp set; -2 when the lock is held; -1 with err set ("path:line:
 * why", or "path: why" with errno's text).
 */
int		 journal_open(const char *path, struct journal **jp,
		    char *err, size_t errlen);
/* What is known of key, or NULL when the journal never saw it. */
const struct jentry *journal_get(const struct journal *j, const char *key);
/* Lines, each fsynced: 0, or -1 with errno set. */
int		 journal_intent(struct journal *j, const char *key,
		    const char *idem);
int		 journal_sent(struct journal *j, const char *key,
		    const char *id);
int		 journal_failed(struct journal *j, const char *key,
		    const char *error);
int		 journal_unsent(struct journal *j, const char *key,
		    const char *error);
int		 journal_unknown(struct journal *j, const char *key,
		    const char *error);
/* Lines dropped as torn when the journal was opened (0 or 1). */
int		 journal_torn(const struct journal *j);
/* Releases the lock and the memory. */
void		 journal_close(struct journal *j);

#endif
