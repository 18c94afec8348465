/* core/config.c: the only caller of iniparser. A table maps each section:key to a field of
 * struct config with its type and range, so adding a setting is one line. Values are checked
 * into a scratch copy and applied only when the whole file is good. */
#include "duban/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <iniparser.h>

#include "duban/assess.h"
#include "duban/assess_item.h"
#include "duban/buf.h"
#include "duban/csvin.h"
#include "duban/record.h"
#include "duban/date.h"
#include "duban/decimal.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/rules.h"

enum setting_type {
	SET_STRING, SET_TEXT, SET_PATHS, SET_INT, SET_BOOL, SET_LANG, SET_UNKNOWN_USERS,
	SET_NUMBER_PATTERN,
};

struct setting {
	const char *section;
	const char *key;
	enum setting_type type;
	size_t offset;
	int min;
	int max;
};

#define F(field) offsetof(struct config, field)

static const struct setting settings[] = {
	{ "general", "database", SET_STRING, F(db_path), 0, 0 },
	{ "general", "language", SET_LANG, F(lang), 0, 0 },
	{ "general", "unknown_users", SET_UNKNOWN_USERS, F(unknown_users), 0, 0 },
	{ "general", "busy_timeout_ms", SET_INT, F(busy_timeout_ms), 0, 600000 },
	{ "calendar", "directories", SET_PATHS, F(calendar_dirs), 0, 0 },
	{ "calendar", "makeup_workdays", SET_BOOL, F(makeup_workdays), 0, 0 },
	{ "calendar", "show_alternate", SET_BOOL, F(show_alternate), 0, 0 },
	{ "calendar", "provisional", SET_BOOL, F(provisional), 0, 0 },
	{ "deadlines", "due_soon_workdays", SET_INT, F(due_soon_workdays), 0, 60 },
	{ "assessment", "scheme", SET_PATHS, F(assessment_scheme), 0, 0 },
	{ "notice", "bureau", SET_STRING, F(notice_bureau), 0, 0 },
	{ "notice", "number", SET_NUMBER_PATTERN, F(notice_number), 0, 0 },
	{ "notice", "contact", SET_TEXT, F(notice_contact), 0, 0 },
	{ "notice", "phone", SET_TEXT, F(notice_phone), 0, 0 },
	{ "officers", "holding_target_department", SET_INT, F(holding_target_department), 0,
	  100 },
	{ "officers", "holding_target_township", SET_INT, F(holding_target_township), 0, 100 },
	{ "officers", "training_hours", SET_INT, F(training_hours), 0, 2000 },
};

#define N_SETTINGS (sizeof(settings) / sizeof(settings[0]))

static const char *const rule_keys[] = { "title", "length", "unit", "roll", "basis" };

struct config *
config_new(void)
{
	struct config *cfg = xcalloc(1, sizeof(*cfg));

	cfg->db_path = xstrdup("duban.db");
	cfg->lang = xstrdup("zh");
	cfg->unknown_users = CONFIG_UNKNOWN_READ_ONLY;
	cfg->busy_timeout_ms = 5000;
	cfg->calendar_dirs = xstrdup("");
	cfg->makeup_workdays = true;
	cfg->show_alternate = true;
	cfg->due_soon_workdays = 3;
	cfg->holding_target_department = 70;
	cfg->holding_target_township = 60;
	cfg->training_hours = 60;
	cfg->assessment_scheme = xstrdup("");
	cfg->notice_bureau = xstrdup("县司法局");
	cfg->notice_number = xstrdup("司督〔{year}〕{n}号");
	cfg->notice_contact = xstrdup("");
	cfg->notice_phone = xstrdup("");
	cfg->key_bindings = xstrdup("");
	cfg->header_aliases = xstrdup("");
	cfg->rules = rules_new();
	return cfg;
}

void
config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	free(cfg->db_path);
	free(cfg->lang);
	free(cfg->calendar_dirs);
	free(cfg->assessment_scheme);
	free(cfg->notice_bureau);
	free(cfg->notice_number);
	free(cfg->notice_contact);
	free(cfg->notice_phone);
	free(cfg->key_bindings);
	free(cfg->header_aliases);
	rules_free(cfg->rules);
	free(cfg);
}

/* iniparser reports syntax errors through this callback; keep the text for duban_err. */
static char ini_error[512];

