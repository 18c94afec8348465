/* tests/unit/test_db.c: the SQLite database — creating and refusing files, transactions and
 * their nesting, the append-only audit trail, integrity checks, and the failure paths: a lock
 * held by a second connection, a full disk, a read-only database. Each test gets its own
 * temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "test_tmp.h"

#define TMP_LEN 256
#define PATH_LEN 1024

struct tmp {
	char dir[TMP_LEN];
	char db[PATH_LEN];	/* dir/duban.db, not yet created */
};

static int
tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return -1;
	if (test_mkdtemp(t->dir, sizeof(t->dir), "db") == NULL) {
		free(t);
		return -1;
	}
	snprintf(t->db, sizeof(t->db), "%s/duban.db", t->dir);
	*state = t;
	return 0;
}

static int
tmp_teardown(void **state)
{
	struct tmp *t = *state;
	DIR *d = opendir(t->dir);
	struct dirent *de;

	chmod(t->dir, 0755);
	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[PATH_LEN];

			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", t->dir, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(t->dir);
	free(t);
	return 0;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void
expect_text(const char *path, const char *text)
{
	char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	assert_string_equal(buf, text);
}

/* Run SQL on a plain connection (not through duban). */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *s = NULL;

	assert_int_equal(sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL), SQLITE_OK);
	if (sqlite3_exec(s, sql, NULL, NULL, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(s));
		sqlite3_close(s);
		fail();
	}
	sqlite3_close(s);
}

