/* tests/unit/test_config.c: the INI configuration — the shipped data/duban.ini, a site file
 * layered over it, and refusals that leave the configuration untouched and say where (file,
 * line, [section] key) the problem is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "duban/config.h"
#include "duban/date.h"
#include "duban/err.h"
#include "duban/rules.h"
#include "test_tmp.h"

#define TMP_LEN 256
#define DIR_LEN 1024
#define PATH_LEN 2048

struct fixture {
	char data[DIR_LEN];	/* the shipped data directory */
	char ini[DIR_LEN + 16];	/* data/duban.ini */
	char tmp[TMP_LEN];	/* scratch directory */
	int nfiles;
};

static int
group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	const char *data = getenv("DUBAN_DATA");

	if (fx == NULL)
		return -1;
	if (data == NULL || data[0] == '\0')
		data = "data";
	snprintf(fx->data, sizeof(fx->data), "%s", data);
	snprintf(fx->ini, sizeof(fx->ini), "%s/duban.ini", fx->data);
	if (test_mkdtemp(fx->tmp, sizeof(fx->tmp), "config") == NULL) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
group_teardown(void **state)
{
	struct fixture *fx = *state;
	DIR *d = opendir(fx->tmp);
	struct dirent *de;

	if (d != NULL) {
		while ((de = readdir(d)) != NULL) {
			char path[PATH_LEN];

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", fx->tmp, de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(fx->tmp);
	free(fx);
	return 0;
}

/* Write text to a new file in the scratch directory; its path goes to out. */
static void
write_ini(struct fixture *fx, const char *text, char out[PATH_LEN])
{
	FILE *f;

	snprintf(out, PATH_LEN, "%s/site-%d.ini", fx->tmp, ++fx->nfiles);
	f = fopen(out, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static struct config *
load_shipped(const struct fixture *fx)
{
	struct config *cfg = config_new();
	struct duban_err err;

	duban_err_clear(&err);
	if (config_load_file(cfg, fx->ini, fx->data, &err) != DUBAN_OK) {
		print_error("%s: %s %s\n", fx->ini, err.where, err.msg);
		fail();
	}
	return cfg;
}

/* ---- the shipped file ---- */

static void
test_shipped_file_loads(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char dirs[DIR_LEN + 16];
	size_t i;

	assert_int_equal(config_check_complete(cfg, &err), DUBAN_OK);
	assert_string_equal(cfg->db_path, "/var/lib/duban/duban.db");
	assert_string_equal(cfg->lang, "zh");
	assert_int_equal(cfg->unknown_users, CONFIG_UNKNOWN_READ_ONLY);
	assert_int_equal(cfg->busy_timeout_ms, 5000);
	/* "directories = calendar", relative to the data directory. */
	snprintf(dirs, sizeof(dirs), "%s/calendar", fx->data);
	assert_string_equal(cfg->calendar_dirs, dirs);
	assert_true(cfg->makeup_workdays);
	assert_true(cfg->show_alternate);
	assert_int_equal(cfg->due_soon_workdays, 3);
	/* Twelve [rule NAME] names in the file, the twelve duban requires. */
	assert_int_equal(rules_count(cfg->rules), 12);
	assert_int_equal(rules_n_required, 12);
	for (i = 0; i < rules_n_required; i++)
		assert_non_null(rules_find(cfg->rules, rules_required[i]));
	config_free(cfg);
}

static void
test_shipped_rules(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	const struct rule *r;
	const struct rule_version *v;

	/* [rule reconsideration-reply] 10 days roll, [... since 2024-01-01] 10 workdays. */
	r = rules_find(cfg->rules, "reconsideration-reply");
	assert_non_null(r);
	assert_int_equal(r->n_versions, 2);
	assert_true(date_cmp(r->versions[0].since, date_ymd(2024, 1, 1)) < 0);
	assert_true(date_eq(r->versions[1].since, date_ymd(2024, 1, 1)));
	v = rule_version_for(r, date_ymd(2023, 12, 31));
	assert_ptr_equal(v, &r->versions[0]);
	assert_int_equal(v->period.length, 10);
	assert_int_equal(v->period.unit, RULE_DAYS);
	assert_true(v->period.roll);
	v = rule_version_for(r, date_ymd(2024, 1, 1));
	assert_ptr_equal(v, &r->versions[1]);
	assert_int_equal(v->period.length, 10);
	assert_int_equal(v->period.unit, RULE_WORKDAYS);
	assert_string_equal(v->basis, "行政复议法(2023) 第48条、第88条第2款");
	/* A version without "since" applies to every trigger date. */
	assert_non_null(rule_version_for(r, date_ymd(1900, 1, 1)));

	/* Only the 2023 law has the simplified procedure. */
	r = rules_find(cfg->rules, "reconsideration-reply-simplified");
	assert_non_null(r);
	assert_int_equal(r->n_versions, 1);
	assert_null(rule_version_for(r, date_ymd(2023, 12, 31)));
	v = rule_version_for(r, date_ymd(2024, 1, 1));
	assert_non_null(v);
	assert_int_equal(v->period.length, 5);
	assert_int_equal(v->period.unit, RULE_WORKDAYS);

	r = rules_find(cfg->rules, "procuratorial-suggestion");
	assert_non_null(r);
	v = rule_version_for(r, date_ymd(2025, 3, 5));
	assert_int_equal(v->period.length, 2);
	assert_int_equal(v->period.unit, RULE_MONTHS);
	assert_true(v->period.roll);

	r = rules_find(cfg->rules, "litigation-defence");
	v = rule_version_for(r, date_ymd(2025, 3, 5));
	assert_int_equal(v->period.length, 15);
	assert_int_equal(v->period.unit, RULE_DAYS);
	assert_true(v->period.roll);
	assert_string_equal(r->title, "行政诉讼答辩举证");

	r = rules_find(cfg->rules, "judicial-suggestion");
	v = rule_version_for(r, date_ymd(2025, 3, 5));
	assert_int_equal(v->period.length, 30);
	assert_int_equal(v->period.unit, RULE_DAYS);

	r = rules_find(cfg->rules, "reconsideration-decision");
	assert_int_equal(r->n_versions, 2);
	v = rule_version_for(r, date_ymd(2025, 3, 5));
	assert_int_equal(v->period.length, 60);
	config_free(cfg);
}

/* Loading the same file twice changes nothing: a rule section replaces, never appends. */
static void
test_shipped_file_twice(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;

	assert_int_equal(config_load_file(cfg, fx->ini, fx->data, &err), DUBAN_OK);
	assert_int_equal(rules_count(cfg->rules), 12);
	assert_int_equal(rules_find(cfg->rules, "reconsideration-reply")->n_versions, 2);
	assert_int_equal(rules_find(cfg->rules, "judicial-suggestion")->n_versions, 1);
	config_free(cfg);
}

/* ---- a site file over it ---- */

static void
test_overlay_changes_settings(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char path[PATH_LEN];
	char dirs[3 * DIR_LEN];

	write_ini(fx,
	    "; the county's settings\n"
	    "[deadlines]\n"
	    "due_soon_workdays = 5\n"
	    "\n"
	    "[calendar]\n"
	    "makeup_workdays = no\n"
	    "directories = calendar:local:/srv/duban/calendar\n"
	    "[general]\n"
	    "language = en\n"
	    "unknown_users = none\n", path);
	duban_err_clear(&err);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	assert_int_equal(cfg->due_soon_workdays, 5);
	assert_false(cfg->makeup_workdays);
	assert_string_equal(cfg->lang, "en");
	assert_int_equal(cfg->unknown_users, CONFIG_UNKNOWN_NONE);
	/* Relative layers are taken from the data directory; absolute ones kept. */
	snprintf(dirs, sizeof(dirs), "%s/calendar:%s/local:/srv/duban/calendar", fx->data,
	    fx->data);
	assert_string_equal(cfg->calendar_dirs, dirs);
	/* What the overlay does not mention stays as the shipped file had it. */
	assert_true(cfg->show_alternate);
	assert_int_equal(cfg->busy_timeout_ms, 5000);
	assert_string_equal(cfg->db_path, "/var/lib/duban/duban.db");
	assert_int_equal(rules_count(cfg->rules), 12);
	assert_int_equal(rules_find(cfg->rules, "reconsideration-reply")->n_versions, 2);
	assert_int_equal(config_check_complete(cfg, &err), DUBAN_OK);
	config_free(cfg);
}

/* A redefined rule replaces every version the shipped file had. */
static void
test_overlay_rule_replaces_all_versions(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char path[PATH_LEN];
	const struct rule *r;
	const struct rule_version *v;

	write_ini(fx,
	    "[rule reconsideration-reply]\n"
	    "title = 本地答复期限\n"
	    "length = 15\n"
	    "unit = workdays\n"
	    "basis = 本地规定\n", path);
	duban_err_clear(&err);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	r = rules_find(cfg->rules, "reconsideration-reply");
	assert_non_null(r);
	assert_int_equal(r->n_versions, 1);
	assert_string_equal(r->title, "本地答复期限");
	/* The one version now applies before and after 2024-01-01 alike. */
	v = rule_version_for(r, date_ymd(2023, 6, 1));
	assert_non_null(v);
	assert_int_equal(v->period.length, 15);
	assert_int_equal(v->period.unit, RULE_WORKDAYS);
	assert_string_equal(v->basis, "本地规定");
	v = rule_version_for(r, date_ymd(2024, 6, 3));
	assert_int_equal(v->period.length, 15);
	assert_int_equal(v->period.unit, RULE_WORKDAYS);
	/* Other rules untouched. */
	assert_int_equal(rules_find(cfg->rules, "reconsideration-copy")->n_versions, 2);
	assert_int_equal(rules_count(cfg->rules), 12);

	/* A site file giving only a dated version: nothing applies before that date. */
	write_ini(fx,
	    "[rule judicial-suggestion since 2025-01-01]\n"
	    "length = 20\n"
	    "unit = days\n"
	    "roll = no\n", path);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	r = rules_find(cfg->rules, "judicial-suggestion");
	assert_int_equal(r->n_versions, 1);
	assert_null(rule_version_for(r, date_ymd(2024, 12, 31)));
	v = rule_version_for(r, date_ymd(2025, 1, 1));
	assert_non_null(v);
	assert_int_equal(v->period.length, 20);
	assert_false(v->period.roll);
	config_free(cfg);
}

/* ---- refusals ---- */

/* where names the file, then the line as ":N" (N not followed by a digit), then what. */
static bool
where_ok(const struct duban_err *err, const char *path, int line, const char *what)
{
	char lines[32];
	const char *p;
	size_t plen = strlen(path);

	if (strncmp(err->where, path, plen) != 0) {
		print_error("where \"%s\" does not start with %s\n", err->where, path);
		return false;
	}
	if (line > 0) {
		snprintf(lines, sizeof(lines), ":%d", line);
		p = err->where + plen;
		if (strncmp(p, lines, strlen(lines)) != 0 ||
		    (p[strlen(lines)] >= '0' && p[strlen(lines)] <= '9')) {
			print_error("where \"%s\" does not name line %d\n", err->where, line);
			return false;
		}
	}
	if (what != NULL && strstr(err->where, what) == NULL) {
		print_error("where \"%s\" does not name %s\n", err->where, what);
		return false;
	}
	return true;
}

/* The shipped configuration, exactly as loaded: nothing of a refused file may show. */
static void
expect_shipped(const struct fixture *fx, const struct config *cfg)
{
	char dirs[DIR_LEN + 16];
	const struct rule *r;

	snprintf(dirs, sizeof(dirs), "%s/calendar", fx->data);
	assert_string_equal(cfg->calendar_dirs, dirs);
	assert_string_equal(cfg->lang, "zh");
	assert_string_equal(cfg->db_path, "/var/lib/duban/duban.db");
	assert_int_equal(cfg->unknown_users, CONFIG_UNKNOWN_READ_ONLY);
	assert_int_equal(cfg->busy_timeout_ms, 5000);
	assert_true(cfg->makeup_workdays);
	assert_true(cfg->show_alternate);
	assert_int_equal(cfg->due_soon_workdays, 3);
	assert_int_equal(rules_count(cfg->rules), 12);
	r = rules_find(cfg->rules, "judicial-suggestion");
	assert_non_null(r);
	assert_int_equal(r->n_versions, 1);
	assert_int_equal(r->versions[0].period.length, 30);
	assert_int_equal(r->versions[0].period.unit, RULE_DAYS);
	r = rules_find(cfg->rules, "reconsideration-reply");
	assert_non_null(r);
	assert_int_equal(r->n_versions, 2);
}

/* Load the shipped file, then text as a site file: refused at line, naming what. */
static void
expect_refused(struct fixture *fx, const char *text, int line, const char *what)
{
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char path[PATH_LEN];
	int rc;

	write_ini(fx, text, path);
	duban_err_clear(&err);
	rc = config_load_file(cfg, path, fx->data, &err);
	if (rc != DUBAN_EINPUT || err.rc != DUBAN_EINPUT || err.msg[0] == '\0') {
		print_error("%s: rc %d, msg \"%s\"; want DUBAN_EINPUT for:\n%s\n", path, rc,
		    err.msg, text);
		config_free(cfg);
		fail();
	}
	if (!where_ok(&err, path, line, what)) {
		config_free(cfg);
		fail();
	}
	expect_shipped(fx, cfg);
	config_free(cfg);
}

static void
test_refuse_unknown_section(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "[genral]\n"			/* 3 */
	    "language = en\n", 3, "[genral]");
}

static void
test_refuse_unknown_key(void **state)
{
	expect_refused(*state,
	    "[deadlines]\n"			/* 1 */
	    "due_soon_workdays = 7\n"		/* 2 */
	    "[general]\n"			/* 3 */
	    "busy_timeout_ms = 100\n"		/* 4 */
	    "langauge = en\n", 5, "[general] langauge");
	expect_refused(*state,
	    "[rule judicial-suggestion]\n"	/* 1 */
	    "length = 15\n"			/* 2 */
	    "unit = days\n"			/* 3 */
	    "period = 3\n", 4, "[rule judicial-suggestion] period");
}

/* A key before any section is in no section duban knows. */
static void
test_refuse_key_outside_section(void **state)
{
	expect_refused(*state,
	    "due_soon_workdays = 7\n"		/* 1 */
	    "[general]\n"			/* 2 */
	    "busy_timeout_ms = 100\n", 1, NULL);
}

static void
test_refuse_bad_int(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "[deadlines]\n"			/* 3 */
	    "due_soon_workdays = three\n", 4, "[deadlines] due_soon_workdays");
	expect_refused(*state,
	    "[general]\n"
	    "busy_timeout_ms = 100ms\n", 2, "[general] busy_timeout_ms");
	expect_refused(*state,
	    "[general]\n"
	    "busy_timeout_ms =\n", 2, "[general] busy_timeout_ms");
}

static void
test_refuse_out_of_range_int(void **state)
{
	/* due_soon_workdays is 0..60, busy_timeout_ms 0..600000. */
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "\n"				/* 3 */
	    "[deadlines]\n"			/* 4 */
	    "; a comment\n"			/* 5 */
	    "due_soon_workdays = 61\n", 6, "[deadlines] due_soon_workdays");
	expect_refused(*state,
	    "[deadlines]\n"
	    "due_soon_workdays = -1\n", 2, "[deadlines] due_soon_workdays");
	expect_refused(*state,
	    "[general]\n"
	    "busy_timeout_ms = 600001\n", 2, "[general] busy_timeout_ms");
	expect_refused(*state,
	    "[general]\n"
	    "busy_timeout_ms = 99999999999999999999\n", 2, "[general] busy_timeout_ms");
}

static void
test_refuse_bad_bool(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "[calendar]\n"			/* 3 */
	    "show_alternate = no\n"		/* 4 */
	    "makeup_workdays = maybe\n", 5, "[calendar] makeup_workdays");
	expect_refused(*state,
	    "[rule judicial-suggestion]\n"
	    "length = 15\n"
	    "unit = days\n"
	    "roll = sometimes\n", 4, "[rule judicial-suggestion] roll");
}

