/*
 * child.h - for fuzz harnesses whose loader ends a bad file with exit 2
 * (die()): fuzz_file_child() writes the input to a temporary file and
 * runs fn(path, arg) on it in a child process, standard error silenced
 * (unless SC_FUZZ_STDERR is set in the environment, to see why a
 * replayed input fails).
 * Exit 0 or 2 is fine; a signal (a crash, or a sanitizer report with
 * abort_on_error) or any other status is a finding and aborts the
 * harness too, so the fuzzer keeps the input.
 *
 * Under libFuzzer the child inherits its exit hook, which takes any
 * exit() during a run for a finding ("fuzz target exited") and turns
 * die()'s exit 2 into a crash.  The child's own on_exit() hook, run
 * first, leaves with the status as given and skips the inherited one.
 */
#ifndef FUZZ_CHILD_H
#define FUZZ_CHILD_H

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#ifdef __GLIBC__
static void
fuzz_child_exit(int status, void *arg)
{
	(void)arg;
	_exit(status);
}
#endif

static void
fuzz_file_child(const uint8_t *data, size_t size,
    void (*fn)(const char *, int), int arg)
{
	static char path[] = "/tmp/sc-fuzz-child.XXXXXX";
	static int fd = -1;
	pid_t pid;
	int st, null;

	if (fd == -1 && (fd = mkstemp(path)) == -1)
		abort();
	if (ftruncate(fd, 0) != 0 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		if (getenv("SC_FUZZ_STDERR") == NULL &&
		    (null = open("/dev/null", O_WRONLY)) >= 0)
			dup2(null, 2);
#ifdef __GLIBC__
		(void)on_exit(fuzz_child_exit, NULL);
#endif
		fn(path, arg);
		_exit(0);
	}
	/* libFuzzer's timer signal may interrupt the wait. */
	while (waitpid(pid, &st, 0) != pid)
		if (errno != EINTR)
			abort();
	if (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) != 0 &&
	    WEXITSTATUS(st) != 2))
		abort();
}

#endif
