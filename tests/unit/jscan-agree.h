/*
 * jscan-agree.h - the property that lets record.c trust jscan.h: what
 * jscan_object() accepts, jansson parses as an object whose members are
 * those jscan found, each value the same as jansson's, and jscan_json()
 * builds each the same as jansson.  Shared by
 * test-jscan.c and tests/fuzz/fuzz-jscan.c.
 */
#ifndef JSCAN_AGREE_H
#define JSCAN_AGREE_H

#include <string.h>

#include <jansson.h>

#include "jscan.h"

/*
 * 1 when jscan declines s[0..n) or agrees with jansson on it, 0 when they
 * disagree; *accepted says whether jscan accepted it.
 */
static int
jscan_agrees(const char *s, size_t n, int *accepted)
{
	struct jscan_member m[64];
	json_t *all, *v;
	size_t nm, close, i;
	char key[256];
	int good = 1;

	*accepted = 0;
	if (jscan_object(s, n, m, 64, &nm, &close) == -1)
		return 1;
	*accepted = 1;
	all = json_loadb(s, n, JSON_DECODE_ANY, NULL);
	if (all == NULL || !json_is_object(all) || json_object_size(all) != nm
	    || close >= n || s[close] != '}') {
		json_decref(all);
		return 0;
	}
	for (i = 0; i < nm && good; i++) {
		if (m[i].keylen >= sizeof(key))
			continue;
		memcpy(key, s + m[i].key, m[i].keylen);
		key[m[i].keylen] = '\0';
		v = json_loadb(s + m[i].val, m[i].vallen, JSON_DECODE_ANY,
		    NULL);
		good = v != NULL && json_equal(v, json_object_get(all, key));
		json_decref(v);
		/* jscan_json() builds the same value. */
		v = jscan_json(s + m[i].val, m[i].vallen);
		good = good && v != NULL &&
		    json_equal(v, json_object_get(all, key)) &&
		    json_typeof(v) == json_typeof(json_object_get(all, key));
		json_decref(v);
	}
	json_decref(all);
	return good;
}

#endif
