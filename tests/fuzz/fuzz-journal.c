/*
 * fuzz-journal - journal_open() over arbitrary file contents, with the
 * properties that must hold:
 *
 *	it either opens the journal or refuses it with a message;
 *	what it opens it may write to, and a second open reads back the
 *	line written and whatever the first open kept;
 *	a refused journal is left as it was.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64], lock[80];
	struct journal *j;
	const struct jentry *e;
	char err[512];
	FILE *fp;
	int rc;

	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "/tmp/fuzz-journal.%ld",
		    (long)getpid());
		snprintf(lock, sizeof(lock), "%s.lock", path);
	}
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	if (fclose(fp) != 0)
		abort();
	err[0] = '\0';
	rc = journal_open(path, &j, err, sizeof(err));
	if (rc == -1) {
		if (err[0] == '\0' || j != NULL)
			abort();	/* a refusal must say why */
		goto out;
	}
	if (rc != 0 || j == NULL)
		abort();
	if (journal_intent(j, "fuzz:key", "0123") != 0 ||
	    journal_sent(j, "fuzz:key", "fuzz:1") != 0)
		abort();
	journal_close(j);
	if (journal_open(path, &j, err, sizeof(err)) != 0)
		abort();	/* what was opened and written opens again */
	if ((e = journal_get(j, "fuzz:key")) == NULL || e->state != J_SENT ||
	    strcmp(e->id, "fuzz:1") != 0)
		abort();
	journal_close(j);
out:
	unlink(path);
	unlink(lock);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
