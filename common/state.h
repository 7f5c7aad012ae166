/*
 * state.h - state files that survive crashes and concurrent runs.
 *
 * state_write() replaces a file atomically: it writes a temporary file in
 * the same directory, fsyncs it, renames it over the target and fsyncs the
 * directory, so a reader (or a run after kill -9) sees the old contents or
 * the new, never a mix.  state_lock() takes an exclusive lock on PATH.lock
 * without waiting; a lock held by another run is a temporary failure.
 */
#ifndef STATE_H
#define STATE_H

#include <stddef.h>
#include <jansson.h>

/* 0, or -1 with errno set (nothing replaced). */
int	state_write(const char *path, const void *data, size_t len);
/* The JSON value of j, written with state_write(). */
int	state_write_json(const char *path, const json_t *j);
/*
 * Returns a JSON value, or NULL: *missing is set when the file does not
 * exist (not an error); otherwise the error ("path: Is a directory",
 * "path: larger than 64 MiB", "path:line: parse error") is reported and
 * NULL returned.  The caller checks the value's shape.
 */
json_t	*state_read_json(const char *path, int *missing);
/*
 * Lock fd (>= 0), -2 when another process holds the lock, -1 on another
 * error (errno set).  Close the fd to release.
 */
int	state_lock(const char *path);

#endif
