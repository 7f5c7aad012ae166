/*
 * triage.c - who should answer a post; see triage.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "classify.h"
#include "config.h"
#include "diag.h"
#include "hmap.h"
#include "jsonw.h"
#include "paths.h"
#include "pii.h"
#include "post.h"
#include "sc.h"
#include "state.h"
#include "triage.h"
#include "xmem.h"

/* Cue kinds of triage.tsv and regulators.tsv. */
enum {
	K_REGULATOR = 1 << 0,
	K_LEGAL = 1 << 1,
	K_SAFETY = 1 << 2,
	K_THREAT = 1 << 3,
	K_OUTAGE = 1 << 4,
	K_NOW = 1 << 5,		/* travel today, at the gate */
	K_REPEAT = 1 << 6,	/* third time, still no answer */
	K_ASK = 1 << 7,		/* please, refund, help */
	K_BOOKING = 1 << 8	/* words before a booking reference */
};

static const char *const kindnames[] = {
	"regulator", "legal", "safety", "threat", "outage", "now", "repeat",
	"ask", "booking", NULL
};

/* The labels, made once: sensitive reasons, then the others. */
enum {
	L_REGULATOR, L_LEGAL, L_SAFETY, L_PII, L_THREAT,
	L_PIIKIND,			/* PII_NKINDS of them */
	L_BRAND = L_PIIKIND + PII_NKINDS,	/* BRAND_HANDLE of them */
	L_LOW = L_BRAND + BRAND_HANDLE,
	L_NORMAL, L_HIGH, L_CRITICAL,
	L_INSTRUMENTAL, L_VENTER, L_CHRONIC,
	L_COUNT
};

static const char *const labelnames[] = {
	"regulator", "legal", "safety", "pii", "threat",
	"card", "iban", "email", "phone", "booking_ref",
	"misspelled", "name", "hashtag", "handle",
	"low", "normal", "high", "critical",
	"instrumental", "venter", "chronic"
};

#define BOOKING_BEFORE	6	/* tokens between cue and reference */
#define BOOKING_AFTER	3
#define HANDLE_MAX	64
#define DAY		86400

void
triage_defaults(struct triage *tr)
{
	memset(tr, 0, sizeof(*tr));
	tr->influencer = 10000;
	tr->autothr = 0.9;
	tr->chronic_n = 3;
	tr->chronic_days = 30;
	tr->lockfd = -1;
}

int
triage_option(struct triage *tr, int ch, const char *arg)
{
	const char *colon;
	char *n;

	switch (ch) {
	case OPT_BRAND:
		tr->brandarg = xrealloc(tr->brandarg, (tr->nbrandarg + 1) *
		    sizeof(*tr->brandarg));
		tr->brandarg[tr->nbrandarg++] = arg;
		return 1;
	case OPT_INFLUENCER:
		tr->influencer = cli_number("--influencer", arg, 1,
		    1000000000000LL);
		return 1;
	case OPT_HISTORY:
		tr->history = arg;
		return 1;
	case OPT_CHRONIC:
		if ((colon = strchr(arg, ':')) == NULL)
			die(SC_EXIT_FATAL, "--chronic: expected N:D, got \"%s\"",
			    arg);
		n = xstrdup(arg);
		n[colon - arg] = '\0';
		tr->chronic_n = cli_number("--chronic", n, 1, 1000);
		free(n);
		tr->chronic_days = cli_number("--chronic", colon + 1, 1,
		    3650);
		return 1;
	case OPT_AUTO_THRESHOLD:
		tr->autothr = cli_real("--auto-threshold", arg, 0, 1);
		return 1;
	}
	return 0;
}

/* Add phrase s with kinds to the maps. */
static void
add_phrase(struct triage *tr, const char *s, unsigned kinds)
{
	struct text *t = &tr->scratch;
	void **slot;
	size_t len, flen;
	uint32_t h;

	text_tokenize(t, s, strlen(s));
	if (t->ntok == 0)
		return;
	len = t->tok[t->ntok - 1].off + t->tok[t->ntok - 1].len -
	    t->tok[0].off;
	slot = hmap_put(tr->phrase, text_tok(t, 0), len, NULL);
	*slot = (void *)((uintptr_t)*slot | kinds);
	flen = t->tok[0].len;
	h = (uint32_t)hmap_hash(text_tok(t, 0), flen);
	tr->firstbits[h / 64 % FIRSTBITS] |= (uint64_t)1 << h % 64;
	slot = hmap_put(tr->first, text_tok(t, 0), flen, NULL);
	if ((uintptr_t)*slot < t->ntok)
		*slot = (void *)(uintptr_t)t->ntok;
}

