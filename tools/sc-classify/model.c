/*
 * model.c - hashed features, logistic regression, the model file; see
 * model.h.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>

#include "diag.h"
#include "fold.h"
#include "model.h"
#include "sc.h"
#include "hmap.h"
#include "state.h"
#include "text.h"
#include "xmem.h"

#define MAGIC		"sc-model "
#define MAXGRAM		4	/* character n-grams, 1 to MAXGRAM */

/* Hashing: FNV-1a over code points, then a 64-bit finalizer. */
#define FNV_BASIS	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

enum {
	H_WORD = 1,
	H_BIGRAM,
	H_CHAR,
	H_URL,
	H_HANDLE,
	H_STACK,
	H_CONTEXT,
	H_CROSS,
	H_TOKEN,
	H_TOKPAIR,
	H_NUMBER,
	H_START
};

/*
 * The context feature's value: about what a strong n-gram weighs in its
 * L2-normalized block, so that neither drowns the other.
 */
#define CONTEXT_WEIGHT	0.5f

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

static uint64_t
fnv_step(uint64_t h, int32_t cp)
{
	return (h ^ (uint32_t)cp) * FNV_PRIME;
}

void
featx_init(struct featx *fx, unsigned bits)
{
	memset(fx, 0, sizeof(*fx));
	fx->bits = bits;
}

void
featx_free(struct featx *fx)
{
	free(fx->cp);
	free(fx->chars);
	free(fx->words);
	free(fx->slot);
	free(fx->touched);
	free(fx->idx);
	free(fx->val);
	memset(fx, 0, sizeof(*fx));
}

/* Han and kana, written without spaces between words. */
static int
unspaced(int32_t c)
{
	return (c >= 0x3040 && c < 0x3100) || (c >= 0x31f0 && c < 0x3200) ||
	    (c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000) ||
	    (c >= 0xf900 && c < 0xfb00) || (c >= 0x20000 && c < 0x30000);
}

static int
spacech(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN:
		return 1;
	default:
		return 0;
	}
}

/* Skin tones only shade the emoji before them. */
static int
dropch(int32_t c)
{
	return c >= 0x1f3fb && c <= 0x1f3ff;
}

/*
 * NFKC, case folded, punctuation lumped, ignorables dropped, diacritics
 * stripped (fold.h): the code points into fx->cp; their count, 0 for
 * text that is not UTF-8.
 */
static size_t
normalize(struct featx *fx, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	return fold_u32(s, n, FOLD_MATCH | FOLD_LUMP, &fx->cp, &fx->acp);
}

static void
add_char(struct featx *fx, size_t *nc, int32_t c)
{
	if (*nc == fx->achars) {
		fx->achars = fx->achars ? 2 * fx->achars : 256;
		fx->chars = xreallocarray(fx->chars, fx->achars,
		    sizeof(*fx->chars));
	}
	fx->chars[(*nc)++] = c;
}

static void
add_space(struct featx *fx, size_t *nc)
{
	if (*nc > 0 && fx->chars[*nc - 1] != ' ')
		add_char(fx, nc, ' ');
}

static void
add_word(struct featx *fx, size_t *nw, uint64_t h)
{
	if (*nw == fx->awords) {
		fx->awords = fx->awords ? 2 * fx->awords : 64;
		fx->words = xreallocarray(fx->words, fx->awords,
		    sizeof(*fx->words));
	}
	fx->words[(*nw)++] = h;
}

static int
has_prefix(const int32_t *cp, size_t n, const char *p)
{
	size_t i;

	for (i = 0; p[i] != '\0'; i++)
		if (i >= n || cp[i] != (unsigned char)p[i])
			return 0;
	return 1;
}

/*
 * Cut the normalized text into word hashes (fx->words) and the text the
 * character n-grams read (fx->chars: words, punctuation and emoji, one
 * space between runs, spaces at both ends).  Returns the word count;
 * *ncp the character count.
 */
static size_t
tokenize(struct featx *fx, size_t m, size_t *ncp)
{
	const int32_t *cp = fx->cp;
	size_t i = 0, nc = 0, nw = 0, wlen = 0;
	uint64_t h = 0;
	int32_t c, p1 = 0, p2 = 0;

	add_char(fx, &nc, ' ');
	while (i < m) {
		c = cp[i];
		if (wlen == 0 && (c == 'h' || c == 'w') &&
		    (has_prefix(cp + i, m - i, "http://") ||
		    has_prefix(cp + i, m - i, "https://") ||
		    has_prefix(cp + i, m - i, "www."))) {
			add_word(fx, &nw, mix64(H_URL));
			while (i < m && !spacech(cp[i]))
				i++;
			add_space(fx, &nc);
			continue;
		}
		if (fold_is_wordch(c) && !unspaced(c)) {
			/* Squeeze "soooo" to "soo", in both views. */
			if (!(wlen >= 2 && c == p1 && c == p2)) {
				if (wlen == 0)
					h = FNV_BASIS;
				h = fnv_step(h, c);
				add_char(fx, &nc, c);
				wlen++;
			}
			p2 = p1;
			p1 = c;
			i++;
			continue;
		}
		if (c == '\'' && wlen > 0 && i + 1 < m &&
		    fold_is_wordch(cp[i + 1]) && !unspaced(cp[i + 1])) {
			h = fnv_step(h, c);
			add_char(fx, &nc, c);
			p2 = p1;
			p1 = c;
			wlen++;
			i++;
			continue;
		}
		if (wlen > 0) {
			add_word(fx, &nw, mix64(h ^ H_WORD));
			wlen = 0;
			p1 = p2 = 0;
		}
		if (spacech(c) || dropch(c)) {
			if (spacech(c))
				add_space(fx, &nc);
			i++;
		} else if (c == '@' && i + 1 < m && (fold_is_wordch(cp[i + 1]) ||
		    cp[i + 1] == '_')) {
			add_word(fx, &nw, mix64(H_HANDLE));
			for (i++; i < m && (fold_is_wordch(cp[i]) ||
			    cp[i] == '_'); i++)
				;
			add_space(fx, &nc);
		} else if (c == '#' && i + 1 < m && fold_is_wordch(cp[i + 1])) {
			i++;	/* a hashtag is its word */
		} else {
			/* Han, kana, punctuation, symbols, emoji: one each. */
			add_word(fx, &nw, unspaced(c) ? 0 :
			    mix64(fnv_step(FNV_BASIS, c) ^ H_WORD));
			add_char(fx, &nc, c);
			i++;
		}
	}
	if (wlen > 0)
		add_word(fx, &nw, mix64(h ^ H_WORD));
	add_space(fx, &nc);
	*ncp = nc;
	return nw;
}