static int
ini_error_cb(const char *fmt, ...)
{
	va_list ap;
	size_t len;

	va_start(ap, fmt);
	vsnprintf(ini_error, sizeof(ini_error), fmt, ap);
	va_end(ap);
	len = strlen(ini_error);
	while (len > 0 && (ini_error[len - 1] == '\n' || ini_error[len - 1] == ' '))
		ini_error[--len] = '\0';
	return 0;
}

/* The line of [section] key in path, for messages; iniparser does not keep line numbers.
 * key NULL: the section header's line. 0 when not found. */
static int
find_line(const char *path, const char *section, const char *key)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0;
	int found = 0;
	bool in_section = false;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;
		char *end;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '[') {
			end = strchr(p, ']');
			if (end != NULL) {
				char *s = p + 1;
				size_t i;

				*end = '\0';
				while (*s == ' ')
					s++;
				for (i = strlen(s); i > 0 && s[i - 1] == ' '; i--)
					s[i - 1] = '\0';
				for (i = 0; s[i] != '\0'; i++)
					if (s[i] >= 'A' && s[i] <= 'Z')
						s[i] = (char)(s[i] - 'A' + 'a');
				in_section = strcmp(s, section) == 0;
				if (in_section && key == NULL) {
					found = lineno;
					break;
				}
			}
			continue;
		}
		if (in_section && key != NULL && strncasecmp(p, key, strlen(key)) == 0) {
			char c = p[strlen(key)];

			if (c == ' ' || c == '\t' || c == '=') {
				found = lineno;
				break;
			}
		}
	}
	fclose(f);
	return found;
}

static int
refuse(struct duban_err *err, const char *path, const char *section, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int
refuse(struct duban_err *err, const char *path, const char *section, const char *key,
    const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	int line = find_line(path, section, key);

	/* A missing key has no line of its own: point at its section. */
	if (line == 0 && key != NULL)
		line = find_line(path, section, NULL);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	duban_err_set(err, DUBAN_EINPUT, "%s", msg);
	if (key != NULL)
		return duban_err_where(err, "%s:%d: [%s] %s", path, line, section, key);
	return duban_err_where(err, "%s:%d: [%s]", path, line, section);
}

/* A key outside any section: find its line by scanning before the first '['. */
static int
refuse_outside(struct duban_err *err, const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0;
	int found = 0;

	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char *p = line;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '[')
			break;
		if (strncasecmp(p, key, strlen(key)) == 0) {
			found = lineno;
			break;
		}
	}
	if (f != NULL)
		fclose(f);
	duban_err_set(err, DUBAN_EINPUT, _("\"%s\" stands before any [section]; put it under "
	    "the section it belongs to"), key);
	return duban_err_where(err, "%s:%d", path, found);
}