static void
add_regulator(struct triage *tr, const char *s)
{
	char h[HANDLE_MAX];
	size_t i;

	if (*s != '@') {
		add_phrase(tr, s, K_REGULATOR);
		return;
	}
	for (i = 0; s[i + 1] != '\0' && i < sizeof(h) - 1; i++)
		h[i] = (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ?
		    (char)(s[i + 1] + 'a' - 'A') : s[i + 1];
	if (i > 0)
		*hmap_put(tr->reghandle, h, i, NULL) = (void *)1;
}

/* Lines of classify/NAME, TAB-separated: fn(fields) for each. */
static void
load(struct triage *tr, const char *name, int tsv)
{
	char *path, *line = NULL, *tab;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	FILE *fp;
	int k;

	path = vocab_path(name);
	if ((fp = fopen(path, "r")) == NULL)
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (!tsv) {
			add_regulator(tr, line);
			continue;
		}
		if ((tab = strchr(line, '\t')) == NULL || tab[1] == '\0') {
			warnat(path, lineno, "expected KIND<TAB>PHRASE");
			exit(SC_EXIT_FATAL);
		}
		*tab = '\0';
		for (k = 0; kindnames[k] != NULL; k++)
			if (strcmp(kindnames[k], line) == 0)
				break;
		if (kindnames[k] == NULL) {
			warnat(path, lineno, "unknown kind \"%s\"", line);
			exit(SC_EXIT_FATAL);
		}
		add_phrase(tr, tab + 1, 1u << k);
	}
	if (ferror(fp))
		die(SC_EXIT_FATAL, "%s: %s", path, strerror(errno));
	fclose(fp);
	free(line);
	free(path);
}

/* A string or an array of strings at path in cfg: fn for each. */
static void
config_each(struct triage *tr, const json_t *cfg, const char *path,
    void (*fn)(struct triage *, const char *))
{
	const json_t *v = json_path(cfg, path), *e;
	size_t i;

	if (json_is_string(v))
		fn(tr, json_string_value(v));
	json_array_foreach(v, i, e)
		if (json_is_string(e))
			fn(tr, json_string_value(e));
}

static void
add_brand(struct triage *tr, const char *s)
{
	brand_add_name(&tr->brand, &tr->scratch, s);
}

static void
add_account(struct triage *tr, const char *s)
{
	brand_add_handle(&tr->brand, s);
}

static void
load_history(struct triage *tr)
{
	int missing;

	if ((tr->lockfd = state_lock(tr->history)) == -2)
		die(SC_EXIT_TEMPFAIL, "%s: locked by another run",
		    tr->history);
	if (tr->lockfd == -1)
		die(SC_EXIT_FATAL, "%s.lock: %s", tr->history,
		    strerror(errno));
	tr->hist = state_read_json(tr->history, &missing);
	if (tr->hist == NULL) {
		if (!missing)
			exit(SC_EXIT_FATAL);
		tr->hist = json_object();
	} else if (!json_is_object(tr->hist)) {
		die(SC_EXIT_FATAL, "%s: expected an object, got %s",
		    tr->history, json_kind_a(tr->hist));
	}
}

void
triage_init(struct triage *tr, const char *config)
{
	json_t *cfg;
	const json_t *acc;
	const char *plat;
	const char **h;
	json_t *v;
	size_t i, nh;
	int l;

	tr->phrase = hmap_new();
	tr->first = hmap_new();
	tr->reghandle = hmap_new();
	text_init(&tr->scratch);
	brand_init(&tr->brand);
	load(tr, "triage.tsv", 1);
	load(tr, "regulators.tsv", 0);
	cfg = config_load(config);
	config_each(tr, cfg, "classify.regulators", add_regulator);
	for (i = 0; i < tr->nbrandarg; i++)
		add_brand(tr, tr->brandarg[i]);
	config_each(tr, cfg, "brand.names", add_brand);
	acc = json_path(cfg, "brand.accounts");
	json_object_foreach((json_t *)acc, plat, v) {
		h = config_brand_accounts(cfg, plat, &nh);
		for (i = 0; i < nh; i++)
			add_account(tr, h[i]);
		free(h);
	}
	json_decref(cfg);
	for (l = 0; l < L_COUNT; l++)
		tr->label[l] = json_string_nocheck(labelnames[l]);
	if (tr->history != NULL)
		load_history(tr);
}