/* One integer from a query on sql. */
static int64_t
query_int(sqlite3 *sql, const char *q)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(sql, q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text value from a query into out ("" for NULL). */
static void
query_text(sqlite3 *sql, const char *q, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *s;

	assert_int_equal(sqlite3_prepare_v2(sql, q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", s != NULL ? (const char *)s : "");
	sqlite3_finalize(st);
}

/* A count from a second, plain connection: what other users see. */
static int64_t
count_elsewhere(const char *path, const char *q)
{
	sqlite3 *s = NULL;
	int64_t n;

	assert_int_equal(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	n = query_int(s, q);
	sqlite3_close(s);
	return n;
}

static struct db *
create_db(const struct tmp *t, int busy_ms)
{
	struct db *db = NULL;
	struct duban_err err;

	duban_err_clear(&err);
	if (db_open(t->db, DB_CREATE, busy_ms, &db, &err) != DUBAN_OK) {
		print_error("db_open %s: %s %s\n", t->db, err.where, err.msg);
		fail();
	}
	return db;
}

static void
expect_open_refused(const char *path, enum db_mode mode)
{
	struct db *db = NULL;
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = db_open(path, mode, 100, &db, &err);
	if (rc != DUBAN_EDB || err.rc != DUBAN_EDB || err.msg[0] == '\0') {
		print_error("db_open(%s, mode %d): rc %d msg \"%s\"; want DUBAN_EDB\n", path,
		    (int)mode, rc, err.msg);
		if (rc == DUBAN_OK)
			db_close(db);
		fail();
	}
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1000.0 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* ---- opening ---- */

static void
test_create_new_database(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	char mode[32];
	int version = -1;

	assert_string_equal(db_path(db), t->db);
	assert_int_equal(db_schema_version(db, &version, &err), DUBAN_OK);
	assert_int_equal(version, DB_SCHEMA_VERSION);
	assert_int_equal(DB_SCHEMA_VERSION, 9);
	assert_int_equal(query_int(db_sqlite(db), "PRAGMA user_version"), DB_SCHEMA_VERSION);
	query_text(db_sqlite(db), "PRAGMA journal_mode", mode, sizeof(mode));
	assert_string_equal(mode, "wal");
	assert_int_equal(query_int(db_sqlite(db), "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_int(db_sqlite(db), "SELECT count(*) FROM sqlite_master WHERE "
	    "type = 'table' AND name IN ('meta', 'users', 'audit_log')"), 3);
	assert_int_equal(query_int(db_sqlite(db), "SELECT count(*) FROM audit_log"), 0);
	db_close(db);

	/* And it opens again as an existing database, still WAL, foreign keys on. */
	db = NULL;
	assert_int_equal(db_open(t->db, DB_OPEN_EXISTING, 1000, &db, &err), DUBAN_OK);
	assert_int_equal(db_schema_version(db, &version, &err), DUBAN_OK);
	assert_int_equal(version, DB_SCHEMA_VERSION);
	query_text(db_sqlite(db), "PRAGMA journal_mode", mode, sizeof(mode));
	assert_string_equal(mode, "wal");
	assert_int_equal(query_int(db_sqlite(db), "PRAGMA foreign_keys"), 1);
	db_close(db);
}

/* An empty file (a `touch`ed path) holds no data, so DB_CREATE may use it. */
static void
test_create_over_empty_file(void **state)
{
	struct tmp *t = *state;
	struct db *db;
	int version = -1;
	struct duban_err err;

	write_text(t->db, "");
	db = create_db(t, 1000);
	assert_int_equal(db_schema_version(db, &version, &err), DUBAN_OK);
	assert_int_equal(version, DB_SCHEMA_VERSION);
	db_close(db);
}

static void
test_create_refuses_existing_file(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	char text[PATH_LEN];

	db_close(db);
	expect_open_refused(t->db, DB_CREATE);
	/* Still the same database afterwards. */
	assert_int_equal(count_elsewhere(t->db, "PRAGMA user_version"), DB_SCHEMA_VERSION);

	snprintf(text, sizeof(text), "%s/notes.txt", t->dir);
	write_text(text, "not a database\n");
	expect_open_refused(text, DB_CREATE);
	expect_text(text, "not a database\n");
}

/* What an init killed midway (tests/stress/long.sh) leaves: an SQLite file in WAL mode with
 * no tables and no schema version. "duban check" calls it empty and sends the user to init,
 * so init must take it; a file with tables stays refused. */
static void
test_create_over_interrupted_init(void **state)
{
	struct tmp *t = *state;
	struct db *db;
	sqlite3 *s = NULL;
	struct stat sb;
	int version = -1;
	struct duban_err err;

	assert_int_equal(sqlite3_open(t->db, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
	assert_int_equal(stat(t->db, &sb), 0);
	assert_true(sb.st_size > 0);
	expect_open_refused(t->db, DB_OPEN_EXISTING);
	db = create_db(t, 1000);
	assert_int_equal(db_schema_version(db, &version, &err), DUBAN_OK);
	assert_int_equal(version, DB_SCHEMA_VERSION);
	db_close(db);

	/* Somebody else's SQLite file, with a table: refused and untouched. */
	unlink(t->db);
	assert_int_equal(sqlite3_open(t->db, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "CREATE TABLE mine (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(s);
	expect_open_refused(t->db, DB_CREATE);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM sqlite_master"), 1);
}

static void
test_create_in_missing_directory(void **state)
{
	struct tmp *t = *state;
	char path[PATH_LEN];

	snprintf(path, sizeof(path), "%s/no-such-dir/duban.db", t->dir);
	expect_open_refused(path, DB_CREATE);
}

static void
test_open_existing_refuses_missing_file(void **state)
{
	struct tmp *t = *state;
	struct stat sb;

	expect_open_refused(t->db, DB_OPEN_EXISTING);
	expect_open_refused(t->db, DB_READ_ONLY);
	/* Refusing must not create it. */
	assert_int_equal(stat(t->db, &sb), -1);
}

static void
test_open_existing_refuses_text_file(void **state)
{
	struct tmp *t = *state;
	const char *text = "case_no,agency\n(2025)001,县民政局\n";

	write_text(t->db, text);
	expect_open_refused(t->db, DB_OPEN_EXISTING);
	expect_open_refused(t->db, DB_READ_ONLY);
	expect_text(t->db, text);
}

static void
test_open_existing_refuses_empty_file(void **state)
{
	struct tmp *t = *state;

	write_text(t->db, "");
	expect_open_refused(t->db, DB_OPEN_EXISTING);
}

static void
test_open_existing_refuses_foreign_sqlite(void **state)
{
	struct tmp *t = *state;

	raw_exec(t->db, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT);"
	    "INSERT INTO accounts (owner) VALUES ('someone');");
	expect_open_refused(t->db, DB_OPEN_EXISTING);
	expect_open_refused(t->db, DB_READ_ONLY);
	expect_open_refused(t->db, DB_CREATE);
	/* Their data is left alone, no duban table added. */
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM accounts"), 1);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'audit_log'"), 0);
}

static void
test_open_existing_refuses_newer_schema(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);

	db_close(db);
	raw_exec(t->db, "PRAGMA user_version = 99");
	expect_open_refused(t->db, DB_OPEN_EXISTING);
	expect_open_refused(t->db, DB_READ_ONLY);
	/* Never downgraded. */
	assert_int_equal(count_elsewhere(t->db, "PRAGMA user_version"), 99);
}

/* ---- transactions ---- */

static void
test_commit_and_rollback(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	char *value = NULL;

	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 0);
	assert_int_equal(db_meta_set(db, "created_by", "admin", &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta WHERE "
	    "key = 'created_by' AND value = 'admin'"), 1);

	/* A failing change is rolled back, and db_end hands its code back. */
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "doomed", "x", &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "created_by", "intruder", &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_EINPUT, &err), DUBAN_EINPUT);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_equal(db_meta_get(db, "doomed", &value, &err), DUBAN_OK);
	assert_null(value);
	assert_int_equal(db_meta_get(db, "created_by", &value, &err), DUBAN_OK);
	assert_non_null(value);
	assert_string_equal(value, "admin");
	free(value);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);
	db_close(db);
}

static void
test_nested_begin_end(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	int rc;

	/* Only the outermost pair commits. */
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "a", "1", &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 0);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 0);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);

	/* An inner failure passed outwards rolls the whole change back. */
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "b", "2", &err), DUBAN_OK);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "c", "3", &err), DUBAN_OK);
	rc = db_end(db, DUBAN_EINPUT, &err);
	assert_int_equal(rc, DUBAN_EINPUT);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 0);
	assert_int_equal(db_end(db, rc, &err), DUBAN_EINPUT);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);

	/* db_end without db_begin changes nothing and returns rc. */
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_EINPUT, &err), DUBAN_EINPUT);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "d", "4", &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 2);
	db_close(db);
}

