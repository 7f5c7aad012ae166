/*
 * Each field has one small function that takes the input value and gives
 * the output value (a new reference) or fails with the message.  A null
 * is the same as an absent field, except for conversation_id, in_reply_to
 * and lang, where sc-post(5) gives null a meaning of its own.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "hmap.h"
#include "jsonw.h"
#include "normalize.h"
#include "post.h"
#include "sctime.h"
#include "utf8.h"

#define QUOTE_MAX	40	/* bytes of a bad value shown in a message */
#define SHOW_LEN	(QUOTE_MAX * 6 + 8)	/* room for its escapes */

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, what time_format() writes. */
#define TIME_MIN	(-62167219200LL)
#define TIME_MAX	253402300799LL

/* The sc-post keys in their order; every other key comes after them. */
static const char *const post_keys[] = {
	"id", "platform", "created_at", "text", "author", "from_brand",
	"conversation_id", "in_reply_to", "in_reply_to_brand", "channel",
	"lang", "url", "metrics",
	"in_reply_to_author",	/* read, not written (see below) */
	NULL
};
static const char *const author_keys[] = {
	"id", "handle", "name", "followers", "verified", NULL
};
static const char *const metrics_keys[] = {
	"likes", "reposts", "replies", NULL
};

static int
in_list(const char *const *list, const char *key)
{
	for (; *list != NULL; list++)
		if (**list == *key && strcmp(*list, key) == 0)
			return 1;
	return 0;
}

/* Copy the keys of in that are not in list to out, in their order. */
static void
copy_rest(json_t *out, const json_t *in, const char *const *list)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)in, key, v)
		if (!in_list(list, key))
			json_object_set(out, key, v);
}

static json_t *
ref(const json_t *v)
{
	return json_incref((json_t *)v);
}

/* An absent or null field. */
static const json_t *
get(const json_t *obj, const char *key)
{
	json_t *v;

	v = json_object_get(obj, key);
	return json_is_null(v) ? NULL : v;
}

static int __attribute__((format(printf, 3, 4)))
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

void
norm_quote(char *out, size_t outlen, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t cut;

	cut = utf8_prefix(s, n, QUOTE_MAX);
	jsonw_string(&b, s, cut);
	if (cut < n)
		buf_adds(&b, "...");
	snprintf(out, outlen, "%s", buf_str(&b));
	buf_free(&b);
}

/* A value for a message: a string quoted and cut, a number as is. */
static void
show(const json_t *v, char *out, size_t outlen)
{
	struct buf b = BUF_INIT;

	if (json_is_string(v)) {
		norm_quote(out, outlen, json_string_value(v),
		    json_string_length(v));
		return;
	}
	if (json_is_integer(v) || json_is_real(v)) {
		jsonw(&b, v);
		snprintf(out, outlen, "%s", buf_str(&b));
		buf_free(&b);
		return;
	}
	snprintf(out, outlen, "%s", json_kind_a(v));
}

int
norm_platform_name(const char *s, char *out)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i == NORM_PLATFORM_MAX || (unsigned char)s[i] >= 0x80 ||
		    !isalnum((unsigned char)s[i]))
			return -1;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	out[i] = '\0';
	return i > 0 ? 0 : -1;
}

int
norm_boolish(const char *s, size_t n, int *b)
{
	static const struct {
		const char	*word;
		int		 val;
	} words[] = {
		{ "true", 1 }, { "false", 0 }, { "1", 1 }, { "0", 0 },
		{ "yes", 1 }, { "no", 0 }
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == n &&
		    strncasecmp(words[i].word, s, n) == 0) {
			*b = words[i].val;
			return 0;
		}
	return -1;
}

/*
 * Length of a "platform:" prefix at the start of s (lower-case letters or
 * digits, then a colon), or 0 if there is none.
 */
static size_t
id_prefix(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] < 'a' || s[i] > 'z') && (s[i] < '0' || s[i] > '9'))
			break;
	return i > 0 && i < n && s[i] == ':' ? i + 1 : 0;
}

