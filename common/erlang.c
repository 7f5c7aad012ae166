/*
 * erlang.c - Erlang C (see erlang.h).
 */
#include <math.h>

#include "erlang.h"

double
erlang_c(unsigned n, double a)
{
	double b = 1;
	unsigned k;

	if (n == 0 || a >= n)
		return 1;
	if (a <= 0)
		return 0;
	/* Erlang B: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). */
	for (k = 1; k <= n; k++)
		b = a * b / (k + a * b);
	return b / (1 - (a / n) * (1 - b));
}

double
erlang_sl(unsigned n, double a, double tr)
{
	if (a <= 0)
		return 1;
	if (a >= n)
		return 0;
	return 1 - erlang_c(n, a) * exp(-(n - a) * tr);
}

double
erlang_asa(unsigned n, double a, double aht)
{
	if (a <= 0)
		return 0;
	if (a >= n)
		return INFINITY;
	return erlang_c(n, a) * aht / (n - a);
}

unsigned
erlang_agents(double a, double tr, double target, unsigned max)
{
	unsigned n;

	if (a <= 0)
		return 0;
	for (n = (unsigned)floor(a) + 1; n < max; n++)
		if (erlang_sl(n, a, tr) >= target)
			return n;
	return max;
}
