/* include/duban/config.h: settings and deadline rules from INI files (read with iniparser,
 * only here). The shipped data/duban.ini holds the defaults; a site file is layered over it. */
#ifndef DUBAN_CONFIG_H
#define DUBAN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct duban_err;
struct rules;

enum config_unknown_users {
	CONFIG_UNKNOWN_READ_ONLY,	/* logins not in the users table may look, not change */
	CONFIG_UNKNOWN_NONE,		/* logins not in the users table are turned away */
};

struct config {
	char *db_path;			/* [general] database */
	char *lang;			/* [general] language: "zh" or "en" */
	enum config_unknown_users unknown_users;	/* [general] unknown_users */
	int busy_timeout_ms;		/* [general] busy_timeout_ms */
	char *calendar_dirs;		/* [calendar] directories, ':'-separated, in layer order */
	bool makeup_workdays;		/* [calendar] makeup_workdays */
	bool show_alternate;		/* [calendar] show_alternate */
	bool provisional;		/* [calendar] provisional: statutory days for unpublished years */
	int due_soon_workdays;		/* [deadlines] due_soon_workdays */
	int holding_target_department;	/* [officers] holding_target_department, percent */
	int holding_target_township;	/* [officers] holding_target_township, percent */
	int training_hours;		/* [officers] training_hours, a year per officer */
	struct rules *rules;		/* [rule NAME] and [rule NAME since YYYY-MM-DD] */
	char *assessment_scheme;	/* [assessment] scheme: path of the scheme file */
	char *notice_bureau;		/* [notice] bureau: who issues the 督办 notice */
	char *notice_number;		/* [notice] number: pattern with {year} and {n} */
	char *notice_contact;		/* [notice] contact: a name, may be empty */
	char *notice_phone;		/* [notice] phone: may be empty */
	/* [keys]: one "NAME\tKEYS\n" line per binding, in file order (checked by the desk,
	 * which knows the actions and key names). */
	char *key_bindings;
	/* [aliases]: other names of CSV columns, "KIND\tHEADER\tFIELD\n" per line (KIND empty:
	 * any kind that has FIELD), in file order. */
	char *header_aliases;
};

struct csvin_alias;
/* The [aliases] of cfg as an array for csvin_opts; free with config_aliases_free(). */
struct csvin_alias *config_aliases(const struct config *cfg, size_t *n);
void config_aliases_free(struct csvin_alias *a, size_t n);

/* A configuration with built-in defaults and no rules; free with config_free(). */
struct config *config_new(void);
void config_free(struct config *cfg);

/* Layer the INI file at path over cfg. Relative directories in it are taken relative to
 * base_dir (the directory of the shipped data). A rule section replaces every version of that
 * rule the earlier layers had. DUBAN_EINPUT naming file, line, section and key for a syntax
 * error, an unknown section or key, or a value out of range; cfg is unchanged then. */
int config_load_file(struct config *cfg, const char *path, const char *base_dir,
    struct duban_err *err);

struct assess_scheme;

/* Read an assessment scheme (assess.h) from an INI file. DUBAN_EINPUT naming file, line,
 * section and key for anything wrong: unknown rule or metric, a missing value, points out of
 * range, tiers out of order, a cap naming a tier that does not exist. */
int config_load_scheme(const char *path, struct assess_scheme **out, struct duban_err *err);

/* DUBAN_EINPUT if a rule duban relies on (rules_required) is missing. */
int config_check_complete(const struct config *cfg, struct duban_err *err);

#endif