/* Make room for a block of up to n features, the table at most half full. */
static void
acc_reserve(struct featx *fx, size_t n)
{
	size_t want = 64;

	while (want < 2 * n)
		want *= 2;
	if (want > fx->nslot) {
		free(fx->slot);
		fx->slot = xcalloc(want, sizeof(*fx->slot));
		fx->nslot = want;
	}
	if (n > fx->atouched) {
		free(fx->touched);
		fx->atouched = n;
		fx->touched = xreallocarray(NULL, n, sizeof(*fx->touched));
	}
}

static void
acc_add(struct featx *fx, uint64_t h)
{
	uint32_t b = (uint32_t)(h & (((uint64_t)1 << fx->bits) - 1));
	size_t i = b & (fx->nslot - 1);	/* b is a hash already */

	while (fx->slot[i].key != 0 && fx->slot[i].key != b + 1)
		i = (i + 1) & (fx->nslot - 1);
	if (fx->slot[i].key == 0) {
		fx->slot[i].key = b + 1;
		fx->touched[fx->ntouched++] = (uint32_t)i;
	}
	/* The sign from the top bit, so collisions cancel on average. */
	fx->slot[i].count += (h >> 63) ? -1.0f : 1.0f;
}

/* Move the accumulated block to the result, with L2 norm `weight'. */
static void
acc_flush(struct featx *fx, double weight)
{
	double norm = 0, scale;
	size_t i, need;
	struct fslot *sl;

	for (i = 0; i < fx->ntouched; i++) {
		sl = &fx->slot[fx->touched[i]];
		norm += (double)sl->count * sl->count;
	}
	need = fx->n + fx->ntouched;
	if (need > fx->a) {
		fx->a = need + need / 2 + 64;
		fx->idx = xreallocarray(fx->idx, fx->a, sizeof(*fx->idx));
		fx->val = xreallocarray(fx->val, fx->a, sizeof(*fx->val));
	}
	scale = norm > 0 ? weight / sqrt(norm) : 0;
	for (i = 0; i < fx->ntouched; i++) {
		sl = &fx->slot[fx->touched[i]];
		if (sl->count != 0) {	/* signs may cancel */
			fx->idx[fx->n] = sl->key - 1;
			fx->val[fx->n] = (float)(sl->count * scale);
			fx->n++;
		}
		sl->key = 0;
		sl->count = 0;
	}
	fx->ntouched = 0;
}

void
model_features(struct featx *fx, const char *s, size_t n)
{
	size_t m, nw, nc, i, k;
	uint64_t h;

	fx->n = 0;
	m = normalize(fx, s, n);
	nw = tokenize(fx, m, &nc);

	acc_reserve(fx, 2 * nw);
	for (i = 0; i < nw; i++) {
		if (fx->words[i] != 0)
			acc_add(fx, fx->words[i]);
		if (i > 0 && fx->words[i] != 0 && fx->words[i - 1] != 0)
			acc_add(fx, mix64(fx->words[i - 1] * FNV_PRIME ^
			    fx->words[i] ^ H_BIGRAM));
	}
	acc_flush(fx, M_SQRT1_2);

	acc_reserve(fx, MAXGRAM * nc);
	for (i = 0; i < nc; i++) {
		h = FNV_BASIS;
		for (k = 0; k < MAXGRAM && i + k < nc; k++) {
			h = fnv_step(h, fx->chars[i + k]);
			if (k == 0 && fx->chars[i] == ' ')
				continue;
			acc_add(fx, mix64(h ^ ((uint64_t)(k + 1) << 56) ^
			    H_CHAR));
		}
	}
	acc_flush(fx, M_SQRT1_2);
}

/*
 * A token's hash: its text's (tok.hash, as vocab_annotate() sets it), or
 * one for every number ("day 5", "47 minutes": the count is not the cue).
 */
static uint64_t
tok_hash(const struct text *t, size_t i)
{
	if (t->tok[i].type == TOK_NUM)
		return mix64(H_NUMBER);
	return mix64((uint64_t)t->tok[i].hash << 8 ^ H_TOKEN);
}

void
model_hash_tokens(struct text *t)
{
	size_t i;

	for (i = 0; i < t->ntok; i++)
		t->tok[i].hash = (uint32_t)hmap_hash(text_tok(t, i),
		    t->tok[i].len);
}

void
model_tokens(struct featx *fx, const struct text *t)
{
	uint64_t h, prev = mix64(H_START);
	size_t i;

	fx->n = 0;
	acc_reserve(fx, 2 * t->ntok + 1);
	for (i = 0; i < t->ntok; i++) {
		h = tok_hash(t, i);
		acc_add(fx, h);
		acc_add(fx, mix64(prev * FNV_PRIME ^ h ^ H_TOKPAIR));
		prev = h;
	}
	acc_flush(fx, 1.0);
}

