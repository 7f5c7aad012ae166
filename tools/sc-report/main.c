/*
 * sc-report - customer-care measures over sc-post(5) records: how many
 * inbound posts the brand answered, how fast, and within its SLAs.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "hmap.h"
#include "jload.h"
#include "jsonw.h"
#include "output.h"
#include "post.h"
#include "record.h"
#include "samefile.h"
#include "report.h"
#include "sc.h"
#include "sctime.h"
#include "teams.h"
#include "utf8.h"
#include "xmem.h"

#define MAXBY		16
#define MAXWINDOW	(366LL * 86400)

#define EXIT_ALERT	3	/* --alert: the latest bucket spikes */

enum {
	OPT_BY = OPT_TOOL_BASE,
	OPT_AHT,
	OPT_ALERT,
	OPT_BUCKET,
	OPT_CONVERSATIONS,
	OPT_FORMAT,
	OPT_HEATMAP,
	OPT_MERGE,
	OPT_NOW,
	OPT_PARTIAL,
	OPT_SHARD,
	OPT_SINCE,
	OPT_SPIKES,
	OPT_STAFFING,
	OPT_TARGET,
	OPT_TZ,
	OPT_UNANSWERED,
	OPT_UNTIL,
	OPT_WAIT,
	OPT_WINDOW
};

static const struct option longopts[] = {
	SC_COMMON_LONGOPTS,
	{ "aht",	required_argument,	NULL, OPT_AHT },
	{ "alert",	no_argument,		NULL, OPT_ALERT },
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "bucket",	required_argument,	NULL, OPT_BUCKET },
	{ "conversations", no_argument,		NULL, OPT_CONVERSATIONS },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "heatmap",	no_argument,		NULL, OPT_HEATMAP },
	{ "merge",	no_argument,		NULL, OPT_MERGE },
	{ "now",	required_argument,	NULL, OPT_NOW },
	{ "partial",	required_argument,	NULL, OPT_PARTIAL },
	{ "rules",	required_argument,	NULL, 'r' },
	{ "shard",	required_argument,	NULL, OPT_SHARD },
	{ "since",	required_argument,	NULL, OPT_SINCE },
	{ "spikes",	no_argument,		NULL, OPT_SPIKES },
	{ "staffing",	no_argument,		NULL, OPT_STAFFING },
	{ "target",	required_argument,	NULL, OPT_TARGET },
	{ "tz",		required_argument,	NULL, OPT_TZ },
	{ "unanswered",	no_argument,		NULL, OPT_UNANSWERED },
	{ "until",	required_argument,	NULL, OPT_UNTIL },
	{ "wait",	no_argument,		NULL, OPT_WAIT },
	{ "window",	required_argument,	NULL, OPT_WINDOW },
	{ NULL,		0,			NULL, 0 }
};

struct opts {
	const char	*by[MAXBY];
	size_t		 nby;
	int		 fmt, heatmap, merge, unanswered;
	int		 spikes, alert, staffing, wait, convs, modes;
	double		 aht, target, within;
	int		 state_opts;	/* --by, --window... given */
	const char	*partial, *tz, *rules;
	int64_t		 since, until, now, window, bucket;
	unsigned long	 shard_k, shard_n;
};

static int64_t
time_opt(const char *opt, const char *arg)
{
	int64_t t;

	if (time_parse_relative(arg, (int64_t)time(NULL), &t) == -1)
		die(SC_EXIT_FATAL, "%s: not a time: %s", opt, arg);
	return t;
}

/* "90s", "15m", "12h", "7d", "2w": through the relative-time parser. */
static int64_t
dur_opt(const char *opt, const char *arg, int64_t min, int64_t max)
{
	char *neg;
	int64_t t;
	int bad;

	neg = xasprintf("-%s", arg);
	bad = *arg == '-' || *arg == '+' ||
	    time_parse_relative(neg, 0, &t) == -1;
	free(neg);
	if (bad || -t < min || -t > max)
		die(SC_EXIT_FATAL, "%s: must be a duration from %llds to "
		    "%llds (such as 15m, 12h, 7d): %s", opt, (long long)min,
		    (long long)max, arg);
	return -t;
}

