/*
 * test-erlang - erlang.h against the worked example of Call Centre
 * Helper's "Erlang C Formula - Made Simple" (100 calls per half hour,
 * 180-second handling time, 80% answered within 20 seconds: 10 erlangs,
 * 14 agents, service level 88.8%, occupancy 71.4%; at 11 agents the
 * probability of waiting is 68.2%), and the edges.
 */
#include <math.h>
#include <stdio.h>

#include "erlang.h"
#include "tap.h"

static int
near(double x, double want, double tol)
{
	if (fabs(x - want) <= tol)
		return 1;
	printf("#   got %.6f, want %.6f\n", x, want);
	return 0;
}

int
main(void)
{
	double a = 200.0 * 180 / 3600;	/* 200 an hour, 180 s each */

	ok(near(a, 10, 1e-12), "100 calls a half hour of 3 minutes: 10 erlangs");
	ok(near(erlang_c(11, a), 0.6821, 0.00005),
	    "11 agents: a call waits with probability 0.6821");
	ok(near(erlang_sl(11, a, 20.0 / 180), 0.3897, 0.0005),
	    "11 agents: 39%% answered within 20 s");
	ok(near(erlang_sl(13, a, 20.0 / 180), 0.7956, 0.0005),
	    "13 agents: 79.6%%, short of 80%%");
	ok(near(erlang_sl(14, a, 20.0 / 180), 0.8884, 0.0005),
	    "14 agents: 88.8%%");
	ok(erlang_agents(a, 20.0 / 180, 0.80, 1000) == 14,
	    "80/20 needs 14 agents");
	ok(near(a / 14, 0.714, 0.0005), "occupancy 71.4%%");
	ok(near(erlang_asa(14, a, 180), 0.1741 * 180 / 4, 0.05),
	    "mean wait at 14 agents: C * aht / (n - a)");
	ok(erlang_agents(0, 1, 0.8, 1000) == 0, "no work, no agents");
	ok(erlang_c(10, 10) == 1 && erlang_sl(10, 10, 1) == 0 &&
	    isinf(erlang_asa(10, 10, 60)), "a >= n: everyone waits forever");
	ok(erlang_agents(5000, 1.0 / 18, 0.8, 100000) > 5000 &&
	    erlang_agents(5000, 1.0 / 18, 0.8, 100000) < 5200,
	    "5000 erlangs: no overflow, a little over 5000 agents");
	ok(erlang_agents(1e9, 1, 0.8, 100) == 100, "capped at max");
	return tap_done();
}