/* One feature with a bucket of its own, named by kind and i. */
static void
add_fixed(struct featx *fx, unsigned kind, unsigned i, float v)
{
	uint64_t mask = ((uint64_t)1 << fx->bits) - 1;

	if (fx->n == fx->a) {
		fx->a = fx->a ? 2 * fx->a : 64;
		fx->idx = xreallocarray(fx->idx, fx->a, sizeof(*fx->idx));
		fx->val = xreallocarray(fx->val, fx->a, sizeof(*fx->val));
	}
	fx->idx[fx->n] = (uint32_t)(mix64((uint64_t)kind << 56 | i) & mask);
	fx->val[fx->n] = v;
	fx->n++;
}

void
model_stack(struct featx *fx, const float *v)
{
	unsigned i;

	for (i = 0; i < MODEL_STACK_N; i++)
		if (v[i] != 0)
			add_fixed(fx, H_STACK, i, v[i]);
}

void
model_cross(struct featx *fx, const float *v, int ctx)
{
	unsigned i;

	for (i = 0; i < MODEL_STACK_N; i++)
		if (v[i] != 0)
			add_fixed(fx, H_CROSS, i * 3 + (unsigned)ctx, v[i]);
}

int
model_context(const json_t *post)
{
	const json_t *v = json_object_get(post, "in_reply_to_brand");

	if (json_is_true(v))
		return MODEL_CTX_BRAND;
	if (json_is_false(v))
		return MODEL_CTX_OTHER;
	return MODEL_CTX_NONE;
}

void
model_context_feature(struct featx *fx, int ctx)
{
	if (ctx == MODEL_CTX_BRAND || ctx == MODEL_CTX_OTHER)
		add_fixed(fx, H_CONTEXT, (unsigned)ctx, CONTEXT_WEIGHT);
}

void
dataset_add(struct dataset *d, const struct featx *fx, uint32_t label)
{
	if (d->ndoc + 1 >= d->adoc) {
		d->adoc = d->adoc ? 2 * d->adoc : 1024;
		d->start = xreallocarray(d->start, d->adoc, sizeof(*d->start));
		d->label = xreallocarray(d->label, d->adoc, sizeof(*d->label));
	}
	if (d->nfeat + fx->n > d->afeat) {
		d->afeat = d->afeat ? 2 * d->afeat : 65536;
		if (d->afeat < d->nfeat + fx->n)
			d->afeat = d->nfeat + fx->n;
		d->idx = xreallocarray(d->idx, d->afeat, sizeof(*d->idx));
		d->val = xreallocarray(d->val, d->afeat, sizeof(*d->val));
	}
	if (d->ndoc == 0)
		d->start[0] = 0;
	memcpy(d->idx + d->nfeat, fx->idx, fx->n * sizeof(*d->idx));
	memcpy(d->val + d->nfeat, fx->val, fx->n * sizeof(*d->val));
	d->nfeat += fx->n;
	d->label[d->ndoc] = label;
	d->start[++d->ndoc] = d->nfeat;
}

void
dataset_free(struct dataset *d)
{
	free(d->idx);
	free(d->val);
	free(d->start);
	free(d->label);
	memset(d, 0, sizeof(*d));
}

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
rng_next(uint64_t *s)
{
	return mix64(*s += UINT64_C(0x9e3779b97f4a7c15));
}

static void
softmax(double *z, size_t k)
{
	double max = z[0], sum = 0;
	size_t i;

	for (i = 1; i < k; i++)
		if (z[i] > max)
			max = z[i];
	for (i = 0; i < k; i++)
		sum += z[i] = exp(z[i] - max);
	for (i = 0; i < k; i++)
		z[i] /= sum;
}

/*
 * One run of AdaGrad from zero over d (feature indexes already compact,
 * U of them) into w: U * K weights, then K biases.  The order of each
 * pass is drawn from seed.
 *
 * While it runs, a feature's K weights and their K squared-gradient sums
 * sit side by side (wg: rows of 2K floats, the biases' row last), so an
 * update reads one place in memory where two arrays cost two cache
 * misses; training ran about 1.7x faster so.  The arithmetic is the same.
 */
