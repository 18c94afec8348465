/* tests/unit/import_fixture.h: what test_import.c and test_export.c share: a fresh database
 * in a per-test temporary directory with the shipped configuration and calendar (found
 * through $DUBAN_DATA, as `make unit` sets it), a few agencies, files written into the temp
 * directory, and an import run that collects its refusals and warnings as text. The actor is
 * "tester" at 2025-06-30 10:00:00, today 2025-06-30, role admin unless a test changes it.
 * Every helper is static and marked unused: each binary keeps what it calls. */
#ifndef DUBAN_TESTS_IMPORT_FIXTURE_H
#define DUBAN_TESTS_IMPORT_FIXTURE_H

#include <dirent.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/import.h"
#include "duban/record.h"
#include "duban/user.h"
#include "test_tmp.h"

#define IFX_UNUSED __attribute__((unused))
#define IFX_PATH_LEN 1024

struct ifx {
	char dir[256];
	char path[IFX_PATH_LEN];	/* the database */
	struct db *db;
	struct config *cfg;
	struct calendar *cal;
	struct record_env env;
	/* The last import: one line per refusal "LINE|COLUMN|reason", per warning "W|msg". */
	struct buf refusals;
	struct buf warnings;
	int n_refusals;
	int64_t progress_rows;
	struct import_result res;
	struct duban_err err;
	char opt_path[IFX_PATH_LEN + 256];	/* the file of ifx_opts() */
};

static IFX_UNUSED const char *
ifx_data_dir(void)
{
	const char *data = getenv("DUBAN_DATA");

	return data != NULL && data[0] != '\0' ? data : "data";
}

static IFX_UNUSED void
ifx_exec(struct ifx *fx, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db_sqlite(fx->db), sql, NULL, NULL, &msg) != SQLITE_OK) {
		print_error("%s: %s\n", sql, msg != NULL ? msg : "?");
		sqlite3_free(msg);
		fail();
	}
}

/* Save an agency through the record engine. */
static IFX_UNUSED void
ifx_agency(struct ifx *fx, const char *name, const char *short_name, const char *code)
{
	const struct kind_def *k = record_kind("agency");
	struct record *r = record_new(k);
	struct record_problems p;
	struct duban_err err;

	memset(&p, 0, sizeof(p));
	assert_true(record_input(&fx->env, r, record_field_idx(k, "name"), name, &p));
	assert_true(record_input(&fx->env, r, record_field_idx(k, "short_name"), short_name, &p));
	assert_true(record_input(&fx->env, r, record_field_idx(k, "code"), code, &p));
	assert_true(record_input(&fx->env, r, record_field_idx(k, "kind"), "部门", &p));
	assert_int_equal(record_save(&fx->env, r, 0, NULL, &p, &err), DUBAN_OK);
	record_free(r);
}

