/*
 * draft.c - one post in, its "reply" key set: what is kept, the variant
 * chosen and filled in, the @mention, the length, and the status a
 * person or the sender acts on.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "hmap.h"
#include "post.h"
#include "record.h"
#include "reply.h"

/* Statuses a person or the sender gave: a re-run never touches them. */
static const char *const final_statuses[] = {
	"approved", "rejected", "sent", "failed", "unknown", "posted", NULL
};

void
drafter_init(struct drafter *d, struct tmpls *ts, const char *agent,
    const char *fallback, int mention)
{
	memset(d, 0, sizeof(*d));
	d->ts = ts;
	d->agent = agent;
	d->fallback = fallback;
	d->mention = mention;
	d->review_below = 0.6;
}

void
drafter_free(struct drafter *d)
{
	buf_free(&d->text);
	buf_free(&d->tmp);
	buf_free(&d->why);
	buf_free(&d->first);
	buf_free(&d->inits);
	buf_free(&d->scratch);
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

/* The conversation a post belongs to: its thread, else itself. */
static const char *
conversation(const json_t *post)
{
	const char *c;

	if ((c = str(post, "conversation_id")) != NULL)
		return c;
	return str(post, "id");
}

static int
final_status(const char *status)
{
	size_t i;

	for (i = 0; status != NULL && final_statuses[i] != NULL; i++)
		if (strcasecmp(status, final_statuses[i]) == 0)
			return 1;
	return 0;
}

/*
 * Did a person change this reply?  reply.edited says so, or its text no
 * longer has the digest it was drafted with.  A draft from before digests
 * were kept counts as edited when its text is not what the template gives
 * now: keeping a draft is cheap, losing a person's words is not.
 */
static int
edited(const json_t *old, const char *fresh, size_t freshlen)
{
	const json_t *text, *dg;
	char hex[17];

	if (json_is_true(json_object_get(old, "edited")))
		return 1;
	text = json_object_get(old, "text");
	if (!json_is_string(text))
		return 0;
	dg = json_object_get(old, "digest");
	if (json_is_string(dg)) {
		snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)
		    hmap_fnv1a(json_string_value(text),
		    json_string_length(text)));
		return strcmp(hex, json_string_value(dg)) != 0;
	}
	return fresh != NULL && (json_string_length(text) != freshlen ||
	    memcmp(json_string_value(text), fresh, freshlen) != 0);
}

/* class.confidence.NAME under the threshold: why, else nothing. */
static void
low_confidence(const struct drafter *d, const json_t *class,
    const char *name, json_t *review)
{
	const json_t *v;
	char why[64];

	v = json_object_get(json_object_get(class, "confidence"), name);
	if (!json_is_number(v))
		snprintf(why, sizeof(why), "no %s confidence", name);
	else if (json_number_value(v) < d->review_below)
		snprintf(why, sizeof(why), "%s confidence %.3g", name,
		    json_number_value(v));
	else
		return;
	json_array_append_new(review, json_string(why));
}

/*
 * Why a person must read this draft before it goes: sensitive topics,
 * an influencer, irony, a classifier that was not sure.  A booking
 * reference alone is not a reason (class.sensitive lists "pii" for it
 * too): the draft masks nothing of it and asks for nothing twice.
 */
static json_t *
review_reasons(struct drafter *d, const json_t *class)
{
	const json_t *v, *pii;
	json_t *review;
	size_t i, k;
	int other;

	review = json_array();
	if (class == NULL) {
		json_array_append_new(review, json_string("not classified"));
		return review;
	}
	pii = json_object_get(class, "pii");
	json_array_foreach(json_object_get(class, "sensitive"), i, v) {
		if (!json_is_string(v))
			continue;
		if (strcmp(json_string_value(v), "pii") == 0) {
			other = 0;
			for (k = 0; k < json_array_size(pii); k++)
				if (json_is_string(json_array_get(pii, k)) &&
				    strcmp(json_string_value(json_array_get(
				    pii, k)), "booking_ref") != 0)
					other = 1;
			if (!other)
				continue;
		}
		buf_reset(&d->scratch);
		buf_printf(&d->scratch, "sensitive: %s",
		    json_string_value(v));
		json_array_append_new(review, json_string(d->scratch.s));
	}
	if (json_is_true(json_object_get(class, "influencer")))
		json_array_append_new(review, json_string("influencer"));
	v = json_object_get(class, "irony");
	if (json_is_true(v) || (json_is_string(v) && json_string_length(v)))
		json_array_append_new(review, json_string("irony"));
	low_confidence(d, class, "intent", review);
	low_confidence(d, class, "sentiment", review);
	return review;
}