static void
adagrad_run(float *w, size_t U, size_t K, const struct dataset *d,
    const double *cw, const struct train_params *p, uint64_t seed)
{
	size_t i, j, e, k, f, t, *order;
	float *wg, *row, grad, *bias;
	const float rate = (float)p->rate, l2 = (float)p->l2;
	double *z;
	uint64_t rng = seed;

	wg = xcalloc((U + 1) * 2 * K, sizeof(*wg));
	bias = wg + U * 2 * K;
	z = xcalloc(K, sizeof(*z));
	order = xreallocarray(NULL, d->ndoc ? d->ndoc : 1, sizeof(*order));
	for (i = 0; i < d->ndoc; i++)
		order[i] = i;
	for (e = 0; e < p->epochs; e++) {
		for (i = d->ndoc; i > 1; i--) {
			j = (size_t)(rng_next(&rng) % i);
			t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (i = 0; i < d->ndoc; i++) {
			size_t doc = order[i];
			size_t s0 = d->start[doc], s1 = d->start[doc + 1];

			for (k = 0; k < K; k++)
				z[k] = bias[k];
			for (f = s0; f < s1; f++) {
				row = wg + (size_t)d->idx[f] * 2 * K;
				for (k = 0; k < K; k++)
					z[k] += (double)d->val[f] * row[k];
			}
			softmax(z, K);
			z[d->label[doc]] -= 1;	/* now the gradient */
			for (k = 0; k < K; k++)
				z[k] *= cw[d->label[doc]];
			for (f = s0; f < s1; f++) {
				row = wg + (size_t)d->idx[f] * 2 * K;
				for (k = 0; k < K; k++) {
					grad = (float)z[k] * d->val[f] +
					    l2 * row[k];
					row[K + k] += grad * grad;
					row[k] -= rate * grad /
					    sqrtf(row[K + k] + 1e-8f);
				}
			}
			for (k = 0; k < K; k++) {
				grad = (float)z[k];
				bias[K + k] += grad * grad;
				bias[k] -= rate * grad /
				    sqrtf(bias[K + k] + 1e-8f);
			}
		}
	}
	for (f = 0; f <= U; f++)
		memcpy(w + f * K, wg + f * 2 * K, K * sizeof(*w));
	free(order);
	free(z);
	free(wg);
}

void
model_train(struct model *m, struct dataset *d, const struct train_params *p)
{
	size_t nb = (size_t)1 << m->bits, K = m->nlabels, U = 0;
	size_t i, k, f, n;
	uint32_t *compact, *bucket;
	float *w, *w1;
	double *cw;
	unsigned r, runs = p->runs > 0 ? p->runs : 1;

	/* Number the buckets in use, in bucket order. */
	compact = xcalloc(nb, sizeof(*compact));
	for (f = 0; f < d->nfeat; f++)
		compact[d->idx[f]] = 1;
	for (i = 0; i < nb; i++)
		if (compact[i])
			compact[i] = (uint32_t)++U;
	bucket = xreallocarray(NULL, U ? U : 1, sizeof(*bucket));
	for (i = 0; i < nb; i++)
		if (compact[i])
			bucket[compact[i] - 1] = (uint32_t)i;
	for (f = 0; f < d->nfeat; f++)
		d->idx[f] = compact[d->idx[f]] - 1;

	/* A rare label's examples weigh more (p->balance 0: not at all). */
	cw = xcalloc(K, sizeof(*cw));
	for (i = 0; i < d->ndoc; i++)
		cw[d->label[i]]++;
	for (k = 0; k < K; k++)
		cw[k] = cw[k] > 0 ? pow((double)d->ndoc / ((double)K * cw[k]),
		    p->balance) : 0;

	/*
	 * The runs differ only in their order; the model is their mean.  The
	 * logits being linear in the weights, that is the mean of the runs'
	 * logits, at the cost of one model.  The first run's seed is the
	 * seed itself, so one run is the model of old.
	 */
	n = U * K + K;
	w = xcalloc(n, sizeof(*w));
	w1 = runs > 1 ? xcalloc(n, sizeof(*w1)) : w;
	for (r = 0; r < runs; r++) {
		adagrad_run(w1, U, K, d, cw, p, (uint64_t)p->seed +
		    r * UINT64_C(0x9e3779b97f4a7c15));
		if (w1 != w)
			for (i = 0; i < n; i++)
				w[i] += w1[i] / (float)runs;
	}
	if (w1 != w)
		free(w1);
	free(cw);
	m->bias = xcalloc(K, sizeof(*m->bias));
	memcpy(m->bias, w + U * K, K * sizeof(*m->bias));

	m->row = compact;
	for (i = 0; i < U; i++)
		m->row[bucket[i]] = (uint32_t)(i + 1);
	free(bucket);
	m->w = w;
	m->nrows = U;
	m->records = d->ndoc;
	m->epochs = p->epochs;
	m->seed = p->seed;
	m->runs = runs;
}

/* The file. */

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char c[4];

	c[0] = (unsigned char)v;
	c[1] = (unsigned char)(v >> 8);
	c[2] = (unsigned char)(v >> 16);
	c[3] = (unsigned char)(v >> 24);
	buf_add(b, c, 4);
}

static uint32_t
get32(const unsigned char *c)
{
	return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 |
	    (uint32_t)c[3] << 24;
}

static void
putf(struct buf *b, float f)
{
	uint32_t v;

	memcpy(&v, &f, sizeof(v));
	put32(b, v);
}

static float
getf(const unsigned char *c)
{
	uint32_t v = get32(c);
	float f;

	memcpy(&f, &v, sizeof(f));
	return f;
}

static void
put_jstring(struct buf *b, const char *key, const char *s)
{
	json_t *j = json_string(s);
	char *e = json_dumps(j, JSON_ENCODE_ANY | JSON_ENSURE_ASCII);

	buf_printf(b, "%s %s\n", key, e);
	free(e);
	json_decref(j);
}

static uLong
crc(const char *p, size_t n)
{
	uLong c = crc32(0L, Z_NULL, 0);

	while (n > 0) {
		uInt chunk = n > 1u << 30 ? 1u << 30 : (uInt)n;

		c = crc32(c, (const Bytef *)p, chunk);
		p += chunk;
		n -= chunk;
	}
	return c;
}