static void
test_refuse_bad_language_and_enum(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "language = fr\n", 3, "[general] language");
	expect_refused(*state,
	    "[general]\n"
	    "unknown_users = everyone\n", 2, "[general] unknown_users");
	expect_refused(*state,
	    "[general]\n"
	    "database =\n", 2, "[general] database");
}

static void
test_refuse_rule_unit_weeks(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "\n"				/* 3 */
	    "[rule judicial-suggestion]\n"	/* 4 */
	    "length = 2\n"			/* 5 */
	    "unit = weeks\n", 6, "[rule judicial-suggestion] unit");
}

static void
test_refuse_rule_length_zero(void **state)
{
	expect_refused(*state,
	    "[general]\n"			/* 1 */
	    "busy_timeout_ms = 100\n"		/* 2 */
	    "\n"				/* 3 */
	    "[rule judicial-suggestion]\n"	/* 4 */
	    "length = 0\n"			/* 5 */
	    "unit = days\n", 5, "[rule judicial-suggestion] length");
	expect_refused(*state,
	    "[rule judicial-suggestion]\n"
	    "length = -30\n"
	    "unit = days\n", 2, "[rule judicial-suggestion] length");
}

static void
test_refuse_rule_bad_since(void **state)
{
	expect_refused(*state,
	    "[general]\n"					/* 1 */
	    "busy_timeout_ms = 100\n"				/* 2 */
	    "\n"						/* 3 */
	    "[rule judicial-suggestion since 2024-02-30]\n"	/* 4: no such day */
	    "length = 15\n"
	    "unit = days\n", 4, "[rule judicial-suggestion since 2024-02-30]");
	expect_refused(*state,
	    "[rule judicial-suggestion from 2024-01-01]\n"
	    "length = 15\n"
	    "unit = days\n", 1, "[rule judicial-suggestion from 2024-01-01]");
	expect_refused(*state,
	    "[rule judicial-suggestion since 2024/01/01]\n"
	    "length = 15\n"
	    "unit = days\n", 1, "[rule judicial-suggestion since 2024/01/01]");
}

