/*
 * child.h - for fuzz harnesses whose loader ends a bad file with exit 2
 * (die()): fuzz_file_child() writes the input to a temporary file and
 * runs fn(path, arg) on it in a child process, standard error silenced.
 * Exit 0 or 2 is fine; a signal (a crash, or a sanitizer report with
 * abort_on_error) or any other status is a finding and aborts the
 * harness too, so the fuzzer keeps the input.
 */
#ifndef FUZZ_CHILD_H
#define FUZZ_CHILD_H

#include <sys/wait.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

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
		if ((null = open("/dev/null", O_WRONLY)) >= 0)
			dup2(null, 2);
		fn(path, arg);
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid)
		abort();
	if (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) != 0 &&
	    WEXITSTATUS(st) != 2))
		abort();
}

#endif
