/*
 * model.h - models a team trains on its own labelled posts: multinomial
 * logistic regression over hashed features of the text.
 *
 * Features (model_features()): the text is normalized with utf8proc (NFKC,
 * case folded, marks stripped from Latin, Greek and Cyrillic letters so
 * "Café" and "cafe" meet, kept elsewhere so Hindi vowel signs survive),
 * @handles and URLs become one token each, letters repeated three times or
 * more are squeezed to two.  From that come word unigrams and bigrams and
 * character 1- to 4-grams of the text with its spaces (so Chinese and
 * Japanese need no segmenter), hashed with a sign into 2^20 buckets; the
 * word block and the character block are each L2-normalized and weigh the
 * same.  A stacked model (below) also reads where the post stands in
 * its conversation (MODEL_CONTEXT, model_context()): a feature for an
 * answer to the brand's post, one for an answer to someone else's, none
 * when that is not known, so "still not working" can mean one thing in a
 * reply and another out of the blue.  The model owns this pipeline rather
 * than sharing the built-in classifier's tokenizer: a trained file must
 * give the same features for as long as its feature line stands, and the
 * feature lines of earlier models are still read (features() in model.c).
 *
 * Training (model_train()) is AdaGrad on the softmax loss with an L2
 * penalty on the weights an example touches, over a shuffled order drawn
 * from the seed: the same records and seed give the same bytes.  Labels
 * are weighted by the inverse square root of their frequency, which buys
 * the rare ones recall (macro-F1) at little cost in accuracy.  It is run
 * MODEL_RUNS times (--runs), each in an order of its own, and the model
 * is the mean of the runs' weights: what one order happens to favour
 * (about a point of accuracy from seed to seed on a few hundred records)
 * averages out, and a model still costs one dot product to apply.
 *
 * The file (model_save(), model_load()) is gzip-compressed; inside, a
 * text header ("sc-model 1", the target field, the labels, the hash size
 * and feature set), the weight rows of the buckets in use in float32,
 * and a CRC-32 of all of it.  model_load() refuses a foreign, corrupt, truncated or newer
 * file with a message saying which; it never trusts a size it has not
 * checked.
 *
 * A struct model owns everything it points to; model_free() releases it.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "buf.h"
#include "cli.h"

#define MODEL_FORMAT		1
#define MODEL_HASH_BITS		20
#define MODEL_MAX_LABELS	1000
#define MODEL_RUNS		5	/* --train's runs averaged, by default */
#define MODEL_MAX_RUNS		100
#define MODEL_FEATURES		"words:1-2 chars:1-4 l2:blocks"
/*
 * --features tokens (model_tokens()): the built-in classifier's tokens
 * (text.h) and each token with the one before it (the first with the
 * start of the text), every number one token, L2-normalized, in
 * 2^MODEL_TOKEN_BITS buckets.  Smaller and several times faster than
 * the text's words and characters, and good at what the wording says;
 * blind to the spelling inside words, so weaker on scripts without
 * spaces.  The built-in's corpus model is one (classify.h).
 */
#define MODEL_TOKENS		"tokens:1-2"
#define MODEL_TOKEN_BITS	18
#define MODEL_CONTEXT		"context"
/*
 * A stacked model (the default of --train; --plain turns it off) also
 * reads MODEL_STACK_N numbers the built-in classifier gives for the same
 * post (class_stack() in classify.h: its intent scores, the intent it
 * chose, its sentiment and confidence), each in a bucket of its own: what
 * the hand-written cues know, weighed by what the team's labels say;
 * and the same numbers once more in buckets of the post's context
 * (MODEL_CROSS, model_cross()).
 */
#define MODEL_STACK		"builtin-1"
#define MODEL_STACK_N		16
#define MODEL_CROSS		"builtin-1:context"

struct text;

/* Feature extraction, with buffers reused from text to text. */
struct fslot {
	uint32_t	 key;		/* bucket + 1, 0: empty */
	float		 count;
};

struct featx {
	unsigned	 bits;
	int32_t		*cp;		/* normalized code points */
	size_t		 acp;
	int32_t		*chars;		/* the text the char n-grams read */
	size_t		 achars;
	uint64_t	*words;		/* hashes of the word tokens */
	size_t		 awords;
	/*
	 * A block's counts: an open-addressing table sized to the block
	 * (so it stays in cache), and its used slots in first-seen order.
	 */
	struct fslot	*slot;
	size_t		 nslot;		/* a power of two */
	uint32_t	*touched;
	size_t		 ntouched;
	size_t		 atouched;
	/* The result: n (bucket, value) pairs, unit L2 norm. */
	uint32_t	*idx;
	float		*val;
	size_t		 n;
	size_t		 a;
};