static void
test_refuse_syntax_error(void **state)
{
	/* Syntax errors need only name the file. */
	expect_refused(*state,
	    "[general]\n"
	    "busy_timeout_ms = 100\n"
	    "this line is not an ini line\n"
	    "[deadlines]\n"
	    "due_soon_workdays = 5\n", 0, NULL);
}

/* [notice]: the shipped bureau and number pattern; a site's are taken; a pattern without {n},
 * with it twice or with an unknown placeholder is refused naming the key. */
static void
test_notice_settings(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char path[PATH_LEN];

	assert_string_equal(cfg->notice_bureau, "县司法局");
	assert_string_equal(cfg->notice_number, "司督〔{year}〕{n}号");
	assert_string_equal(cfg->notice_contact, "");
	write_ini(fx, "[notice]\nbureau = 德清县司法局\nnumber = 德司督〔{year}〕{n}号\n"
	    "contact = 王明\nphone = 0572-8012345\n", path);
	duban_err_clear(&err);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	assert_string_equal(cfg->notice_bureau, "德清县司法局");
	assert_string_equal(cfg->notice_number, "德司督〔{year}〕{n}号");
	assert_string_equal(cfg->notice_contact, "王明");
	assert_string_equal(cfg->notice_phone, "0572-8012345");
	config_free(cfg);
	expect_refused(fx, "[notice]\nnumber = 司督〔{year}〕号\n", 2, "[notice] number");
	expect_refused(fx, "[notice]\nnumber = {n}-{n}\n", 2, "[notice] number");
	expect_refused(fx, "[notice]\nnumber = 司督〔{yaer}〕{n}号\n", 2, "[notice] number");
	expect_refused(fx, "[notice]\nbureau =\n", 2, "[notice] bureau");
}

