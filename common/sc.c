#include "sc.h"

int
sc_worse(int a, int b)
{
	/* Rank: 0 < 1 < 2 < 75; a temporary failure outranks a fatal one
	 * only in that cron may retry it, so fatal wins over it. */
	static const int rank[] = { 0, 1, 3 };
	int ra, rb;

	ra = a == SC_EXIT_TEMPFAIL ? 2 : (a >= 0 && a <= 2 ? rank[a] : 3);
	rb = b == SC_EXIT_TEMPFAIL ? 2 : (b >= 0 && b <= 2 ? rank[b] : 3);
	return ra >= rb ? a : b;
}
