/* tests/unit/test_user.c: people and roles — adding a user (audited, in its own transaction),
 * refusing bad or duplicate logins and roles that cannot be granted, role names. Each test gets
 * a fresh database in its own temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/user.h"
#include "test_tmp.h"

#define TMP_LEN 256
#define PATH_LEN 1024

struct fixture {
	char dir[TMP_LEN];
	char path[PATH_LEN];
	struct db *db;
};

static int
db_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct duban_err err;

	if (fx == NULL)
		return -1;
	if (test_mkdtemp(fx->dir, sizeof(fx->dir), "user") == NULL) {
		free(fx);
		return -1;
	}
	snprintf(fx->path, sizeof(fx->path), "%s/duban.db", fx->dir);
	if (db_open(fx->path, DB_CREATE, 1000, &fx->db, &err) != DUBAN_OK) {
		fprintf(stderr, "%s: %s\n", fx->path, err.msg);
		rmdir(fx->dir);
		free(fx);
		return -1;
	}
	test_db_unsynced(db_sqlite(fx->db));
	db_set_actor(fx->db, "admin1", "2025-03-05 10:00:00");
	/* user_add needs an admin (access_require in core), as duban init acts for the first. */
	db_set_actor_role(fx->db, ROLE_ADMIN);
	*state = fx;
	return 0;
}

static int
db_teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d;
	struct dirent *de;

	db_close(fx->db);
	d = opendir(fx->dir);
	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[PATH_LEN];

			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", fx->dir, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(fx->dir);
	free(fx);
	return 0;
}

static int64_t
query_int(struct db *db, const char *q)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
query_text(struct db *db, const char *q, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *s;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", s != NULL ? (const char *)s : "(null)");
	sqlite3_finalize(st);
}

static void
expect_role(struct db *db, const char *login, bool found, enum user_role role)
{
	struct duban_err err;
	enum user_role got = ROLE_ADMIN;
	bool got_found = !found;

	duban_err_clear(&err);
	assert_int_equal(user_role_of(db, login, &got, &got_found, &err), DUBAN_OK);
	if (got_found != found || got != role) {
		print_error("%s: found %d role %d, want found %d role %d\n", login, got_found,
		    (int)got, found, (int)role);
		fail();
	}
}

static void
expect_add_refused(struct db *db, const char *login, enum user_role role)
{
	struct duban_err err;
	int rc;

	duban_err_clear(&err);
	rc = user_add(db, login, role, &err);
	if (rc != DUBAN_EINPUT || err.rc != DUBAN_EINPUT || err.msg[0] == '\0') {
		print_error("user_add(\"%s\", %d): rc %d msg \"%s\"; want DUBAN_EINPUT\n", login,
		    (int)role, rc, err.msg);
		fail();
	}
	/* Refused inside its transaction: nothing left open. */
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);
}

static void
test_add_then_role_of(void **state)
{
	struct fixture *fx = *state;
	struct duban_err err;

	duban_err_clear(&err);
	assert_int_equal(user_add(fx->db, "zhang.san", ROLE_STAFF, &err), DUBAN_OK);
	assert_int_equal(user_add(fx->db, "li_si", ROLE_SUPERVISOR, &err), DUBAN_OK);
	assert_int_equal(user_add(fx->db, "wang-wu2", ROLE_ANALYST, &err), DUBAN_OK);
	assert_int_equal(user_add(fx->db, "Admin.Zhao", ROLE_ADMIN, &err), DUBAN_OK);
	expect_role(fx->db, "zhang.san", true, ROLE_STAFF);
	expect_role(fx->db, "li_si", true, ROLE_SUPERVISOR);
	expect_role(fx->db, "wang-wu2", true, ROLE_ANALYST);
	expect_role(fx->db, "Admin.Zhao", true, ROLE_ADMIN);
	/* Unknown logins, and logins differing only in case, are not found. */
	expect_role(fx->db, "nobody", false, ROLE_NONE);
	expect_role(fx->db, "ZHANG.SAN", false, ROLE_NONE);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM users"), 4);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(fx->db)), 1);
}

static void
test_add_records_creation_time(void **state)
{
	struct fixture *fx = *state;
	struct duban_err err;
	char text[64];

	assert_int_equal(user_add(fx->db, "zhang.san", ROLE_STAFF, &err), DUBAN_OK);
	query_text(fx->db, "SELECT created_at FROM users WHERE login = 'zhang.san'", text,
	    sizeof(text));
	assert_string_equal(text, "2025-03-05 10:00:00");
	query_text(fx->db, "SELECT role FROM users WHERE login = 'zhang.san'", text,
	    sizeof(text));
	assert_string_equal(text, "staff");
}

