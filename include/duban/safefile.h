/* include/duban/safefile.h: every file duban creates or replaces goes through here. A regular
 * file (or a name not yet taken) is written to a new temporary file beside it, created with
 * O_CREAT|O_EXCL|O_NOFOLLOW, made durable and renamed over the name only when complete; a
 * terminal, device or pipe (/dev/null, /dev/stdout, a FIFO) is written to directly and never
 * replaced; a symbolic link to a file is refused, never followed. The temporary files in use
 * are listed so that a signal handler can remove them (safefile_remove_temps()). */
#ifndef DUBAN_SAFEFILE_H
#define DUBAN_SAFEFILE_H

#include <stdbool.h>
#include <stdio.h>

struct duban_err;

enum safefile_flags {
	SAFEFILE_NO_SYNC = 1 << 0,	/* advisory content: skip fsync */
	/* A name duban owns (the DB-writer note): whatever is there, link, device or pipe,
	 * is replaced by a regular file, never written through. */
	SAFEFILE_OWNED_NAME = 1 << 1,
	SAFEFILE_REGULAR_ONLY = 1 << 2,	/* refuse devices and pipes (a backup is a file) */
	SAFEFILE_DB_MODE = 1 << 3,	/* mode 0660 whatever the umask: a database's own file */
};

struct safefile;

/* Open path for writing as above, mode 0666 less the umask (0660 with SAFEFILE_DB_MODE).
 * DUBAN_EINPUT, naming path and the reason, when it is a directory, a symbolic link to a
 * file, or cannot be created there. */
int safefile_open(const char *path, unsigned flags, struct safefile **out,
    struct duban_err *err);
FILE *safefile_stream(struct safefile *sf);
/* The temporary file being written (for a writer that needs a path, such as SQLite's
 * backup); NULL when writing directly to a device or pipe. */
const char *safefile_temp_path(const struct safefile *sf);
/* Flush, fsync, rename into place and free sf. DUBAN_EINPUT if anything failed (disk full):
 * then the temporary file is removed and the old file, if any, left as it was. */
int safefile_commit(struct safefile *sf, struct duban_err *err);
/* Remove the temporary file and free sf; NULL is a no-op. */
void safefile_abort(struct safefile *sf);

/* a and b name the same existing file (the same inode, through links or not). */
bool safefile_same_file(const char *a, const char *b);

/* List path as one to remove on a signal (for files another library creates beside a
 * temporary file, such as SQLite's -journal); returns a slot for safefile_untrack(), -1 if
 * the list is full. */
int safefile_track(const char *path);
void safefile_untrack(int slot);
/* Unlink every listed temporary file. Async-signal-safe: for the handlers of tui/main.c. */
void safefile_remove_temps(void);

#endif
