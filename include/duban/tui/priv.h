/* include/duban/tui/priv.h: running setgid to a dedicated group (doc/operations.md). The group
 * may open the database and nothing else: duban drops it at start and takes it back only while
 * opening the database, so configuration, imports, exports and notices are read and written
 * with the person's own rights. Without setgid these do nothing. */
#ifndef DUBAN_TUI_PRIV_H
#define DUBAN_TUI_PRIV_H

#include <stdbool.h>

/* First thing in main(): remember the group, drop it. */
void priv_init(void);
/* Around opening the database (its -wal and -shm files are opened then too). */
void priv_enter_db(void);
void priv_leave_db(void);
bool priv_is_setgid(void);

#endif