static int
norm_id(const char *platform, const char *field, const json_t *v,
    json_t **out, char *err, size_t errlen)
{
	char num[32], q[SHOW_LEN];
	const char *s;
	size_t n, p;

	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		s = num;
		n = strlen(num);
	} else if (json_is_string(v)) {
		s = json_string_value(v);
		n = json_string_length(v);
	} else
		return fail(err, errlen, "\"%s\": expected a string or an "
		    "integer, got %s", field, json_kind_a(v));
	if (n == 0)
		return fail(err, errlen, "\"%s\": empty", field);
	if ((p = id_prefix(s, n)) == n) {
		norm_quote(q, sizeof(q), s, n);
		return fail(err, errlen, "\"%s\": nothing after the "
		    "platform: %s", field, q);
	}
	if (p > 0)
		*out = json_is_string(v) ? ref(v) : json_stringn(s, n);
	else
		*out = json_sprintf("%s:%s", platform, s);
	return 0;
}

/* conversation_id, in_reply_to: an id, or null for "" and null. */
static int
norm_ref_id(const char *platform, const char *field, const json_t *v,
    json_t **out, char *err, size_t errlen)
{
	if (json_is_null(v) || (json_is_string(v) &&
	    json_string_length(v) == 0)) {
		*out = json_null();
		return 0;
	}
	return norm_id(platform, field, v, out, err, errlen);
}

static int
norm_time(const json_t *v, json_t **out, char *err, size_t errlen)
{
	char tb[TIME_STRLEN], q[SHOW_LEN];
	json_int_t i;
	int64_t t;
	double d;
	int ok;

	if (json_is_string(v)) {
		ok = time_parse(json_string_value(v), &t) == 0;
	} else if (json_is_integer(v)) {
		/* As time_parse() reads digits: up to 12 s, 13 ms. */
		i = json_integer_value(v);
		ok = i >= 0 && i < 10000000000000LL;
		t = i >= 1000000000000LL ? i / 1000 : i;
	} else if (json_is_real(v)) {
		d = json_real_value(v);
		ok = d >= 0 && d < 1e13;
		t = ok ? (int64_t)(d >= 1e12 ? d / 1000 : d) : 0;
	} else
		return fail(err, errlen, "\"created_at\": expected a string "
		    "or a number, got %s", json_kind_a(v));
	if (!ok || t < TIME_MIN || t > TIME_MAX) {
		show(v, q, sizeof(q));
		return fail(err, errlen, "\"created_at\": not a time: %s", q);
	}
	time_format(t, tb);
	*out = json_string(tb);
	return 0;
}

static int
norm_bool(const char *field, const json_t *v, json_t **out, char *err,
    size_t errlen)
{
	char q[SHOW_LEN];
	int b;

	if (json_is_boolean(v)) {
		*out = ref(v);
		return 0;
	}
	if ((json_is_string(v) && norm_boolish(json_string_value(v),
	    json_string_length(v), &b) == 0) || (json_is_integer(v) &&
	    (b = (int)json_integer_value(v)) == json_integer_value(v) &&
	    (b == 0 || b == 1))) {
		*out = json_boolean(b);
		return 0;
	}
	show(v, q, sizeof(q));
	return fail(err, errlen, "\"%s\": expected true or false, got %s",
	    field, q);
}

/* A string of 1 to 18 digits as a number: 0, or -1 if it is not one. */
static int
digit_string(const json_t *v, json_int_t *n)
{
	const char *s;
	size_t i, len;

	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	len = json_string_length(v);
	if (len == 0 || len > 18)
		return -1;
	*n = 0;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		*n = *n * 10 + (s[i] - '0');
	}
	return 0;
}

/* A count: an integer >= 0, or a string of digits. */
static int
norm_count(const char *field, const json_t *v, json_t **out, char *err,
    size_t errlen)
{
	char q[SHOW_LEN];
	json_int_t n;

	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*out = ref(v);
		return 0;
	}
	if (digit_string(v, &n) == 0) {
		*out = json_integer(n);
		return 0;
	}
	show(v, q, sizeof(q));
	return fail(err, errlen, "\"%s\": expected a count, got %s", field, q);
}

