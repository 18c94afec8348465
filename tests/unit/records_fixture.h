/* tests/unit/records_fixture.h: the fixture the record-layer tests share (test_record.c,
 * test_duty.c, test_access.c, test_appearance.c, test_dashboard.c): a fresh database in a
 * per-test temporary directory, the shipped configuration (data/duban.ini) and calendar
 * (data/calendar), found through $DUBAN_DATA as `make unit` sets it, and helpers that build
 * records from column/value pairs through the same record_input/record_save path the forms
 * and the command line use. The actor is "tester" at 2025-06-30 10:00:00, today 2025-06-30
 * (a Monday), role admin unless a test says otherwise.
 *
 * Included by one test file per binary; every helper is static and marked unused, so each
 * binary keeps only what it calls. */
#ifndef DUBAN_TESTS_RECORDS_FIXTURE_H
#define DUBAN_TESTS_RECORDS_FIXTURE_H

#include <dirent.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/record.h"
#include "duban/user.h"
#include "test_tmp.h"

#define RFX_UNUSED __attribute__((unused))
#define RFX_TMP_LEN 256
#define RFX_PATH_LEN 1024
#define RFX_NOW "2025-06-30 10:00:00"

struct rfx {
	char dir[RFX_TMP_LEN];
	char path[RFX_PATH_LEN];	/* dir/duban.db */
	struct db *db;
	struct config *cfg;
	struct calendar *cal;
	struct record_env env;
};

static RFX_UNUSED const char *
rfx_data_dir(void)
{
	const char *data = getenv("DUBAN_DATA");

	return data != NULL && data[0] != '\0' ? data : "data";
}

/* A configuration from data/duban.ini, plus extra_ini (a site file's text) when not NULL. */
static RFX_UNUSED struct config *
rfx_config(const char *dir, const char *extra_ini)
{
	struct config *cfg = config_new();
	struct duban_err err;
	char path[RFX_PATH_LEN];

	duban_err_clear(&err);
	snprintf(path, sizeof(path), "%s/duban.ini", rfx_data_dir());
	if (config_load_file(cfg, path, rfx_data_dir(), &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
		config_free(cfg);
		return NULL;
	}
	if (extra_ini != NULL) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/site.ini", dir);
		f = fopen(path, "w");
		if (f == NULL || fputs(extra_ini, f) < 0 || fclose(f) != 0) {
			config_free(cfg);
			return NULL;
		}
		if (config_load_file(cfg, path, rfx_data_dir(), &err) != DUBAN_OK) {
			fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
			config_free(cfg);
			return NULL;
		}
	}
	if (config_check_complete(cfg, &err) != DUBAN_OK) {
		fprintf(stderr, "incomplete configuration: %s\n", err.msg);
		config_free(cfg);
		return NULL;
	}
	return cfg;
}

static RFX_UNUSED int
rfx_setup(void **state)
{
	struct rfx *fx = calloc(1, sizeof(*fx));
	struct duban_err err;

	if (fx == NULL)
		return -1;
	/* As the program runs: a UTF-8 locale (agency suggestions compare characters). */
	setlocale(LC_ALL, "C.UTF-8");
	if (test_mkdtemp(fx->dir, sizeof(fx->dir), "rec") == NULL) {
		free(fx);
		return -1;
	}
	snprintf(fx->path, sizeof(fx->path), "%s/duban.db", fx->dir);
	fx->cfg = rfx_config(fx->dir, NULL);
	if (fx->cfg == NULL)
		return -1;
	fx->cal = calendar_new();
	duban_err_clear(&err);
	if (calendar_load_dirs(fx->cal, fx->cfg->calendar_dirs, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load the calendar %s: %s %s\n", fx->cfg->calendar_dirs,
		    err.where, err.msg);
		return -1;
	}
	if (db_open(fx->path, DB_CREATE, 1000, &fx->db, &err) != DUBAN_OK) {
		fprintf(stderr, "%s: %s\n", fx->path, err.msg);
		return -1;
	}
	test_db_unsynced(db_sqlite(fx->db));
	db_set_actor(fx->db, "tester", RFX_NOW);
	db_set_actor_role(fx->db, ROLE_ADMIN);
	fx->env.db = fx->db;
	fx->env.cfg = fx->cfg;
	fx->env.cal = fx->cal;
	fx->env.today = date_ymd(2025, 6, 30);
	*state = fx;
	return 0;
}

