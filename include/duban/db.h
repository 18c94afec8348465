/* include/duban/db.h: the one SQLite database: opening, schema and forward migrations,
 * transactions with busy retry. Statements and everything else that speaks SQL are declared
 * in duban/db_sql.h, for core/ only: the terminal layer asks core functions, never SQLite. */
#ifndef DUBAN_DB_H
#define DUBAN_DB_H

#include <stdbool.h>

struct buf;
struct duban_err;
struct db;	/* opaque */

/* The schema version this build writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 9

enum db_mode {
	DB_OPEN_EXISTING,	/* the file must exist and hold a duban database */
	DB_CREATE,		/* create the file if missing; refuse one that already has data */
	DB_READ_ONLY,		/* open read-only: no migrations, no writes */
};

/* Open path. busy_timeout_ms: how long a statement waits for another writer. Foreign keys and
 * the busy timeout are set, WAL for a new database (db_use_wal() for an existing one); an
 * older schema is migrated forward in one transaction.
 * DUBAN_EDB for a missing file (DB_OPEN_EXISTING), a file that is not a duban database, a
 * schema newer than this build, a read-only or corrupt file, or a missing directory. */
int db_open(const char *path, enum db_mode mode, int busy_timeout_ms, struct db **out,
    struct duban_err *err);
void db_close(struct db *db);
/* Put the database in WAL mode if it is not (a restored backup is in rollback mode), and open
 * its -wal and -shm files now. A no-op for a read-only handle. DUBAN_EDB if it cannot. */
int db_use_wal(struct db *db, struct duban_err *err);
/* Called with true just before db_close() closes the file and with false just after (a setgid
 * program takes back the group SQLite needs to remove -wal and -shm). */
typedef void (*db_close_hook)(bool closing);
void db_set_close_hook(struct db *db, db_close_hook hook);
/* Who is acting and when ("YYYY-MM-DD HH:MM:SS"), recorded by every audit row written through
 * this handle. Strings are copied. */
void db_set_actor(struct db *db, const char *login, const char *now);
const char *db_actor_login(const struct db *db);
const char *db_actor_now(const struct db *db);
/* The acting person's role (an int holding enum user_role; ROLE_ADMIN-level checks are in
 * access.c). A new handle has role 0 (none) until the program sets it. */
void db_set_actor_role(struct db *db, int role);
int db_actor_role_value(const struct db *db);
const char *db_path(const struct db *db);

/* BEGIN IMMEDIATE, waiting for the busy timeout; DUBAN_EDB "locked" past it. Nesting is
 * counted: only the outermost db_begin/db_end pair touches SQLite. */
int db_begin(struct db *db, struct duban_err *err);
/* COMMIT if rc is DUBAN_OK, else ROLLBACK; returns rc, or DUBAN_EDB if COMMIT fails. */
int db_end(struct db *db, int rc, struct duban_err *err);

/* meta table: key/value facts about the database (created_on, created_by...). */
int db_meta_get(struct db *db, const char *key, char **value, struct duban_err *err);
int db_meta_set(struct db *db, const char *key, const char *value, struct duban_err *err);

/* PRAGMA integrity_check and foreign_key_check; appends findings to report, sets *sound. */
int db_check(struct db *db, bool *sound, struct buf *report, struct duban_err *err);
/* Append a line per live record whose natural key collides with another's in the normalised
 * form (text_key_norm): records that existed before schema 2 and were both kept by its
 * migration. Nothing is appended for a sound database. */
int db_key_duplicates(struct db *db, struct buf *report, struct duban_err *err);

int db_schema_version(struct db *db, int *version, struct duban_err *err);

/* A consistent copy of the whole database at path (SQLite online backup: others keep working
 * meanwhile), written to a temporary file, checked, then renamed into place; an existing
 * file at path is replaced only when the new copy is sound. */
int db_backup(struct db *db, const char *path, struct duban_err *err);

#endif