static int
norm_author(const char *platform, const json_t *v, json_t **out,
    char *err, size_t errlen)
{
	const json_t *x;
	json_t *o, *y;

	if (json_is_string(v)) {
		*out = json_pack("{sO}", "handle", v);
		return 0;
	}
	if (!json_is_object(v))
		return fail(err, errlen, "\"author\": expected an object or a "
		    "string, got %s", json_kind_a(v));
	o = json_object();
	if ((x = get(v, "id")) != NULL &&
	    !(json_is_string(x) && json_string_length(x) == 0)) {
		if (norm_id(platform, "author.id", x, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "id", y);
	}
	if ((x = get(v, "handle")) != NULL) {
		if (!json_is_string(x)) {
			fail(err, errlen, "\"author.handle\": expected a "
			    "string, got %s", json_kind_a(x));
			goto bad;
		}
		json_object_set(o, "handle", (json_t *)x);
	}
	if ((x = get(v, "name")) != NULL) {
		if (!json_is_string(x)) {
			fail(err, errlen, "\"author.name\": expected a string, "
			    "got %s", json_kind_a(x));
			goto bad;
		}
		json_object_set(o, "name", (json_t *)x);
	}
	if ((x = get(v, "followers")) != NULL) {
		if (norm_count("author.followers", x, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "followers", y);
	}
	if ((x = get(v, "verified")) != NULL) {
		if (norm_bool("author.verified", x, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "verified", y);
	}
	copy_rest(o, v, author_keys);
	*out = o;
	return 0;
bad:
	json_decref(o);
	return -1;
}

static int
norm_metrics(const json_t *v, json_t **out, char *err, size_t errlen)
{
	static const char *const names[] = {
		"metrics.likes", "metrics.reposts", "metrics.replies"
	};
	const json_t *x;
	const char *key;
	json_t *o, *y, *x0;
	json_int_t n;
	size_t i;

	if (!json_is_object(v))
		return fail(err, errlen, "\"metrics\": expected an object, "
		    "got %s", json_kind_a(v));
	o = json_object();
	for (i = 0; metrics_keys[i] != NULL; i++) {
		if ((x = get(v, metrics_keys[i])) == NULL)
			continue;
		if (norm_count(names[i], x, &y, err, errlen) == -1) {
			json_decref(o);
			return -1;
		}
		json_object_set_new(o, metrics_keys[i], y);
	}
	/* Other metrics pass, but digits from a CSV cell become a number. */
	json_object_foreach((json_t *)v, key, x0) {
		if (in_list(metrics_keys, key))
			continue;
		if (digit_string(x0, &n) == 0)
			json_object_set_new(o, key, json_integer(n));
		else
			json_object_set(o, key, x0);
	}
	*out = o;
	return 0;
}

static int
norm_channel(const json_t *v, json_t **out, char *err, size_t errlen)
{
	char q[SHOW_LEN];
	const char *s;

	s = json_string_value(v);
	if (s != NULL && strcasecmp(s, "public") == 0)
		*out = json_string("public");
	else if (s != NULL && strcasecmp(s, "private") == 0)
		*out = json_string("private");
	else {
		show(v, q, sizeof(q));
		return fail(err, errlen, "\"channel\": expected \"public\" "
		    "or \"private\", got %s", q);
	}
	return 0;
}

/* Is the author's handle one of the brand's accounts on platform? */
static int
is_brand(const struct norm *n, const char *platform, const json_t *author)
{
	struct buf key = BUF_INIT;
	const char *h;
	size_t i, len, at;
	int hit;

	h = json_string_value(json_object_get(author, "handle"));
	if (h == NULL || hmap_count(n->brand) == 0)
		return 0;
	if (*h == '@')
		h++;
	buf_printf(&key, "%s:", platform);
	at = key.len;
	len = strlen(h);
	buf_add(&key, h, len);
	for (i = at; i < key.len; i++)
		key.s[i] = (char)tolower((unsigned char)key.s[i]);
	hit = hmap_get(n->brand, key.s, key.len) != NULL;
	if (!hit) {
		buf_reset(&key);
		buf_adds(&key, "*:");
		buf_add(&key, h, len);
		for (i = 2; i < key.len; i++)
			key.s[i] = (char)tolower((unsigned char)key.s[i]);
		hit = hmap_get(n->brand, key.s, key.len) != NULL;
	}
	buf_free(&key);
	return hit;
}

int
normalize(const struct norm *n, const json_t *in, json_t **out, char *err,
    size_t errlen)
{
	char platform[NORM_PLATFORM_MAX + 1], q[SHOW_LEN];
	const json_t *v;
	json_t *o, *y;

	*out = NULL;
	o = json_object();
	if ((v = get(in, "platform")) == NULL)
		memcpy(platform, n->platform, sizeof(platform));
	else if (!json_is_string(v)) {
		fail(err, errlen, "\"platform\": expected a string, got %s",
		    json_kind_a(v));
		goto bad;
	} else if (norm_platform_name(json_string_value(v), platform) == -1) {
		show(v, q, sizeof(q));
		fail(err, errlen, "\"platform\": not a platform name (1 to 32 "
		    "letters and digits): %s", q);
		goto bad;
	}

	if ((v = json_object_get(in, "id")) == NULL) {
		fail(err, errlen, "missing field \"id\"");
		goto bad;
	}
	if (norm_id(platform, "id", v, &y, err, errlen) == -1)
		goto bad;
	json_object_set_new(o, "id", y);
	json_object_set_new(o, "platform", json_string(platform));

	if ((v = json_object_get(in, "created_at")) == NULL) {
		fail(err, errlen, "missing field \"created_at\"");
		goto bad;
	}
	if (norm_time(v, &y, err, errlen) == -1)
		goto bad;
	json_object_set_new(o, "created_at", y);

	if ((v = json_object_get(in, "text")) == NULL) {
		fail(err, errlen, "missing field \"text\"");
		goto bad;
	}
	if (!json_is_string(v)) {
		fail(err, errlen, "\"text\": expected a string, got %s",
		    json_kind_a(v));
		goto bad;
	}
	json_object_set(o, "text", (json_t *)v);

	if ((v = get(in, "author")) != NULL) {
		if (norm_author(platform, v, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "author", y);
	}

	if ((v = get(in, "from_brand")) != NULL) {
		if (norm_bool("from_brand", v, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "from_brand", y);
	} else
		json_object_set_new(o, "from_brand", json_boolean(is_brand(n,
		    platform, json_object_get(o, "author"))));

	if ((v = json_object_get(in, "conversation_id")) != NULL) {
		if (norm_ref_id(platform, "conversation_id", v, &y, err,
		    errlen) == -1)
			goto bad;
		json_object_set_new(o, "conversation_id", y);
	}
	if ((v = json_object_get(in, "in_reply_to")) != NULL) {
		if (norm_ref_id(platform, "in_reply_to", v, &y, err,
		    errlen) == -1)
			goto bad;
		json_object_set_new(o, "in_reply_to", y);
	}

	/*
	 * Whether the post answers one of the brand's: given, or from the
	 * handle of the author answered ("in_reply_to_author", which
	 * network drivers give) when the brand's accounts are known.
	 */
	if ((v = get(in, "in_reply_to_brand")) != NULL) {
		if (norm_bool("in_reply_to_brand", v, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "in_reply_to_brand", y);
	} else if ((v = get(in, "in_reply_to_author")) != NULL &&
	    json_is_string(json_object_get(v, "handle")) &&
	    hmap_count(n->brand) > 0)
		json_object_set_new(o, "in_reply_to_brand",
		    json_boolean(is_brand(n, platform, v)));

	if ((v = get(in, "channel")) != NULL) {
		if (norm_channel(v, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "channel", y);
	}
	if ((v = json_object_get(in, "lang")) != NULL) {
		if (!json_is_string(v) && !json_is_null(v)) {
			fail(err, errlen, "\"lang\": expected a string or "
			    "null, got %s", json_kind_a(v));
			goto bad;
		}
		json_object_set(o, "lang", (json_t *)v);
	}
	if ((v = get(in, "url")) != NULL) {
		if (!json_is_string(v)) {
			fail(err, errlen, "\"url\": expected a string, got %s",
			    json_kind_a(v));
			goto bad;
		}
		json_object_set(o, "url", (json_t *)v);
	}
	if ((v = get(in, "metrics")) != NULL) {
		if (norm_metrics(v, &y, err, errlen) == -1)
			goto bad;
		json_object_set_new(o, "metrics", y);
	}
	copy_rest(o, in, post_keys);
	*out = o;
	return 0;
bad:
	json_decref(o);
	return -1;
}

int
norm_init(struct norm *n, const char *platform)
{
	memset(n, 0, sizeof(*n));
	if (norm_platform_name(platform, n->platform) == -1)
		return -1;
	n->brand = hmap_new();
	return 0;
}

void
norm_brand(struct norm *n, const char *platform, const char *handle)
{
	struct buf key = BUF_INIT;
	size_t i;

	if (*handle == '@')
		handle++;
	buf_printf(&key, "%s:%s", platform ? platform : "*", handle);
	for (i = 0; i < key.len; i++)
		key.s[i] = (char)tolower((unsigned char)key.s[i]);
	hmap_put(n->brand, key.s, key.len, NULL);
	buf_free(&key);
}

void
norm_free(struct norm *n)
{
	hmap_free(n->brand);
	n->brand = NULL;
}