static int
gzip_buf(const struct buf *in, struct buf *out)
{
	z_stream z;
	int rc;

	memset(&z, 0, sizeof(z));
	/* 15 + 16: a gzip wrapper, with no time stamp: same bytes each run. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		errno = ENOMEM;
		return -1;
	}
	buf_grow(out, deflateBound(&z, in->len));
	z.next_in = (Bytef *)in->s;
	z.avail_in = (uInt)in->len;
	z.next_out = (Bytef *)out->s;
	z.avail_out = (uInt)(out->cap - 1);
	rc = deflate(&z, Z_FINISH);
	out->len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

int
model_save(const struct model *m, const char *path)
{
	struct buf b = BUF_INIT, z = BUF_INIT;
	size_t i, k, nb = (size_t)1 << m->bits, nrows = 0;
	int rc, saved;

	for (i = 0; i < nb; i++)
		if (m->row[i])
			nrows++;
	buf_printf(&b, "%s%d\n", MAGIC, MODEL_FORMAT);
	put_jstring(&b, "target", m->target);
	buf_printf(&b, "labels %zu\n", m->nlabels);
	for (i = 0; i < m->nlabels; i++)
		put_jstring(&b, "label", m->labels[i]);
	buf_printf(&b, "hash %u\n", m->bits);
	buf_printf(&b, "features %s%s%s%s\n", m->tokens ? MODEL_TOKENS :
	    MODEL_FEATURES, m->context ?
	    " " MODEL_CONTEXT : "", m->stack ? " " MODEL_STACK : "",
	    m->cross ? " " MODEL_CROSS : "");
	buf_printf(&b, "records %zu\n", m->records);
	buf_printf(&b, "epochs %u\n", m->epochs);
	buf_printf(&b, "seed %lu\n", m->seed);
	if (m->runs > 1)
		buf_printf(&b, "runs %u\n", m->runs);
	buf_printf(&b, "rows %zu\n", nrows);
	buf_adds(&b, "data\n");
	for (k = 0; k < m->nlabels; k++)
		putf(&b, m->bias[k]);
	for (i = 0; i < nb; i++) {
		if (!m->row[i])
			continue;
		put32(&b, (uint32_t)i);
		for (k = 0; k < m->nlabels; k++)
			putf(&b, m->w[(size_t)(m->row[i] - 1) * m->nlabels +
			    k]);
	}
	buf_printf(&b, "crc32 %08lx\n", (unsigned long)crc(b.s, b.len));
	if (b.len > UINT32_MAX) {
		buf_free(&b);
		errno = EFBIG;
		return -1;
	}
	rc = gzip_buf(&b, &z);
	if (rc == 0)
		rc = state_write(path, z.s, z.len);
	saved = errno;
	buf_free(&b);
	buf_free(&z);
	errno = saved;
	return rc;
}

/* Reading one: everything is checked before it is believed. */

struct reader {
	const char	*p;
	const char	*end;
};

/* The next header line, without its newline; NULL at the end. */
static const char *
next_line(struct reader *r, size_t *len)
{
	const char *s = r->p, *nl;

	if (s >= r->end || (nl = memchr(s, '\n', (size_t)(r->end - s))) ==
	    NULL)
		return NULL;
	*len = (size_t)(nl - s);
	r->p = nl + 1;
	return s;
}

/* "key VALUE" with a number; 0, -1 if the line is not that. */
static int
line_num(const char *s, size_t n, const char *key, unsigned long long max,
    unsigned long long *v)
{
	size_t kl = strlen(key), i;
	unsigned long long x = 0;

	if (n <= kl + 1 || strncmp(s, key, kl) != 0 || s[kl] != ' ')
		return -1;
	for (i = kl + 1; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || x > max / 10)
			return -1;
		x = x * 10 + (unsigned long long)(s[i] - '0');
	}
	if (x > max || n - kl - 1 > 20)
		return -1;
	*v = x;
	return 0;
}

/* "key \"json string\"": a new string, NULL if the line is not that. */
static char *
line_str(const char *s, size_t n, const char *key)
{
	size_t kl = strlen(key);
	json_t *j;
	char *v;

	if (n <= kl + 1 || strncmp(s, key, kl) != 0 || s[kl] != ' ')
		return NULL;
	j = json_loadb(s + kl + 1, n - kl - 1, JSON_DECODE_ANY, NULL);
	if (!json_is_string(j) || json_string_length(j) == 0 ||
	    strlen(json_string_value(j)) != json_string_length(j)) {
		json_decref(j);
		return NULL;
	}
	v = xstrdup(json_string_value(j));
	json_decref(j);
	return v;
}

/* Take the word w off the front of s[0..*n) if it is there. */
static int
take(const char **s, size_t *n, const char *w)
{
	size_t l = strlen(w);

	if (*n < l || memcmp(*s, w, l) != 0 || (*n > l && (*s)[l] != ' '))
		return 0;
	*s += l + (*n > l);
	*n -= l + (*n > l);
	return 1;
}

/*
 * The "features" line: the n-grams (of the text, or of the built-in's
 * tokens), then the context, the stacking and
 * the stacking by context (a model made before context was read has the
 * first, and the stacking unless --plain).
 */
static int
features(struct model *m, const char *s, size_t n)
{
	if (take(&s, &n, MODEL_TOKENS))
		m->tokens = 1;
	else if (!take(&s, &n, MODEL_FEATURES))
		return -1;
	m->context = take(&s, &n, MODEL_CONTEXT);
	m->stack = take(&s, &n, MODEL_STACK);
	if ((m->cross = take(&s, &n, MODEL_CROSS)) && !(m->stack &&
	    m->context))
		return -1;
	return n == 0 ? 0 : -1;
}