static void
test_meta_round_trip(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	char *value = NULL;

	assert_int_equal(db_meta_get(db, "created_on", &value, &err), DUBAN_OK);
	assert_null(value);
	assert_int_equal(db_meta_set(db, "created_on", "2025-03-05", &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "created_on", "2025-03-06", &err), DUBAN_OK);
	assert_int_equal(db_meta_get(db, "created_on", &value, &err), DUBAN_OK);
	assert_non_null(value);
	assert_string_equal(value, "2025-03-06");
	free(value);
	db_close(db);
}

/* ---- the audit trail ---- */

static void
test_audit_append_records_actor(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	sqlite3 *s = db_sqlite(db);
	struct duban_err err;
	char text[128];

	db_set_actor(db, "zhang.san", "2025-03-05 09:30:00");
	assert_string_equal(db_actor_login(db), "zhang.san");
	assert_string_equal(db_actor_now(db), "2025-03-05 09:30:00");
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(audit_append(db, "update", "agency", 7, "{\"head\":\"王\"}",
	    "{\"head\":\"李\"}", 0, &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);

	assert_int_equal(query_int(s, "SELECT count(*) FROM audit_log"), 1);
	query_text(s, "SELECT at FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "2025-03-05 09:30:00");
	query_text(s, "SELECT login FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "zhang.san");
	query_text(s, "SELECT action FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "update");
	query_text(s, "SELECT kind FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "agency");
	assert_int_equal(query_int(s, "SELECT record_id FROM audit_log"), 7);
	assert_int_equal(query_int(s, "SELECT batch_id IS NULL FROM audit_log"), 1);
	query_text(s, "SELECT before FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "{\"head\":\"王\"}");
	query_text(s, "SELECT after FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "{\"head\":\"李\"}");

	/* Another actor; a create has no before (stored as NULL). */
	db_set_actor(db, "li.si", "2025-03-06 14:00:00");
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(audit_append(db, "create", "suggestion", 3, NULL, "{\"doc_no\":\"1\"}",
	    0, &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	query_text(s, "SELECT login || ' ' || at FROM audit_log WHERE record_id = 3", text,
	    sizeof(text));
	assert_string_equal(text, "li.si 2025-03-06 14:00:00");
	assert_int_equal(query_int(s, "SELECT before IS NULL FROM audit_log WHERE "
	    "record_id = 3"), 1);

	/* An import batch id must name a batch (foreign keys are on). */
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	duban_err_clear(&err);
	assert_int_equal(audit_append(db, "import", "agency", 8, NULL, "{}", 42, &err),
	    DUBAN_EDB);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(db_end(db, DUBAN_EDB, &err), DUBAN_EDB);
	assert_int_equal(db_exec(db, "INSERT INTO import_batches (id, file, kind, login, "
	    "started_at) VALUES (42, 'a.csv', 'agency', 'li.si', '2025-03-06 14:00:00')", &err),
	    DUBAN_OK);
	assert_int_equal(audit_append(db, "import", "agency", 8, NULL, "{}", 42, &err),
	    DUBAN_OK);
	assert_int_equal(query_int(s, "SELECT batch_id FROM audit_log WHERE record_id = 8"), 42);
	assert_int_equal(query_int(s, "SELECT count(*) FROM audit_log"), 3);
	db_close(db);
}

static void
test_audit_log_refuses_update_and_delete(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	sqlite3 *s = db_sqlite(db);
	sqlite3 *o = NULL;
	struct duban_err err;
	char text[128];

	db_set_actor(db, "zhang.san", "2025-03-05 09:30:00");
	assert_int_equal(audit_append(db, "create", "agency", 1, NULL, "{}", 0, &err), DUBAN_OK);

	assert_int_not_equal(sqlite3_exec(s, "UPDATE audit_log SET login = 'nobody'", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(s), "append-only"));
	assert_int_not_equal(sqlite3_exec(s, "DELETE FROM audit_log", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(s), "append-only"));
	duban_err_clear(&err);
	assert_int_equal(db_exec(db, "DELETE FROM audit_log WHERE id = 1", &err), DUBAN_EDB);
	assert_true(err.msg[0] != '\0');
	/* From another connection too: the triggers live in the file. */
	assert_int_equal(sqlite3_open_v2(t->db, &o, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(o, "UPDATE audit_log SET action = 'x'", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(o, "DELETE FROM audit_log", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(o);
	assert_int_equal(query_int(s, "SELECT count(*) FROM audit_log"), 1);
	query_text(s, "SELECT login || ' ' || action FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "zhang.san create");
	db_close(db);
}

/* ---- checks ---- */

static void
test_check_sound_on_fresh_database(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct buf report = BUF_INIT;
	struct duban_err err;
	bool sound = false;

	assert_int_equal(db_check(db, &sound, &report, &err), DUBAN_OK);
	assert_true(sound);
	assert_string_equal(buf_str(&report), "");
	buf_release(&report);
	db_close(db);
}

static void
test_check_reports_broken_reference(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct buf report = BUF_INIT;
	struct duban_err err;
	bool sound = true;

	/* A case naming agency 999, which does not exist, slipped in with checks off. */
	assert_int_equal(db_exec(db, "PRAGMA foreign_keys = OFF", &err), DUBAN_OK);
	assert_int_equal(db_exec(db, "INSERT INTO litigation_cases (case_no, agency_id) "
	    "VALUES ('(2025)001', 999)", &err), DUBAN_OK);
	assert_int_equal(db_exec(db, "PRAGMA foreign_keys = ON", &err), DUBAN_OK);
	assert_int_equal(db_check(db, &sound, &report, &err), DUBAN_OK);
	assert_false(sound);
	assert_non_null(strstr(buf_str(&report), "litigation_cases"));
	buf_release(&report);
	db_close(db);
}

/* ---- failure paths ---- */

static void
test_begin_fails_when_locked(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 100);
	sqlite3 *other = NULL;
	struct duban_err err;
	struct timespec t0;
	double ms;

	/* A second connection takes the write lock and keeps it. */
	assert_int_equal(sqlite3_open_v2(t->db, &other, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	duban_err_clear(&err);
	assert_int_equal(db_begin(db, &err), DUBAN_EDB);
	ms = ms_since(&t0);
	assert_int_equal(err.rc, DUBAN_EDB);
	/* Tests never call setlocale(), so messages are the English msgids. */
	assert_non_null(strstr(err.msg, "locked"));
	/* It waited for the 100 ms busy timeout, and not much longer. */
	if (ms < 90.0 || ms > 5000.0) {
		print_error("db_begin gave up after %.1f ms; busy timeout 100 ms\n", ms);
		fail();
	}
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);

	/* Once the other writer is done, the next change goes through (no stale nesting). */
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 0);
	assert_int_equal(db_meta_set(db, "k", "v", &err), DUBAN_OK);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 0);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);
	sqlite3_close(other);
	db_close(db);
}

static void
test_disk_full_rolls_back(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	sqlite3 *s = db_sqlite(db);
	struct duban_err err;
	char big[4001];
	char key[32];
	char pragma[64];
	int64_t pages = query_int(s, "PRAGMA page_count");
	int rc = DUBAN_OK;
	int i;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	/* Room for two more pages only. */
	snprintf(pragma, sizeof(pragma), "PRAGMA max_page_count = %lld", (long long)pages + 2);
	assert_int_equal(db_exec(db, pragma, &err), DUBAN_OK);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	for (i = 0; i < 1000 && rc == DUBAN_OK; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		duban_err_clear(&err);
		rc = db_meta_set(db, key, big, &err);
	}
	assert_int_equal(rc, DUBAN_EDB);
	assert_int_equal(err.rc, DUBAN_EDB);
	assert_non_null(strstr(err.msg, "full"));
	assert_true(i > 0 && i < 1000);
	assert_int_equal(db_end(db, rc, &err), DUBAN_EDB);
	assert_int_equal(sqlite3_get_autocommit(s), 1);
	/* Nothing of the failed change was kept. */
	assert_int_equal(query_int(s, "SELECT count(*) FROM meta"), 0);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 0);

	/* With room again, the database works. */
	assert_int_equal(db_exec(db, "PRAGMA max_page_count = 1000000", &err), DUBAN_OK);
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	assert_int_equal(db_meta_set(db, "k", big, &err), DUBAN_OK);
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);
	db_close(db);
}

static void
test_read_only_mode_refuses_changes(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	char *value = NULL;

	assert_int_equal(db_meta_set(db, "created_by", "admin", &err), DUBAN_OK);
	db_close(db);

	db = NULL;
	assert_int_equal(db_open(t->db, DB_READ_ONLY, 100, &db, &err), DUBAN_OK);
	/* Reading works. */
	assert_int_equal(db_meta_get(db, "created_by", &value, &err), DUBAN_OK);
	assert_non_null(value);
	assert_string_equal(value, "admin");
	free(value);
	/* Changing does not. */
	duban_err_clear(&err);
	assert_int_equal(db_begin(db, &err), DUBAN_EDB);
	assert_int_equal(err.rc, DUBAN_EDB);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	assert_int_not_equal(sqlite3_exec(db_sqlite(db), "INSERT INTO meta VALUES ('x', 'y')",
	    NULL, NULL, NULL), SQLITE_OK);
	/* A refused begin leaves no nesting behind: db_end has nothing to close. */
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	db_close(db);
	assert_int_equal(count_elsewhere(t->db, "SELECT count(*) FROM meta"), 1);
}

/* A file the user may not write: db.h says db_open refuses it (DUBAN_EDB), so that nobody fills
 * in a form only to have the save fail. Root ignores file permissions, so this runs only for
 * other users; test_read_only_mode_refuses_changes covers the read-only handle under root. */
static void
test_read_only_file(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	int rc;

	db_close(db);
	if (geteuid() == 0)
		skip();
	assert_int_equal(chmod(t->db, 0444), 0);
	db = NULL;
	duban_err_clear(&err);
	rc = db_open(t->db, DB_OPEN_EXISTING, 100, &db, &err);
	if (rc == DUBAN_OK)
		db_close(db);
	assert_int_equal(rc, DUBAN_EDB);
	assert_true(err.msg[0] != '\0');
}

/* ---- schema 2: natural keys compared in a normalised form ---- */

/* A schema-1 database with the same case twice, once with full-width brackets: the upgrade
 * keeps both records and everything in them, gives the key to the first, and `check` can
 * name the other; from then on the normalised key is unique. */
static void
test_migration_2_keeps_duplicate_keys(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct buf report = BUF_INIT;
	struct duban_err err;
	char key[128];
	int version = 0;

	db_close(db);
	/* Back to schema 1: no key columns, no unique index on them. */
	raw_exec(t->db,
	    "DROP INDEX agencies_by_name_key; ALTER TABLE agencies DROP COLUMN name_key;"
	    "DROP INDEX litigation_by_case_no_key;"
	    "ALTER TABLE litigation_cases DROP COLUMN case_no_key;"
	    "DROP INDEX reconsideration_by_case_no_key;"
	    "ALTER TABLE reconsideration_cases DROP COLUMN case_no_key;"
	    "DROP INDEX suggestions_by_doc_no_key; ALTER TABLE suggestions DROP COLUMN doc_no_key;"
	    "DROP INDEX assessment_items_by_key; ALTER TABLE assessment_items DROP COLUMN item_key;"
	    "DROP TABLE notices;"	/* schema 3 */
	    "DROP TABLE attachments;"	/* schema 4 */
	    "DROP TABLE rule_filings; DROP TABLE publicity_decisions; DROP TABLE case_reviews;"
	    "DROP TABLE officers; DROP TABLE trainings;"	/* schemas 5 to 9 */
	    "PRAGMA user_version = 1;"
	    "INSERT INTO agencies (name, kind) VALUES ('县公安局', 'department');"
	    "INSERT INTO litigation_cases (case_no, agency_id, deleted) VALUES"
	    " ('（2025）浙0521行初361号', 1, 1), ('(2025)浙0521行初361号', 1, 0),"
	    " ('（2025） 浙0521行初361号', 1, 0), ('X2', 1, 0);");
	db = NULL;
	duban_err_clear(&err);
	assert_int_equal(db_open(t->db, DB_OPEN_EXISTING, 1000, &db, &err), DUBAN_OK);
	assert_int_equal(db_schema_version(db, &version, &err), DUBAN_OK);
	assert_int_equal(version, DB_SCHEMA_VERSION);
	/* Nothing lost. */
	assert_int_equal(query_int(db_sqlite(db), "SELECT count(*) FROM litigation_cases"), 4);
	/* The live one comes before the deleted one, then the oldest. */
	query_text(db_sqlite(db), "SELECT case_no_key FROM litigation_cases WHERE id = 2", key,
	    sizeof(key));
	assert_string_equal(key, "(2025)浙0521行初361号");
	assert_int_equal(query_int(db_sqlite(db), "SELECT count(*) FROM litigation_cases"
	    " WHERE case_no_key IS NULL"), 2);
	query_text(db_sqlite(db), "SELECT case_no_key FROM litigation_cases WHERE id = 4", key,
	    sizeof(key));
	assert_string_equal(key, "X2");
	query_text(db_sqlite(db), "SELECT name_key FROM agencies WHERE id = 1", key, sizeof(key));
	assert_string_equal(key, "县公安局");
	/* check names the live duplicate, not the deleted one. */
	assert_int_equal(db_key_duplicates(db, &report, &err), DUBAN_OK);
	assert_non_null(strstr(buf_str(&report), "Litigation case 3 "));
	assert_null(strstr(buf_str(&report), "Litigation case 1 "));
	/* The normalised key is unique from now on. */
	assert_int_equal(db_exec(db, "INSERT INTO litigation_cases (case_no, agency_id,"
	    " case_no_key) VALUES ('〔2025〕浙0521行初361号', 1, '(2025)浙0521行初361号')", &err),
	    DUBAN_EDB);
	buf_release(&report);
	db_close(db);
}

/* Zeroed pages in the middle of the file: the first change is refused as a database error
 * (exit 3) before anything is written, not taken for a problem of the input. */
static void
test_damaged_database_refuses_writes(void **state)
{
	struct tmp *t = *state;
	struct db *db = create_db(t, 1000);
	struct duban_err err;
	char big[2001];
	char k[32];
	char zeros[4096];
	int64_t page_size = query_int(db_sqlite(db), "PRAGMA page_size");
	int64_t pages;
	FILE *f;
	int i;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(db_begin(db, &err), DUBAN_OK);
	for (i = 0; i < 200; i++) {
		snprintf(k, sizeof(k), "k%d", i);
		assert_int_equal(db_meta_set(db, k, big, &err), DUBAN_OK);
	}
	assert_int_equal(db_end(db, DUBAN_OK, &err), DUBAN_OK);
	assert_int_equal(db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", &err), DUBAN_OK);
	pages = query_int(db_sqlite(db), "PRAGMA page_count");
	db_close(db);
	assert_true(pages > 20 && page_size <= (int64_t)sizeof(zeros));
	memset(zeros, 0, sizeof(zeros));
	f = fopen(t->db, "r+b");
	assert_non_null(f);
	for (i = 0; i < 3; i++) {
		assert_int_equal(fseek(f, (long)((pages / 2 + i) * page_size), SEEK_SET), 0);
		assert_int_equal(fwrite(zeros, 1, (size_t)page_size, f), (size_t)page_size);
	}
	assert_int_equal(fclose(f), 0);

	db = NULL;
	duban_err_clear(&err);
	assert_int_equal(db_open(t->db, DB_OPEN_EXISTING, 1000, &db, &err), DUBAN_OK);
	duban_err_clear(&err);
	assert_int_equal(db_begin(db, &err), DUBAN_EDB);
	assert_int_equal(err.rc, DUBAN_EDB);
	assert_non_null(strstr(err.msg, "damaged"));
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
	db_close(db);
}

#define T(f) cmocka_unit_test_setup_teardown(f, tmp_setup, tmp_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create_new_database),
		T(test_create_over_empty_file),
		T(test_create_refuses_existing_file),
		T(test_create_over_interrupted_init),
		T(test_create_in_missing_directory),
		T(test_open_existing_refuses_missing_file),
		T(test_open_existing_refuses_text_file),
		T(test_open_existing_refuses_empty_file),
		T(test_open_existing_refuses_foreign_sqlite),
		T(test_open_existing_refuses_newer_schema),
		T(test_commit_and_rollback),
		T(test_nested_begin_end),
		T(test_meta_round_trip),
		T(test_audit_append_records_actor),
		T(test_audit_log_refuses_update_and_delete),
		T(test_check_sound_on_fresh_database),
		T(test_check_reports_broken_reference),
		T(test_begin_fails_when_locked),
		T(test_disk_full_rolls_back),
		T(test_read_only_mode_refuses_changes),
		T(test_read_only_file),
		T(test_migration_2_keeps_duplicate_keys),
		T(test_damaged_database_refuses_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
