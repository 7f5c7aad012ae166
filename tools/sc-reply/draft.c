/*
 * draft.c - one post in, its "reply" key set: the skip rules, the
 * template chosen and filled in, the @mention, the length check.
 */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "post.h"
#include "record.h"
#include "reply.h"

void
drafter_init(struct drafter *d, struct tmpls *ts, const char *agent,
    const char *fallback, int mention)
{
	memset(d, 0, sizeof(*d));
	d->ts = ts;
	d->agent = agent;
	d->fallback = fallback;
	d->mention = mention;
}

void
drafter_free(struct drafter *d)
{
	buf_free(&d->text);
	buf_free(&d->tmp);
	buf_free(&d->why);
}

/* A non-empty string at key, else NULL. */
static const char *
str(const json_t *obj, const char *key)
{
	const char *s;

	s = json_string_value(json_object_get(obj, key));
	return s != NULL && *s != '\0' ? s : NULL;
}

static int
handle_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || c == '_';
}

/*
 * On platforms where a reply names whom it answers, start the text with
 * "@handle " unless it already starts with that mention.
 */
static void
add_mention(struct drafter *d, const json_t *post, const char *platform)
{
	const char *handle;
	size_t hl;

	if (!d->mention || platform == NULL || (strcmp(platform, "x") != 0 &&
	    strcmp(platform, "bluesky") != 0 &&
	    strcmp(platform, "mastodon") != 0))
		return;
	if ((handle = json_path_str(post, "author.handle")) == NULL)
		return;
	while (*handle == '@')
		handle++;
	if ((hl = strlen(handle)) == 0)
		return;
	if (d->text.len > hl && d->text.s[0] == '@' &&
	    strncasecmp(d->text.s + 1, handle, hl) == 0 &&
	    (d->text.len == hl + 1 ||
	    !handle_char((unsigned char)d->text.s[hl + 1])))
		return;
	buf_reset(&d->tmp);
	buf_addc(&d->tmp, '@');
	buf_add(&d->tmp, handle, hl);
	buf_addc(&d->tmp, ' ');
	buf_add(&d->tmp, d->text.s, d->text.len);
	buf_reset(&d->text);
	buf_add(&d->text, d->tmp.s, d->tmp.len);
}

static json_t *
no_reply(const char *why)
{
	json_t *reply;

	reply = json_object();
	json_object_set_new(reply, "status", json_string("none"));
	json_object_set_new(reply, "reason", json_string(why));
	return reply;
}

static json_t *
draft(struct recin *r, struct drafter *d, const json_t *post,
    const struct tmpl *t, const char *platform)
{
	struct measure m;
	json_t *reply;
	int fits;

	buf_reset(&d->text);
	tmpl_render(t, post, d->agent, &d->text);
	add_mention(d, post, platform);
	measure(platform, buf_str(&d->text), d->text.len, &m);
	fits = 1;
	if (m.limit > 0 && m.length > (size_t)m.limit) {
		rec_warn(r, "draft for %s is %zu characters, over %ld",
		    platform, m.length, m.limit);
		fits = 0;
	} else if (m.byte_limit > 0 && m.bytes > (size_t)m.byte_limit) {
		rec_warn(r, "draft for %s is %zu bytes, over %ld",
		    platform, m.bytes, m.byte_limit);
		fits = 0;
	}
	reply = json_object();
	json_object_set_new(reply, "text", json_stringn(buf_str(&d->text),
	    d->text.len));
	json_object_set_new(reply, "status", json_string("draft"));
	json_object_set_new(reply, "template", json_string(tmpl_id(t)));
	json_object_set_new(reply, "lang", json_string(tmpl_lang(t)));
	json_object_set_new(reply, "length", json_integer((json_int_t)
	    m.length));
	json_object_set_new(reply, "limit", m.limit > 0 ?
	    json_integer(m.limit) : json_null());
	json_object_set_new(reply, "fits", json_boolean(fits));
	return reply;
}

int
draft_post(struct recin *r, json_t *post, void *ctx)
{
	struct drafter *d = ctx;
	const struct tmpl *t;
	const char *status, *intent, *lang, *platform;
	json_t *class, *old;

	/* The brand's own posts are not answered; nothing else is read. */
	if (post_from_brand(post))
		return 0;
	old = json_object_get(post, "reply");
	if (old != NULL && !json_is_object(old)) {
		rec_reject(r, "\"reply\": expected an object, got %s",
		    json_kind_a(old));
		return -1;
	}
	/* A reply that went out is history: never replace it. */
	status = str(old, "status");
	if (status != NULL && (strcasecmp(status, "sent") == 0 ||
	    strcasecmp(status, "posted") == 0))
		return 0;
	class = json_object_get(post, "class");
	if (class != NULL && !json_is_object(class)) {
		rec_reject(r, "\"class\": expected an object, got %s",
		    json_kind_a(class));
		return -1;
	}
	intent = str(class, "intent");
	if ((lang = str(class, "lang")) == NULL)
		lang = str(post, "lang");
	platform = str(post, "platform");

	buf_reset(&d->why);
	t = tmpls_select(d->ts, intent, lang, platform, d->fallback, &d->why);
	json_object_set_new(post, "reply", t != NULL ?
	    draft(r, d, post, t, platform) : no_reply(buf_str(&d->why)));
	return 0;
}
