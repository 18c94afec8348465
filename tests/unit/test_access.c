/* tests/unit/test_access.c: roles (core/access.c) as every write path of core enforces them:
 * record_save, record_delete, record_recompute_all, record_keep_current, user_add. The role
 * travels with the database handle (db_set_actor_role); a refusal is DUBAN_EDENIED with a
 * message naming the action and the role it needs, and writes nothing: no record, no audit
 * row. Who may do what (issue 3, DESIGN.md "Who uses it"):
 *   every known role, and unknown logins when configured read-only: read;
 *   staff: create and edit records; analyst: import, export, assessment;
 *   supervisor: finalize an assessment year; admin: everything, alone managing agencies,
 *   users and settings and unfreezing a year. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "duban/access.h"
#include "records_fixture.h"

static const char *const role_names[] = {
	"none", "reader", "analyst", "staff", "supervisor", "admin",
};

/* ---- the table ---------------------------------------------------------------------------- */

static void
test_role_table(void **state)
{
	/* Rows: actions in enum order; columns: none, reader, analyst, staff, supervisor, admin. */
	static const struct {
		enum access_action action;
		const char *name;
		bool allowed[6];
	} table[] = {
		{ ACCESS_READ, "read", { false, true, true, true, true, true } },
		{ ACCESS_EDIT_RECORDS, "edit records", { false, false, false, true, false, true } },
		{ ACCESS_IMPORT, "import", { false, false, true, false, false, true } },
		{ ACCESS_EXPORT, "export", { false, false, true, false, false, true } },
		{ ACCESS_ASSESS, "assess", { false, false, true, false, false, true } },
		{ ACCESS_FINALIZE, "finalize", { false, false, false, false, true, true } },
		{ ACCESS_UNFREEZE, "unfreeze", { false, false, false, false, false, true } },
		{ ACCESS_MANAGE, "manage", { false, false, false, false, false, true } },
	};
	size_t i;
	int r;
	bool ok = true;

	(void)state;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		for (r = ROLE_NONE; r <= ROLE_ADMIN; r++) {
			bool got = access_allows((enum user_role)r, table[i].action);

			if (got != table[i].allowed[r]) {
				print_error("%s by %s: %s, expected %s\n", table[i].name,
				    role_names[r], got ? "allowed" : "refused",
				    table[i].allowed[r] ? "allowed" : "refused");
				ok = false;
			}
		}
	}
	assert_true(ok);
	assert_string_equal(access_roles_for(ACCESS_EDIT_RECORDS), "staff or admin");
	assert_string_equal(access_roles_for(ACCESS_MANAGE), "admin");
	assert_string_equal(access_roles_for(ACCESS_IMPORT), "analyst or admin");
	assert_string_equal(access_roles_for(ACCESS_FINALIZE), "supervisor or admin");
}

/* ---- helpers ------------------------------------------------------------------------------ */

static int64_t
count(struct rfx *fx, const char *sql)
{
	return rfx_sql_int(fx, sql, 0);
}

static struct record *
new_case(struct rfx *fx)
{
	const char *pairs[] = { "case_no", "(2025)浙0521行初1号", "agency", "县公安局",
		"complaint_received_on", "2025-06-03", NULL };

	return rfx_build(fx, "litigation", pairs);
}

/* record_save as role: refused with DUBAN_EDENIED, message holding each of needles (NULL-
 * terminated), nothing written. */
static void
expect_save_denied(struct rfx *fx, struct record *r, enum user_role role,
    const char *const *needles)
{
	struct record_problems p;
	struct duban_err err;
	int64_t audit = count(fx, "SELECT count(*) FROM audit_log");
	char sql[128];
	int64_t rows;
	int rc;
	size_t i;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", r->kind->table);
	rows = count(fx, sql);
	db_set_actor_role(fx->db, role);
	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	rc = record_save(&fx->env, r, 0, NULL, &p, &err);
	db_set_actor_role(fx->db, ROLE_ADMIN);
	if (rc != DUBAN_EDENIED) {
		print_error("%s saving %s: rc %d (%s), expected DUBAN_EDENIED\n", role_names[role],
		    r->kind->name, rc, err.msg);
		fail();
	}
	assert_int_equal(err.rc, DUBAN_EDENIED);
	assert_int_equal(p.n, 0);
	for (i = 0; needles[i] != NULL; i++)
		rfx_expect_contains(err.msg, needles[i]);
	assert_int_equal(count(fx, sql), rows);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), audit);
}

/* ---- record writes ------------------------------------------------------------------------ */

static void
test_analyst_cannot_save_case(void **state)
{
	struct rfx *fx = *state;
	struct record *r;
	static const char *const msg[] = { "creating or changing records",
		"not allowed for the role analyst", "it needs the role staff or admin", NULL };

	rfx_agency(fx, "县公安局", "公安局", "department");
	r = new_case(fx);
	expect_save_denied(fx, r, ROLE_ANALYST, msg);
	assert_int_equal(r->id, 0);
	record_free(r);
}