static void
test_refuse_missing_file(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = load_shipped(fx);
	struct duban_err err;
	char path[PATH_LEN];

	snprintf(path, sizeof(path), "%s/no-such.ini", fx->tmp);
	duban_err_clear(&err);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');
	expect_shipped(fx, cfg);
	config_free(cfg);
}

/* ---- completeness ---- */

static void
test_check_complete_missing_rule(void **state)
{
	struct fixture *fx = *state;
	struct config *cfg = config_new();
	struct duban_err err;
	char path[PATH_LEN];

	/* A fresh configuration has no rules at all. */
	duban_err_clear(&err);
	assert_int_equal(config_check_complete(cfg, &err), DUBAN_EINPUT);
	assert_true(err.msg[0] != '\0');

	/* Eleven of the twelve: procuratorial-suggestion missing. */
	write_ini(fx,
	    "[rule litigation-defence]\nlength = 15\nunit = days\n"
	    "[rule reconsideration-copy]\nlength = 7\nunit = workdays\n"
	    "[rule reconsideration-copy-simplified]\nlength = 3\nunit = workdays\n"
	    "[rule reconsideration-reply]\nlength = 10\nunit = workdays\n"
	    "[rule reconsideration-reply-simplified]\nlength = 5\nunit = workdays\n"
	    "[rule reconsideration-decision]\nlength = 60\nunit = days\n"
	    "[rule reconsideration-decision-simplified]\nlength = 30\nunit = days\n"
	    "[rule judicial-suggestion]\nlength = 30\nunit = days\n"
	    "[rule rule-filing]\nlength = 15\nunit = days\n"
	    "[rule publicity]\nlength = 20\nunit = workdays\n"
	    "[rule publicity-licence-penalty]\nlength = 7\nunit = workdays\n", path);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	assert_int_equal(rules_count(cfg->rules), 11);
	duban_err_clear(&err);
	assert_int_equal(config_check_complete(cfg, &err), DUBAN_EINPUT);
	assert_non_null(strstr(err.msg, "procuratorial-suggestion"));

	/* The twelfth completes it. */
	write_ini(fx, "[rule procuratorial-suggestion]\nlength = 2\nunit = months\n", path);
	assert_int_equal(config_load_file(cfg, path, fx->data, &err), DUBAN_OK);
	assert_int_equal(config_check_complete(cfg, &err), DUBAN_OK);
	config_free(cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_file_loads),
		cmocka_unit_test(test_shipped_rules),
		cmocka_unit_test(test_shipped_file_twice),
		cmocka_unit_test(test_overlay_changes_settings),
		cmocka_unit_test(test_overlay_rule_replaces_all_versions),
		cmocka_unit_test(test_refuse_unknown_section),
		cmocka_unit_test(test_refuse_unknown_key),
		cmocka_unit_test(test_refuse_key_outside_section),
		cmocka_unit_test(test_refuse_bad_int),
		cmocka_unit_test(test_refuse_out_of_range_int),
		cmocka_unit_test(test_refuse_bad_bool),
		cmocka_unit_test(test_refuse_bad_language_and_enum),
		cmocka_unit_test(test_refuse_rule_unit_weeks),
		cmocka_unit_test(test_refuse_rule_length_zero),
		cmocka_unit_test(test_refuse_rule_bad_since),
		cmocka_unit_test(test_refuse_syntax_error),
		cmocka_unit_test(test_notice_settings),
		cmocka_unit_test(test_refuse_missing_file),
		cmocka_unit_test(test_check_complete_missing_rule),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
