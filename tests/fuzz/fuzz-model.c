/*
 * fuzz-model - sc-classify's model loader (tools/sc-classify/model.c)
 * over arbitrary files.  The first byte says how the rest is used: even,
 * as the file itself (gzip or not); odd, as an uncompressed model whose
 * last 15 bytes are replaced by a correct "crc32 xxxxxxxx" trailer, so
 * the header and weight parser behind the checksum is reached too.  A
 * loaded model predicts a label for a short text.  Loading must fail
 * cleanly or succeed; crashes and sanitizer reports are findings.
 *
 *	sh tests/fuzz/run.sh 60 model
 * fuzz-sources: tools/sc-classify/text.c
 * Seeds: tests/fuzz/corpus/model (small models made by sc-classify
 * --train, uncompressed, behind a byte 0x01).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "model.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/sc-fuzz-model.XXXXXX";
	static int fd = -1;
	struct model m;
	char err[256], trailer[16];
	unsigned char *file;
	size_t n;
	FILE *fp;

	if (fd == -1 && (fd = mkstemp(path)) == -1)
		abort();
	if (size == 0)
		return 0;
	n = size - 1;
	file = malloc(n ? n : 1);
	memcpy(file, data + 1, n);
	if ((data[0] & 1) && n >= 15) {
		snprintf(trailer, sizeof(trailer), "crc32 %08lx\n",
		    (unsigned long)crc32(crc32(0L, Z_NULL, 0), file,
		    (uInt)(n - 15)));
		memcpy(file + n - 15, trailer, 15);
	}
	if ((fp = fopen(path, "wb")) == NULL)
		abort();
	fwrite(file, 1, n, fp);
	if (fclose(fp) != 0)
		abort();
	free(file);
	memset(&m, 0, sizeof(m));
	if (model_load(&m, path, err, sizeof(err)) == 0) {
		static const float stack[MODEL_STACK_N] = { 1, 0.5f, 0, -1 };

		if (model_predict(&m, "flight delayed 3 h, \xe8\x88\xaa\xe7\x8f\xad",
		    25, MODEL_CTX_BRAND, stack) >= m.nlabels)
			abort();
		model_free(&m);
	} else if (err[0] == '\0')
		abort();	/* a failure must say why */
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
