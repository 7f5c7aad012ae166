/*
 * classify.c - the stages put together; see classify.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "classify.h"
#include "diag.h"
#include "model.h"
#include "sc.h"
#include "xmem.h"

/*
 * Texts in Latin letters with no language cue are scored as English, and
 * with the words of any other lexicon; so are those whose language has
 * no lexicon when it is only a guess ("keyboard lag", "baaaad": "lag"
 * and "baad" are words of romanized Hindi too).
 */
#define FALLBACK_LANG	"en"
#define FALLBACK_DAMP	0.7	/* on the confidence of such scores */
#define FALLBACK_GUESS	0.6	/* language confidence below this: a guess */

/* The corpus model (classify.h); a missing or foreign one is exit 2. */
static void
load_learned(struct classifier *c)
{
	struct model *m;
	char err[256], *path;
	size_t k;
	int in;

	path = vocab_path(LEARNED_FILE);
	m = xcalloc(1, sizeof(*m));
	if (model_load(m, path, err, sizeof(err)) == -1)
		die(SC_EXIT_FATAL, "%s: %s", path, err);
	if (m->stack)
		die(SC_EXIT_FATAL, "%s: a stacked model: the corpus model is "
		    "trained with --plain", path);
	if (!m->tokens || m->nlabels != INTENT_COUNT)
		die(SC_EXIT_FATAL, "%s: not a model of the seven intents on "
		    "the built-in's tokens", path);
	for (k = 0; k < m->nlabels; k++) {
		if ((in = intent_find(m->labels[k], strlen(m->labels[k]))) < 0)
			die(SC_EXIT_FATAL, "%s: \"%s\" is not an intent", path,
			    m->labels[k]);
		c->learned_in[k] = in;
	}
	free(path);
	c->learned = m;
	c->learned_lang = lang_find(LEARNED_LANG, strlen(LEARNED_LANG));
}

void
classifier_init(struct classifier *c)
{
	char name[64];
	int l;

	vocab_init(&c->v);
	text_init(&c->t);
	vocab_load_langid(&c->v, "langid.tsv");
	vocab_load_lexicon(&c->v, "emoji.tsv", LANG_ANY);
	vocab_load_intents(&c->v, "intent-all.tsv", LANG_ANY);
	for (l = 1; l < lang_count; l++) {
		if (!(lang_table[l].flags & LANG_DATA))
			continue;
		snprintf(name, sizeof(name), "lexicon-%s.tsv",
		    lang_table[l].code);
		vocab_load_lexicon(&c->v, name, l);
		snprintf(name, sizeof(name), "intent-%s.tsv",
		    lang_table[l].code);
		vocab_load_intents(&c->v, name, l);
	}
	vocab_freeze(&c->v);
	load_learned(c);
	c->fallback = lang_find(FALLBACK_LANG, strlen(FALLBACK_LANG));
	for (l = 0; l < INTENT_COUNT; l++)
		c->intent[l] = json_string_nocheck(intent_name(l));
	for (l = 0; l < 3; l++)
		c->sentiment[l] = json_string_nocheck(sentiment_name(l - 1));
	for (l = 0; l < lang_count; l++)
		c->lang[l] = json_string_nocheck(lang_code(l));
	c->model = json_string_nocheck(CLASS_MODEL);
	c->out = NULL;
}

void
classifier_free(struct classifier *c)
{
	int l;

	for (l = 0; l < INTENT_COUNT; l++)
		json_decref(c->intent[l]);
	for (l = 0; l < 3; l++)
		json_decref(c->sentiment[l]);
	for (l = 0; l < lang_count; l++)
		json_decref(c->lang[l]);
	json_decref(c->model);
	json_decref(c->out);
	if (c->learned != NULL) {
		model_free(c->learned);
		free(c->learned);
	}
	vocab_free(&c->v);
	text_free(&c->t);
}

void
classify(struct classifier *c, const char *s, size_t n, int ctx,
    struct class_result *r)
{
	double p[INTENT_COUNT];
	int lang, lang2, data, fallback = 0, mctx;
	size_t k;

