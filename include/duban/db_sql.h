/* include/duban/db_sql.h: prepared statements on the database of db.h, for core/ only
 * (`make lint` refuses SQLite in tui/). Every statement binds its values. */
#ifndef DUBAN_DB_SQL_H
#define DUBAN_DB_SQL_H

#include <sqlite3.h>

#include "duban/db.h"

sqlite3 *db_sqlite(struct db *db);

int db_prepare(struct db *db, const char *sql, sqlite3_stmt **out, struct duban_err *err);
/* Like db_prepare, but the statement is kept by db for reuse (hot paths: import, lists):
 * reset and unbound on return; never finalize it. At most DB_STMT_CACHE are kept. */
#define DB_STMT_CACHE 48
int db_prepare_cached(struct db *db, const char *sql, sqlite3_stmt **out,
    struct duban_err *err);
/* Run SQL without parameters or results (schema, pragmas). */
int db_exec(struct db *db, const char *sql, struct duban_err *err);
/* Turn the last SQLite failure into DUBAN_EDB with a message saying what it means
 * (locked, read-only, disk full, corrupt...) and what duban was doing. */
int db_fail(struct db *db, const char *doing, struct duban_err *err);

/* Bind helpers: NULL for an empty string or no date. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Bind "%text%" with text's %, _ and \ escaped, for "LIKE ?idx ESCAPE '\'": the typed text
 * is matched literally. */
int db_bind_like(sqlite3_stmt *st, int idx, const char *text);

#endif