/* The names of the {{?fields}} left in text. */
static json_t *
asked(const char *s)
{
	json_t *list = json_array();
	const char *p, *q;

	for (p = s; (p = strstr(p, "{{?")) != NULL; p = q) {
		p += 3;
		if ((q = strstr(p, "}}")) == NULL)
			break;
		json_array_append_new(list, json_stringn(p, (size_t)(q - p)));
	}
	return list;
}

/* Fill in the variant for this post, avoiding the conversation's last. */
static const struct tmpl *
render(struct drafter *d, const json_t *post, const struct tmpl *const *v,
    size_t nv, struct render *rc, uint64_t prev)
{
	const char *id = str(post, "id");
	const struct tmpl *t;
	size_t start, k;

	start = id != NULL ? (size_t)(hmap_fnv1a(id, strlen(id)) % nv) : 0;
	for (k = 0; k < nv; k++) {
		t = v[(start + k) % nv];
		buf_reset(&d->text);
		rc->masked = 0;
		tmpl_render(t, rc, &d->text);
		if (prev == 0 || body_digest(d->text.s, d->text.len) != prev)
			return t;
	}
	/* Every variant reads as the last reply did: take the first. */
	t = v[start];
	buf_reset(&d->text);
	rc->masked = 0;
	tmpl_render(t, rc, &d->text);
	return t;
}