static int
handle_ch(char c)
{
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* The handles of s: regulators' set *kinds, the brand's return 1. */
static int
scan_handles(const struct triage *tr, const char *s, size_t n,
    unsigned *kinds)
{
	char h[HANDLE_MAX];
	size_t i, j, k;
	int brand = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '@' || (i > 0 && handle_ch(s[i - 1])))
			continue;
		for (j = i + 1, k = 0; j < n && k < sizeof(h) &&
		    handle_ch(s[j]); j++)
			h[k++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ?
			    s[j] + 'a' - 'A' : s[j]);
		if (k == 0)
			continue;
		if (hmap_get(tr->reghandle, h, k) != NULL)
			*kinds |= K_REGULATOR;
		if (tr->brand.nname + tr->brand.nhandle > 0 &&
		    brand_is_handle(&tr->brand, h, k))
			brand = 1;
		i = j - 1;
	}
	return brand;
}

/* A booking reference: six letters and digits, both, in capitals. */
static int
booking_like(const struct text *t, size_t i)
{
	const char *p = text_tok(t, i);
	size_t k, letters = 0, digits = 0;

	if (t->tok[i].len != 6 || t->tok[i].type != TOK_WORD)
		return 0;
	for (k = 0; k < 6; k++) {
		if (p[k] >= '0' && p[k] <= '9')
			digits++;
		else if (p[k] >= 'a' && p[k] <= 'z')
			letters++;
		else
			return 0;
	}
	return digits > 0 && letters > 0 &&
	    ((t->tok[i].flags & TF_CAPS) || letters == 1);
}

/* The cue kinds of the tokens; *booking set when a reference is near. */
static unsigned
scan_cues(const struct triage *tr, const struct text *t, int *booking)
{
	void **slot;
	size_t i, n, maxn, len;
	size_t lastcue = (size_t)-1, lastref = (size_t)-1;
	unsigned kinds = 0, k;
	uint32_t h;

	*booking = 0;
	for (i = 0; i < t->ntok; i++) {
		if (t->tok[i].type == TOK_PUNCT || t->tok[i].type == TOK_URL)
			continue;
		if (booking_like(t, i)) {
			if (lastcue != (size_t)-1 &&
			    i - lastcue <= BOOKING_BEFORE)
				*booking = 1;
			lastref = i;
		}
		h = t->tok[i].hash;
		if (!(tr->firstbits[h / 64 % FIRSTBITS] >> h % 64 & 1) ||
		    (slot = hmap_get(tr->first, text_tok(t, i),
		    t->tok[i].len)) == NULL)
			continue;
		maxn = (uintptr_t)*slot;
		for (n = 1; n <= maxn && i + n <= t->ntok; n++) {
			len = t->tok[i + n - 1].off + t->tok[i + n - 1].len -
			    t->tok[i].off;
			slot = hmap_get(tr->phrase, text_tok(t, i), len);
			if (slot == NULL)
				continue;
			k = (unsigned)(uintptr_t)*slot;
			kinds |= k;
			if (k & K_BOOKING) {
				lastcue = i + n - 1;
				if (lastref != (size_t)-1 &&
				    i - lastref <= BOOKING_AFTER)
					*booking = 1;
			}
		}
	}
	return kinds;
}

/* Reuse the list at key in cls when it is ours alone, else a new one. */
static json_t *
list(json_t *cls, const char *key)
{
	json_t *a = json_object_get(cls, key);

	if (a != NULL && json_is_array(a) && a->refcount == 1) {
		json_array_clear(a);
		return a;
	}
	a = json_array();
	json_object_set_new_nocheck(cls, key, a);
	return a;
}

static void
set_real(json_t *o, const char *key, double x)
{
	json_t *v = json_object_get(o, key);

	if (json_is_real(v) && v->refcount == 1)
		json_real_set(v, x);
	else
		json_object_set_new_nocheck(o, key, json_real(x));
}

static int
is_influencer(const struct triage *tr, const json_t *post)
{
	const json_t *a = json_object_get(post, "author"), *f;

	if (json_is_true(json_object_get(a, "verified")))
		return 1;
	f = json_object_get(a, "followers");
	return json_is_number(f) && json_number_value(f) >=
	    (double)tr->influencer;
}