static int
parse(struct model *m, const char *data, size_t len, char *err,
    size_t errlen)
{
	struct reader r = { data, data + len };
	unsigned long long v, nlabels, bits, nrows;
	const char *s, *trailer;
	const unsigned char *p;
	size_t n, i, k, need;
	uint32_t b, last = 0;
	char *e;

	/* The checksum covers everything before its line. */
	if (len < 15 + strlen(MAGIC) + 2)
		goto truncated;
	trailer = data + len - 15;	/* "crc32 xxxxxxxx\n" */
	if (strncmp(trailer, "crc32 ", 6) != 0 || data[len - 1] != '\n')
		goto truncated;
	if (strtoul(trailer + 6, &e, 16) != crc(data,
	    (size_t)(trailer - data)) || e != data + len - 1) {
		snprintf(err, errlen, "corrupt (checksum mismatch)");
		return -1;
	}
	r.end = trailer;

	/* The magic line was checked by the caller. */
	(void)next_line(&r, &n);
	if ((s = next_line(&r, &n)) == NULL ||
	    (m->target = line_str(s, n, "target")) == NULL)
		goto bad;
	if ((s = next_line(&r, &n)) == NULL ||
	    line_num(s, n, "labels", MODEL_MAX_LABELS, &nlabels) == -1 ||
	    nlabels < 2)
		goto bad;
	m->labels = xcalloc(nlabels, sizeof(*m->labels));
	for (i = 0; i < nlabels; i++) {
		if ((s = next_line(&r, &n)) == NULL ||
		    (m->labels[i] = line_str(s, n, "label")) == NULL)
			goto bad;
		m->nlabels++;
		for (k = 0; k < i; k++)
			if (strcmp(m->labels[k], m->labels[i]) == 0)
				goto bad;
	}
	if ((s = next_line(&r, &n)) == NULL ||
	    line_num(s, n, "hash", 24, &bits) == -1 || bits < 8)
		goto bad;
	m->bits = (unsigned)bits;
	if ((s = next_line(&r, &n)) == NULL || n < 9 ||
	    strncmp(s, "features ", 9) != 0)
		goto bad;
	if (features(m, s + 9, n - 9) == -1) {
		snprintf(err, errlen, "unknown feature set \"%.*s\"",
		    (int)(n - 9 > 60 ? 60 : n - 9), s + 9);
		return -1;
	}
	/* Informative lines, in any order, up to "rows". */
	for (;;) {
		if ((s = next_line(&r, &n)) == NULL)
			goto bad;
		if (line_num(s, n, "records", SIZE_MAX, &v) == 0)
			m->records = (size_t)v;
		else if (line_num(s, n, "epochs", UINT32_MAX, &v) == 0)
			m->epochs = (unsigned)v;
		else if (line_num(s, n, "seed", UINT32_MAX, &v) == 0)
			m->seed = (unsigned long)v;
		else if (line_num(s, n, "runs", UINT32_MAX, &v) == 0)
			m->runs = (unsigned)v;
		else if (line_num(s, n, "rows", (size_t)1 << bits,
		    &nrows) == 0)
			break;
		else if (n == 4 && memcmp(s, "data", 4) == 0)
			goto bad;
	}
	if ((s = next_line(&r, &n)) == NULL || n != 4 ||
	    memcmp(s, "data", 4) != 0)
		goto bad;

	need = 4 * nlabels + nrows * (4 + 4 * nlabels);
	if ((size_t)(r.end - r.p) != need)
		goto bad;
	p = (const unsigned char *)r.p;
	m->bias = xcalloc(nlabels, sizeof(*m->bias));
	m->row = xcalloc((size_t)1 << bits, sizeof(*m->row));
	m->w = xreallocarray(NULL, nrows * nlabels + 1, sizeof(*m->w));
	for (k = 0; k < nlabels; k++, p += 4)
		if (!isfinite(m->bias[k] = getf(p)))
			goto bad;
	for (i = 0; i < nrows; i++) {
		b = get32(p);
		p += 4;
		if (b >= (uint32_t)1 << bits || (i > 0 && b <= last))
			goto bad;
		last = b;
		m->row[b] = (uint32_t)(i + 1);
		for (k = 0; k < nlabels; k++, p += 4)
			if (!isfinite(m->w[i * nlabels + k] = getf(p)))
				goto bad;
	}
	m->nrows = nrows;
	return 0;
bad:
	snprintf(err, errlen, "corrupt (bad header or weights)");
	return -1;
truncated:
	snprintf(err, errlen, "corrupt (truncated)");
	return -1;
}

static int
has_magic(const struct buf *b)
{
	return b->len >= strlen(MAGIC) + 2 &&
	    strncmp(b->s, MAGIC, strlen(MAGIC)) == 0;
}

/*
 * Read the whole file, gunzipped; -1 with a message in err.  A file that
 * does not start as a model is left after its first bytes.
 */
static int
slurp(const char *path, struct buf *b, char *err, size_t errlen)
{
	gzFile gz;
	int n, zerr, rc;
	const char *zmsg;
	unsigned long long ver = 0;
	size_t i;

	errno = 0;
	if ((gz = gzopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s", strerror(errno ? errno : ENOMEM));
		return -1;
	}
	for (;;) {
		buf_grow(b, 65536);
		if ((n = gzread(gz, b->s + b->len, 65536)) <= 0)
			break;
		b->len += (size_t)n;
		b->s[b->len] = '\0';
		if (b->len >= 16 && !has_magic(b))
			break;
		if (b->len > ((size_t)1 << 31)) {
			gzclose(gz);
			snprintf(err, errlen, "too large for a model");
			return -1;
		}
	}
	zmsg = gzerror(gz, &zerr);
	if (zerr == Z_ERRNO) {
		snprintf(err, errlen, "read error: %s", strerror(errno));
		gzclose(gz);
		return -1;
	}
	if (!has_magic(b)) {
		/* A gzip file cut before its first line is still ours. */
		if (zerr == Z_BUF_ERROR && !gzdirect(gz) && b->len <
		    strlen(MAGIC) + 2)
			snprintf(err, errlen, "corrupt (truncated)");
		else
			snprintf(err, errlen, "not an sc-classify model");
		gzclose(gz);
		return -1;
	}
	if (zerr == Z_BUF_ERROR)
		snprintf(err, errlen, "corrupt (truncated)");
	else if (zerr == Z_DATA_ERROR && strstr(zmsg, "check") != NULL)
		snprintf(err, errlen, "corrupt (checksum mismatch)");
	else if (zerr != Z_OK)
		snprintf(err, errlen, "corrupt (%s)", zmsg);
	rc = gzclose(gz);
	if (zerr != Z_OK)
		return -1;
	if (rc == Z_BUF_ERROR) {
		snprintf(err, errlen, "corrupt (truncated)");
		return -1;
	}
	for (i = strlen(MAGIC); i < b->len && b->s[i] >= '0' &&
	    b->s[i] <= '9' && ver < 1000000; i++)
		ver = ver * 10 + (unsigned long long)(b->s[i] - '0');
	if (i == strlen(MAGIC) || i >= b->len || b->s[i] != '\n' || ver < 1) {
		snprintf(err, errlen, "not an sc-classify model");
		return -1;
	}
	if (ver > MODEL_FORMAT) {
		snprintf(err, errlen, "made by a newer version of sc-classify "
		    "(model format %llu, this one reads %d)", ver,
		    MODEL_FORMAT);
		return -1;
	}
	return 0;
}

int
model_load(struct model *m, const char *path, char *err, size_t errlen)
{
	struct buf b = BUF_INIT;
	const char *slash;
	int rc;

	memset(m, 0, sizeof(*m));
	m->pos = m->neg = -1;
	slash = strrchr(path, '/');
	m->name = xstrdup(slash != NULL && slash[1] != '\0' ? slash + 1 :
	    path);
	rc = slurp(path, &b, err, errlen);
	if (rc == 0)
		rc = parse(m, b.s, b.len, err, errlen);
	buf_free(&b);
	if (rc == 0) {
		featx_init(&m->fx, m->bits);
		m->prob = xcalloc(m->nlabels, sizeof(*m->prob));
	} else
		model_free(m);	/* nothing is left to the caller */
	return rc;
}

void
model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->nlabels; i++) {
		free(m->labels[i]);
		if (m->jlabels != NULL)
			json_decref(m->jlabels[i]);
	}
	free(m->labels);
	free(m->jlabels);
	free(m->as);
	free(m->name);
	free(m->target);
	free(m->row);
	free(m->w);
	free(m->bias);
	free(m->prob);
	featx_free(&m->fx);
	if (m->text != NULL) {
		text_free(m->text);
		free(m->text);
	}
	memset(m, 0, sizeof(*m));
}