static RFX_UNUSED int
rfx_teardown(void **state)
{
	struct rfx *fx = *state;
	DIR *d;
	struct dirent *de;

	if (fx == NULL)
		return 0;
	db_close(fx->db);
	config_free(fx->cfg);
	calendar_free(fx->cal);
	d = opendir(fx->dir);
	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[RFX_PATH_LEN + 256];

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

/* Print a record's problems (when a test did not expect them). */
static RFX_UNUSED void
rfx_print_problems(const struct record *r, const struct record_problems *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		print_error("  %s problem %d (field %s): %s\n", r->kind->name, i,
		    p->items[i].field >= 0 ? r->kind->fields[p->items[i].field].column : "-",
		    p->items[i].msg);
}

/* Field index of a column, failing the test if the kind has none. */
static RFX_UNUSED int
rfx_field(const struct kind_def *kind, const char *column)
{
	int i = record_field_idx(kind, column);

	if (i < 0) {
		print_error("%s has no field %s\n", kind->name, column);
		fail();
	}
	return i;
}

/* Input one field; the input must be taken. */
static RFX_UNUSED void
rfx_input(struct rfx *fx, struct record *r, const char *column, const char *value)
{
	struct record_problems p;

	memset(&p, 0, sizeof(p));
	if (!record_input(&fx->env, r, rfx_field(r->kind, column), value, &p)) {
		print_error("%s.%s = \"%s\" was refused:\n", r->kind->name, column, value);
		rfx_print_problems(r, &p);
		fail();
	}
}

/* A new record of kind with fields from pairs: column, value, ..., NULL. */
static RFX_UNUSED struct record *
rfx_build(struct rfx *fx, const char *kind, const char *const *pairs)
{
	const struct kind_def *k = record_kind(kind);
	struct record *r;
	size_t i;

	assert_non_null(k);
	r = record_new(k);
	for (i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
		rfx_input(fx, r, pairs[i], pairs[i + 1]);
	return r;
}

/* Save r; it must succeed. Returns the outcome. */
static RFX_UNUSED enum record_outcome
rfx_save(struct rfx *fx, struct record *r)
{
	struct record_problems p;
	struct duban_err err;
	enum record_outcome out = RECORD_UNCHANGED;
	int rc;

	memset(&p, 0, sizeof(p));
	duban_err_clear(&err);
	rc = record_save(&fx->env, r, 0, &out, &p, &err);
	if (rc != DUBAN_OK) {
		print_error("saving %s failed: rc %d: %s\n", r->kind->name, rc, err.msg);
		rfx_print_problems(r, &p);
		fail();
	}
	return out;
}

/* Build and save a record; returns its id. */
static RFX_UNUSED int64_t
rfx_add(struct rfx *fx, const char *kind, const char *const *pairs)
{
	struct record *r = rfx_build(fx, kind, pairs);
	int64_t id;

	rfx_save(fx, r);
	id = r->id;
	assert_true(id > 0);
	record_free(r);
	return id;
}

/* An agency (saved as admin whatever the current role). */
static RFX_UNUSED int64_t
rfx_agency(struct rfx *fx, const char *name, const char *short_name, const char *kind)
{
	int role = db_actor_role_value(fx->db);
	const char *pairs[] = { "name", name, "short_name", short_name, "kind", kind, NULL };
	int64_t id;

	db_set_actor_role(fx->db, ROLE_ADMIN);
	id = rfx_add(fx, "agency", pairs);
	db_set_actor_role(fx->db, role);
	return id;
}

/* Load a record; it must exist. */
static RFX_UNUSED struct record *
rfx_load(struct rfx *fx, const char *kind, int64_t id)
{
	struct record *r = NULL;
	struct duban_err err;

	duban_err_clear(&err);
	if (record_load(fx->db, record_kind(kind), id, &r, &err) != DUBAN_OK) {
		print_error("loading %s %lld: %s\n", kind, (long long)id, err.msg);
		fail();
	}
	return r;
}

/* The stored value of a field, by column ("" when NULL). */
static RFX_UNUSED const char *
rfx_value(const struct record *r, const char *column)
{
	return record_get(r, rfx_field(r->kind, column));
}

/* One integer from SQL with ?1 bound to id (0: unbound). */
static RFX_UNUSED int64_t
rfx_sql_int(struct rfx *fx, const char *sql, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	if (sqlite3_prepare_v2(db_sqlite(fx->db), sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db_sqlite(fx->db)));
		fail();
	}
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text value from SQL with ?1 bound to id (0: unbound) into out; "(null)" for NULL. */
static RFX_UNUSED const char *
rfx_sql_text(struct rfx *fx, const char *sql, int64_t id, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *s;

	if (sqlite3_prepare_v2(db_sqlite(fx->db), sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db_sqlite(fx->db)));
		fail();
	}
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", s != NULL ? (const char *)s : "(null)");
	sqlite3_finalize(st);
	return out;
}

/* The message contains needle; prints both when not. */
static RFX_UNUSED void
rfx_expect_contains(const char *msg, const char *needle)
{
	if (strstr(msg, needle) == NULL) {
		print_error("message \"%s\" lacks \"%s\"\n", msg, needle);
		fail();
	}
}

#endif
