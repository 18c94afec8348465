/* tui/cli.c: batch commands for scripts and cron. stdout carries the answer only; warnings
 * and errors go to stderr in the interface language. */
#include "duban/tui/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "duban/access.h"
#include "duban/attach.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/deadline.h"
#include "duban/demo.h"
#include "duban/explain.h"
#include "duban/record.h"
#include "duban/reconsideration.h"
#include "duban/i18n.h"
#include "duban/rules.h"
#include "duban/tui/app.h"
#include "duban/user.h"

int
cli_init(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	bool demo = false;
	int rc;
	int i;
	char iso[DATE_ISO_LEN];

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--demo") == 0)
			demo = true;
		else
			return cli_usage(_("init: unknown argument \"%s\""), argv[i]);
	}
	rc = app_open_db(app, DB_CREATE, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	rc = db_begin(db, &err);
	if (rc == DUBAN_OK)
		rc = db_meta_set(db, "created_on", date_format(app->today, iso), &err);
	if (rc == DUBAN_OK)
		rc = db_meta_set(db, "created_by", app->login, &err);
	/* The login that creates the database administers it. */
	db_set_actor_role(db, ROLE_ADMIN);
	if (rc == DUBAN_OK)
		rc = user_add(db, app->login, ROLE_ADMIN, &err);
	if (rc == DUBAN_OK) {
		char fp[17];

		deadline_fingerprint(app->cfg->rules, app->cal, app->cfg->makeup_workdays, fp);
		rc = db_meta_set(db, "deadline_fingerprint", fp, &err);
	}
	if (rc == DUBAN_OK && demo) {
		struct record_env env = app_env(app, db);

		db_set_actor_role(db, ROLE_ADMIN);
		rc = demo_seed(&env, &err);
	}
	rc = db_end(db, rc, &err);
	db_close(db);
	if (rc != DUBAN_OK) {
		/* Leave no empty shell behind that a second init would refuse. */
		remove(app->db_path);
		return app_report(&err);
	}
	app_eprintf(_("duban: created %s; %s is its administrator\n"), app->db_path,
	    app->login);
	if (demo)
		app_eprintf("%s\n", _("duban: filled with the demo data set"));
	return DUBAN_OK;
}

int
cli_deadline(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct deadline_result r;
	struct date trigger;
	const char *rule = NULL;
	const char *date = NULL;
	bool explain = false;
	bool extended = false;
	char iso[DATE_ISO_LEN];
	int rc;
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--record") == 0)
			return cli_deadline_record(app, argc, argv);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--explain") == 0)
			explain = true;
		else if (strcmp(argv[i], "--extended") == 0)
			extended = true;
		else if (argv[i][0] == '-' && argv[i][1] == '-')
			return cli_usage(_("deadline: unknown option \"%s\""), argv[i]);
		else if (rule == NULL)
			rule = argv[i];
		else if (date == NULL)
			date = argv[i];
		else
			return cli_usage(_("deadline: unexpected argument \"%s\""), argv[i]);
	}
	if (rule == NULL || date == NULL)
		return cli_usage("%s", _("deadline takes RULE DATE, e.g. "
		    "\"duban deadline reconsideration-reply 2024-09-27\""));
	/* 第六十二条: only the ordinary procedure's decision period can be extended. */
	if (extended && strcmp(rule, "reconsideration-decision") != 0)
		return cli_usage(_("--extended applies to reconsideration-decision only (行政复议法 "
		    "第六十二条)"));
	if (date_parse(date, &trigger, &err) != DUBAN_OK)
		return app_report(&err);
	if (explain) {
		struct explanation x;
		struct buf text = BUF_INIT;

		rc = explain_deadline(app->cfg->rules, app->cal, rule, trigger, NULL, extended ?
		    RECONSIDERATION_EXTENSION_DAYS : 0, app->cfg->makeup_workdays, &x, &err);
		if (rc == DUBAN_OK) {
			explain_render(&x, &text);
			fputs(buf_str(&text), stdout);
			r = x.result;
			explain_release(&x);
			buf_release(&text);
		}
	} else {
		rc = extended ? deadline_compute_extended(app->cfg->rules, app->cal, rule, trigger,
		    RECONSIDERATION_EXTENSION_DAYS, app->cfg->makeup_workdays, &r, &err) :
		    deadline_compute(app->cfg->rules, app->cal, rule, trigger, NULL,
		    app->cfg->makeup_workdays, &r, &err);
	}
	if (rc != DUBAN_OK) {
		struct buf names = BUF_INIT;
		size_t k;

		app_report(&err);
		if (rules_find(app->cfg->rules, rule) != NULL)
			return err.rc;
		for (k = 0; k < rules_count(app->cfg->rules); k++)
			buf_printf(&names, "%s%s", k ? ", " : "", rules_at(app->cfg->rules, k)->name);
		app_eprintf("duban: %s: %s\n", _("rules"), buf_str(&names));
		buf_release(&names);
		return err.rc;
	}
	if (!explain)
		printf("%s\n", date_format(r.due, iso));
	if (r.uncovered_year != 0)
		app_warn_uncovered(app, r.uncovered_year);
	if (!explain && app->cfg->show_alternate && !date_eq(r.due, r.alt_due))
		app_eprintf(_("duban: note: %s if official make-up working days are %s\n"),
		    date_format(r.alt_due, iso), app->cfg->makeup_workdays ?
		    _("not counted as working days") : _("counted as working days"));
	return DUBAN_OK;
}