/* Score m->fx, with the context and stacking features m reads. */
static size_t
predict(struct model *m, int ctx, const float *stack)
{
	size_t i, k, best = 0, K = m->nlabels;
	const float *w;
	uint32_t r;

	if (m->context)
		model_context_feature(&m->fx, ctx);
	if (m->stack && stack != NULL)
		model_stack(&m->fx, stack);
	if (m->cross && stack != NULL)
		model_cross(&m->fx, stack, ctx);
	for (k = 0; k < K; k++)
		m->prob[k] = m->bias[k];
	/*
	 * The rows first, each weight row asked for at once: the cache
	 * misses overlap rather than queue.  fx.idx is spent after this.
	 */
	for (i = 0; i < m->fx.n; i++) {
		r = m->row[m->fx.idx[i]];
		if ((m->fx.idx[i] = r) != 0)
			__builtin_prefetch(m->w + (size_t)(r - 1) * K);
	}
	for (i = 0; i < m->fx.n; i++) {
		if ((r = m->fx.idx[i]) == 0)
			continue;
		w = m->w + (size_t)(r - 1) * K;
		for (k = 0; k < K; k++)
			m->prob[k] += (double)m->fx.val[i] * w[k];
	}
	softmax(m->prob, K);
	for (k = 1; k < K; k++)
		if (m->prob[k] > m->prob[best])
			best = k;
	return best;
}

size_t
model_predict(struct model *m, const char *s, size_t n, int ctx,
    const float *stack)
{
	if (m->tokens) {
		if (m->text == NULL) {
			m->text = xmalloc(sizeof(*m->text));
			text_init(m->text);
		}
		text_tokenize(m->text, s, n);
		model_hash_tokens(m->text);
		model_tokens(&m->fx, m->text);
	} else
		model_features(&m->fx, s, n);
	return predict(m, ctx, stack);
}

size_t
model_predict_text(struct model *m, const struct text *t, int ctx)
{
	model_tokens(&m->fx, t);
	return predict(m, ctx, NULL);
}

