/*
 * driver.h - a main() for the fuzz harnesses when libFuzzer is not there
 * (built with -DSC_FUZZ_MAIN, usually with gcc's ASan and UBSan):
 *
 *	fuzz-NAME [-t seconds] [-o prefix] file|dir ...
 *
 * runs LLVMFuzzerTestOneInput once over every file named (or in a folder
 * named).  With -t it then goes on for that many seconds over random
 * mutations of those inputs, a poor man's fuzzer; when an input crashes,
 * it is written to PREFIX plus a hash of it (default "crash-") so that it
 * can be replayed (run with ASAN_OPTIONS and UBSAN_OPTIONS abort_on_error=1
 * so that every sanitizer report ends in SIGABRT, which saves the input).
 * Exit 0 when nothing crashed.
 */
#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#define DRIVER_MAXLEN	(1 << 20)

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct {
	uint8_t		**v;
	size_t		 *len;
	size_t		  n;
	const char	 *prefix;
	uint8_t		 *cur;		/* the input being run */
	size_t		  curlen;
} drv;

/* Save the input being run; only async-signal-safe calls. */
static void
driver_save(void)
{
	static const char hex[] = "0123456789abcdef";
	char name[4096];
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i, k;
	int fd;

	if (drv.cur == NULL)
		return;
	for (i = 0; i < drv.curlen; i++)
		h = (h ^ drv.cur[i]) * 0x100000001b3ULL;
	k = strlen(drv.prefix);
	if (k > sizeof(name) - 17)
		return;
	memcpy(name, drv.prefix, k);
	for (i = 0; i < 16; i++)
		name[k++] = hex[(h >> (60 - 4 * i)) & 0xf];
	name[k] = '\0';
	if ((fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644)) != -1) {
		if (write(fd, drv.cur, drv.curlen) == (ssize_t)drv.curlen &&
		    write(STDERR_FILENO, "crashing input saved as ", 24) > 0 &&
		    write(STDERR_FILENO, name, k) > 0)
			(void)!write(STDERR_FILENO, "\n", 1);
		close(fd);
	}
	drv.cur = NULL;
}

static void
driver_signal(int sig)
{
	driver_save();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
driver_add(const char *path)
{
	struct stat sb;
	FILE *fp;
	uint8_t *p;
	size_t n;

	if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode))
		return;
	if ((fp = fopen(path, "rb")) == NULL)
		return;
	p = malloc(DRIVER_MAXLEN);
	n = fread(p, 1, DRIVER_MAXLEN, fp);
	fclose(fp);
	drv.v = realloc(drv.v, (drv.n + 1) * sizeof(*drv.v));
	drv.len = realloc(drv.len, (drv.n + 1) * sizeof(*drv.len));
	drv.v[drv.n] = realloc(p, n ? n : 1);
	drv.len[drv.n++] = n;
}