/* Record a complaint by the post's author; is the author chronic? */
static int
chronic(struct triage *tr, const json_t *post)
{
	const char *plat, *who;
	char key[512];
	json_t *times, *v;
	int64_t now;
	long long from;
	size_t i, count = 0;

	if ((who = json_path_str(post, "author.id")) == NULL &&
	    (who = json_path_str(post, "author.handle")) == NULL)
		return 0;
	if ((plat = json_path_str(post, "platform")) == NULL)
		plat = "";
	snprintf(key, sizeof(key), "%s:%s", plat, who);
	if (post_created_at(post, &now) == -1)
		now = (int64_t)time(NULL);
	if (now > tr->histmax)
		tr->histmax = now;
	from = (long long)now - tr->chronic_days * DAY;
	if ((times = json_object_get(tr->hist, key)) == NULL ||
	    !json_is_array(times)) {
		times = json_array();
		json_object_set_new(tr->hist, key, times);
	}
	for (i = 0; i < json_array_size(times);) {
		v = json_array_get(times, i);
		if (!json_is_integer(v) || json_integer_value(v) < from) {
			json_array_remove(times, i);
			continue;
		}
		count++;
		i++;
	}
	json_array_append_new(times, json_integer(now));
	return count + 1 >= (size_t)tr->chronic_n;
}

void
triage_eval(struct triage *tr, const json_t *post, int intent, double iconf,
    int negative, const struct text *t, const char *s, size_t n,
    struct triage_out *o)
{
	unsigned kinds;
	int booking, brand = BRAND_NONE, i, ask;

	kinds = scan_cues(tr, t, &booking);
	o->found = pii_scan(s, n) | (booking ? PII_BOOKING : 0);
	if (scan_handles(tr, s, n, &kinds))
		brand = BRAND_HANDLE;
	else if (tr->brand.nname > 0)
		brand = brand_match(&tr->brand, t);
	o->influencer = is_influencer(tr, post);
	o->kinds = kinds;
	o->nsens = ((kinds & K_REGULATOR) != 0) + ((kinds & K_LEGAL) != 0) +
	    ((kinds & K_SAFETY) != 0) + (o->found != 0) +
	    ((kinds & K_THREAT) != 0);
	o->brand = brand == BRAND_NONE ? -1 : L_BRAND + brand - 1;

	if (kinds & (K_SAFETY | K_THREAT | K_OUTAGE | K_LEGAL))
		o->urgency = L_CRITICAL;
	else if ((kinds & (K_REPEAT | K_REGULATOR)) ||
	    ((kinds & K_NOW) && intent != INTENT_PRAISE &&
	    intent != INTENT_SPAM) ||
	    (intent == INTENT_COMPLAINT && negative))
		o->urgency = L_HIGH;
	else if (intent == INTENT_PRAISE || intent == INTENT_SPAM ||
	    intent == INTENT_OTHER)
		o->urgency = L_LOW;
	else
		o->urgency = L_NORMAL;

	o->service = intent != INTENT_SPAM && (intent != INTENT_OTHER ||
	    brand != BRAND_NONE);

	if (intent != INTENT_COMPLAINT) {
		o->complainer = -1;
	} else {
		ask = (kinds & K_ASK) || t->nquest > 0;
		if (tr->hist != NULL && chronic(tr, post))
			i = L_CHRONIC;
		else
			i = ask ? L_INSTRUMENTAL : L_VENTER;
		o->complainer = i;
	}

	o->auto_ok = (intent == INTENT_QUESTION || intent == INTENT_PRAISE) &&
	    iconf >= tr->autothr && o->nsens == 0 && !o->influencer;

	o->conf_pii = o->found & PII_CHECKED ? 1 : o->found ? 0.9 : 0.8;
	o->conf_sens = kinds & (K_REGULATOR | K_LEGAL | K_SAFETY | K_THREAT) ||
	    (o->found & PII_CHECKED) ? 1 : o->found ? 0.9 : 0.8;
}

/* The sensitive reasons of o, in order, to fn. */
#define SENS_EACH(o, l) \
	for ((l) = 0; (l) <= L_THREAT; (l)++) \
		if (((l) == L_REGULATOR && ((o)->kinds & K_REGULATOR)) || \
		    ((l) == L_LEGAL && ((o)->kinds & K_LEGAL)) || \
		    ((l) == L_SAFETY && ((o)->kinds & K_SAFETY)) || \
		    ((l) == L_PII && (o)->found) || \
		    ((l) == L_THREAT && ((o)->kinds & K_THREAT)))