static bool
parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool
parse_int(const char *v, int min, int max, int *out)
{
	char *end = NULL;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

/* Make each ':'-separated relative path absolute against base_dir. */
static char *
resolve_paths(const char *v, const char *base_dir)
{
	struct buf b = BUF_INIT;
	const char *p = v;

	while (*p != '\0') {
		const char *colon = strchr(p, ':');
		size_t len = colon != NULL ? (size_t)(colon - p) : strlen(p);

		if (len > 0) {
			if (b.len > 0)
				buf_addc(&b, ':');
			if (p[0] != '/' && base_dir != NULL && base_dir[0] != '\0')
				buf_printf(&b, "%s/", base_dir);
			buf_add(&b, p, len);
		}
		p += len;
		if (*p == ':')
			p++;
	}
	return buf_detach(&b);
}

static void
set_string(char **field, char *value)
{
	free(*field);
	*field = value;
}

static int
apply_setting(struct config *cfg, const struct setting *s, const char *v, const char *path,
    const char *base_dir, struct duban_err *err)
{
	char *field = (char *)cfg + s->offset;
	bool b;
	int n;

	switch (s->type) {
	case SET_STRING:
		if (v[0] == '\0')
			return refuse(err, path, s->section, s->key, _("the value is empty"));
		set_string((char **)(void *)field, xstrdup(v));
		break;
	case SET_TEXT:
		set_string((char **)(void *)field, xstrdup(v));
		break;
	case SET_NUMBER_PATTERN: {
		const char *n1 = strstr(v, "{n}");
		const char *brace;

		/* {n} once, {year} if wanted, no other braces: a typo never reaches a notice. */
		if (n1 == NULL || strstr(n1 + 3, "{n}") != NULL)
			return refuse(err, path, s->section, s->key,
			    _("\"%s\" must hold {n} (the number) exactly once"), v);
		for (brace = strchr(v, '{'); brace != NULL; brace = strchr(brace + 1, '{'))
			if (strncmp(brace, "{n}", 3) != 0 && strncmp(brace, "{year}", 6) != 0)
				return refuse(err, path, s->section, s->key,
				    _("\"%s\": only {year} and {n} may stand in braces"), v);
		set_string((char **)(void *)field, xstrdup(v));
		break;
	}
	case SET_PATHS:
		set_string((char **)(void *)field, resolve_paths(v, base_dir));
		break;
	case SET_INT:
		if (!parse_int(v, s->min, s->max, &n))
			return refuse(err, path, s->section, s->key,
			    _("\"%s\" is not a whole number from %d to %d"), v, s->min, s->max);
		memcpy(field, &n, sizeof(n));
		break;
	case SET_BOOL:
		if (!parse_bool(v, &b))
			return refuse(err, path, s->section, s->key,
			    _("\"%s\" is not yes or no"), v);
		memcpy(field, &b, sizeof(b));
		break;
	case SET_LANG:
		if (strcmp(v, "zh") != 0 && strcmp(v, "en") != 0)
			return refuse(err, path, s->section, s->key,
			    _("\"%s\" is not a language duban has; use zh or en"), v);
		set_string((char **)(void *)field, xstrdup(v));
		break;
	case SET_UNKNOWN_USERS:
		if (strcmp(v, "read-only") == 0)
			n = CONFIG_UNKNOWN_READ_ONLY;
		else if (strcmp(v, "none") == 0)
			n = CONFIG_UNKNOWN_NONE;
		else
			return refuse(err, path, s->section, s->key,
			    _("\"%s\" is not read-only or none"), v);
		memcpy(field, &n, sizeof(n));
		break;
	}
	return DUBAN_OK;
}

/* Split "rule NAME" or "rule NAME since YYYY-MM-DD". */
static int
parse_rule_section(const char *sec, const char *path, char *name, size_t name_size,
    struct date *since, struct duban_err *err)
{
	const char *p = sec + strlen("rule ");
	const char *sp;
	size_t len;
	struct duban_err derr;

	while (*p == ' ')
		p++;
	sp = strchr(p, ' ');
	len = sp != NULL ? (size_t)(sp - p) : strlen(p);
	if (len == 0 || len >= name_size)
		return refuse(err, path, sec, NULL, _("a rule section is [rule NAME] or "
		    "[rule NAME since YYYY-MM-DD]"));
	memcpy(name, p, len);
	name[len] = '\0';
	*since = date_ymd(DATE_MIN_YEAR, 1, 1);
	if (sp == NULL)
		return DUBAN_OK;
	p = sp;
	while (*p == ' ')
		p++;
	if (strncmp(p, "since ", 6) != 0 || date_parse_iso(p + 6, since, &derr) != DUBAN_OK)
		return refuse(err, path, sec, NULL, _("a rule section is [rule NAME] or "
		    "[rule NAME since YYYY-MM-DD]"));
	return DUBAN_OK;
}

static int
load_rule(struct rules *rules, dictionary *d, const char *sec, const char *path,
    struct duban_err *err)
{
	char name[128];
	char key[512];
	struct rule_version v;
	const char *val;
	const char *title;
	int rc;
	int n;
	bool b;

	rc = parse_rule_section(sec, path, name, sizeof(name), &v.since, err);
	if (rc != DUBAN_OK)
		return rc;
	snprintf(key, sizeof(key), "%s:length", sec);
	val = iniparser_getstring(d, key, NULL);
	if (val == NULL || !parse_int(val, 1, RULE_MAX_LENGTH, &n))
		return refuse(err, path, sec, "length",
		    _("length must be a whole number from 1 to 3650 (days, working days or "
		      "months)"));
	v.period.length = n;
	snprintf(key, sizeof(key), "%s:unit", sec);
	val = iniparser_getstring(d, key, NULL);
	if (val == NULL || !rule_unit_parse(val, &v.period.unit))
		return refuse(err, path, sec, "unit", _("unit must be workdays, days or months"));
	snprintf(key, sizeof(key), "%s:roll", sec);
	val = iniparser_getstring(d, key, "yes");
	if (!parse_bool(val, &b))
		return refuse(err, path, sec, "roll", _("roll must be yes or no"));
	v.period.roll = b;
	snprintf(key, sizeof(key), "%s:basis", sec);
	v.basis = iniparser_getstring(d, key, "");
	snprintf(key, sizeof(key), "%s:title", sec);
	title = iniparser_getstring(d, key, "");
	rules_put(rules, name, title, &v);
	return DUBAN_OK;
}

static bool
known_section(const char *sec)
{
	size_t i;

	if (strncmp(sec, "rule ", 5) == 0 || strcmp(sec, "keys") == 0 ||
	    strcmp(sec, "aliases") == 0)
		return true;
	for (i = 0; i < N_SETTINGS; i++)
		if (strcmp(settings[i].section, sec) == 0)
			return true;
	return false;
}

static bool
known_key(const char *sec, const char *key)
{
	size_t i;

	if (strcmp(sec, "keys") == 0 || strcmp(sec, "aliases") == 0)
		return true;	/* checked where they are read: the desk, load_aliases below */
	if (strncmp(sec, "rule ", 5) == 0) {
		for (i = 0; i < sizeof(rule_keys) / sizeof(rule_keys[0]); i++)
			if (strcmp(rule_keys[i], key) == 0)
				return true;
		return false;
	}
	for (i = 0; i < N_SETTINGS; i++)
		if (strcmp(settings[i].section, sec) == 0 && strcmp(settings[i].key, key) == 0)
			return true;
	return false;
}

/* Every section known, every key of it known. */
static int
check_names(dictionary *d, const char *path, struct duban_err *err)
{
	int nsec = iniparser_getnsec(d);
	int i;
	ssize_t e;

	/* iniparser files a key written before any [section] under ":key"; it would never be
	 * read, so the admin must hear of it. */
	for (e = 0; e < d->size; e++) {
		if (d->key[e] != NULL && d->key[e][0] == ':')
			return refuse_outside(err, path, d->key[e] + 1);
	}

	for (i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		int nkeys;
		const char **keys;
		int k;
		int rc = DUBAN_OK;

		if (!known_section(sec))
			return refuse(err, path, sec, NULL, _("unknown section [%s]"), sec);
		nkeys = iniparser_getsecnkeys(d, sec);
		if (nkeys <= 0)
			continue;
		keys = xcalloc((size_t)nkeys, sizeof(*keys));
		if (iniparser_getseckeys(d, sec, keys) != NULL) {
			for (k = 0; k < nkeys && rc == DUBAN_OK; k++) {
				const char *colon = strchr(keys[k], ':');
				const char *key = colon != NULL ? colon + 1 : keys[k];

				if (!known_key(sec, key))
					rc = refuse(err, path, sec, key, _("unknown setting \"%s\""),
					    key);
			}
		}
		free(keys);
		if (rc != DUBAN_OK)
			return rc;
	}
	return DUBAN_OK;
}

/* [aliases]: "HEADER = FIELD" for every kind, "KIND.HEADER = FIELD" for one. The field must
 * exist (in that kind, or in some kind); a wrong one is refused at its line. */
static int
load_aliases(struct config *cfg, dictionary *d, const char *path, struct duban_err *err)
{
	int nkeys = iniparser_getsecnkeys(d, "aliases");
	const char **keys = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(*keys));
	struct buf lines = BUF_INIT;
	int rc = DUBAN_OK;
	int k;

	buf_adds(&lines, cfg->header_aliases);
	if (nkeys > 0 && iniparser_getseckeys(d, "aliases", keys) != NULL) {
		for (k = 0; k < nkeys && rc == DUBAN_OK; k++) {
			const char *name = keys[k] + strlen("aliases:");
			const char *field = iniparser_getstring(d, keys[k], "");
			const char *dot = strchr(name, '.');
			char kind[64] = "";
			const char *header = name;
			bool found = false;
			size_t i;

			if (dot != NULL) {
				snprintf(kind, sizeof(kind), "%.*s", (int)(dot - name), name);
				if (record_kind(kind) == NULL) {
					kind[0] = '\0';	/* a header with a dot in it */
				} else {
					header = dot + 1;
				}
			}
			for (i = 0; record_kinds[i] != NULL; i++) {
				if (kind[0] != '\0' && strcmp(record_kinds[i]->name, kind) != 0)
					continue;
				if (record_field_idx(record_kinds[i], field) >= 0)
					found = true;
			}
			if (!found)
				rc = refuse(err, path, "aliases", name, _("there is no field \"%s\"%s%s"),
				    field, kind[0] ? _(" in ") : "", kind);
			else
				buf_printf(&lines, "%s\t%s\t%s\n", kind, header, field);
		}
	}
	free(keys);
	if (rc == DUBAN_OK) {
		free(cfg->header_aliases);
		cfg->header_aliases = buf_detach(&lines);
	}
	buf_release(&lines);
	return rc;
}