static void
driver_add_arg(const char *path)
{
	struct dirent *e;
	char sub[4096];
	DIR *d;

	if ((d = opendir(path)) == NULL) {
		driver_add(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		driver_add(sub);
	}
	closedir(d);
}

static void
driver_run(uint8_t *p, size_t n)
{
	uint8_t *copy;

	/* A copy of exactly n bytes, so that ASan sees reads past it. */
	copy = malloc(n ? n : 1);
	memcpy(copy, p, n);
	drv.cur = copy;
	drv.curlen = n;
	LLVMFuzzerTestOneInput(copy, n);
	drv.cur = NULL;
	free(copy);
}

static uint64_t
driver_rand(void)
{
	static uint64_t x = 88172645463325252ULL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

/* One random mutation of a random input into buf; its length. */
static size_t
driver_mutate(uint8_t *buf, size_t cap)
{
	static const char *tokens[] = { "\n", "\"", "\\", "{", "}", "[", "]",
	    ":", ",", "T", "Z", "+", "-", ".", "0", "9", "\x1f\x8b", "\r\n",
	    "2026-02-29T24:00:60+23:59", "Tue Oct 31 22:10:10 +0000 2017",
	    "1700000000000", "\\\"", "\xff", "\xc3\xa9" };
	size_t n, i, k, at, len;
	const uint8_t *src;

	if (drv.n == 0) {
		n = driver_rand() % 64;
		for (i = 0; i < n; i++)
			buf[i] = (uint8_t)driver_rand();
		return n;
	}
	k = driver_rand() % drv.n;
	n = drv.len[k] < cap ? drv.len[k] : cap;
	memcpy(buf, drv.v[k], n);
	for (i = 1 + driver_rand() % 4; i > 0; i--) {
		at = n ? driver_rand() % (n + 1) : 0;
		switch (driver_rand() % 7) {
		case 0:			/* flip a bit */
			if (at < n)
				buf[at] ^= (uint8_t)(1u << driver_rand() % 8);
			break;
		case 1:			/* a random byte */
			if (at < n)
				buf[at] = (uint8_t)driver_rand();
			break;
		case 2:			/* delete a run */
			len = driver_rand() % 16;
			if (at + len > n)
				len = n - at;
			memmove(buf + at, buf + at + len, n - at - len);
			n -= len;
			break;
		case 3:			/* insert a token */
			src = (const uint8_t *)tokens[driver_rand() %
			    (sizeof(tokens) / sizeof(tokens[0]))];
			len = strlen((const char *)src);
			if (n + len > cap)
				break;
			memmove(buf + at + len, buf + at, n - at);
			memcpy(buf + at, src, len);
			n += len;
			break;
		case 4:			/* splice in part of another input */
			k = driver_rand() % drv.n;
			len = drv.len[k] ? driver_rand() % drv.len[k] : 0;
			if (n + len > cap)
				break;
			memmove(buf + at + len, buf + at, n - at);
			memcpy(buf + at, drv.v[k] + (drv.len[k] - len), len);
			n += len;
			break;
		case 5:			/* cut */
			n = at;
			break;
		default:		/* duplicate a run */
			len = driver_rand() % 32;
			if (at + len > n || n + len > cap)
				break;
			memmove(buf + at + len, buf + at, n - at);
			n += len;
			break;
		}
	}
	return n;
}

int
main(int argc, char **argv)
{
	unsigned long runs = 0;
	uint8_t *buf;
	time_t end = 0;
	size_t i, n;
	int ch;

	drv.prefix = "crash-";
	while ((ch = getopt(argc, argv, "o:t:")) != -1) {
		switch (ch) {
		case 'o':
			drv.prefix = optarg;
			break;
		case 't':
			end = time(NULL) + atol(optarg);
			break;
		default:
			fprintf(stderr, "usage: %s [-t seconds] [-o prefix] "
			    "file|dir ...\n", argv[0]);
			return 2;
		}
	}
	signal(SIGABRT, driver_signal);
	signal(SIGSEGV, driver_signal);
	signal(SIGILL, driver_signal);
	signal(SIGFPE, driver_signal);
	signal(SIGBUS, driver_signal);
#if defined(__SANITIZE_ADDRESS__)
	__sanitizer_set_death_callback(driver_save);
#endif
	for (; optind < argc; optind++)
		driver_add_arg(argv[optind]);
	for (i = 0; i < drv.n; i++, runs++)
		driver_run(drv.v[i], drv.len[i]);
	if (end != 0) {
		buf = malloc(DRIVER_MAXLEN);
		while (time(NULL) < end) {
			for (i = 0; i < 1000; i++, runs++) {
				n = driver_mutate(buf, 65536);
				driver_run(buf, n);
			}
		}
		free(buf);
	}
	fprintf(stderr, "%s: %lu runs over %zu inputs, no crash\n", argv[0],
	    runs, drv.n);
	for (i = 0; i < drv.n; i++)
		free(drv.v[i]);
	free(drv.v);
	free(drv.len);
	return 0;
}

#endif