/* An empty database (no agencies). */
static IFX_UNUSED int
ifx_setup_empty(void **state)
{
	struct ifx *fx = calloc(1, sizeof(*fx));
	struct duban_err err;
	char path[IFX_PATH_LEN];

	if (fx == NULL)
		return -1;
	/* As the program runs: agency suggestions compare characters. */
	setlocale(LC_ALL, "C.UTF-8");
	if (test_mkdtemp(fx->dir, sizeof(fx->dir), "import") == NULL) {
		free(fx);
		return -1;
	}
	snprintf(fx->path, sizeof(fx->path), "%s/duban.db", fx->dir);
	snprintf(path, sizeof(path), "%s/duban.ini", ifx_data_dir());
	fx->cfg = config_new();
	duban_err_clear(&err);
	if (config_load_file(fx->cfg, path, ifx_data_dir(), &err) != DUBAN_OK ||
	    config_check_complete(fx->cfg, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load %s: %s %s\n", path, err.where, err.msg);
		return -1;
	}
	fx->cal = calendar_new();
	if (calendar_load_dirs(fx->cal, fx->cfg->calendar_dirs, &err) != DUBAN_OK) {
		fprintf(stderr, "cannot load the calendar: %s %s\n", err.where, err.msg);
		return -1;
	}
	if (db_open(fx->path, DB_CREATE, 1000, &fx->db, &err) != DUBAN_OK) {
		fprintf(stderr, "%s: %s\n", fx->path, err.msg);
		return -1;
	}
	test_db_unsynced(db_sqlite(fx->db));
	db_set_actor(fx->db, "tester", "2025-06-30 10:00:00");
	db_set_actor_role(fx->db, ROLE_ADMIN);
	fx->env.db = fx->db;
	fx->env.cfg = fx->cfg;
	fx->env.cal = fx->cal;
	fx->env.today = date_ymd(2025, 6, 30);
	*state = fx;
	return 0;
}

/* A database with three agencies: 县公安局 (公安局, GA01), 县教育局 (JY01) and
 * 县人力资源和社会保障局 (县人社局, RS01). */
static IFX_UNUSED int
ifx_setup(void **state)
{
	struct ifx *fx;

	if (ifx_setup_empty(state) != 0)
		return -1;
	fx = *state;
	ifx_agency(fx, "县公安局", "公安局", "GA01");
	ifx_agency(fx, "县教育局", "", "JY01");
	ifx_agency(fx, "县人力资源和社会保障局", "县人社局", "RS01");
	return 0;
}

static IFX_UNUSED int
ifx_teardown(void **state)
{
	struct ifx *fx = *state;
	DIR *d;
	struct dirent *de;

	if (fx == NULL)
		return 0;
	import_result_release(&fx->res);
	buf_release(&fx->refusals);
	buf_release(&fx->warnings);
	db_close(fx->db);
	config_free(fx->cfg);
	calendar_free(fx->cal);
	d = opendir(fx->dir);
	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[IFX_PATH_LEN + 256];

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

/* dir/name, in a static buffer per call site's use (two at most at once). */
static IFX_UNUSED const char *
ifx_path(struct ifx *fx, const char *name)
{
	static char paths[2][IFX_PATH_LEN + 256];
	static int which;

	which = !which;
	snprintf(paths[which], sizeof(paths[which]), "%s/%s", fx->dir, name);
	return paths[which];
}

/* Write len bytes to dir/name; returns the path. */
static IFX_UNUSED const char *
ifx_write(struct ifx *fx, const char *name, const char *data, size_t len)
{
	const char *path = ifx_path(fx, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static IFX_UNUSED const char *
ifx_writes(struct ifx *fx, const char *name, const char *text)
{
	return ifx_write(fx, name, text, strlen(text));
}

/* The whole of dir/name (NUL-terminated, caller frees); NULL if it does not exist. */
static IFX_UNUSED char *
ifx_read(struct ifx *fx, const char *name, size_t *len)
{
	FILE *f = fopen(ifx_path(fx, name), "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return b.data != NULL ? buf_detach(&b) : calloc(1, 1);
}

static IFX_UNUSED void
ifx_on_refused(void *arg, const char *file, long line, const char *column, const char *reason)
{
	struct ifx *fx = arg;

	(void)file;
	buf_printf(&fx->refusals, "%ld|%s|%s\n", line, column != NULL ? column : "-", reason);
	fx->n_refusals++;
}

static IFX_UNUSED void
ifx_on_warning(void *arg, const char *msg)
{
	struct ifx *fx = arg;

	buf_printf(&fx->warnings, "W|%s\n", msg);
}

static IFX_UNUSED void
ifx_on_progress(void *arg, int64_t rows, uint64_t bytes, uint64_t total)
{
	struct ifx *fx = arg;

	assert_true(total == 0 || bytes <= total);
	fx->progress_rows = rows;
}

/* Options for importing dir/name with the fixture's callbacks. */
static IFX_UNUSED struct import_opts
ifx_opts(struct ifx *fx, const char *name)
{
	struct import_opts o;

	memset(&o, 0, sizeof(o));
	snprintf(fx->opt_path, sizeof(fx->opt_path), "%s/%s", fx->dir, name);
	o.path = fx->opt_path;
	o.name = name;
	o.encoding = ENCODING_AUTO;
	o.refused = ifx_on_refused;
	o.warn = ifx_on_warning;
	o.progress = ifx_on_progress;
	o.arg = fx;
	return o;
}

/* Run an import; the refusals, warnings, result and error land in fx. Returns the rc. */
static IFX_UNUSED int
ifx_import_with(struct ifx *fx, const struct import_opts *o)
{
	import_result_release(&fx->res);
	buf_reset(&fx->refusals);
	buf_reset(&fx->warnings);
	fx->n_refusals = 0;
	duban_err_clear(&fx->err);
	return import_run(&fx->env, o, &fx->res, &fx->err);
}

static IFX_UNUSED int
ifx_import(struct ifx *fx, const char *name)
{
	struct import_opts o = ifx_opts(fx, name);

	return ifx_import_with(fx, &o);
}

static IFX_UNUSED int64_t
ifx_sql_int(struct ifx *fx, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	if (sqlite3_prepare_v2(db_sqlite(fx->db), sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db_sqlite(fx->db)));
		fail();
	}
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as text ("(null)" for NULL), into out. */
static IFX_UNUSED const char *
ifx_sql_text(struct ifx *fx, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *s;

	if (sqlite3_prepare_v2(db_sqlite(fx->db), sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db_sqlite(fx->db)));
		fail();
	}
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	snprintf(out, size, "%s", s != NULL ? (const char *)s : "(null)");
	sqlite3_finalize(st);
	return out;
}

static IFX_UNUSED void
ifx_expect_contains(const char *text, const char *needle)
{
	if (strstr(text, needle) == NULL) {
		print_error("\"%s\"\n  lacks \"%s\"\n", text, needle);
		fail();
	}
}

/* The refusals of the last import are exactly these lines ("LINE|COLUMN|reason\n"...). */
static IFX_UNUSED void
ifx_expect_refusals(struct ifx *fx, const char *expected)
{
	if (strcmp(buf_str(&fx->refusals), expected) != 0) {
		print_error("refusals:\n%s\nexpected:\n%s\n", buf_str(&fx->refusals), expected);
		fail();
	}
}

/* The counts of the last import. */
static IFX_UNUSED void
ifx_expect_counts(struct ifx *fx, int64_t rows, int64_t n_new, int64_t updated,
    int64_t unchanged, int64_t refused)
{
	const struct import_result *r = &fx->res;

	if (r->rows != rows || r->n_new != n_new || r->n_updated != updated ||
	    r->n_unchanged != unchanged || r->n_refused != refused) {
		print_error("rows %lld new %lld updated %lld unchanged %lld refused %lld; expected "
		    "%lld %lld %lld %lld %lld\nrefusals:\n%s\nerror: %s %s\n", (long long)r->rows,
		    (long long)r->n_new, (long long)r->n_updated, (long long)r->n_unchanged,
		    (long long)r->n_refused, (long long)rows, (long long)n_new, (long long)updated,
		    (long long)unchanged, (long long)refused, buf_str(&fx->refusals),
		    fx->err.where, fx->err.msg);
		fail();
	}
}

#endif