struct csvin_alias *
config_aliases(const struct config *cfg, size_t *n)
{
	struct csvin_alias *a = NULL;
	const char *p = cfg->header_aliases;
	size_t cap = 0;

	*n = 0;
	/* The strings are cut in place in a copy that lives as long as the array: one block. */
	while (*p != '\0') {
		const char *t1 = strchr(p, '\t');
		const char *t2 = t1 != NULL ? strchr(t1 + 1, '\t') : NULL;
		const char *nl = t2 != NULL ? strchr(t2 + 1, '\n') : NULL;

		if (nl == NULL)
			break;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			a = xreallocarray(a, cap, sizeof(*a));
		}
		a[*n].kind = t1 == p ? NULL : xstrndup(p, (size_t)(t1 - p));
		a[*n].header = xstrndup(t1 + 1, (size_t)(t2 - t1 - 1));
		a[*n].field = xstrndup(t2 + 1, (size_t)(nl - t2 - 1));
		(*n)++;
		p = nl + 1;
	}
	return a;
}

void
config_aliases_free(struct csvin_alias *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free((char *)a[i].kind);
		free((char *)a[i].header);
		free((char *)a[i].field);
	}
	free(a);
}

/* Copy of cfg's plain fields and owned strings, so a failing file leaves cfg untouched. */
static void
config_copy_into(struct config *dst, const struct config *src)
{
	size_t i;

	dst->db_path = xstrdup(src->db_path);
	dst->lang = xstrdup(src->lang);
	dst->unknown_users = src->unknown_users;
	dst->busy_timeout_ms = src->busy_timeout_ms;
	dst->calendar_dirs = xstrdup(src->calendar_dirs);
	dst->makeup_workdays = src->makeup_workdays;
	dst->show_alternate = src->show_alternate;
	dst->provisional = src->provisional;
	dst->due_soon_workdays = src->due_soon_workdays;
	dst->holding_target_department = src->holding_target_department;
	dst->holding_target_township = src->holding_target_township;
	dst->training_hours = src->training_hours;
	dst->assessment_scheme = xstrdup(src->assessment_scheme);
	dst->notice_bureau = xstrdup(src->notice_bureau);
	dst->notice_number = xstrdup(src->notice_number);
	dst->notice_contact = xstrdup(src->notice_contact);
	dst->notice_phone = xstrdup(src->notice_phone);
	dst->key_bindings = xstrdup(src->key_bindings);
	dst->header_aliases = xstrdup(src->header_aliases);
	dst->rules = rules_new();
	for (i = 0; i < rules_count(src->rules); i++) {
		const struct rule *r = rules_at(src->rules, i);
		size_t j;

		for (j = 0; j < r->n_versions; j++)
			rules_put(dst->rules, r->name, r->versions[j].title, &r->versions[j]);
	}
}

