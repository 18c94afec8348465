/* include/duban/tui/priv.h: running setgid to a dedicated group (doc/operations.md). The group
 * may open the database and nothing else: duban drops it at start and takes it back only while
 * opening (and closing) the database, so configuration, imports, exports and notices are read
 * and written with the person's own rights. TERMINFO, TERMINFO_DIRS and TERMCAP are ignored.
 * A new database is created with the person's own rights. Without setgid these do nothing. */
#ifndef DUBAN_TUI_PRIV_H
#define DUBAN_TUI_PRIV_H

#include <stdbool.h>

/* First thing in main(): remember the group, drop it. */
void priv_init(void);
/* Around opening the database (its -wal and -shm files are opened then too). */
void priv_enter_db(void);
void priv_leave_db(void);
/* The db_close_hook of a database opened so: the last to close removes -wal and -shm. */
void priv_around_close(bool closing);
/* Give the group up for good, saved set-group-ID too: before the terminal desk starts, which
 * needs no more than the open database. Afterwards priv_enter_db() does nothing. */
void priv_drop_for_good(void);
bool priv_is_setgid(void);

#endif
