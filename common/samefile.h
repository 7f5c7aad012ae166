/*
 * samefile.h - never write over an input.
 *
 * "sc-route -o s.ndjson s.ndjson" would truncate s.ndjson before reading
 * it: the posts are gone and the run reports success.  samefile_check()
 * is called before an output is opened (or truncated); it dies (exit 2)
 *
 *	sc-route: s.ndjson: output file is also an input
 *	sc-route: out.ndjson: output file is also an input (as ./s.ndjson)
 *
 * when out is a regular file that is the same file (device and inode) as
 * one of files[0..nfiles), whatever path names it, or as standard input
 * when nfiles is 0 or an operand is "-".  role names the option in the
 * message ("output file", "rejects file").  A missing out, "-" or NULL
 * (standard output) and non-regular files (/dev/null) pass; so does an
 * input that cannot be stat()ed (the reader reports it later).
 */
#ifndef SAMEFILE_H
#define SAMEFILE_H

void	samefile_check(const char *out, const char *role, char *const *files,
	    int nfiles);

#endif