static void
test_supervisor_cannot_save_case(void **state)
{
	struct rfx *fx = *state;
	struct record *r;
	int64_t id;
	static const char *const msg[] = { "not allowed for the role supervisor",
		"staff or admin", NULL };

	rfx_agency(fx, "县公安局", "公安局", "department");
	r = new_case(fx);
	expect_save_denied(fx, r, ROLE_SUPERVISOR, msg);
	record_free(r);
	/* Nor change one staff entered. */
	db_set_actor_role(fx->db, ROLE_STAFF);
	r = new_case(fx);
	rfx_save(fx, r);
	id = r->id;
	record_free(r);
	r = rfx_load(fx, "litigation", id);
	rfx_input(fx, r, "plaintiff", "李四");
	expect_save_denied(fx, r, ROLE_SUPERVISOR, msg);
	record_free(r);
	r = rfx_load(fx, "litigation", id);
	assert_string_equal(rfx_value(r, "plaintiff"), "");
	record_free(r);
}

/* Staff enter records of every kind but agencies, which admins manage. */
static void
test_staff_cannot_manage_agencies(void **state)
{
	struct rfx *fx = *state;
	const char *ag[] = { "name", "县教育局", "kind", "部门", NULL };
	const char *hear[] = { "case_no", "(2025)浙0521行初1号", "hearing_on", "2025-06-20", NULL };
	static const char *const msg[] = { "managing agencies, users and settings",
		"not allowed for the role staff", "it needs the role admin", NULL };
	int64_t police = rfx_agency(fx, "县公安局", "公安局", "department");
	struct record *r;
	struct duban_err err;
	int64_t case_id;
	int64_t hearing;

	r = rfx_build(fx, "agency", ag);
	expect_save_denied(fx, r, ROLE_STAFF, msg);
	record_free(r);
	r = rfx_load(fx, "agency", police);
	rfx_input(fx, r, "head", "王局长");
	expect_save_denied(fx, r, ROLE_STAFF, msg);
	record_free(r);

	db_set_actor_role(fx->db, ROLE_STAFF);
	r = new_case(fx);
	rfx_save(fx, r);
	case_id = r->id;
	record_free(r);
	hearing = rfx_add(fx, "hearing", hear);
	duban_err_clear(&err);
	assert_int_equal(record_delete(&fx->env, record_kind("agency"), police, &err),
	    DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "it needs the role admin");
	/* Their own kinds they may delete. */
	assert_int_equal(record_delete(&fx->env, record_kind("hearing"), hearing, &err),
	    DUBAN_OK);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), case_id, &err),
	    DUBAN_OK);
	assert_int_equal(count(fx, "SELECT count(*) FROM agencies WHERE deleted = 0"), 1);
}

/* A login not in the users table, configured read-only, may look and nothing else. */
static void
test_reader_cannot_write(void **state)
{
	struct rfx *fx = *state;
	static const char *const msg[] = { "tester is not a user of this database",
		"creating or changing records", "staff or admin", "duban user add tester", NULL };
	struct record *r;
	struct duban_err err;
	int64_t id;

	rfx_agency(fx, "县公安局", "公安局", "department");
	r = new_case(fx);
	expect_save_denied(fx, r, ROLE_READER, msg);
	record_free(r);
	r = new_case(fx);
	rfx_save(fx, r);
	id = r->id;
	record_free(r);
	db_set_actor_role(fx->db, ROLE_READER);
	duban_err_clear(&err);
	assert_int_equal(access_require(fx->db, ACCESS_READ, &err), DUBAN_OK);
	assert_int_equal(record_delete(&fx->env, record_kind("litigation"), id, &err),
	    DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "staff or admin");
	assert_int_equal(access_require(fx->db, ACCESS_EXPORT, &err), DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "analyst or admin");
	db_set_actor_role(fx->db, ROLE_ADMIN);
	assert_int_equal(count(fx, "SELECT count(*) FROM litigation_cases WHERE deleted = 0"), 1);
}

/* Unknown logins turned away (unknown_users = none) may not even read. */
static void
test_none_cannot_read(void **state)
{
	struct rfx *fx = *state;
	struct duban_err err;
	struct record *r;
	static const char *const msg[] = { "tester is not a user of this database", NULL };

	db_set_actor_role(fx->db, ROLE_NONE);
	duban_err_clear(&err);
	assert_int_equal(access_require(fx->db, ACCESS_READ, &err), DUBAN_EDENIED);
	assert_int_equal(err.rc, DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "reading the database");
	rfx_expect_contains(err.msg, "tester is not a user");
	db_set_actor_role(fx->db, ROLE_ADMIN);
	rfx_agency(fx, "县公安局", "公安局", "department");
	r = new_case(fx);
	expect_save_denied(fx, r, ROLE_NONE, msg);
	record_free(r);
}