void	featx_init(struct featx *fx, unsigned bits);
void	featx_free(struct featx *fx);
/* The features of s[0..n) into fx->idx, fx->val, fx->n. */
void	model_features(struct featx *fx, const char *s, size_t n);

/*
 * The MODEL_TOKENS features of a tokenized text into fx; its tokens'
 * hashes set, by vocab_annotate() or by model_hash_tokens().
 */
void	model_tokens(struct featx *fx, const struct text *t);
void	model_hash_tokens(struct text *t);

/* A post's in_reply_to_brand (sc-post(5)): true, false, or missing. */
enum {
	MODEL_CTX_NONE,
	MODEL_CTX_BRAND,
	MODEL_CTX_OTHER
};
int	model_context(const json_t *post);
/* Append the feature of context ctx (none for MODEL_CTX_NONE) to fx. */
void	model_context_feature(struct featx *fx, int ctx);
/* Append the built-in classifier's MODEL_STACK_N numbers to fx. */
void	model_stack(struct featx *fx, const float *v);
/*
 * Append them again, each in a bucket of its own for the context ctx
 * (MODEL_CROSS): what the built-in's answer is worth in a reply to the
 * brand is learnt apart from what it is worth out of the blue.
 */
void	model_cross(struct featx *fx, const float *v, int ctx);

/* Training data: documents as sparse vectors, each with a label. */
struct dataset {
	uint32_t	*idx;
	float		*val;
	size_t		 nfeat;
	size_t		 afeat;
	size_t		*start;		/* doc i: [start[i], start[i + 1]) */
	uint32_t	*label;
	size_t		 ndoc;
	size_t		 adoc;
};

void	dataset_add(struct dataset *d, const struct featx *fx,
	    uint32_t label);
void	dataset_free(struct dataset *d);

struct model {
	char		*name;		/* the file's base name, for messages */
	char		*target;
	char	       **labels;
	size_t		 nlabels;
	unsigned	 bits;
	int		 stack;		/* reads model_stack()'s features */
	int		 context;	/* reads model_context_feature()'s */
	int		 cross;		/* reads model_cross()'s */
	int		 tokens;	/* MODEL_TOKENS, not MODEL_FEATURES */
	/* The weights of bucket b: w + (row[b] - 1) * nlabels, if row[b]. */
	uint32_t	*row;
	float		*w;
	size_t		 nrows;
	float		*bias;
	/* Recorded for people reading the header. */
	size_t		 records;
	unsigned	 epochs;
	unsigned long	 seed;
	unsigned	 runs;		/* 0: not recorded (one) */
	/* Scratch for predicting. */
	struct featx	 fx;
	struct text	*text;		/* a MODEL_TOKENS model's tokens */
	double		*prob;
	/* How the model writes into "class" (models_load()). */
	char		*as;
	json_t	       **jlabels;
	int		 pos, neg;	/* label indexes, -1: none */
};

struct train_params {
	unsigned long	 seed;
	unsigned	 epochs;
	double		 rate;		/* AdaGrad's step */
	double		 l2;
	double		 balance;	/* label weights (N / K n)^balance */
	unsigned	 runs;		/* runs averaged, their seeds from seed */
};

/*
 * Fit m (its labels, target and bits already set) to d, whose labels
 * index m->labels; d's feature indexes are renumbered on the way.
 */
void	model_train(struct model *m, struct dataset *d,
	    const struct train_params *p);
/* 0, or -1 with errno set; the file is replaced atomically. */
int	model_save(const struct model *m, const char *path);
/* 0, or -1 with the reason in err ("not an sc-classify model", ...). */
int	model_load(struct model *m, const char *path, char *err,
	    size_t errlen);
void	model_free(struct model *m);
/*
 * The most probable label; m->prob holds every label's probability.
 * ctx: MODEL_CTX_*, read when m->context; stack: the built-in's numbers,
 * read when m->stack.
 */
size_t	model_predict(struct model *m, const char *s, size_t n, int ctx,
	    const float *stack);
/* The same for a MODEL_TOKENS model, of a text already tokenized. */
size_t	model_predict_text(struct model *m, const struct text *t, int ctx);

/*
 * A gold or predicted label as a string: strings as they are, numbers
 * and booleans in JSON form.  NULL for null, arrays and objects.
 */
const char *model_label(const json_t *v, struct buf *scratch);

/*
 * The options of the model modes, handled like cli_common()'s: main puts
 * MODEL_LONGOPTS in its table, MODEL_USAGE and MODEL_OPTIONS in its help,
 * and hands each option to model_option() before cli_common().
 */
enum {
	OPT_MODEL = OPT_TOOL_BASE + 0x80,
	OPT_AS,
	OPT_TRAIN,
	OPT_TARGET,
	OPT_SEED,
	OPT_EPOCHS,
	OPT_EVAL,
	OPT_FIELD,
	OPT_FORMAT,
	OPT_PLAIN,
	OPT_FEATURES,
	OPT_RUNS
};