/* A dotted path: non-empty steps, UTF-8 (it is written out). */
static const char *
field_opt(const char *arg)
{
	if (*arg == '\0' || *arg == '.' || arg[strlen(arg) - 1] == '.' ||
	    strstr(arg, "..") != NULL || !utf8_valid(arg, strlen(arg)))
		die(SC_EXIT_FATAL, "--by: not a field path: \"%s\"", arg);
	return arg;
}

static void
shard_opt(const char *arg, struct opts *op)
{
	char *end;
	unsigned long k, n;

	k = strtoul(arg, &end, 10);
	if (end == arg || *end != '/' || arg[0] == '-' || end[1] == '-')
		goto bad;
	n = strtoul(end + 1, &end, 10);
	if (*end != '\0' || k < 1 || n < 1 || k > n || n > 1000000)
		goto bad;
	op->shard_k = k;
	op->shard_n = n;
	return;
bad:
	die(SC_EXIT_FATAL, "--shard: must be K/N with 1 <= K <= N <= "
	    "1000000: %s", arg);
}

/* "80/15m": a percentage answered within a duration. */
static void
target_opt(const char *arg, struct opts *op)
{
	char *end, *pct;
	long p;

	pct = xstrdup(arg);
	if ((end = strchr(pct, '/')) == NULL)
		goto bad;
	*end = '\0';
	p = strtol(pct, &end, 10);
	if (end == pct || *end != '\0' || p < 1 || p > 99)
		goto bad;
	op->target = p / 100.0;
	op->within = (double)dur_opt("--target", strchr(arg, '/') + 1, 1,
	    86400);
	free(pct);
	return;
bad:
	die(SC_EXIT_FATAL, "--target: must be PERCENT/DURATION, such as "
	    "80/15m: %s", arg);
}

