/*
 * paths.h - where installed data files are.
 *
 * sc_datafile("lexicon.tsv") looks, in order, in $SC_DATADIR, in
 * ../share/sc beside the running program (so an installed tree, and the
 * build tree, find their own data wherever they are), and in the DATADIR
 * compiled in.  Returns a new string the caller frees, or NULL when the
 * file is in none of them.
 */
#ifndef PATHS_H
#define PATHS_H

char	*sc_datafile(const char *name);
/* The data directory compiled in (DATADIR), for messages. */
const char *sc_datadir(void);

#endif
