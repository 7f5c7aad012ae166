/*
 * fuzz-vocab - sc-classify's data-file loaders (tools/sc-classify/vocab.c)
 * and its tokenizer over arbitrary files.  The first byte picks the loader
 * (lexicon, intents or language cues); the rest is the file, written into
 * a scratch data directory named by $SC_DATADIR.  A malformed line is a
 * fatal error by design ("file:line: why", exit 2): diag_die_hook brings
 * control back here, and vocab_free() closes the file the load left open.
 * A loaded file is then put to use on its own text as a post.  Crashes
 * and sanitizer reports are findings.
 *
 *	sh tests/fuzz/run.sh 60 vocab
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "intent.h"
#include "lang.h"
#include "text.h"
#include "vocab.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jmp_buf back;
static char path[256];

static void
on_die(int status)
{
	(void)status;
	longjmp(back, 1);
}

static void
setup(void)
{
	char dir[] = "/tmp/sc-fuzz-vocab.XXXXXX";

	if (mkdtemp(dir) == NULL)
		abort();
	setenv("SC_DATADIR", dir, 1);
	snprintf(path, sizeof(path), "%s/classify", dir);
	if (mkdir(path, 0700) == -1)
		abort();
	snprintf(path, sizeof(path), "%s/classify/fuzz.tsv", dir);
	diag_die_hook = on_die;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vocab v;
	static struct text t;
	FILE *fp;

	if (path[0] == '\0')
		setup();
	if (size == 0)
		return 0;
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	fwrite(data + 1, 1, size - 1, fp);
	if (fclose(fp) != 0)
		abort();
	vocab_init(&v);
	text_init(&t);
	if (setjmp(back) == 0) {
		switch (data[0] % 3) {
		case 0:
			vocab_load_lexicon(&v, "fuzz.tsv", 1);
			break;
		case 1:
			vocab_load_intents(&v, "fuzz.tsv", 1);
			break;
		default:
			vocab_load_langid(&v, "fuzz.tsv");
		}
		vocab_freeze(&v);
		text_tokenize(&t, (const char *)data + 1, size - 1);
		vocab_annotate(&v, &t);
	}
	text_free(&t);
	vocab_free(&v);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