#define MODEL_LONGOPTS \
	{ "model",	required_argument,	NULL, OPT_MODEL }, \
	{ "as",		required_argument,	NULL, OPT_AS }, \
	{ "train",	required_argument,	NULL, OPT_TRAIN }, \
	{ "target",	required_argument,	NULL, OPT_TARGET }, \
	{ "seed",	required_argument,	NULL, OPT_SEED }, \
	{ "epochs",	required_argument,	NULL, OPT_EPOCHS }, \
	{ "eval",	required_argument,	NULL, OPT_EVAL }, \
	{ "field",	required_argument,	NULL, OPT_FIELD }, \
	{ "format",	required_argument,	NULL, OPT_FORMAT }, \
	{ "plain",	no_argument,		NULL, OPT_PLAIN }, \
	{ "features",	required_argument,	NULL, OPT_FEATURES }, \
	{ "runs",	required_argument,	NULL, OPT_RUNS }

#define MODEL_USAGE \
	"sc-classify --model file [--as name] ... [-uz] [-o file] " \
	"[file ...]\n" \
	"sc-classify --train file --target path [--plain] " \
	"[--features text|tokens]\n" \
	"    [--seed n] [--epochs n] [--runs n] [file ...]\n" \
	"sc-classify --eval gold --field name [--format text|ndjson] " \
	"[file ...]"

#define MODEL_OPTIONS \
	"      --model FILE    also apply a model made by --train " \
	"(repeatable)\n" \
	"      --as NAME       the class field the --model before it " \
	"writes\n" \
	"                      (default: the last part of its target)\n" \
	"      --train FILE    learn a model from labelled records into " \
	"FILE\n" \
	"      --target PATH   the dotted path of the label to learn\n" \
	"      --plain         --train on the text alone, without the " \
	"built-in's\n" \
	"                      scores (stacking) and the context\n" \
	"      --features SET  --train on the text's words and characters " \
	"(text,\n" \
	"                      the default) or on the built-in's tokens " \
	"(tokens)\n" \
	"      --seed N        --train's shuffling seed (default 1)\n" \
	"      --epochs N      --train's passes over the records " \
	"(default 5)\n" \
	"      --runs N        --train's runs, in orders of their own, " \
	"averaged\n" \
	"                      into the model (default 5)\n" \
	"      --eval GOLD     score class.NAME against the label at " \
	"GOLD\n" \
	"      --field NAME    the class field --eval scores\n" \
	"      --format FMT    --eval's report: text (default) or ndjson\n"

enum {
	MODE_CLASSIFY,
	MODE_TRAIN,
	MODE_EVAL
};

struct train_opts {
	const char	*path;		/* --train MODEL */
	const char	*target;	/* --target FIELD */
	unsigned long	 seed;		/* --seed N */
	unsigned	 epochs;	/* --epochs N */
	unsigned	 runs;		/* --runs N */
	int		 plain;		/* --plain: no stacking */
	int		 tokens;	/* --features tokens */
};

struct eval_opts {
	const char	*gold;		/* --eval GOLD */
	const char	*field;		/* --field NAME: class.NAME */
	int		 ndjson;	/* --format ndjson */
};

struct model_opts {
	struct train_opts  train;
	struct eval_opts   eval;
	const char	 **path;	/* --model FILE ... */
	const char	 **as;		/* its --as NAME, or NULL */
	size_t		   n;
	unsigned	   given;	/* the options seen, a bit each */
};

void	model_opts_init(struct model_opts *o);
void	model_opts_free(struct model_opts *o);
/* Handles ch if it is one of MODEL_LONGOPTS; returns 0 otherwise. */
int	model_option(struct model_opts *o, int ch, const char *arg);
/* After the options: MODE_*; options that do not go together exit 2. */
int	model_mode(const struct model_opts *o);

/* The --train and --eval modes: main's exit status. */
int	train_run(const struct sc_common *c, const struct train_opts *o,
	    char *const *files, int nfiles);
int	eval_run(const struct sc_common *c, const struct eval_opts *o,
	    char *const *files, int nfiles);

/*
 * The --model files, loaded once (a bad one is fatal: exit 2), or NULL
 * when there are none.  builtin names the built-in classifier in
 * class.model.
 */
struct models;
struct models	*models_load(const struct model_opts *o, const char *builtin);
/*
 * Predict s[0..n) with each model in turn and write class.AS and
 * class.confidence.AS (the probability of the label chosen), for a
 * "sentiment" model with labels "positive" and "negative" also
 * class.sentiment_score (P(positive) - P(negative)), and class.model:
 * "builtin-1+AS:FILE...".
 */
void		 models_apply(struct models *ms, const char *s, size_t n,
		    int ctx, const float *stack, json_t *class);
void		 models_free(struct models *ms);

#endif
