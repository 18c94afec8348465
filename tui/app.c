/* tui/app.c: everything core must not do itself: read the environment and the clock, find
 * files, choose the language. Core receives the results as arguments. */
#include "duban/tui/app.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/lunar.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/i18n.h"
#include "duban/impact.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/priv.h"
#include "duban/user.h"

/* Write text to stderr with every control character, bidirectional control and invalid
 * byte shown escaped (\x1B, \u202E), line ends kept: messages quote the user's arguments and
 * file names, and an ESC in them must not reach the terminal. */
static void
put_escaped(const char *s)
{
	struct buf b = BUF_INIT;
	struct buf line = BUF_INIT;
	const char *nl;

	while (*s != '\0') {
		nl = strchr(s, '\n');
		buf_reset(&line);
		buf_add(&line, s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		text_escape(buf_str(&line), &b);
		if (nl == NULL)
			break;
		buf_addc(&b, '\n');
		s = nl + 1;
	}
	fputs(buf_str(&b), stderr);
	buf_release(&line);
	buf_release(&b);
}

void
app_veprintf(const char *fmt, va_list ap)
{
	va_list cp;
	char *s;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	put_escaped(s);
	free(s);
}

void
app_eprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	app_veprintf(fmt, ap);
	va_end(ap);
}

int
app_report(const struct duban_err *err)
{
	if (err->where[0] != '\0')
		app_eprintf("duban: %s: %s\n", err->where, err->msg);
	else
		app_eprintf("duban: %s\n", err->msg);
	return err->rc;
}

void
app_warn(const char *fmt, ...)
{
	va_list ap;

	app_eprintf("duban: %s: ", _("warning"));
	va_start(ap, fmt);
	app_veprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool
is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool
is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Directory of the running program, from /proc (argv[0] as a fallback). */
static char *
exe_dir(const char *argv0)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	char *slash;

	if (n > 0) {
		path[n] = '\0';
	} else if (realpath(argv0, path) == NULL) {
		return xstrdup(".");
	}
	slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	*slash = '\0';
	return xstrdup(path[0] != '\0' ? path : "/");
}

/* The first candidate (relative to dir) that holds marker; NULL if none does. */
static char *
find_beside(const char *dir, const char *const *candidates, const char *marker)
{
	size_t i;

	for (i = 0; candidates[i] != NULL; i++) {
		struct buf b = BUF_INIT;
		char resolved[PATH_MAX];

		buf_printf(&b, "%s/%s/%s", dir, candidates[i], marker);
		if ((marker[0] == '\0' ? is_dir(buf_str(&b)) : is_file(buf_str(&b)))) {
			buf_reset(&b);
			buf_printf(&b, "%s/%s", dir, candidates[i]);
			if (realpath(buf_str(&b), resolved) != NULL) {
				buf_release(&b);
				return xstrdup(resolved);
			}
		}
		buf_release(&b);
	}
	return NULL;
}

static void
find_files(struct app *app, const char *argv0)
{
	/* build/duban and build/asan/duban run in the tree; bin/duban finds share/duban. */
	static const char *const data_dirs[] = { "../data", "../../data", "../share/duban", NULL };
	static const char *const locale_dirs[] = { "locale", "../locale", "../share/locale", NULL };
	char *dir = exe_dir(argv0);
	/* Setgid, the rules and calendar are the site's, never the caller's own (they decide
	 * every due date stored for everyone). */
	const char *env = priv_is_setgid() ? NULL : getenv("DUBAN_DATA");

	if (env != NULL && env[0] != '\0')
		app->data_dir = xstrdup(env);
	else
		app->data_dir = find_beside(dir, data_dirs, "duban.ini");
	if (app->data_dir == NULL)
		app->data_dir = xstrdup("/usr/local/share/duban");
	app->locale_dir = find_beside(dir, locale_dirs, "");
	if (app->locale_dir == NULL)
		app->locale_dir = xstrdup("/usr/local/share/locale");
	free(dir);
}

/* Language: zh or en. LANGUAGE steers gettext whatever the locale's own language is. */
static void
set_language(const char *lang)
{
	setenv("LANGUAGE", strcmp(lang, "en") == 0 ? "en" : "zh_CN", 1);
}

static void
init_locale(const struct app *app)
{
	const char *cs;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
		/* Everything inside duban is UTF-8; a C/POSIX locale would garble Chinese. */
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C.utf8");
	}
	bindtextdomain(DUBAN_TEXTDOMAIN, app->locale_dir);
	bind_textdomain_codeset(DUBAN_TEXTDOMAIN, "UTF-8");
	textdomain(DUBAN_TEXTDOMAIN);
}