void
triage_post(struct triage *tr, const json_t *post, json_t *cls,
    const struct class_result *r, const struct text *t, const char *s,
    size_t n)
{
	struct triage_out o;
	json_t *pii, *sens, *conf, *v;
	int i, l, intent = r->intent.intent, negative = r->sent.label < 0;
	double iconf = r->intent.conf;

	/* A --model may have replaced the built-in intent or sentiment. */
	conf = json_object_get(cls, "confidence");
	if ((v = json_object_get(cls, "intent")) != NULL &&
	    json_is_string(v) && (i = intent_find(json_string_value(v),
	    json_string_length(v))) != intent) {
		intent = i == -1 ? INTENT_OTHER : i;
		v = json_object_get(conf, "intent");
		iconf = json_is_number(v) ? json_number_value(v) : 0;
	}
	if ((v = json_object_get(cls, "sentiment")) != NULL &&
	    json_is_string(v))
		negative = strcmp(json_string_value(v), "negative") == 0;

	triage_eval(tr, post, intent, iconf, negative, t, s, n, &o);

	pii = list(cls, "pii");
	for (i = 0; i < PII_NKINDS; i++)
		if (o.found & (1u << i))
			json_array_append(pii, tr->label[L_PIIKIND + i]);
	sens = list(cls, "sensitive");
	SENS_EACH(&o, l)
		json_array_append(sens, tr->label[l]);
	json_object_set_nocheck(cls, "influencer", json_boolean(o.influencer));
	json_object_set_nocheck(cls, "brand", o.brand < 0 ? json_null() :
	    tr->label[o.brand]);
	json_object_set_nocheck(cls, "urgency", tr->label[o.urgency]);
	json_object_set_nocheck(cls, "service_related",
	    json_boolean(o.service));
	json_object_set_nocheck(cls, "complainer", o.complainer < 0 ?
	    json_null() : tr->label[o.complainer]);
	json_object_set_nocheck(cls, "auto_reply_ok", json_boolean(o.auto_ok));
	if (conf != NULL) {
		set_real(conf, "pii", o.conf_pii);
		set_real(conf, "sensitive", o.conf_sens);
	}
}

static void
label(struct buf *b, const struct triage *tr, int l)
{
	const json_t *j = tr->label[l];

	jsonw_string(b, json_string_value(j), json_string_length(j));
}

void
triage_write_conf(const struct triage_out *o, struct buf *b)
{
	buf_adds(b, ",\"pii\":");
	jsonw_real(b, o->conf_pii);
	buf_adds(b, ",\"sensitive\":");
	jsonw_real(b, o->conf_sens);
}

void
triage_write(const struct triage *tr, const struct triage_out *o,
    struct buf *b)
{
	int i, l, first = 1;

	buf_adds(b, ",\"pii\":[");
	for (i = 0; i < PII_NKINDS; i++)
		if (o->found & (1u << i)) {
			if (!first)
				buf_addc(b, ',');
			first = 0;
			label(b, tr, L_PIIKIND + i);
		}
	buf_adds(b, "],\"sensitive\":[");
	first = 1;
	SENS_EACH(o, l) {
		if (!first)
			buf_addc(b, ',');
		first = 0;
		label(b, tr, l);
	}
	buf_adds(b, "],\"influencer\":");
	buf_adds(b, o->influencer ? "true" : "false");
	buf_adds(b, ",\"brand\":");
	if (o->brand < 0)
		buf_adds(b, "null");
	else
		label(b, tr, o->brand);
	buf_adds(b, ",\"urgency\":");
	label(b, tr, o->urgency);
	buf_adds(b, ",\"service_related\":");
	buf_adds(b, o->service ? "true" : "false");
	buf_adds(b, ",\"complainer\":");
	if (o->complainer < 0)
		buf_adds(b, "null");
	else
		label(b, tr, o->complainer);
	buf_adds(b, ",\"auto_reply_ok\":");
	buf_adds(b, o->auto_ok ? "true" : "false");
}

/* Drop the authors with no complaint left in the window. */
static void
prune(struct triage *tr)
{
	const char *key;
	json_t *times, *v;
	void *tmp;
	long long from = tr->histmax - tr->chronic_days * DAY;
	size_t i;
	int keep;

	json_object_foreach_safe(tr->hist, tmp, key, times) {
		keep = 0;
		json_array_foreach(times, i, v)
			if (json_is_integer(v) && json_integer_value(v) >= from)
				keep = 1;
		if (!keep)
			json_object_del(tr->hist, key);
	}
}

int
triage_free(struct triage *tr)
{
	int status = SC_EXIT_OK, l;

	free(tr->brandarg);
	if (tr->phrase == NULL)
		return status;	/* options only: not set up */
	if (tr->hist != NULL) {
		prune(tr);
		if (state_write_json(tr->history, tr->hist) == -1) {
			warnmsg("%s: %s", tr->history, strerror(errno));
			status = SC_EXIT_FATAL;
		}
		json_decref(tr->hist);
	}
	if (tr->lockfd >= 0)
		close(tr->lockfd);
	for (l = 0; l < L_COUNT; l++)
		json_decref(tr->label[l]);
	hmap_free(tr->phrase);
	hmap_free(tr->first);
	hmap_free(tr->reghandle);
	brand_free(&tr->brand);
	text_free(&tr->scratch);
	return status;
}