static json_t *
draft(struct recin *r, struct drafter *d, const json_t *post,
    const json_t *class, const json_t *old, const struct tmpl *const *v,
    size_t nv, const char *platform, const char *lang)
{
	struct kb_hit hit = { NULL, 0, 0, 0 };
	struct render rc;
	struct measure m;
	const struct tmpl *t;
	const char *agent, *conv, *id, *s;
	json_t *reply, *review, *parts, *kbv;
	char hex[17];
	int fits, shortened = 0;

	memset(&rc, 0, sizeof(rc));
	rc.post = post;
	rc.tmp = &d->tmp;
	agent = json_path_str(post, "route.agent");
	rc.agent = agent != NULL && *agent != '\0' ? agent : d->agent;
	buf_reset(&d->inits);
	if (initials(rc.agent, &d->inits))
		rc.initials = d->inits.s;
	buf_reset(&d->first);
	if (first_name(json_path_str(post, "author.name"), &d->first))
		rc.first_name = d->first.s;
	s = str(post, "channel");
	rc.private_channel = s != NULL && strcmp(s, "private") == 0;
	conv = conversation(post);
	id = str(post, "id");
	rc.ongoing = str(post, "in_reply_to") != NULL ||
	    (str(post, "conversation_id") != NULL && id != NULL &&
	    strcmp(conv, id) != 0);

	if (d->kb != NULL && kb_match(d->kb, str(post, "text"), lang,
	    &hit)) {
		rc.kb_id = hit.id;
		rc.kb_answer = kb_answer(d->kb, &hit, tmpl_lang(v[0]),
		    platform);
	}
	t = render(d, post, v, nv, &rc, convos_prev(d->convos, conv, id));
	add_mention(d, post, platform);
	if (old != NULL && edited(old, d->text.s, d->text.len)) {
		/* A person's words: keep them, and say so. */
		json_object_set_new((json_t *)old, "edited", json_true());
		if ((s = str(old, "text")) != NULL)
			convos_note(d->convos, conv, id, body_digest(s,
			    strlen(s)));
		return NULL;
	}
	convos_note(d->convos, conv, id, body_digest(d->text.s, d->text.len));
	measure(platform, buf_str(&d->text), d->text.len, &m);
	fits = measure_fits(&m);
	parts = json_array();
	if (!fits && d->thread) {
		rec_warn(r, "draft for %s is %zu characters, over %ld: "
		    "split into a thread", platform, m.length, m.limit);
		measure_thread(platform, d->text.s, d->text.len, parts);
		fits = 1;
	} else if (!fits) {
		rec_warn(r, "draft for %s is %zu %s, over %ld: shortened",
		    platform, m.limit > 0 && m.length > (size_t)m.limit ?
		    m.length : m.bytes, m.limit > 0 && m.length >
		    (size_t)m.limit ? "characters" : "bytes",
		    m.limit > 0 && m.length > (size_t)m.limit ? m.limit :
		    m.byte_limit);
		shortened = measure_shorten(platform, &d->text);
		measure(platform, buf_str(&d->text), d->text.len, &m);
		fits = measure_fits(&m);
	}
	review = review_reasons(d, class);
	reply = json_object();
	json_object_set_new(reply, "text", json_stringn(buf_str(&d->text),
	    d->text.len));
	json_object_set_new(reply, "status", json_string(rc.asks > 0 ?
	    "needs_input" : json_array_size(review) > 0 ? "needs_review" :
	    "draft"));
	json_object_set_new(reply, "template", json_string(tmpl_id(t)));
	json_object_set_new(reply, "lang", json_string(tmpl_lang(t)));
	json_object_set_new(reply, "length", json_integer((json_int_t)
	    m.length));
	json_object_set_new(reply, "limit", m.limit > 0 ?
	    json_integer(m.limit) : json_null());
	json_object_set_new(reply, "fits", json_boolean(fits));
	json_object_set_new(reply, "parts", json_integer(json_array_size(parts) >
	    0 ? (json_int_t)json_array_size(parts) : 1));
	if (json_array_size(parts) > 0)
		json_object_set_new(reply, "thread", parts);
	else
		json_decref(parts);
	if (shortened)
		json_object_set_new(reply, "shortened", json_true());
	if (json_array_size(review) > 0)
		json_object_set_new(reply, "review", review);
	else
		json_decref(review);
	if (rc.asks > 0)
		json_object_set_new(reply, "missing", asked(d->text.s));
	if (d->kb != NULL && hit.id != NULL) {
		json_object_set_new(reply, "kb", kbv = json_object());
		json_object_set_new(kbv, "id", json_string(hit.id));
		json_object_set_new(kbv, "score", json_real(hit.score));
		json_object_set_new(kbv, "used", json_boolean(hit.ok));
	} else if (d->kb != NULL) {
		json_object_set_new(reply, "kb", json_null());
	}
	if (rc.masked > 0)
		json_object_set_new(reply, "masked", json_integer(
		    (json_int_t)rc.masked));
	if (tmpl_auto(t) && rc.asks == 0 && !json_object_get(reply, "review"))
		json_object_set_new(reply, "auto", json_true());
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)hmap_fnv1a(
	    d->text.s, d->text.len));
	json_object_set_new(reply, "digest", json_string(hex));
	return reply;
}

int
draft_post(struct recin *r, json_t *post, void *ctx)
{
	struct drafter *d = ctx;
	const struct tmpl *const *v;
	const char *status, *intent, *lang, *platform, *text;
	json_t *class, *old, *reply;
	size_t nv;

	old = json_object_get(post, "reply");
	/* The brand's own posts are not answered; they are the last text
	 * of their conversation. */
	if (post_from_brand(post)) {
		if ((text = str(post, "text")) != NULL)
			convos_note(d->convos, conversation(post),
			    str(post, "id"), body_digest(text, strlen(text)));
		return 0;
	}
	if (old != NULL && !json_is_object(old)) {
		rec_reject(r, "\"reply\": expected an object, got %s",
		    json_kind_a(old));
		return -1;
	}
	/* What a person decided, or what went out, is never replaced. */
	status = str(old, "status");
	if (final_status(status)) {
		if ((text = str(old, "text")) != NULL &&
		    strcasecmp(status, "rejected") != 0)
			convos_note(d->convos, conversation(post),
			    str(post, "id"), body_digest(text, strlen(text)));
		return 0;
	}
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
	v = tmpls_select(d->ts, intent, lang, platform, d->fallback, &d->why,
	    &nv);
	if (v == NULL) {
		if (old != NULL && edited(old, NULL, 0)) {
			json_object_set_new(old, "edited", json_true());
			return 0;
		}
		json_object_set_new(post, "reply", no_reply(buf_str(&d->why)));
		return 0;
	}
	if ((reply = draft(r, d, post, class, old, v, nv, platform,
	    lang)) != NULL)
		json_object_set_new(post, "reply", reply);
	return 0;
}
