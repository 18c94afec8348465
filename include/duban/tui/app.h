/* include/duban/tui/app.h: the program's context: where data and translations live, the
 * configuration, the calendar, today, and who is running duban. Built once by main(). */
#ifndef DUBAN_TUI_APP_H
#define DUBAN_TUI_APP_H

#include <stdarg.h>
#include <stdbool.h>

#include "duban/date.h"
#include "duban/err.h"
#include "duban/record.h"
#include "duban/user.h"

struct calendar;
struct config;
struct db;

struct app {
	char *data_dir;		/* shipped data: duban.ini, calendar/ */
	char *locale_dir;	/* compiled translations */
	const char *db_opt;	/* --db */
	const char *config_opt;	/* --config */
	const char *today_opt;	/* --today */
	const char *lang_opt;	/* --lang */
	struct config *cfg;
	struct calendar *cal;
	struct date today;
	char login[64];		/* the OS login of the real user */
	char now[32];		/* wall-clock time for audit rows, "YYYY-MM-DD HH:MM:SS" */
	const char *db_path;	/* --db, else the configuration's */
	enum user_role role;	/* of login in the open database */
	bool hold_recompute;	/* open without recomputing stale due dates (recompute) */
};

/* Print "duban: where: msg" to stderr; returns err->rc. */
int app_report(const struct duban_err *err);
/* fprintf to stderr with control characters, bidirectional controls and invalid bytes shown
 * escaped (\x1B, \u202E); newlines kept. For every message that may quote user input. */
void app_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void app_veprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Print a warning line "duban: warning: ..." to stderr. */
void app_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Find data and translations, set the locale and the language asked for (--lang). */
void app_init(struct app *app, const char *argv0);
/* Load configuration and calendar, decide today and the language. */
int app_setup(struct app *app, struct duban_err *err);
void app_release(struct app *app);

/* Open the database named by --db or the configuration. */
int app_open_db(struct app *app, int mode, struct db **out, struct duban_err *err);

/* Read the wall clock into app->now (the time audit rows record). */
void app_clock(struct app *app);

/* The context record functions need, for db. */
struct record_env app_env(struct app *app, struct db *db);

struct assess_scheme;
/* Load the configured assessment scheme. */
int app_load_scheme(struct app *app, struct assess_scheme **out, struct duban_err *err);

/* Warn on stderr when the calendar does not cover year (once per year per run). */
void app_warn_uncovered(struct app *app, int year);
/* " (provisional)" (translated) after a due date in a provisional year
 * ([calendar] provisional), else "". */
const char *app_provisional_mark(const struct app *app, struct date due);

#endif