static void
parse_options(int argc, char *argv[], struct sc_common *c, struct opts *op)
{
	size_t i;
	int ch;

	cli_init(c);
	memset(op, 0, sizeof(*op));
	op->since = INT64_MIN;
	op->until = INT64_MAX;
	op->now = (int64_t)time(NULL);
	op->window = 7 * 86400;
	op->bucket = 900;
	op->tz = "UTC";
	op->target = 0.8;
	op->within = 900;
	while ((ch = cli_getopt(argc, argv, SC_COMMON_SHORTOPTS "r:",
	    longopts)) != -1) {
		switch (ch) {
		case 'r':
			op->rules = optarg;
			op->state_opts = 1;
			break;
		case OPT_BY:
			if (op->nby == MAXBY)
				die(SC_EXIT_FATAL, "--by: at most %d keys",
				    MAXBY);
			op->by[op->nby] = field_opt(optarg);
			for (i = 0; i < op->nby; i++)
				if (strcmp(op->by[i], optarg) == 0)
					die(SC_EXIT_FATAL, "--by: \"%s\" given "
					    "twice", optarg);
			op->nby++;
			op->state_opts = 1;
			break;
		case OPT_BUCKET:
			op->bucket = dur_opt("--bucket", optarg, 60, 86400);
			if (86400 % op->bucket != 0)
				die(SC_EXIT_FATAL, "--bucket: must divide a "
				    "day: %s", optarg);
			op->state_opts = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "ndjson") == 0)
				op->fmt = FMT_NDJSON;
			else if (strcmp(optarg, "table") == 0)
				op->fmt = FMT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				op->fmt = FMT_CSV;
			else if (strcmp(optarg, "html") == 0)
				op->fmt = FMT_HTML;
			else
				die(SC_EXIT_FATAL, "--format: must be ndjson, "
				    "table, csv or html: %s", optarg);
			break;
		case OPT_HEATMAP:
			op->heatmap = 1;
			op->modes++;
			break;
		case OPT_CONVERSATIONS:
			op->convs = 1;
			op->modes++;
			break;
		case OPT_AHT:
			op->aht = (double)dur_opt("--aht", optarg, 1, 86400);
			break;
		case OPT_ALERT:
			op->alert = 1;
			break;
		case OPT_SPIKES:
			op->spikes = 1;
			op->modes++;
			break;
		case OPT_STAFFING:
			op->staffing = 1;
			op->modes++;
			break;
		case OPT_TARGET:
			target_opt(optarg, op);
			break;
		case OPT_WAIT:
			op->wait = 1;
			op->modes++;
			break;
		case OPT_MERGE:
			op->merge = 1;
			break;
		case OPT_NOW:
			op->now = time_opt("--now", optarg);
			break;
		case OPT_PARTIAL:
			op->partial = optarg;
			break;
		case OPT_SHARD:
			shard_opt(optarg, op);
			op->state_opts = 1;
			break;
		case OPT_SINCE:
			op->since = time_opt("--since", optarg);
			op->state_opts = 1;
			break;
		case OPT_TZ:
			if (zone_set(optarg) == -1)
				die(SC_EXIT_FATAL, "--tz: not a zone of the "
				    "time zone database: %s", optarg);
			op->tz = optarg;
			op->state_opts = 1;
			break;
		case OPT_UNANSWERED:
			op->unanswered = 1;
			op->modes++;
			break;
		case OPT_UNTIL:
			op->until = time_opt("--until", optarg);
			op->state_opts = 1;
			break;
		case OPT_WINDOW:
			op->window = dur_opt("--window", optarg, 1, MAXWINDOW);
			op->state_opts = 1;
			break;
		default:
			if (!cli_common(c, ch, optarg))
				cli_usage_error();
		}
	}
	if (op->modes > 1)
		die(SC_EXIT_FATAL, "--heatmap, --unanswered, --spikes, "
		    "--staffing, --wait and --conversations: only one at a "
		    "time");
	if (op->convs && (op->fmt == FMT_HTML || op->partial || op->merge))
		die(SC_EXIT_FATAL, "--conversations: not with --format html, "
		    "--partial or --merge");
	if (op->alert && !op->spikes)
		die(SC_EXIT_FATAL, "--alert: only with --spikes");
	if (op->staffing && op->aht == 0)
		die(SC_EXIT_FATAL, "--staffing: needs --aht, the average "
		    "handling time (such as 6m)");
	if ((op->aht != 0 || op->target != 0.8 || op->within != 900) &&
	    !op->staffing)
		die(SC_EXIT_FATAL, "--aht, --target: only with --staffing");
	if (op->merge && op->state_opts)
		die(SC_EXIT_FATAL, "--merge: --by, --window, --tz, --bucket, "
		    "--since, --until, --shard and -r come from the partials");
	if (op->rules != NULL && op->modes > 0)
		die(SC_EXIT_FATAL, "-r: business times are for the report; "
		    "not with --heatmap, --unanswered, --spikes, --staffing, "
		    "--wait or --conversations");
	if (op->merge && optind == argc)
		die(SC_EXIT_FATAL, "--merge: no partial files given");
	if (op->unanswered && (op->fmt != FMT_NDJSON || op->heatmap ||
	    op->partial))
		die(SC_EXIT_FATAL, "--unanswered: writes the posts themselves; "
		    "not with --format, --heatmap or --partial");
	if (op->partial != NULL && c->output != NULL)
		die(SC_EXIT_FATAL, "--partial: writes the state, not a report; "
		    "not with -o");
	if (op->unanswered && op->merge)
		die(SC_EXIT_FATAL, "--unanswered: not with --merge");
}

/* What the record loop needs besides the state. */
struct run {
	struct opts	*op;
	struct rstate	*s;
	struct wstore	*w;
	struct buf	 key;
	int		 extra;		/* keep the tables beyond --by */
	uint64_t	 seen;		/* --by keys some record has */
	char		**files;	/* input names, for messages */
	size_t		 nfiles;
	/* -r: the rules file's teams, each one's calendar index. */
	const char	*rules;
	const struct teams *tm;
	uint8_t		*teamcal;
	struct hmap	*unknown;	/* team names warned about */
};

static int
derived(const char *k)
{
	return strcmp(k, "day") == 0 || strcmp(k, "hour") == 0 ||
	    strcmp(k, "weekday") == 0 || strcmp(k, "week") == 0;
}