static void
test_add_writes_audit_row(void **state)
{
	struct fixture *fx = *state;
	struct duban_err err;
	char text[256];
	int64_t id;

	assert_int_equal(user_add(fx->db, "zhang.san", ROLE_STAFF, &err), DUBAN_OK);
	id = query_int(fx->db, "SELECT id FROM users WHERE login = 'zhang.san'");
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM audit_log"), 1);
	query_text(fx->db, "SELECT action FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "create");
	query_text(fx->db, "SELECT kind FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "user");
	assert_int_equal(query_int(fx->db, "SELECT record_id FROM audit_log"), id);
	/* Who and when: the acting administrator, not the new user. */
	query_text(fx->db, "SELECT login FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "admin1");
	query_text(fx->db, "SELECT at FROM audit_log", text, sizeof(text));
	assert_string_equal(text, "2025-03-05 10:00:00");
	/* A create has no before; after names the login and role. */
	assert_int_equal(query_int(fx->db, "SELECT before IS NULL FROM audit_log"), 1);
	query_text(fx->db, "SELECT after FROM audit_log", text, sizeof(text));
	assert_non_null(strstr(text, "\"login\":\"zhang.san\""));
	assert_non_null(strstr(text, "\"role\":\"staff\""));
	assert_int_equal(query_int(fx->db, "SELECT json_valid(after) FROM audit_log"), 1);
	assert_int_equal(query_int(fx->db, "SELECT batch_id IS NULL FROM audit_log"), 1);

	/* A second user, a second row, by another actor. */
	db_set_actor(fx->db, "admin2", "2025-03-06 08:15:00");
	assert_int_equal(user_add(fx->db, "li.si", ROLE_ANALYST, &err), DUBAN_OK);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM audit_log"), 2);
	query_text(fx->db, "SELECT login || ' ' || at FROM audit_log WHERE "
	    "json_extract(after, '$.login') = 'li.si'", text, sizeof(text));
	assert_string_equal(text, "admin2 2025-03-06 08:15:00");
}

static void
test_duplicate_login_refused(void **state)
{
	struct fixture *fx = *state;
	struct duban_err err;

	assert_int_equal(user_add(fx->db, "zhang.san", ROLE_STAFF, &err), DUBAN_OK);
	expect_add_refused(fx->db, "zhang.san", ROLE_STAFF);
	expect_add_refused(fx->db, "zhang.san", ROLE_ADMIN);
	/* The first grant stands; the refusals wrote nothing, not even an audit row. */
	expect_role(fx->db, "zhang.san", true, ROLE_STAFF);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM users"), 1);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM audit_log"), 1);
}

static void
test_bad_login_refused(void **state)
{
	struct fixture *fx = *state;
	char longest[66];

	expect_add_refused(fx->db, "", ROLE_STAFF);
	expect_add_refused(fx->db, "-rf", ROLE_STAFF);		/* would read as an option */
	expect_add_refused(fx->db, "zhang san", ROLE_STAFF);
	expect_add_refused(fx->db, "张三", ROLE_STAFF);
	expect_add_refused(fx->db, "a;DROP TABLE users", ROLE_STAFF);
	expect_add_refused(fx->db, "x\"y", ROLE_STAFF);		/* would break the JSON */
	expect_add_refused(fx->db, "a/b", ROLE_STAFF);
	expect_add_refused(fx->db, "tab\there", ROLE_STAFF);
	/* 65 characters is over the limit; 64 is fine. */
	memset(longest, 'a', 65);
	longest[65] = '\0';
	expect_add_refused(fx->db, longest, ROLE_STAFF);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM users"), 0);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM audit_log"), 0);
	longest[64] = '\0';
	assert_int_equal(user_add(fx->db, longest, ROLE_STAFF, NULL), DUBAN_OK);
	expect_role(fx->db, longest, true, ROLE_STAFF);
}

static void
test_role_that_cannot_be_granted(void **state)
{
	struct fixture *fx = *state;

	expect_add_refused(fx->db, "zhang.san", ROLE_NONE);
	expect_add_refused(fx->db, "zhang.san", ROLE_READER);
	expect_add_refused(fx->db, "zhang.san", (enum user_role)42);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM users"), 0);
	assert_int_equal(query_int(fx->db, "SELECT count(*) FROM audit_log"), 0);
}

/* A read-only handle refuses the change as a database problem. */
static void
test_add_on_read_only_database(void **state)
{
	struct fixture *fx = *state;
	struct db *ro = NULL;
	struct duban_err err;

	assert_int_equal(db_open(fx->path, DB_READ_ONLY, 100, &ro, &err), DUBAN_OK);
	db_set_actor(ro, "admin1", "2025-03-05 10:00:00");
	duban_err_clear(&err);
	assert_int_equal(user_add(ro, "zhang.san", ROLE_STAFF, &err), DUBAN_EDB);
	assert_true(err.msg[0] != '\0');
	db_close(ro);
	expect_role(fx->db, "zhang.san", false, ROLE_NONE);
}

static void
test_role_names(void **state)
{
	static const struct {
		enum user_role role;
		const char *name;
	} grantable[] = {
		{ ROLE_ANALYST, "analyst" },
		{ ROLE_STAFF, "staff" },
		{ ROLE_SUPERVISOR, "supervisor" },
		{ ROLE_ADMIN, "admin" },
	};
	enum user_role r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(grantable) / sizeof(grantable[0]); i++) {
		assert_string_equal(user_role_name(grantable[i].role), grantable[i].name);
		r = ROLE_NONE;
		assert_true(user_role_parse(grantable[i].name, &r));
		assert_int_equal(r, grantable[i].role);
		assert_true(user_role_label(grantable[i].role)[0] != '\0');
	}
	assert_string_equal(user_role_name(ROLE_NONE), "");
	assert_string_equal(user_role_name((enum user_role)42), "");
	assert_true(user_role_label(ROLE_NONE)[0] != '\0');
	assert_true(user_role_label(ROLE_READER)[0] != '\0');
	assert_false(user_role_parse("", &r));
	assert_false(user_role_parse("Admin", &r));
	assert_false(user_role_parse("root", &r));
	assert_false(user_role_parse("admin ", &r));
}

#define T(f) cmocka_unit_test_setup_teardown(f, db_setup, db_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_add_then_role_of),
		T(test_add_records_creation_time),
		T(test_add_writes_audit_row),
		T(test_duplicate_login_refused),
		T(test_bad_login_refused),
		T(test_role_that_cannot_be_granted),
		T(test_add_on_read_only_database),
		T(test_role_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
