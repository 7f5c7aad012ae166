/*
 * test-journal - journal.h: each line on disk when the call returns, the
 * last word per key after a reopen, an intent without an outcome pending,
 * an unsent try sendable again, a torn last line dropped and cut off the
 * file, a broken line in the middle refused with path:line, and the lock
 * (a second opener gets -2).
 */
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "journal.h"
#include "tap.h"
#include "unit.h"
#include "xmem.h"

static char *dir;

static int
count_lines(const char *path)
{
	char *s = unit_read(path, NULL), *p;
	int n = 0;

	if (s == NULL)
		return -1;
	for (p = s; *p != '\0'; p++)
		n += *p == '\n';
	free(s);
	return n;
}

static struct journal *
open_ok(const char *path)
{
	struct journal *j = NULL;
	char err[512] = "";

	if (journal_open(path, &j, err, sizeof(err)) != 0) {
		printf("# %s\n", err);
		return NULL;
	}
	return j;
}

int
main(void)
{
	struct journal *j, *j2;
	const struct jentry *e;
	char *path, *bad, *s, err[512];
	const char *c;
	size_t len;
	int rc;

	dir = unit_tmpdir("test-journal");
	path = xasprintf("%s/j", dir);

	ok((j = open_ok(path)) != NULL, "a missing journal is created");
	ok(journal_get(j, "x:1") == NULL, "an unseen key is unknown to it");
	ok(journal_intent(j, "x:1", "k1") == 0, "intent written");
	ok(count_lines(path) == 1, "the intent is on disk at once");
	e = journal_get(j, "x:1");
	ok(e != NULL && e->state == J_PENDING && e->tries == 1,
	    "after an intent: pending");
	ok(journal_sent(j, "x:1", "900") == 0, "outcome written");
	e = journal_get(j, "x:1");
	ok(e->state == J_SENT && strcmp(e->id, "900") == 0, "sent, with id");
	journal_intent(j, "x:2", "k2");
	journal_unsent(j, "x:2", "connection refused");
	journal_intent(j, "x:3", "k3");
	journal_unknown(j, "x:3", "HTTP 500");
	journal_intent(j, "x:4", "k4");
	journal_failed(j, "x:4", "HTTP 403: duplicate");
	journal_intent(j, "x:5", "k5");
	journal_intent(j, "x:6", "k6");
	journal_sent(j, "x:6", "906");
	journal_intent(j, "x:6", "k6b");	/* a caller's bug: stays pending */

	/* The lock: a second run gets -2 while the first holds it. */
	ok(journal_open(path, &j2, err, sizeof(err)) == -2 && j2 == NULL,
	    "a second opener finds the lock held (-2)");
	journal_close(j);

	ok((j = open_ok(path)) != NULL, "reopened after the lock is free");
	e = journal_get(j, "x:1");
	ok(e != NULL && e->state == J_SENT && strcmp(e->id, "900") == 0,
	    "sent survives a reopen");
	e = journal_get(j, "x:2");
	ok(e != NULL && e->state == J_NEW && strcmp(e->error,
	    "connection refused") == 0, "unsent: may be sent again");
	e = journal_get(j, "x:3");
	ok(e != NULL && e->state == J_UNKNOWN, "unknown stays unknown");
	e = journal_get(j, "x:4");
	ok(e != NULL && e->state == J_FAILED, "failed stays failed");
	e = journal_get(j, "x:5");
	ok(e != NULL && e->state == J_PENDING && strcmp(e->idem, "k5") == 0,
	    "an intent without an outcome is pending, with its idem key");
	e = journal_get(j, "x:6");
	ok(e != NULL && e->state == J_PENDING && e->tries == 2 &&
	    strcmp(e->idem, "k6b") == 0, "the last line of a key wins");
	ok(!journal_torn(j), "nothing torn");
	journal_close(j);

	/* kill -9 in the middle of an outcome line. */
	s = unit_read(path, &len);
	s = xrealloc(s, len + 64);
	memcpy(s + len, "{\"op\":\"sent\",\"key\":\"x:5\",\"at\":\"2026", 35);
	unit_write(path, s, len + 35);
	ok((j = open_ok(path)) != NULL, "a torn last line is no error");
	ok(journal_torn(j), "and it is counted");
	e = journal_get(j, "x:5");
	ok(e != NULL && e->state == J_PENDING,
	    "a torn outcome leaves the intent pending (never sent again)");
	journal_sent(j, "x:7", "907");
	journal_close(j);
	free(s);
	s = unit_read(path, &len);
	ok(s != NULL && strstr(s, "\"at\":\"2026{") == NULL &&
	    strstr(s, "\"2026\n") == NULL, "the torn line is cut off");
	free(s);
	ok((j = open_ok(path)) != NULL &&
	    journal_get(j, "x:7")->state == J_SENT,
	    "a line after the cut reads back whole");
	journal_close(j);

	/* A torn intent: its request never left. */
	s = unit_read(path, &len);
	s = xrealloc(s, len + 64);
	memcpy(s + len, "{\"op\":\"intent\",\"key\":\"x:8\",\"a", 30);
	unit_write(path, s, len + 30);
	free(s);
	ok((j = open_ok(path)) != NULL && journal_get(j, "x:8") == NULL,
	    "a torn intent: the key was never tried");
	journal_close(j);

	/* A broken line in the middle is an error, with the line. */
	bad = xasprintf("%s/bad", dir);
	c = "{\"op\":\"sent\",\"key\":\"a\",\"at\":"
	    "\"2026-12-01T00:00:00Z\",\"id\":\"1\"}\nnot json\n"
	    "{\"op\":\"sent\",\"key\":\"b\",\"at\":\"2026-12-01T00:00:00Z\"}\n";
	unit_write(bad, c, strlen(c));
	rc = journal_open(bad, &j, err, sizeof(err));
	ok(rc == -1 && strstr(err, "/bad:2: ") != NULL,
	    "a broken middle line: path:line (%s)", err);
	c = "{\"op\":\"posted\",\"key\":\"a\",\"at\":"
	    "\"2026-12-01T00:00:00Z\"}\n{}\n";
	unit_write(bad, c, strlen(c));
	rc = journal_open(bad, &j, err, sizeof(err));
	ok(rc == -1 && strstr(err, "/bad:1: unknown \"op\"") != NULL,
	    "an unknown op is refused (%s)", err);

	unlink(path);
	unlink(bad);
	s = xasprintf("%s.lock", path);
	unlink(s);
	free(s);
	s = xasprintf("%s.lock", bad);
	unlink(s);
	free(s);
	rmdir(dir);
	free(path);
	free(bad);
	free(dir);
	return tap_done();
}