static void
config_swap(struct config *a, struct config *b)
{
	struct config t = *a;

	*a = *b;
	*b = t;
}

int
config_load_file(struct config *cfg, const char *path, const char *base_dir,
    struct duban_err *err)
{
	dictionary *d = NULL;
	struct config scratch;
	FILE *probe;
	int nsec;
	int i;
	int rc;
	size_t s;

	probe = fopen(path, "r");
	if (probe == NULL)
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read configuration %s: %s"),
		    path, strerror(errno));
	fclose(probe);
	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_error_cb);
	d = iniparser_load(path);
	if (d == NULL) {
		duban_err_set(err, DUBAN_EINPUT, _("the configuration cannot be read: %s"),
		    ini_error[0] != '\0' ? ini_error : _("syntax error"));
		return duban_err_where(err, "%s", path);
	}
	memset(&scratch, 0, sizeof(scratch));
	config_copy_into(&scratch, cfg);
	rc = check_names(d, path, err);
	for (s = 0; s < N_SETTINGS && rc == DUBAN_OK; s++) {
		char key[256];
		const char *v;

		snprintf(key, sizeof(key), "%s:%s", settings[s].section, settings[s].key);
		v = iniparser_getstring(d, key, NULL);
		if (v != NULL)
			rc = apply_setting(&scratch, &settings[s], v, path, base_dir, err);
	}
	/* [keys] bindings add to those of earlier layers. */
	if (rc == DUBAN_OK && iniparser_find_entry(d, "keys")) {
		int nkeys = iniparser_getsecnkeys(d, "keys");
		const char **keys = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(*keys));
		struct buf lines = BUF_INIT;
		int k;

		buf_adds(&lines, scratch.key_bindings);
		if (nkeys > 0 && iniparser_getseckeys(d, "keys", keys) != NULL) {
			for (k = 0; k < nkeys; k++) {
				const char *v = iniparser_getstring(d, keys[k], "");

				buf_printf(&lines, "%s\t%s\n", keys[k] + strlen("keys:"), v);
			}
		}
		free(scratch.key_bindings);
		scratch.key_bindings = buf_detach(&lines);
		free(keys);
	}
	if (rc == DUBAN_OK && iniparser_find_entry(d, "aliases"))
		rc = load_aliases(&scratch, d, path, err);
	/* A file that defines a rule replaces that rule whole: forget, then add its versions. */
	nsec = iniparser_getnsec(d);
	for (i = 0; i < nsec && rc == DUBAN_OK; i++) {
		const char *sec = iniparser_getsecname(d, i);
		char name[128];
		struct date since;

		if (strncmp(sec, "rule ", 5) != 0)
			continue;
		rc = parse_rule_section(sec, path, name, sizeof(name), &since, err);
		if (rc == DUBAN_OK)
			rules_forget(scratch.rules, name);
	}
	for (i = 0; i < nsec && rc == DUBAN_OK; i++) {
		const char *sec = iniparser_getsecname(d, i);

		if (strncmp(sec, "rule ", 5) == 0)
			rc = load_rule(scratch.rules, d, sec, path, err);
	}
	iniparser_freedict(d);
	if (rc == DUBAN_OK)
		config_swap(cfg, &scratch);
	free(scratch.db_path);
	free(scratch.lang);
	free(scratch.calendar_dirs);
	free(scratch.assessment_scheme);
	free(scratch.notice_bureau);
	free(scratch.notice_number);
	free(scratch.notice_contact);
	free(scratch.notice_phone);
	free(scratch.key_bindings);
	free(scratch.header_aliases);
	rules_free(scratch.rules);
	return rc;
}