	text_tokenize(&c->t, s, n);
	vocab_annotate(&c->v, &c->t);
	lang_detect(&c->v, &c->t, &r->lang);
	lang = r->lang.lang;
	data = (lang_table[lang].flags & LANG_DATA) != 0;
	if ((lang == LANG_UND || (!data && r->lang.conf < FALLBACK_GUESS)) &&
	    c->t.letters[SCRIPT_LATIN] > 0) {
		lang = c->fallback;
		data = fallback = 1;
	} else if (!data) {
		lang = LANG_UND;	/* language-neutral data only */
	}
	if (fallback)
		lang2 = VOCAB_ANY;
	else
		lang2 = data ? VOCAB_MIXED : -1;
	sentiment_score(&c->v, &c->t, lang, lang2, data, &r->sent);
	intent_guess(&c->v, &c->t, lang, &r->sent, ctx, &r->intent);
	/*
	 * The corpus model reads the posts read as English (Latin letters
	 * with no language cue among them, as the cues read them): it
	 * settles their close calls and tempers their confidence.
	 */
	if (lang == c->learned_lang) {
		mctx = (ctx & CTX_REPLY_TO_BRAND) ? MODEL_CTX_BRAND :
		    (ctx & CTX_REPLY_TO_OTHER) ? MODEL_CTX_OTHER :
		    MODEL_CTX_NONE;
		(void)model_predict_text(c->learned, &c->t, mctx);
		for (k = 0; k < c->learned->nlabels; k++)
			p[c->learned_in[k]] = c->learned->prob[k];
		intent_settle(&r->intent, p, r->sent.score);
	}
	if (fallback) {
		r->sent.conf *= FALLBACK_DAMP;
		r->intent.conf *= FALLBACK_DAMP;
	}
}

/* Three decimals, and never "-0.0". */
double
class_round(double x)
{
	x = round(x * 1000) / 1000;
	return x == 0 ? 0 : x;
}

/* irony: with "irony": true after "sentiment_score" (only then). */
static json_t *
make_class(const struct classifier *c, int irony)
{
	json_t *o, *conf;

	conf = json_object();
	json_object_set_new_nocheck(conf, "intent", json_real(0));
	json_object_set_new_nocheck(conf, "sentiment", json_real(0));
	json_object_set_new_nocheck(conf, "lang", json_real(0));
	o = json_object();
	json_object_set_nocheck(o, "intent", c->intent[INTENT_OTHER]);
	json_object_set_nocheck(o, "sentiment", c->sentiment[1]);
	json_object_set_new_nocheck(o, "sentiment_score", json_real(0));
	if (irony)
		json_object_set_new_nocheck(o, "irony", json_true());
	json_object_set_nocheck(o, "lang", c->lang[LANG_UND]);
	json_object_set_new_nocheck(o, "confidence", conf);
	json_object_set_nocheck(o, "model", c->model);
	return o;
}

json_t *
class_json(struct classifier *c, const struct class_result *r)
{
	json_t *o, *conf;

	/* A new object when "irony" comes or goes, to keep keys in order. */
	if (c->out == NULL || c->out->refcount > 1 ||
	    (json_object_get(c->out, "irony") != NULL) != (r->sent.irony != 0)) {
		json_decref(c->out);
		c->out = make_class(c, r->sent.irony != 0);
	}
	o = c->out;
	conf = json_object_get(o, "confidence");
	json_real_set(json_object_get(conf, "intent"), class_round(r->intent.conf));
	json_real_set(json_object_get(conf, "sentiment"), class_round(r->sent.conf));
	json_real_set(json_object_get(conf, "lang"), class_round(r->lang.conf));
	json_object_set_nocheck(o, "intent", c->intent[r->intent.intent]);
	json_object_set_nocheck(o, "sentiment",
	    c->sentiment[r->sent.label + 1]);
	json_real_set(json_object_get(o, "sentiment_score"),
	    class_round(r->sent.score));
	json_object_set_nocheck(o, "lang", c->lang[r->lang.lang]);
	return json_incref(o);
}

json_t *
class_scores(const struct classifier *c, const double *score)
{
	json_t *o;
	int i;

	o = json_object();
	for (i = 0; i < INTENT_COUNT; i++)
		json_object_set_new_nocheck(o, json_string_value(c->intent[i]),
		    json_real(class_round(score[i])));
	return o;
}

int
class_context(const json_t *post)
{
	const json_t *v = json_object_get(post, "in_reply_to_brand");

	return json_is_true(v) ? CTX_REPLY_TO_BRAND :
	    json_is_false(v) ? CTX_REPLY_TO_OTHER : 0;
}

void
class_stack(const struct class_result *r, float *v)
{
	int i;

	_Static_assert(2 * INTENT_COUNT + 2 <= MODEL_STACK_N,
	    "MODEL_STACK_N too small");
	memset(v, 0, MODEL_STACK_N * sizeof(*v));
	for (i = 0; i < INTENT_COUNT; i++)
		v[i] = (float)(r->intent.score[i] / 4);
	v[INTENT_COUNT + r->intent.intent] = 1;
	v[2 * INTENT_COUNT] = (float)r->sent.score;
	v[2 * INTENT_COUNT + 1] = (float)r->intent.conf;
}