const char *
model_label(const json_t *v, struct buf *scratch)
{
	buf_reset(scratch);
	if (v == NULL)
		return NULL;
	switch (json_typeof(v)) {
	case JSON_STRING:
		return json_string_value(v);
	case JSON_INTEGER:
		buf_printf(scratch, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return buf_str(scratch);
	case JSON_REAL:
		buf_printf(scratch, "%.17g", json_real_value(v));
		return buf_str(scratch);
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	default:
		return NULL;
	}
}

/* Fields of "class" a model may not take: they are not decisions. */
static const char *const reserved[] = {
	"confidence", "model", "sentiment_score", NULL
};

/* Make m write class.AS (NULL: the last part of its target). */
static void
model_use(struct model *m, const char *as)
{
	const char *dot;
	size_t i;

	if (as == NULL) {
		dot = strrchr(m->target, '.');
		as = dot != NULL ? dot + 1 : m->target;
	}
	if (*as == '\0' || strchr(as, '.') != NULL)
		die(SC_EXIT_FATAL, "%s: not a class field name: \"%s\"",
		    m->name, as);
	for (i = 0; reserved[i] != NULL; i++)
		if (strcmp(as, reserved[i]) == 0)
			die(SC_EXIT_FATAL, "%s: class.%s is not a model's to "
			    "write; name another with --as", m->name, as);
	m->as = xstrdup(as);
	m->jlabels = xcalloc(m->nlabels, sizeof(*m->jlabels));
	for (i = 0; i < m->nlabels; i++) {
		m->jlabels[i] = json_string(m->labels[i]);
		if (strcmp(m->labels[i], "positive") == 0)
			m->pos = (int)i;
		else if (strcmp(m->labels[i], "negative") == 0)
			m->neg = (int)i;
	}
}

/* Three decimals, and never "-0.0", as the built-in fields. */
static json_t *
real3(double x)
{
	x = round(x * 1000) / 1000;
	return json_real(x == 0 ? 0 : x);
}

static void
model_apply(struct model *m, const char *s, size_t n, int ctx,
    const float *stack, json_t *class)
{
	json_t *conf;
	size_t k;

	k = model_predict(m, s, n, ctx, stack);
	json_object_set(class, m->as, m->jlabels[k]);
	conf = json_object_get(class, "confidence");
	if (!json_is_object(conf)) {
		conf = json_object();
		json_object_set_new(class, "confidence", conf);
	}
	json_object_set_new(conf, m->as, real3(m->prob[k]));
	if (m->pos >= 0 && m->neg >= 0 && strcmp(m->as, "sentiment") == 0)
		json_object_set_new(class, "sentiment_score",
		    real3(m->prob[m->pos] - m->prob[m->neg]));
}

struct models {
	struct model	*m;
	size_t		 n;
	json_t		*tag;		/* class.model */
};

struct models *
models_load(const struct model_opts *o, const char *builtin)
{
	struct models *ms;
	struct buf tag = BUF_INIT;
	char err[256];
	size_t i;

	if (o->n == 0)
		return NULL;
	ms = xcalloc(1, sizeof(*ms));
	ms->m = xcalloc(o->n, sizeof(*ms->m));
	buf_adds(&tag, builtin);
	for (i = 0; i < o->n; i++) {
		if (model_load(&ms->m[i], o->path[i], err, sizeof(err)) == -1)
			die(SC_EXIT_FATAL, "%s: %s", o->path[i], err);
		ms->n++;
		model_use(&ms->m[i], o->as[i]);
		buf_printf(&tag, "+%s:%s", ms->m[i].as, ms->m[i].name);
	}
	if ((ms->tag = json_string(buf_str(&tag))) == NULL)
		die(SC_EXIT_FATAL, "%s: a model file name must be UTF-8",
		    buf_str(&tag));
	buf_free(&tag);
	return ms;
}

void
models_apply(struct models *ms, const char *s, size_t n, int ctx,
    const float *stack, json_t *class)
{
	size_t i;

	for (i = 0; i < ms->n; i++)
		model_apply(&ms->m[i], s, n, ctx, stack, class);
	json_object_set(class, "model", ms->tag);
}

void
models_free(struct models *ms)
{
	size_t i;

	if (ms == NULL)
		return;
	for (i = 0; i < ms->n; i++)
		model_free(&ms->m[i]);
	free(ms->m);
	json_decref(ms->tag);
	free(ms);
}

/* Options. */

void
model_opts_init(struct model_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->train.seed = 1;
	o->train.epochs = 5;
	o->train.runs = MODEL_RUNS;
}

void
model_opts_free(struct model_opts *o)
{
	free(o->path);
	free(o->as);
	memset(o, 0, sizeof(*o));
}

#define GIVEN(opt)	(1u << ((opt) - OPT_MODEL))

/* "--x needs --y" and the like, then the usage: exit 2. */
static __attribute__((noreturn)) void
bad_combination(const char *what, const char *why)
{
	warnmsg("%s %s", what, why);
	cli_usage_error();
}

int
model_option(struct model_opts *o, int ch, const char *arg)
{
	switch (ch) {
	case OPT_MODEL:
		o->path = xreallocarray(o->path, o->n + 1, sizeof(*o->path));
		o->as = xreallocarray(o->as, o->n + 1, sizeof(*o->as));
		o->path[o->n] = arg;
		o->as[o->n++] = NULL;
		break;
	case OPT_AS:
		if (o->n == 0)
			bad_combination("--as", "names the --model before it");
		if (o->as[o->n - 1] != NULL)
			bad_combination("--as", "given twice for one --model");
		o->as[o->n - 1] = arg;
		break;
	case OPT_TRAIN:
		o->train.path = arg;
		break;
	case OPT_TARGET:
		o->train.target = arg;
		break;
	case OPT_SEED:
		o->train.seed = (unsigned long)cli_number("--seed", arg, 0,
		    UINT32_MAX);
		break;
	case OPT_EPOCHS:
		o->train.epochs = (unsigned)cli_number("--epochs", arg, 1,
		    1000);
		break;
	case OPT_RUNS:
		o->train.runs = (unsigned)cli_number("--runs", arg, 1,
		    MODEL_MAX_RUNS);
		break;
	case OPT_EVAL:
		o->eval.gold = arg;
		break;
	case OPT_FIELD:
		o->eval.field = arg;
		break;
	case OPT_PLAIN:
		o->train.plain = 1;
		break;
	case OPT_FEATURES:
		if (strcmp(arg, "text") == 0)
			o->train.tokens = 0;
		else if (strcmp(arg, "tokens") == 0)
			o->train.tokens = 1;
		else
			die(SC_EXIT_FATAL, "--features: must be text or tokens: "
			    "%s", arg);
		break;
	case OPT_FORMAT:
		if (strcmp(arg, "text") == 0)
			o->eval.ndjson = 0;
		else if (strcmp(arg, "ndjson") == 0)
			o->eval.ndjson = 1;
		else
			die(SC_EXIT_FATAL, "--format: must be text or ndjson: "
			    "%s", arg);
		break;
	default:
		return 0;
	}
	o->given |= GIVEN(ch);
	return 1;
}

int
model_mode(const struct model_opts *o)
{
	const unsigned train = GIVEN(OPT_TARGET) | GIVEN(OPT_SEED) |
	    GIVEN(OPT_EPOCHS) | GIVEN(OPT_RUNS) | GIVEN(OPT_PLAIN) |
	    GIVEN(OPT_FEATURES), eval = GIVEN(OPT_FIELD) | GIVEN(OPT_FORMAT);

	if ((o->given & GIVEN(OPT_TRAIN)) && (o->given & GIVEN(OPT_EVAL)))
		bad_combination("--train and --eval", "are separate runs");
	if (o->n > 0 && (o->given & (GIVEN(OPT_TRAIN) | GIVEN(OPT_EVAL))))
		bad_combination("--model", "classifies; it does not go with "
		    "--train or --eval");
	if (o->given & GIVEN(OPT_TRAIN)) {
		if (!(o->given & GIVEN(OPT_TARGET)))
			bad_combination("--train", "needs --target");
		if (o->given & eval)
			bad_combination("--field and --format", "go with "
			    "--eval");
		return MODE_TRAIN;
	}
	if (o->given & train)
		bad_combination("--target, --plain, --features, --seed, "
		    "--epochs and --runs", "go with --train");
	if (o->given & GIVEN(OPT_EVAL)) {
		if (!(o->given & GIVEN(OPT_FIELD)))
			bad_combination("--eval", "needs --field");
		return MODE_EVAL;
	}
	if (o->given & eval)
		bad_combination("--field and --format", "go with --eval");
	return MODE_CLASSIFY;
}
