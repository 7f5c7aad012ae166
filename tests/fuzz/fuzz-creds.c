/*
 * fuzz-creds - the credentials file's parser (creds_parse()) over
 * arbitrary texts.  What it accepts is an object of objects of strings
 * with no control byte (no CR or LF can reach an HTTP header); what it
 * refuses comes with a reason that never quotes the text: a fixed phrase
 * and a column for a syntax error, else the platform and field names with
 * control bytes masked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "creds.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const reasons[] = {
	"unexpected end of input at column ", "text after the object at column ",
	"not UTF-8 at column ", "a NUL character at column ",
	"a NUL character in a key at column ", "a key given twice at column ",
	"a number out of range at column ", "not valid JSON at column ",
};

static void
check_refusal(const char *err, unsigned long line)
{
	const char *p;
	size_t i, n;

	if (err[0] == '\0')
		abort();		/* a refusal says why */
	for (p = err; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			abort();	/* no raw control byte in a message */
	if (line == 0) {
		if (strcmp(err, "expected an object") != 0 && err[0] != '"')
			abort();
		return;
	}
	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		n = strlen(reasons[i]);
		if (strncmp(err, reasons[i], n) == 0 &&
		    strspn(err + n, "0123456789") == strlen(err + n) &&
		    err[n] != '\0')
			return;
	}
	abort();			/* a syntax error is a fixed phrase */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *platform, *field, *s;
	unsigned long line;
	json_t *root, *p, *v;
	char err[512];

	root = creds_parse((const char *)data, size, err, sizeof(err), &line);
	if (root == NULL) {
		check_refusal(err, line);
		return 0;
	}
	if (!json_is_object(root))
		abort();
	json_object_foreach(root, platform, p) {
		if (!json_is_object(p))
			abort();
		json_object_foreach(p, field, v) {
			if (!json_is_string(v))
				abort();
			for (s = json_string_value(v); *s != '\0'; s++)
				if ((unsigned char)*s < 0x20 || *s == 0x7f)
					abort();
			if (creds_get(root, platform, field) !=
			    json_string_value(v))
				abort();
		}
	}
	json_decref(root);
	return 0;
}

#ifdef SC_FUZZ_MAIN
#include "driver.h"
#endif