/* The JSON text of p's group: {"key": value, ...} in --by order. */
static uint32_t
group_of(struct run *ru, const json_t *post, int64_t t)
{
	static const char *const wd[7] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	struct buf *b = &ru->key;
	const json_t *v;
	const char *k;
	int64_t days, y;
	unsigned m, d;
	char wk[9];
	int sec;
	size_t i;

	buf_reset(b);
	buf_addc(b, '{');
	if (ru->op->nby > 0)
		zone_local(t, &days, &sec);
	for (i = 0; i < ru->op->nby; i++) {
		k = ru->op->by[i];
		if (i > 0)
			buf_addc(b, ',');
		jsonw_string(b, k, strlen(k));
		buf_addc(b, ':');
		if (strcmp(k, "day") == 0) {
			time_civil_from_days(days, &y, &m, &d);
			buf_printf(b, "\"%04lld-%02u-%02u\"", (long long)y, m,
			    d);
		} else if (strcmp(k, "hour") == 0)
			buf_printf(b, "%d", sec / 3600);
		else if (strcmp(k, "weekday") == 0)
			buf_printf(b, "\"%s\"", wd[zone_weekday(days)]);
		else if (strcmp(k, "week") == 0) {
			zone_isoweek(days, wk);
			buf_printf(b, "\"%s\"", wk);
		} else if ((v = json_path(post, k)) != NULL)
			jsonw(b, v);
		else
			buf_adds(b, "null");
	}
	buf_addc(b, '}');
	return table_intern(&ru->s->t[T_BY], b->s, b->len);
}

static uint16_t
file_of(struct run *ru, const char *name)
{
	if (ru->nfiles == 0 || strcmp(ru->files[ru->nfiles - 1], name) != 0) {
		if (ru->nfiles == UINT16_MAX)
			return UINT16_MAX;
		ru->files = xreallocarray(ru->files, ru->nfiles + 1,
		    sizeof(*ru->files));
		ru->files[ru->nfiles++] = xstrdup(name);
	}
	return (uint16_t)(ru->nfiles - 1);
}

static uint64_t
id_hash(const char *s, size_t n)
{
	uint64_t h = hmap_hash(s, n);

	/* A splitmix64 finish; 0 is kept for "no parent". */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h ? h : 1;
}

static int
in_shard(const struct opts *op, const json_t *post)
{
	const json_t *c;

	if (op->shard_n <= 1)
		return 1;
	c = json_object_get(post, "conversation_id");
	if (!json_is_string(c))
		c = json_object_get(post, "in_reply_to");
	if (!json_is_string(c))
		c = json_object_get(post, "id");
	return hmap_hash(json_string_value(c), json_string_length(c)) %
	    op->shard_n == op->shard_k - 1;
}

/*
 * -r: the calendar of the post's route.team, as an index in the
 * calendars; 0 ("24x7": wall-clock seconds) when the team has none, when
 * there is no team, and, with a warning the first time, when the rules
 * file has no such team.
 */
static uint8_t
cal_of(struct run *ru, const json_t *post)
{
	const struct team *t;
	const json_t *v;
	void **slot;
	int existed;

	v = json_path(post, "route.team");
	if (!json_is_string(v))
		return 0;
	t = teams_get(ru->tm, json_string_value(v), json_string_length(v));
	if (t != NULL)
		return ru->teamcal[t->index];
	if (ru->unknown == NULL)
		ru->unknown = hmap_new();
	slot = hmap_put(ru->unknown, json_string_value(v),
	    json_string_length(v), &existed);
	if (!existed) {
		*slot = ru;
		buf_reset(&ru->key);
		jsonw_string(&ru->key, json_string_value(v),
		    json_string_length(v));
		warnmsg("%s: no team %s: its posts count wall-clock seconds",
		    ru->rules, buf_str(&ru->key));
	}
	return 0;
}