static void
find_login(struct app *app)
{
	/* The real user: a setgid binary must still act as the person who ran it. */
	struct passwd *pw = getpwuid(getuid());

	if (pw != NULL && pw->pw_name != NULL)
		snprintf(app->login, sizeof(app->login), "%s", pw->pw_name);
	else
		snprintf(app->login, sizeof(app->login), "uid%ld", (long)getuid());
}

void
app_clock(struct app *app)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(app->now, sizeof(app->now), "%Y-%m-%d %H:%M:%S", &tm);
}

static int
decide_today(struct app *app, struct duban_err *err)
{
	const char *s = app->today_opt;
	time_t t = time(NULL);
	struct tm tm;
	const char *env = getenv("DUBAN_TODAY");

	localtime_r(&t, &tm);
	app_clock(app);
	if (s == NULL && env != NULL && env[0] != '\0')
		s = env;
	if (s != NULL) {
		if (date_parse_iso(s, &app->today, err) != DUBAN_OK)
			return duban_err_wrap(err, "%s", _("--today / DUBAN_TODAY: "));
		return DUBAN_OK;
	}
	app->today = date_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return DUBAN_OK;
}

/* The site configuration file, first match: --config, $DUBAN_CONFIG,
 * $XDG_CONFIG_HOME/duban/duban.ini (or ~/.config), /etc/duban/duban.ini. NULL if none. */