int
cli_calendar(struct app *app, int argc, char **argv)
{
	const struct calendar_entry *e = NULL;
	char *end = NULL;
	long year;
	size_t n;
	size_t i;
	char iso[DATE_ISO_LEN];

	if (argc != 2)
		return cli_usage("%s", _("calendar takes a YEAR, e.g. \"duban calendar 2025\""));
	year = strtol(argv[1], &end, 10);
	if (*end != '\0' || end == argv[1] || year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) {
		app_eprintf(_("duban: \"%s\" is not a year from %d to %d\n"), argv[1],
		    DATE_MIN_YEAR, DATE_MAX_YEAR);
		return DUBAN_EINPUT;
	}
	if (!calendar_covers(app->cal, (int)year)) {
		app_warn_uncovered(app, (int)year);
		if (!calendar_is_provisional(app->cal, (int)year))
			return DUBAN_EINPUT;
	}
	n = calendar_entries_of_year(app->cal, (int)year, &e);
	for (i = 0; i < n; i++) {
		printf("%s  %s  %s  %s\n", date_format(e[i].on, iso), explain_weekday_label(
		    date_weekday(e[i].on)), e[i].is_workday ? _("work") : _("rest"), e[i].name);
	}
	return DUBAN_OK;
}

int
cli_check(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct buf report = BUF_INIT;
	struct buf dups = BUF_INIT;
	struct buf cov = BUF_INIT;
	struct buf docs = BUF_INIT;
	int doc_problems = 0;
	int docs_checked = 0;
	bool sound = false;
	int version = 0;
	int rc;
	int y;

	(void)argv;
	if (argc != 1)
		return cli_usage("%s", _("check takes no arguments"));
	rc = app_open_db(app, DB_READ_ONLY, &db, &err);
	if (rc == DUBAN_OK)
		rc = db_schema_version(db, &version, &err);
	if (rc == DUBAN_OK)
		rc = db_check(db, &sound, &report, &err);
	if (rc == DUBAN_OK && sound)
		rc = db_key_duplicates(db, &dups, &err);
	if (rc == DUBAN_OK && sound)
		rc = attach_check(db, &docs, &doc_problems, &docs_checked, &err);
	db_close(db);
	if (rc != DUBAN_OK) {
		buf_release(&report);
		buf_release(&dups);
		buf_release(&docs);
		return app_report(&err);
	}
	calendar_describe_coverage(app->cal, &cov);
	printf(_("database %s: schema version %d\n"), app->db_path, version);
	if (sound)
		printf("%s\n", _("integrity: sound"));
	else
		printf("%s\n%s", _("integrity: DAMAGED; restore a backup:"), buf_str(&report));
	if (dups.len > 0)
		printf("%s\n%s", _("keys: records that are the same case or document twice (kept "
		    "when the database was upgraded to compare numbers in a normalised form):"),
		    buf_str(&dups));
	if (doc_problems > 0)
		printf(_("attachments: %d of %d missing or changed since they were attached:\n%s"),
		    doc_problems, docs_checked, buf_str(&docs));
	else if (docs_checked > 0)
		printf(_("attachments: %d, all present and unchanged\n"), docs_checked);
	printf(_("calendar: official schedules for %s\n"), cov.len ? buf_str(&cov) : _("no year"));
	printf(_("deadline rules: %zu, all that duban needs\n"), rules_count(app->cfg->rules));
	/* Deadlines reach into next year; both years must be covered. */
	for (y = app->today.y; y <= app->today.y + 1; y++)
		if (!calendar_covers(app->cal, y))
			app_warn_uncovered(app, y);
	buf_release(&report);
	buf_release(&dups);
	buf_release(&cov);
	buf_release(&docs);
	if (!sound)
		return DUBAN_EDB;
	return doc_problems > 0 ? DUBAN_EINPUT : DUBAN_OK;
}

static int
cli_backup(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	int rc;

	if (argc != 2)
		return cli_usage("%s", _("backup takes FILE, e.g. duban backup /var/backups/duban/"
		    "duban-$(date +%F).db"));
	rc = app_open_db(app, DB_OPEN_EXISTING, &db, &err);
	if (rc == DUBAN_OK)
		rc = access_require(db, ACCESS_MANAGE, &err);
	if (rc == DUBAN_OK)
		rc = db_backup(db, argv[1], &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	app_eprintf(_("duban: backup written to %s and checked; restore it by copying it over "
	    "the database while nobody uses duban (doc/operations.md)\n"), argv[1]);
	return DUBAN_OK;
}

static const struct {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
} commands[] = {
	{ "init", cli_init },
	{ "deadline", cli_deadline },
	{ "calendar", cli_calendar },
	{ "check", cli_check },
	{ "list", cli_list },
	{ "show", cli_show },
	{ "history", cli_history },
	{ "add", cli_add },
	{ "edit", cli_edit },
	{ "delete", cli_delete },
	{ "user", cli_user },
	{ "recompute", cli_recompute },
	{ "dashboard", cli_dashboard },
	{ "import", cli_import },
	{ "export", cli_export },
	{ "backup", cli_backup },
	{ "assess", cli_assess },
	{ "attach", cli_attach },
	{ "staffing", cli_staffing },
	{ "candidates", cli_candidates },
};

int
cli_dispatch(struct app *app, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(app, argc, argv);
	return cli_usage(_("unknown command \"%s\""), argv[0]);
}