static void
add_post(struct run *ru, struct recin *r, json_t *post)
{
	char err[256];
	const json_t *id, *parent, *v;
	struct post_in in;
	struct buf tb = BUF_INIT;
	uint32_t dupline;
	uint16_t dupfile;
	const char *due, *raw;
	size_t i, len;
	int skip;

	if (post_check(post, POST_ID | POST_CREATED_AT | POST_FROM_BRAND |
	    POST_IN_REPLY_TO, err, sizeof(err)) == -1) {
		rec_reject(r, "%s", err);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.due = T_NONE;
	if ((v = json_path(post, "route.sla.first_response_due")) != NULL &&
	    !json_is_null(v)) {
		if ((due = json_string_value(v)) == NULL ||
		    time_parse_rfc3339(due, &in.due) == -1) {
			rec_reject(r, "\"route.sla.first_response_due\": not an "
			    "RFC 3339 time");
			return;
		}
	}
	v = json_path(post, "route.skip");
	if (v != NULL && !json_is_boolean(v)) {
		rec_reject(r, "\"route.skip\": expected true or false, got %s",
		    json_kind_a(v));
		return;
	}
	skip = json_is_true(v);
	for (i = 0; i < ru->op->nby; i++)
		if (!derived(ru->op->by[i]) &&
		    json_path(post, ru->op->by[i]) != NULL)
			ru->seen |= 1ULL << i;
	if (!in_shard(ru->op, post))
		return;
	ru->s->posts++;
	(void)post_created_at(post, &in.t);
	id = json_object_get(post, "id");
	in.id = id_hash(json_string_value(id), json_string_length(id));
	parent = json_object_get(post, "in_reply_to");
	if (json_is_string(parent))
		in.parent = id_hash(json_string_value(parent),
		    json_string_length(parent));
	in.brand = post_from_brand(post);
	in.counted = !in.brand && !skip && in.t >= ru->op->since &&
	    in.t < ru->op->until;
	in.group = in.team = ROW_NONE;
	if (ru->s->cv != NULL)
		in.team = conv_read(ru->s->cv, post, in.t, in.brand,
		    in.counted);
	if (in.counted) {
		in.group = group_of(ru, post, in.t);
		if (ru->extra && ru->s->cv == NULL) {
			v = json_path(post, "route.team");
			if (v == NULL)
				buf_adds(&tb, "null");
			else
				jsonw(&tb, v);
			in.team = table_intern(&ru->s->t[T_TEAM], tb.s, tb.len);
			buf_free(&tb);
		}
		if (ru->tm != NULL)
			in.cal = cal_of(ru, post);
		if (ru->op->unanswered) {
			raw = rec_line(r, &len);
			in.raw = xstrndup(raw, len);
			in.rawlen = len;
		}
	}
	in.line = rec_lineno(r) > UINT32_MAX ? 0 : (uint32_t)rec_lineno(r);
	in.file = file_of(ru, rec_name(r));
	if (wstore_add(ru->w, &in, &dupline, &dupfile) == -1) {
		if (dupfile == in.file)
			rec_reject(r, "duplicate id \"%s\" (first at line %lu)",
			    json_string_value(id), (unsigned long)dupline);
		else
			rec_reject(r, "duplicate id \"%s\" (first at %s:%lu)",
			    json_string_value(id), dupfile < ru->nfiles ?
			    ru->files[dupfile] : "?", (unsigned long)dupline);
	}
	free(in.raw);
}

static void
put_unanswered(const char *raw, size_t len, int64_t t, int64_t due,
    void *ctx)
{
	struct output *o = ctx;

	(void)t;
	(void)due;
	output_write(o, raw, len);
	output_write(o, "\n", 1);
	output_end_record(o);
}

static void
state_from_opts(struct rstate *s, const struct opts *op)
{
	size_t i;

	rstate_init(s);
	s->o.by = xcalloc(op->nby + 1, sizeof(*s->o.by));
	for (i = 0; i < op->nby; i++)
		s->o.by[i] = xstrdup(op->by[i]);
	s->o.nby = op->nby;
	s->o.window = op->window;
	s->o.bucket = op->bucket;
	s->o.tz = xstrdup(op->tz);
	s->now = op->now;
}

/*
 * -r: the calendars and teams of the rules file, each team's calendar as
 * an index in tm->cals (0, "24x7", for a team without one); the file's
 * CRC-32 goes into the options, so that only partials made with the same
 * file merge.  The rest of the file is sc-route's, not checked here.
 */
static void
load_rules(struct run *ru, struct rstate *s, struct jload *j,
    struct teams *tm, json_t **doc)
{
	size_t i, k;

	memset(j, 0, sizeof(*j));
	*doc = jload_open(j, ru->op->rules);
	teams_load(tm, j, *doc);
	if (tm->ncals > UINT8_MAX + 1)
		die(SC_EXIT_FATAL, "%s: more than %d calendars", ru->op->rules,
		    UINT8_MAX + 1);
	ru->rules = ru->op->rules;
	ru->tm = tm;
	ru->teamcal = xcalloc(tm->n + 1, sizeof(*ru->teamcal));
	for (i = 0; i < tm->n; i++)
		for (k = 0; k < tm->ncals; k++)
			if (tm->team[i].cal == tm->cals[k])
				ru->teamcal[i] = (uint8_t)k;
	s->o.rules = xasprintf("%08lx", crc32(0L, (const Bytef *)j->text,
	    (uInt)j->len));
	jload_close(j);
}

/* --merge: the partials named, added up. */
static void
merge_files(struct rstate *s, char **files, int n)
{
	struct rstate one;
	struct buf a = BUF_INIT, b = BUF_INIT;
	char err[256], *data;
	size_t len;
	int i;

	for (i = 0; i < n; i++) {
		data = xslurp(files[i], &len);
		if (partial_parse(data, len, i == 0 ? s : &one, err,
		    sizeof(err)) == -1) {
			/* Released first, so a sanitizer sees no leak. */
			free(data);
			if (i > 0)
				rstate_free(&one);
			rstate_free(s);
			buf_free(&a);
			die(SC_EXIT_FATAL, "%s: %s", files[i], err);
		}
		free(data);
		if (i == 0) {
			ropts_text(&s->o, &a);
			if (zone_set(s->o.tz) == -1) {
				snprintf(err, sizeof(err), "%s", s->o.tz);
				rstate_free(s);
				buf_free(&a);
				die(SC_EXIT_FATAL, "%s: not a zone of the time "
				    "zone database: %s", files[i], err);
			}
			continue;
		}
		buf_reset(&b);
		ropts_text(&one.o, &b);
		if (strcmp(a.s, b.s) != 0) {
			warnmsg("%s: made with %s, but %s with %s", files[i],
			    b.s, files[0], a.s);
			rstate_free(&one);
			rstate_free(s);
			buf_free(&a);
			buf_free(&b);
			diag_exit(SC_EXIT_FATAL);
		}
		rstate_merge(s, &one);
		rstate_free(&one);
	}
	buf_free(&a);
	buf_free(&b);
}

/*
 * The top-level members a report reads: only these are parsed.  The
 * first steps of the --by paths are copied into top (freed by the caller).
 */
static void
want_keys(const struct opts *op, const char **want, char **top)
{
	static const char *const base[] = { "id", "created_at", "from_brand",
	    "in_reply_to", "conversation_id", "route", "author", "platform" };
	size_t i, n = 0;

	for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		want[n++] = base[i];
	for (i = 0; i < op->nby; i++) {
		top[i] = NULL;
		if (derived(op->by[i]))
			continue;
		top[i] = xstrndup(op->by[i], strcspn(op->by[i], "."));
		want[n++] = top[i];
	}
	want[n] = NULL;
}

int
main(int argc, char *argv[])
{
	const char *want[8 + MAXBY + 1];
	char *top[MAXBY];
	struct sc_common c;
	struct opts op;
	struct rstate s;
	struct run ru;
	/* -r; static, so that they stay reachable if loading dies. */
	static struct jload rj;
	static struct teams rtm;
	static json_t *rdoc;
	struct recin *r;
	struct output *o;
	json_t *post;
	size_t i;
	int status = SC_EXIT_OK;

	diag_init(argv[0]);
	cli_usage_text =
	    "sc-report [-uz] [-o file] [-r rules] [--by key]... [--format fmt]\n"
	    "          [--since time] [--until time] [--window dur] [--tz zone]\n"
	    "          [--now time] [--bucket dur] [--shard k/n] [--partial file]\n"
	    "          [--heatmap | --unanswered | --spikes [--alert] |\n"
	    "           --staffing --aht dur [--target pct/dur] | --wait |\n"
	    "           --conversations]\n"
	    "          [file ...]\n"
	    "sc-report --merge [-o file] [--format fmt] [--partial file]\n"
	    "          [--heatmap | --spikes [--alert] | --staffing ... | --wait]\n"
	    "          partial ...";
	cli_options_text =
	    "  -r, --rules RULES   also FRT in business seconds of the team's\n"
	    "                      calendar (sc-route's rules file)\n"
	    "      --by KEY        a row per value of KEY (dotted path, or day,\n"
	    "                      hour, weekday, week); repeat for several\n"
	    "      --format FMT    ndjson (default), table, csv or html\n"
	    "      --since TIME    count posts created at or after TIME\n"
	    "      --until TIME    count posts created before TIME\n"
	    "      --window DUR    how long a post may wait for its answer (7d)\n"
	    "      --tz ZONE       time zone of day, hour, weekday, week (UTC)\n"
	    "      --now TIME      the time SLAs are judged at (the clock)\n"
	    "      --heatmap       inbound and median FRT by weekday and hour\n"
	    "      --unanswered    the inbound posts still waiting, overdue "
	    "first\n"
	    "      --spikes        15-minute buckets far above their baseline\n"
	    "      --alert         with --spikes: exit 3 if the latest spikes\n"
	    "      --bucket DUR    spike buckets (15m)\n"
	    "      --staffing      agents per weekday and hour (Erlang C)\n"
	    "      --aht DUR       average handling time of a post\n"
	    "      --target P/DUR  share answered within a time (80/15m)\n"
	    "      --wait          expected wait now; the 15-minute test\n"
	    "      --conversations a row per conversation\n"
	    "      --shard K/N     only conversations in shard K of N\n"
	    "      --partial FILE  write the mergeable state to FILE\n"
	    "      --merge         report from partial files\n";
	parse_options(argc, argv, &c, &op);

	if (op.merge) {
		/* Partials are inputs too: -o must not replace one. */
		samefile_check(c.output, "output file", argv + optind,
		    argc - optind);
		merge_files(&s, argv + optind, argc - optind);
	} else {
		state_from_opts(&s, &op);
		memset(&ru, 0, sizeof(ru));
		ru.op = &op;
		ru.s = &s;
		ru.extra = op.partial != NULL || op.fmt == FMT_HTML ||
		    op.modes > 0;
		if (op.convs)
			s.cv = convs_new();
		if (op.rules != NULL)
			load_rules(&ru, &s, &rj, &rtm, &rdoc);
		ru.w = wstore_new(&s, 2 * op.window, op.unanswered,
		    op.rules != NULL ? rtm.cals : NULL);
		want_keys(&op, want, top);
		r = rec_open(&c, argv + optind, argc - optind);
		while ((post = rec_next_keys(r, want)) != NULL) {
			add_post(&ru, r, post);
			json_decref(post);
		}
		status = rec_status(r);
		rec_close(r);
		for (i = 0; i < op.nby; i++)
			if (!derived(op.by[i]) && !(ru.seen & (1ULL << i)) &&
			    s.posts > 0 && op.partial == NULL)
				die(SC_EXIT_FATAL, "--by: no record has \"%s\"",
				    op.by[i]);
		/* Opened only now: -o cannot truncate an unread input. */
		o = NULL;
		if (op.unanswered) {
			o = output_open(c.output, c.gzip, c.unbuffered,
			    OUTPUT_TRUNC);
			output_set_status(status);
		}
		wstore_finish(ru.w, op.unanswered ? put_unanswered : NULL, o);
		wstore_free(ru.w);
		buf_free(&ru.key);
		for (i = 0; i < op.nby; i++)
			free(top[i]);
		for (i = 0; i < ru.nfiles; i++)
			free(ru.files[i]);
		free(ru.files);
		free(ru.teamcal);
		hmap_free(ru.unknown);
		teams_free(&rtm);
		json_decref(rdoc);
		if (o != NULL) {
			output_close(o);
			rstate_free(&s);
			return status;
		}
	}
	if (op.partial != NULL && partial_write(op.partial, &s) == -1)
		die(SC_EXIT_FATAL, "%s: %s", op.partial, strerror(errno));
	if (op.partial != NULL) {
		rstate_free(&s);
		return status;
	}
	o = output_open(c.output, c.gzip, c.unbuffered, OUTPUT_TRUNC);
	output_set_status(status);
	if (op.fmt == FMT_HTML)
		print_report(o, &s, op.fmt);
	else if (op.heatmap)
		print_heatmap(o, &s, op.fmt);
	else if (op.spikes) {
		if (print_spikes(o, &s, op.fmt) && op.alert &&
		    status != SC_EXIT_FATAL)
			status = EXIT_ALERT;
	} else if (op.staffing)
		print_staffing(o, &s, op.fmt, op.aht, op.target, op.within);
	else if (op.wait)
		print_wait(o, &s, op.fmt);
	else if (op.convs)
		conv_print(o, s.cv, op.fmt);
	else
		print_report(o, &s, op.fmt);
	output_set_status(status);
	output_close(o);
	convs_free(s.cv);
	rstate_free(&s);
	return status;
}
