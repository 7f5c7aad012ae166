/*
 * tap.h - the smallest TAP producer: ok(cond, fmt, ...) prints
 * "ok N - what" or "not ok N - what" (with the file and line of a
 * failure), and tap_done() prints the plan and returns the exit status.
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static int __attribute__((format(printf, 4, 5)))
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond) {
		printf("#   failed at %s:%d\n", file, line);
		tap_failed++;
	}
	return cond;
}

#define ok(cond, ...)	tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(a, b, ...) do { \
	const char *tap_a = (a), *tap_b = (b); \
	if (!ok(tap_a && tap_b && strcmp(tap_a, tap_b) == 0, __VA_ARGS__)) \
		printf("#   got \"%s\"\n#   want \"%s\"\n", \
		    tap_a ? tap_a : "(null)", tap_b ? tap_b : "(null)"); \
} while (0)

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