static char *
site_config(const struct app *app)
{
	const char *env = getenv("DUBAN_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (priv_is_setgid())
		return is_file("/etc/duban/duban.ini") ? xstrdup("/etc/duban/duban.ini") : NULL;
	if (app->config_opt != NULL)
		return xstrdup(app->config_opt);
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if (xdg != NULL && xdg[0] != '\0')
		buf_printf(&b, "%s/duban/duban.ini", xdg);
	else if (home != NULL && home[0] != '\0')
		buf_printf(&b, "%s/.config/duban/duban.ini", home);
	if (b.len > 0 && is_file(buf_str(&b)))
		return buf_detach(&b);
	buf_release(&b);
	if (is_file("/etc/duban/duban.ini"))
		return xstrdup("/etc/duban/duban.ini");
	return NULL;
}

void
app_init(struct app *app, const char *argv0)
{
	find_files(app, argv0);
	init_locale(app);
	find_login(app);
	/* Until the configuration is read, speak the language asked for, or Chinese. */
	set_language(app->lang_opt != NULL ? app->lang_opt : "zh");
}

int
app_setup(struct app *app, struct duban_err *err)
{
	struct buf shipped = BUF_INIT;
	char *site = NULL;
	int rc;

	if (priv_is_setgid() && app->config_opt != NULL)
		return duban_err_set(err, DUBAN_EUSAGE, "%s", _("--config is not accepted here: this "
		    "duban runs for a shared database and reads /etc/duban/duban.ini only"));
	if (app->lang_opt != NULL && strcmp(app->lang_opt, "zh") != 0 &&
	    strcmp(app->lang_opt, "en") != 0)
		return duban_err_set(err, DUBAN_EUSAGE, _("--lang takes zh or en, not \"%s\""),
		    app->lang_opt);
	rc = decide_today(app, err);
	if (rc != DUBAN_OK)
		return rc;
	app->cfg = config_new();
	buf_printf(&shipped, "%s/duban.ini", app->data_dir);
	rc = config_load_file(app->cfg, buf_str(&shipped), app->data_dir, err);
	if (rc == DUBAN_OK) {
		site = site_config(app);
		if (site != NULL)
			rc = config_load_file(app->cfg, site, app->data_dir, err);
	}
	if (rc == DUBAN_OK && app->lang_opt == NULL)
		set_language(app->cfg->lang);
	if (rc == DUBAN_OK)
		rc = config_check_complete(app->cfg, err);
	if (rc == DUBAN_OK) {
		app->cal = calendar_new();
		rc = calendar_load_dirs(app->cal, app->cfg->calendar_dirs, err);
	}
	if (rc == DUBAN_OK && app->cfg->provisional)
		calendar_add_provisional(app->cal, LUNAR_LAST_YEAR);
	app->db_path = app->db_opt != NULL ? app->db_opt : app->cfg->db_path;
	free(site);
	buf_release(&shipped);
	return rc;
}

void
app_release(struct app *app)
{
	config_free(app->cfg);
	calendar_free(app->cal);
	free(app->data_dir);
	free(app->locale_dir);
}

struct record_env
app_env(struct app *app, struct db *db)
{
	struct record_env env = { db, app->cfg, app->cal, app->today, NULL, NULL };

	return env;
}

int
app_open_db(struct app *app, int mode, struct db **out, struct duban_err *err)
{
	struct db *db = NULL;
	struct record_env env;
	enum user_role role = ROLE_NONE;
	bool found = false;
	bool stale = false;
	int64_t changed = 0;
	struct impact impact;
	int rc;

	memset(&impact, 0, sizeof(impact));
	/* The database group, when setgid, only for opening the files of the database. A new
	 * database is made with the person's own rights: the group lets no one leave files in
	 * its directory (doc/operations.md §5). */
	if (mode != DB_CREATE)
		priv_enter_db();
	rc = db_open(app->db_path, (enum db_mode)mode, app->cfg->busy_timeout_ms, &db, err);
	if (mode != DB_CREATE)
		priv_leave_db();
	if (rc != DUBAN_OK)
		return rc;
	if (priv_is_setgid())
		db_set_close_hook(db, priv_around_close);
	db_set_actor(db, app->login, app->now);
	rc = user_role_of(db, app->login, &role, &found, err);
	if (rc == DUBAN_OK && !found)
		role = app->cfg->unknown_users == CONFIG_UNKNOWN_READ_ONLY ? ROLE_READER : ROLE_NONE;
	db_set_actor_role(db, (int)role);
	app->role = role;
	/* A restored backup is in rollback mode: one who may write puts it in WAL, with the group
	 * that creating -wal and -shm needs; reading leaves the file exactly as it was. */
	if (rc == DUBAN_OK && mode == DB_OPEN_EXISTING && role > ROLE_READER) {
		priv_enter_db();
		rc = db_use_wal(db, err);
		priv_leave_db();
	}
	if (rc == DUBAN_OK && mode != DB_CREATE) {
		env = app_env(app, db);
		if (mode == DB_READ_ONLY)
			db_set_actor_role(db, (int)ROLE_READER);
		/* `recompute` shows the change before applying it: it must find it pending. */
		if (!app->hold_recompute)
			rc = impact_keep_current(&env, &impact, &stale, err);
		db_set_actor_role(db, (int)role);
		changed = impact.records;
		if (changed > 0)
			app_warn(_("the deadline rules or the calendar changed: %lld records got new due "
			    "dates (recorded in the audit trail)"), (long long)changed);
		if (impact.n_moves > 0) {
			struct buf table = BUF_INIT;

			impact_render(&impact, &table);
			app_eprintf("%s", buf_str(&table));
			buf_release(&table);
		}
		impact_release(&impact);
		if (stale)
			app_warn("%s", _("the deadline rules or the calendar changed since the due "
			    "dates were computed; they are brought up to date when a user who may "
			    "edit opens duban"));
	}
	if (rc != DUBAN_OK) {
		db_close(db);
		return rc;
	}
	*out = db;
	return DUBAN_OK;
}

const char *
app_provisional_mark(const struct app *app, struct date due)
{
	return calendar_is_provisional(app->cal, due.y) ? _(" (provisional)") : "";
}

void
app_warn_uncovered(struct app *app, int year)
{
	static int warned[8];
	static size_t n;
	struct buf cov = BUF_INIT;
	size_t i;

	if (year == 0)
		return;
	for (i = 0; i < n; i++)
		if (warned[i] == year)
			return;
	if (n < sizeof(warned) / sizeof(warned[0]))
		warned[n++] = year;
	calendar_describe_coverage(app->cal, &cov);
	if (calendar_is_provisional(app->cal, year))
		app_warn(_("%d has no official holiday schedule yet (the calendar covers %s): due "
		    "dates counted into %d are PROVISIONAL, from the statutory holidays computed for "
		    "%d; its make-up working days are unknown and not counted; the official "
		    "schedule replaces it when its file is added (see doc/calendar.md)"), year,
		    cov.len > 0 ? buf_str(&cov) : _("no year"), year, year);
	else
		app_warn(_("the calendar has no official holiday schedule for %d (it covers %s): dates "
	    "in %d are counted with weekends only and may be wrong; add the year's file "
	    "(see doc/calendar.md)"), year, cov.len > 0 ? buf_str(&cov) : _("no year"), year);
	buf_release(&cov);
}
