/*
 * erlang.h - the Erlang C queue: how many agents a stream of work needs.
 *
 * Work arrives at random (Poisson) at rate lambda and each item takes an
 * agent aht seconds on average (exponentially distributed); with n agents
 * and traffic a = lambda * aht erlangs (a < n):
 *
 *	erlang_c(n, a)		the probability that an item waits,
 *	erlang_sl(n, a, t/aht)	the share answered within t:
 *				1 - C(n, a) * exp(-(n - a) * t / aht),
 *	erlang_asa(n, a, aht)	the mean wait: C(n, a) * aht / (n - a),
 *	erlang_agents()		the least n that reaches a target share.
 *
 * C(n, a) is computed through Erlang B's recurrence, so large n neither
 * overflows a factorial nor loses precision.  With a >= n the queue grows
 * without bound: erlang_c() is 1, the share 0 and the wait infinite.
 * Pure functions; nothing is allocated.
 */
#ifndef ERLANG_H
#define ERLANG_H

double	erlang_c(unsigned n, double a);
/* tr: the target time as a multiple of the handling time (t / aht). */
double	erlang_sl(unsigned n, double a, double tr);
double	erlang_asa(unsigned n, double a, double aht);
/* The least n (0 when a is 0) with erlang_sl() >= target; max if none. */
unsigned erlang_agents(double a, double tr, double target, unsigned max);

#endif
