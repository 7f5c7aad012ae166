#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "jsonw.h"
#include "state.h"
#include "xmem.h"

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
state_write(const char *path, const void *data, size_t len)
{
	char *tmp, *dcopy;
	int fd, dfd, saved;

	tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (write_all(fd, data, len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	/* Make the rename itself durable. */
	dcopy = xstrdup(path);
	if ((dfd = open(dirname(dcopy), O_RDONLY | O_DIRECTORY)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dcopy);
	return 0;
}

int
state_write_json(const char *path, const json_t *j)
{
	struct buf b = BUF_INIT;
	int rc, saved;

	jsonw(&b, j);
	buf_addc(&b, '\n');
	rc = state_write(path, b.s, b.len);
	saved = errno;
	buf_free(&b);
	errno = saved;
	return rc;
}

json_t *
state_read_json(const char *path, int *missing)
{
	struct buf b = BUF_INIT;
	json_error_t err;
	json_t *j;

	*missing = 0;
	if (access(path, F_OK) == -1 && errno == ENOENT) {
		*missing = 1;
		return NULL;
	}
	if (buf_readfile_max(&b, path, SC_FILE_MAX) == -1) {
		if (errno == EFBIG)
			warnat(path, 0, "larger than 64 MiB");
		else
			warnat(path, 0, "%s", strerror(errno));
		buf_free(&b);
		return NULL;
	}
	if ((j = json_loadb(buf_str(&b), b.len, 0, &err)) == NULL)
		warnat(path, err.line > 0 ? (unsigned long)err.line : 0, "%s",
		    err.text);
	buf_free(&b);
	return j;
}

int
state_lock(const char *path)
{
	char *lock;
	int fd, saved;

	lock = xasprintf("%s.lock", path);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	saved = errno;
	free(lock);
	if (fd == -1) {
		errno = saved;
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return saved == EWOULDBLOCK ? -2 : -1;
	}
	return fd;
}
