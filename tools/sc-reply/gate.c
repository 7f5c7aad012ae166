/*
 * gate.c - --approve and --reject: a person's decision on named drafts,
 * written into their reply.status; every other record passes untouched.
 *
 * What may change: a draft, a reply that needs review, or an earlier
 * decision.  A reply that still has {{?fields}} cannot be approved, and
 * one that was sent (or whose sending was tried: failed, unknown) is
 * history.  A refusal names the post, leaves it as it was and makes the
 * exit status 1, as does an id that no record has.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "diag.h"
#include "hmap.h"
#include "post.h"
#include "record.h"
#include "reply.h"
#include "sc.h"
#include "sctime.h"
#include "xmem.h"

#define SEEN	4

void
gate_init(struct gate *g)
{
	memset(g, 0, sizeof(*g));
	g->ids = hmap_new();
	time_format((int64_t)time(NULL), g->now);
}

void
gate_add(struct gate *g, const char *id, int decision)
{
	void **slot;
	int existed;

	slot = hmap_put(g->ids, id, strlen(id), &existed);
	if (existed && (intptr_t)*slot != decision)
		die(SC_EXIT_FATAL, "%s: both approved and rejected", id);
	if (!existed) {
		g->order = xreallocarray(g->order, g->n + 1,
		    sizeof(*g->order));
		g->order[g->n++] = id;
	}
	*slot = (void *)(intptr_t)decision;
}

static void
refuse(struct recin *r, struct gate *g, const char *id, const char *what,
    const char *why)
{
	rec_warn(r, "%s: cannot %s: %s", id, what, why);
	g->status = sc_worse(g->status, SC_EXIT_REJECT);
}

int
gate_post(struct recin *r, json_t *post, void *ctx)
{
	struct gate *g = ctx;
	const char *id, *status, *text, *what;
	json_t *reply;
	void **slot;
	int decision;

	id = json_string_value(json_object_get(post, "id"));
	if (id == NULL || (slot = hmap_get(g->ids, id, strlen(id))) == NULL)
		return 0;
	decision = (int)(intptr_t)*slot & ~SEEN;
	*slot = (void *)(intptr_t)(decision | SEEN);
	what = decision == GATE_APPROVE ? "approve" : "reject";
	reply = json_object_get(post, "reply");
	if (!json_is_object(reply)) {
		refuse(r, g, id, what, "it has no reply");
		return 0;
	}
	status = json_string_value(json_object_get(reply, "status"));
	text = json_string_value(json_object_get(reply, "text"));
	if (status == NULL)
		status = "";
	if (strcasecmp(status, "sent") == 0 ||
	    strcasecmp(status, "posted") == 0 ||
	    strcasecmp(status, "failed") == 0 ||
	    strcasecmp(status, "unknown") == 0) {
		refuse(r, g, id, what, status[0] == 's' || status[0] == 'p' ?
		    "it was sent" : strcasecmp(status, "failed") == 0 ?
		    "sending it failed; draft it again" :
		    "it may have been sent (status unknown)");
		return 0;
	}
	if (decision == GATE_APPROVE) {
		if (text == NULL || *text == '\0') {
			refuse(r, g, id, what, "the reply has no text");
			return 0;
		}
		if (strstr(text, "{{") != NULL) {
			refuse(r, g, id, what, "fill in what the text "
			    "leaves open first");
			return 0;
		}
	}
	json_object_set_new(reply, "status", json_string(
	    decision == GATE_APPROVE ? "approved" : "rejected"));
	json_object_set_new(reply, "reviewed_at", json_string(g->now));
	g->changed++;
	return 0;
}

int
gate_finish(struct gate *g)
{
	void **slot;
	size_t i;

	for (i = 0; i < g->n; i++) {
		slot = hmap_get(g->ids, g->order[i], strlen(g->order[i]));
		if (((intptr_t)*slot & SEEN) == 0) {
			warnmsg("%s: no such post", g->order[i]);
			g->status = sc_worse(g->status, SC_EXIT_REJECT);
		}
	}
	free(g->order);
	hmap_free(g->ids);
	return g->status;
}