int
config_check_complete(const struct config *cfg, struct duban_err *err)
{
	size_t i;

	for (i = 0; i < rules_n_required; i++) {
		if (rules_find(cfg->rules, rules_required[i]) == NULL)
			return duban_err_set(err, DUBAN_EINPUT,
			    _("the configuration defines no rule \"%s\"; duban needs it"),
			    rules_required[i]);
	}
	return DUBAN_OK;
}

/* ---- assessment scheme ----------------------------------------------------------------- */

static const char *
sget(dictionary *d, const char *sec, const char *key)
{
	char k[512];

	snprintf(k, sizeof(k), "%s:%s", sec, key);
	return iniparser_getstring(d, k, NULL);
}

/* An exact decimal of the scheme (decimal.h) from min to max, both in millionths: nan, inf,
 * exponents and more than six decimals are not numbers here. */
static bool
parse_decimal(const char *v, int64_t min, int64_t max, int64_t *out)
{
	int64_t x;

	if (v == NULL || !decimal_parse(v, &x) || x < min || x > max)
		return false;
	*out = x;
	return true;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

static int
scheme_indicator(dictionary *d, const char *path, const char *sec, struct assess_indicator *ind,
    struct duban_err *err)
{
	static const char *const rule_names[] = { "rate", "rate_lower", "deduct", "grade", "bonus" };
	const char *v;
	size_t i;
	int g;

	memset(ind, 0, sizeof(*ind));
	ind->name = xstrdup(sec + strlen("indicator "));
	v = sget(d, sec, "title");
	ind->title = xstrdup(v != NULL && v[0] != '\0' ? v : ind->name);
	v = sget(d, sec, "rule");
	for (i = 0; v != NULL && i < sizeof(rule_names) / sizeof(rule_names[0]); i++)
		if (strcmp(v, rule_names[i]) == 0)
			break;
	if (v == NULL || i == sizeof(rule_names) / sizeof(rule_names[0]))
		return refuse(err, path, sec, "rule",
		    _("rule must be rate, rate_lower, deduct, grade or bonus"));
	ind->rule = (enum assess_rule)i;
	v = sget(d, sec, "metric");
	ind->metric = METRIC_MANUAL;
	if (v != NULL && !assess_metric_parse(v, &ind->metric))
		return refuse(err, path, sec, "metric", _("unknown metric \"%s\"; metrics: head_rate, "
		    "nobody_appeared, lawyer_only, defence_failures, loss_rate, reply_failures, "
		    "overturn_rate, suggestion_failures, holding_rate, training_rate, "
		    "review_pass_rate"), v);
	v = sget(d, sec, "item");
	if (v != NULL)
		ind->item = xstrdup(v);
	if ((ind->metric == METRIC_MANUAL) == (ind->item == NULL))
		return refuse(err, path, sec, ind->item != NULL ? "item" : "metric",
		    _("an indicator takes either a metric (from the records) or an item (entered by "
		      "hand), exactly one"));
	if ((ind->rule == RULE_GRADE || ind->rule == RULE_BONUS) && ind->item == NULL)
		return refuse(err, path, sec, "item", _("grade and bonus rules score a manual item"));
	if (!parse_decimal(sget(d, sec, "points"), 0, 100 * DECIMAL_ONE, &ind->points))
		return refuse(err, path, sec, "points", _("points must be a number from 0 to 100"));
	if ((ind->rule == RULE_RATE || ind->rule == RULE_RATE_LOWER) &&
	    !parse_decimal(sget(d, sec, "target"), ind->rule == RULE_RATE ? 1 : 0,
	    ind->rule == RULE_RATE ? 100 * DECIMAL_ONE : 100 * DECIMAL_ONE - 1, &ind->target))
		return refuse(err, path, sec, "target",
		    _("target must be a percentage (above 0 for rate, below 100 for rate_lower)"));
	if (ind->rule == RULE_DEDUCT) {
		if (!parse_decimal(sget(d, sec, "deduct"), 0, 100 * DECIMAL_ONE, &ind->deduct))
			return refuse(err, path, sec, "deduct", _("deduct must be a number from 0 to "
			    "100"));
		v = sget(d, sec, "floor");
		if (v != NULL && !parse_decimal(v, 0, ind->points, &ind->floor))
			return refuse(err, path, sec, "floor", _("floor must be a number from 0 to the "
			    "indicator's points"));
	}
	if (ind->rule == RULE_BONUS && !parse_decimal(sget(d, sec, "per"), 0, 100 * DECIMAL_ONE, &ind->per))
		return refuse(err, path, sec, "per", _("per must be a number of points per unit"));
	for (g = 0; ind->rule == RULE_GRADE && assess_grades[g] != NULL; g++) {
		if (!parse_decimal(sget(d, sec, assess_grades[g]), 0, ind->points,
		    &ind->grade_points[g]))
			return refuse(err, path, sec, assess_grades[g], _("each grade needs its points, "
			    "from 0 to the indicator's points"));
	}
	v = sget(d, sec, "none");
	ind->none_full = v != NULL && strcmp(v, "full") == 0;
	if (v != NULL && strcmp(v, "full") != 0 && strcmp(v, "zero") != 0)
		return refuse(err, path, sec, "none", _("none must be full or zero"));
	return DUBAN_OK;
}

static bool
scheme_key_known(const char *sec, const char *key)
{
	static const char *const ind_keys[] = { "title", "rule", "metric", "item", "points",
		"target", "deduct", "floor", "per", "none", NULL };
	size_t i;

	if (strcmp(sec, "scheme") == 0)
		return strcmp(key, "title") == 0;
	if (strncmp(sec, "tier ", 5) == 0)
		return strcmp(key, "min") == 0;
	if (strncmp(sec, "cap ", 4) == 0)
		return strcmp(key, "metric") == 0 || strcmp(key, "above") == 0 ||
		    strcmp(key, "max_tier") == 0;
	for (i = 0; ind_keys[i] != NULL; i++)
		if (strcmp(key, ind_keys[i]) == 0)
			return true;
	for (i = 0; assess_grades[i] != NULL; i++)
		if (strcmp(key, assess_grades[i]) == 0)
			return true;
	return false;
}

int
config_load_scheme(const char *path, struct assess_scheme **out, struct duban_err *err)
{
	dictionary *d = NULL;
	struct assess_scheme *s = NULL;
	int nsec;
	int i;
	int rc = DUBAN_OK;
	int64_t total = 0;

	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_error_cb);
	s = xcalloc(1, sizeof(*s));
	s->source = read_all(path);
	if (s->source == NULL) {
		assess_scheme_free(s);
		return duban_err_set(err, DUBAN_EINPUT, _("cannot read the assessment scheme %s: %s"),
		    path, strerror(errno));
	}
	d = iniparser_load(path);
	if (d == NULL) {
		assess_scheme_free(s);
		duban_err_set(err, DUBAN_EINPUT, _("the scheme cannot be read: %s"),
		    ini_error[0] != '\0' ? ini_error : _("syntax error"));
		return duban_err_where(err, "%s", path);
	}
	nsec = iniparser_getnsec(d);
	s->ind = xcalloc((size_t)(nsec > 0 ? nsec : 1), sizeof(*s->ind));
	s->tiers = xcalloc((size_t)(nsec > 0 ? nsec : 1), sizeof(*s->tiers));
	s->caps = xcalloc((size_t)(nsec > 0 ? nsec : 1), sizeof(*s->caps));
	for (i = 0; i < nsec && rc == DUBAN_OK; i++) {
		const char *sec = iniparser_getsecname(d, i);

		if (strcmp(sec, "scheme") == 0) {
			const char *t = sget(d, sec, "title");

			free(s->title);
			s->title = xstrdup(t != NULL ? t : "");
		} else if (strncmp(sec, "indicator ", 10) == 0) {
			rc = scheme_indicator(d, path, sec, &s->ind[s->n_ind], err);
			s->n_ind++;
			if (rc == DUBAN_OK && s->ind[s->n_ind - 1].rule != RULE_BONUS)
				total += s->ind[s->n_ind - 1].points;
		} else if (strncmp(sec, "tier ", 5) == 0) {
			struct assess_tier *t = &s->tiers[s->n_tiers++];

			t->name = xstrdup(sec + 5);
			if (!parse_decimal(sget(d, sec, "min"), 0, 1000 * DECIMAL_ONE, &t->min))
				rc = refuse(err, path, sec, "min", _("min must be the lowest total of the "
				    "tier"));
			else if (s->n_tiers > 1 && t->min >= s->tiers[s->n_tiers - 2].min)
				rc = refuse(err, path, sec, "min", _("tiers go from best to worst: each min "
				    "must be lower than the one before"));
		} else if (strncmp(sec, "cap ", 4) == 0) {
			struct assess_cap *c = &s->caps[s->n_caps++];
			const char *m = sget(d, sec, "metric");
			const char *t = sget(d, sec, "max_tier");

			c->max_tier = xstrdup(t != NULL ? t : "");
			if (m == NULL || !assess_metric_parse(m, &c->metric))
				rc = refuse(err, path, sec, "metric", _("a cap needs a metric from the "
				    "records"));
			else if (!parse_decimal(sget(d, sec, "above"), -DECIMAL_ONE, 1000000 * (int64_t)DECIMAL_ONE,
			    &c->above))
				rc = refuse(err, path, sec, "above", _("above must be a number"));
		} else {
			rc = refuse(err, path, sec, NULL, _("unknown section [%s]; sections are [scheme], "
			    "[indicator NAME], [tier NAME], [cap NAME]"), sec);
		}
	}
	for (i = 0; rc == DUBAN_OK && i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		const char *t = sget(d, sec, "max_tier");
		int k;
		bool known = false;

		if (strncmp(sec, "cap ", 4) != 0)
			continue;
		for (k = 0; k < s->n_tiers; k++)
			known = known || (t != NULL && strcmp(s->tiers[k].name, t) == 0);
		if (!known)
			rc = refuse(err, path, sec, "max_tier",
			    _("a cap names the tier \"%s\", which the scheme does not define"),
			    t != NULL ? t : "");
	}
	/* A misspelt key would be ignored and its default used: refuse it instead. */
	for (i = 0; rc == DUBAN_OK && i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		int nkeys = iniparser_getsecnkeys(d, sec);
		const char **keys = xcalloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof(*keys));
		int k;

		if (nkeys > 0 && iniparser_getseckeys(d, sec, keys) != NULL) {
			for (k = 0; k < nkeys && rc == DUBAN_OK; k++) {
				const char *key = strchr(keys[k], ':') + 1;

				if (!scheme_key_known(sec, key))
					rc = refuse(err, path, sec, key, _("unknown setting \"%s\""), key);
			}
		}
		free(keys);
	}
	if (rc == DUBAN_OK && s->n_ind == 0)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s defines no [indicator ...]"), path);
	if (rc == DUBAN_OK && s->n_tiers == 0)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s defines no [tier ...]"), path);
	if (rc == DUBAN_OK && total != 100 * DECIMAL_ONE)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s: the indicators' points add up to %.2f; "
		    "they must add up to 100 (bonuses apart)"), path, (double)total / DECIMAL_ONE);
	iniparser_freedict(d);
	if (rc != DUBAN_OK) {
		assess_scheme_free(s);
		return rc;
	}
	*out = s;
	return DUBAN_OK;
}
