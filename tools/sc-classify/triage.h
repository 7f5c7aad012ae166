/*
 * triage.h - the fields of "class" that decide who answers a post: pii,
 * sensitive, influencer, brand, urgency, service_related, complainer and
 * auto_reply_ok (sc-classify(1) defines them).
 *
 * Word cues come from classify/triage.tsv (KIND TAB PHRASE) and
 * classify/regulators.tsv (a name or an @handle a line), plus the
 * configuration's "classify.regulators"; phrases are run through the
 * tokenizer once and looked up per token of the post's already tokenized
 * text, so a post costs a hash look-up per token and one pass over its
 * bytes for PII and handles.  Labels are made once and shared; the lists
 * of the class being refilled are reused, so no allocation is made per
 * post (but for --history, which keeps each author's complaint times
 * within the window in a state file, locked for the whole run).
 *
 * Options: main's option table holds TRIAGE_LONGOPTS; triage_option()
 * handles their codes (returns 0 for others); triage_init() after the
 * options, triage_post() per post, triage_free() at the end (writes the
 * history; returns an exit status).
 */
#ifndef TRIAGE_H
#define TRIAGE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "brand.h"
#include "buf.h"
#include "cli.h"
#include "text.h"

struct class_result;
struct hmap;

enum {
	OPT_BRAND = OPT_TOOL_BASE + 0x40,
	OPT_INFLUENCER,
	OPT_HISTORY,
	OPT_CHRONIC,
	OPT_AUTO_THRESHOLD
};

#define TRIAGE_LONGOPTS \
	{ "brand",	required_argument,	NULL, OPT_BRAND }, \
	{ "influencer",	required_argument,	NULL, OPT_INFLUENCER }, \
	{ "history",	required_argument,	NULL, OPT_HISTORY }, \
	{ "chronic",	required_argument,	NULL, OPT_CHRONIC }, \
	{ "auto-threshold", required_argument,	NULL, OPT_AUTO_THRESHOLD }

#define TRIAGE_OPTIONS_TEXT \
	"      --brand NAME    the brand's name (repeatable)\n" \
	"      --influencer N  followers that make an influencer (10000)\n" \
	"      --history FILE  complaint history, for chronic complainers\n" \
	"      --chronic N:D   N complaints in D days are chronic (3:30)\n" \
	"      --auto-threshold X\n" \
	"                      intent confidence for auto_reply_ok (0.9)\n"

#define TRIAGE_USAGE \
	"sc-classify [--brand name ...] [--influencer n] [--history file]\n" \
	"    [--chronic n:d] [--auto-threshold x] [-uz] [-o file] [file ...]"

struct triage {
	/* Options. */
	const char	**brandarg;
	size_t		 nbrandarg;
	long long	 influencer;
	double		 autothr;
	const char	*history;
	long long	 chronic_n;
	long long	 chronic_days;
	/* Set up by triage_init(). */
	struct hmap	*phrase;	/* normalized phrase -> kinds */
	struct hmap	*first;		/* its first token -> longest */
	/* A bit per (uint32_t)hmap_hash() of a first token, mod FIRSTBITS *
	   64: most tokens are then passed over without a look-up. */
#define FIRSTBITS	128
	uint64_t	 firstbits[FIRSTBITS];
	struct hmap	*reghandle;	/* lower-case handle -> 1 */
	struct brand	 brand;
	struct text	 scratch;
	int		 lockfd;
	json_t		*hist;		/* author -> [complaint times] */
	long long	 histmax;	/* latest time seen */
	json_t		*label[32];
};

/* What triage found of a post, before it is written. */
struct triage_out {
	unsigned	 found;		/* PII_ bits */
	unsigned	 kinds;		/* cue kinds */
	int		 nsens;		/* sensitive reasons */
	int		 influencer;
	int		 brand;		/* label, -1: none */
	int		 urgency;	/* label */
	int		 service;
	int		 complainer;	/* label, -1: none */
	int		 auto_ok;
	double		 conf_pii;
	double		 conf_sens;
};

void	triage_defaults(struct triage *tr);
int	triage_option(struct triage *tr, int ch, const char *arg);
void	triage_init(struct triage *tr, const char *config);
/* Adds the triage fields to cls, the post's class. */
void	triage_post(struct triage *tr, const json_t *post, json_t *cls,
	    const struct class_result *r, const struct text *t,
	    const char *s, size_t n);
/*
 * triage_post() in two halves, for a class written without jansson:
 * triage_eval() finds the fields for the post's intent (its confidence)
 * and sentiment; triage_write_conf() writes the members it adds to
 * "confidence" (",\"pii\":0.8,...") and triage_write() those it adds to
 * the class, in triage_post()'s order.
 */
void	triage_eval(struct triage *tr, const json_t *post, int intent,
	    double iconf, int negative, const struct text *t, const char *s,
	    size_t n, struct triage_out *o);
void	triage_write_conf(const struct triage_out *o, struct buf *b);
void	triage_write(const struct triage *tr, const struct triage_out *o,
	    struct buf *b);
int	triage_free(struct triage *tr);

#endif