/* Every known role reads. */
static void
test_every_role_reads(void **state)
{
	struct rfx *fx = *state;
	struct duban_err err;
	int r;

	for (r = ROLE_READER; r <= ROLE_ADMIN; r++) {
		db_set_actor_role(fx->db, r);
		duban_err_clear(&err);
		if (access_require(fx->db, ACCESS_READ, &err) != DUBAN_OK) {
			print_error("%s may not read: %s\n", role_names[r], err.msg);
			fail();
		}
	}
}

/* ---- recomputing, users ------------------------------------------------------------------- */

/* Recomputing on demand is an admin's; keeping dates current on open is anyone's who may
 * write, and read-only roles are only told the dates are stale. */
static void
test_recompute_roles(void **state)
{
	struct rfx *fx = *state;
	struct config *longer = rfx_config(fx->dir, "[rule litigation-defence]\nlength = 20\n"
	    "unit = days\n");
	struct record_env env = fx->env;
	struct record *r;
	struct duban_err err;
	int64_t changed = -1;
	int64_t audit;
	bool stale = false;
	char v[32];

	assert_non_null(longer);
	rfx_agency(fx, "县公安局", "公安局", "department");
	r = new_case(fx);
	rfx_save(fx, r);
	/* 2025-06-03 + 15 = 06-18. */
	assert_string_equal(rfx_value(r, "defence_due_on"), "2025-06-18");
	duban_err_clear(&err);
	assert_int_equal(record_keep_current(&fx->env, &changed, &stale, &err), DUBAN_OK);
	audit = count(fx, "SELECT count(*) FROM audit_log");
	env.cfg = longer;

	db_set_actor_role(fx->db, ROLE_STAFF);
	assert_int_equal(record_recompute_all(&env, &changed, &err), DUBAN_EDENIED);
	rfx_expect_contains(err.msg, "it needs the role admin");
	/* Read-only roles: told, nothing written. */
	db_set_actor_role(fx->db, ROLE_SUPERVISOR);
	changed = -1;
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_int_equal(changed, 0);
	assert_true(stale);
	db_set_actor_role(fx->db, ROLE_READER);
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_true(stale);
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), audit);
	assert_string_equal(rfx_sql_text(fx, "SELECT defence_due_on FROM litigation_cases", 0, v,
	    sizeof(v)), "2025-06-18");
	/* Staff may: 2025-06-03 + 20 = 06-23 (Mon). */
	db_set_actor_role(fx->db, ROLE_STAFF);
	assert_int_equal(record_keep_current(&env, &changed, &stale, &err), DUBAN_OK);
	assert_false(stale);
	assert_int_equal(changed, 1);
	assert_string_equal(rfx_sql_text(fx, "SELECT defence_due_on FROM litigation_cases", 0, v,
	    sizeof(v)), "2025-06-23");
	assert_int_equal(count(fx, "SELECT count(*) FROM audit_log"), audit + 1);
	record_free(r);
	config_free(longer);
}

/* Users are managed by admins (DESIGN.md; issue 3 item 4: "admins manage agencies, users and
 * settings", enforced in core, not only in screens). */
static void
test_only_admin_adds_users(void **state)
{
	struct rfx *fx = *state;
	struct duban_err err;
	bool ok = true;
	int r;

	for (r = ROLE_NONE; r < ROLE_ADMIN; r++) {
		char login[32];
		int rc;

		/* Each tries to make itself an admin. */
		snprintf(login, sizeof(login), "someone%d", r);
		db_set_actor_role(fx->db, r);
		duban_err_clear(&err);
		rc = user_add(fx->db, login, ROLE_ADMIN, &err);
		if (rc != DUBAN_EDENIED || strstr(err.msg, "admin") == NULL) {
			print_error("user_add(\"%s\", admin) by a %s: rc %d (\"%s\"), expected "
			    "DUBAN_EDENIED naming the role admin\n", login, role_names[r], rc,
			    err.msg);
			ok = false;
		}
	}
	db_set_actor_role(fx->db, ROLE_ADMIN);
	assert_true(ok);
	assert_int_equal(count(fx, "SELECT count(*) FROM users"), 0);
	assert_int_equal(user_add(fx->db, "someone", ROLE_STAFF, &err), DUBAN_OK);
	assert_int_equal(count(fx, "SELECT count(*) FROM users WHERE login = 'someone' AND "
	    "role = 'staff'"), 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, rfx_setup, rfx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_table),
		T(test_analyst_cannot_save_case),
		T(test_supervisor_cannot_save_case),
		T(test_staff_cannot_manage_agencies),
		T(test_reader_cannot_write),
		T(test_none_cannot_read),
		T(test_every_role_reads),
		T(test_recompute_roles),
		T(test_only_admin_adds_users),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
