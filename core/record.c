/* core/record.c: the generic record engine. SQL text here is assembled only from the column
 * and table names of the fixed field tables in the kind modules, never from input; every
 * value is bound. */
#include "duban/record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/agency.h"
#include "duban/assess_item.h"
#include "duban/audit.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/db_sql.h"
#include "duban/deadline.h"
#include "duban/err.h"
#include "duban/filing.h"
#include "duban/hearing.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/litigation.h"
#include "duban/mem.h"
#include "duban/officer.h"
#include "duban/publicity.h"
#include "duban/reconsideration.h"
#include "duban/review.h"
#include "duban/suggestion.h"
#include "duban/text.h"
#include "duban/training.h"
#include "duban/user.h"

const struct kind_def *const record_kinds[] = {
	&agency_kind, &litigation_kind, &hearing_kind, &reconsideration_kind, &suggestion_kind,
	&assess_item_kind, &filing_kind, &publicity_kind, &review_kind, &officer_kind,
	&training_kind, NULL,
};

const struct kind_def *
record_kind(const char *name)
{
	size_t i;

	for (i = 0; record_kinds[i] != NULL; i++)
		if (strcmp(record_kinds[i]->name, name) == 0)
			return record_kinds[i];
	return NULL;
}

const char *
record_kind_word(const struct kind_def *kind)
{
	/* The names, marked for translation: a message shows the word, not the code. */
	static const char *const words[] = {
		N_("agency"), N_("litigation"), N_("hearing"), N_("reconsideration"),
		N_("suggestion"), N_("assessment-item"),
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i], kind->name) == 0)
			return _(words[i]);
	/* Kinds added since name themselves in their descriptor. */
	return kind->noun != NULL ? _(kind->noun) : kind->name;
}

const struct kind_def *
record_desk_kind(int n)
{
	size_t i;

	for (i = 0; record_kinds[i] != NULL; i++)
		if (n > 0 && record_kinds[i]->desk == n)
			return record_kinds[i];
	return NULL;
}

void
record_kind_names(struct buf *out)
{
	size_t i;

	for (i = 0; record_kinds[i] != NULL; i++)
		buf_printf(out, "%s%s", i > 0 ? ", " : "", record_kinds[i]->name);
}

const struct kind_def *
record_ref_kind(const struct field_def *f)
{
	if (f->type == FIELD_CASE && f->ref != NULL && record_kind(f->ref) != NULL)
		return record_kind(f->ref);
	return &agency_kind;
}

void
record_choice_sql(const struct kind_def *kind, const char *column, unsigned flag,
    struct buf *out)
{
	int f = record_field_idx(kind, column);
	const struct field_choice *c;
	int n = 0;

	buf_addc(out, '(');
	for (c = f >= 0 ? kind->fields[f].choices : NULL; c != NULL && c->code != NULL; c++) {
		if (!(c->flags & flag))
			continue;
		/* Codes are fixed words of the kind tables, never input. */
		buf_printf(out, "%s'%s'", n++ > 0 ? "," : "", c->code);
	}
	if (n == 0)
		buf_adds(out, "''");
	buf_addc(out, ')');
}

void
record_sql_expand(const char *sql, struct buf *out)
{
	static const struct { const char *name; unsigned flag; } flags[] = {
		{ "head", CHOICE_HEAD_APPEARED }, { "loss", CHOICE_LOSS },
		{ "overturns", CHOICE_OVERTURNS },
	};
	const char *p = sql;

	while (*p != '\0') {
		const char *open = strchr(p, '{');
		const char *close = open != NULL ? strchr(open, '}') : NULL;
		char spec[100];
		char *dot;
		char *slash;
		size_t i;

		if (open == NULL || close == NULL || (size_t)(close - open) >= sizeof(spec)) {
			buf_adds(out, p);
			return;
		}
		buf_add(out, p, (size_t)(open - p));
		memcpy(spec, open + 1, (size_t)(close - open - 1));
		spec[close - open - 1] = '\0';
		dot = strchr(spec, '.');
		slash = strchr(spec, '/');
		if (dot != NULL && slash != NULL && slash > dot) {
			*dot = '\0';
			*slash = '\0';
			for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
				if (strcmp(slash + 1, flags[i].name) == 0 && record_kind(spec) != NULL)
					record_choice_sql(record_kind(spec), dot + 1, flags[i].flag, out);
		}
		p = close + 1;
	}
}

bool
record_choice_has(const struct record *r, int field, unsigned flag)
{
	const struct field_choice *c;

	for (c = r->kind->fields[field].choices; c != NULL && c->code != NULL; c++)
		if (strcmp(c->code, r->values[field]) == 0)
			return (c->flags & flag) != 0;
	return false;
}

/* " AND (a LIKE ?1 ...)" over the kind's text fields; ?1 the pattern. */
static void
text_filter(const struct kind_def *kind, const char *text, struct buf *sql)
{
	int i;
	int n = 0;

	if (text == NULL || text[0] == '\0')
		return;
	buf_adds(sql, " AND (");
	for (i = 0; i < kind->n_fields; i++) {
		if (kind->fields[i].type != FIELD_TEXT)
			continue;
		buf_printf(sql, "%s%s LIKE ?1 ESCAPE '\\'", n++ > 0 ? " OR " : "",
		    kind->fields[i].column);
	}
	buf_adds(sql, n > 0 ? ")" : "0)");
}

/* Step st (prepared by the caller, bound), giving each row's first column to fn; finalizes. */
static int
walk_ids(struct db *db, sqlite3_stmt *st, int (*fn)(int64_t id, void *arg), void *arg,
    struct duban_err *err)
{
	int rc = DUBAN_OK;
	int step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		rc = fn(sqlite3_column_int64(st, 0), arg);
		if (rc != DUBAN_OK)
			break;
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
record_each_live(struct db *db, const struct kind_def *kind, const char *text,
    int64_t limit, int64_t offset, int (*fn)(int64_t id, void *arg), void *arg,
    struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_printf(&sql, "SELECT id FROM %s WHERE deleted = 0", kind->table);
	text_filter(kind, text, &sql);
	buf_printf(&sql, " ORDER BY %s, id", kind->order != NULL ? kind->order : "id");
	if (limit > 0 || offset > 0)
		buf_printf(&sql, " LIMIT %lld OFFSET %lld", limit > 0 ? (long long)limit : -1LL,
		    (long long)offset);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	if (text != NULL && text[0] != '\0')
		db_bind_like(st, 1, text);
	return walk_ids(db, st, fn, arg, err);
}

int
record_count_live(struct db *db, const struct kind_def *kind, const char *text, int64_t *n,
    struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_printf(&sql, "SELECT count(*) FROM %s WHERE deleted = 0", kind->table);
	text_filter(kind, text, &sql);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	if (text != NULL && text[0] != '\0')
		db_bind_like(st, 1, text);
	*n = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
record_suggest(struct db *db, const struct field_def *f, const char *typed, char **out,
    int max, int *n, struct duban_err *err)
{
	const struct kind_def *k = record_ref_kind(f);
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	*n = 0;
	/* Agencies by any of their names, newest cases first. */
	if (k == &agency_kind)
		buf_adds(&sql, "SELECT name FROM agencies WHERE deleted = 0 AND (name LIKE ?1"
		    " ESCAPE '\\' OR short_name LIKE ?1 ESCAPE '\\' OR code LIKE ?1 ESCAPE '\\')"
		    " ORDER BY name LIMIT 200");
	else
		buf_printf(&sql, "SELECT %s FROM %s WHERE deleted = 0 AND %s LIKE ?1 ESCAPE '\\'"
		    " ORDER BY id DESC LIMIT 200", k->fields[0].column, k->table,
		    k->fields[0].column);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	db_bind_like(st, 1, typed != NULL ? typed : "");
	while (*n < max && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		out[(*n)++] = xstrdup(t != NULL ? t : "");
	}
	sqlite3_finalize(st);
	return DUBAN_OK;
}

int
record_each_choice(struct db *db, const struct field_def *f, const char *typed,
    void (*fn)(int64_t id, const char *value, const char *words, void *arg), void *arg,
    struct duban_err *err)
{
	const struct kind_def *k = f != NULL ? record_ref_kind(f) : &agency_kind;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int step;
	int rc;

	/* Every agency (a county has tens), found also by its short name and code; cases can
	 * be tens of thousands, so the database narrows them by what was typed first. */
	if (k == &agency_kind)
		buf_adds(&sql, "SELECT name, COALESCE(short_name, '') || ' ' || COALESCE(code, ''),"
		    " id FROM agencies WHERE deleted = 0 ORDER BY name");
	else
		buf_printf(&sql, "SELECT %s, '', id FROM %s WHERE deleted = 0 AND %s LIKE ?1"
		    " ESCAPE '\\' ORDER BY id DESC LIMIT 500", k->fields[0].column, k->table,
		    k->fields[0].column);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	if (k != &agency_kind)
		db_bind_like(st, 1, typed != NULL ? typed : "");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		const char *w = (const char *)sqlite3_column_text(st, 1);

		fn(sqlite3_column_int64(st, 2), v != NULL ? v : "", w != NULL ? w : "", arg);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
record_each_detail(struct db *db, const struct kind_def *kind, int64_t id,
    int (*fn)(int64_t id, void *arg), void *arg, struct duban_err *err)
{
	const struct kind_def *d = kind->detail != NULL ? record_kind(kind->detail) : NULL;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int ref = -1;
	int rc;
	int i;

	for (i = 0; d != NULL && i < d->n_fields; i++)
		if (d->fields[i].type == FIELD_CASE && record_ref_kind(&d->fields[i]) == kind)
			ref = i;
	if (ref < 0)
		return DUBAN_OK;
	buf_printf(&sql, "SELECT id FROM %s WHERE %s = ?1 AND deleted = 0 ORDER BY %s, id",
	    d->table, d->fields[ref].column, d->order != NULL ? d->order : "id");
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return walk_ids(db, st, fn, arg, err);
}

int
record_field_idx(const struct kind_def *kind, const char *name)
{
	int i;

	for (i = 0; i < kind->n_fields; i++) {
		const struct field_def *f = &kind->fields[i];

		if (strcmp(f->column, name) == 0 || strcmp(f->csv, name) == 0 ||
		    strcmp(f->zh, name) == 0)
			return i;
	}
	return -1;
}

struct record *
record_new(const struct kind_def *kind)
{
	struct record *r = xcalloc(1, sizeof(*r));
	int i;

	r->kind = kind;
	r->beyond_field = -1;
	r->values = xcalloc((size_t)kind->n_fields, sizeof(char *));
	/* A yes/no field not given is no, as the database stores it. */
	for (i = 0; i < kind->n_fields; i++)
		r->values[i] = xstrdup(kind->fields[i].type == FIELD_BOOL ? "0" : "");
	return r;
}

static void
free_values(char **v, int n)
{
	int i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	free_values(r->values, r->kind->n_fields);
	free_values(r->loaded, r->kind->n_fields);
	free(r);
}

static char **
dup_values(char *const *v, int n)
{
	char **out;
	int i;

	if (v == NULL)
		return NULL;
	out = xcalloc((size_t)n, sizeof(char *));
	for (i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

struct record *
record_dup(const struct record *r)
{
	struct record *d = xcalloc(1, sizeof(*d));

	*d = *r;
	d->values = dup_values(r->values, r->kind->n_fields);
	d->loaded = dup_values(r->loaded, r->kind->n_fields);
	return d;
}

const char *
record_get(const struct record *r, int field)
{
	return r->values[field];
}

void
record_set(struct record *r, int field, const char *canonical)
{
	char *v = xstrdup(canonical != NULL ? canonical : "");

	free(r->values[field]);
	r->values[field] = v;
}

struct date
record_date(const struct record *r, int field)
{
	struct date d;

	/* Empty is common and would cost a translated message nobody reads. */
	if (field < 0 || r->values[field][0] == '\0' ||
	    date_parse_iso(r->values[field], &d, NULL) != DUBAN_OK)
		return date_none();
	return d;
}

bool
record_bool(const struct record *r, int field)
{
	return strcmp(r->values[field], "1") == 0;
}

int64_t
record_int(const struct record *r, int field)
{
	return strtoll(r->values[field], NULL, 10);
}

void
record_problem(struct record_problems *p, int field, const char *fmt, ...)
{
	va_list ap;

	if (p == NULL || p->n >= RECORD_MAX_PROBLEMS)
		return;
	p->items[p->n].field = field;
	va_start(ap, fmt);
	vsnprintf(p->items[p->n].msg, sizeof(p->items[p->n].msg), fmt, ap);
	va_end(ap);
	p->n++;
}

/* The database failed while checking input: remember it apart from the input's problems. */
static void
record_fault(struct record_problems *p, const struct duban_err *err)
{
	if (p == NULL)
		return;
	if (p->fault.rc == DUBAN_OK)
		p->fault = *err;
	record_problem(p, -1, "%s", err->msg);
}

bool
record_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "是", "Y", "y", "yes", "Yes", "YES", "true", "TRUE",
		"True", "1", "有", "已", NULL };
	static const char *const no[] = { "否", "N", "n", "no", "No", "NO", "false", "FALSE",
		"False", "0", "无", "未", NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++) {
		if (strcmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
	}
	for (i = 0; no[i] != NULL; i++) {
		if (strcmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static const struct field_choice *
find_choice(const struct field_def *f, const char *s)
{
	const struct field_choice *c;

	for (c = f->choices; c->code != NULL; c++) {
		if (strcmp(s, c->code) == 0 || strcmp(s, c->zh) == 0 ||
		    strcasecmp_ascii(s, c->en) == 0)
			return c;
	}
	/* Translations last: gettext costs more than every comparison above. */
	for (c = f->choices; c->code != NULL; c++)
		if (strcmp(s, _(c->en)) == 0)
			return c;
	return NULL;
}

static void
list_choices(const struct field_def *f, struct buf *out)
{
	const struct field_choice *c;

	for (c = f->choices; c->code != NULL; c++) {
		if (c->code[0] == '\0')
			continue;
		buf_printf(out, "%s%s", out->len > 0 ? ", " : "", c->zh);
	}
}

/* A record of the kind a reference names, by its key as written, else by the key's
 * normalised form ("（2025）" = "(2025)", the kind's <key>_key column). */
static int
lookup_case(struct db *db, const struct field_def *f, const char *case_no, int64_t *id,
    struct duban_err *err)
{
	const struct kind_def *k = record_ref_kind(f);
	const char *col = k->fields[0].column;
	sqlite3_stmt *st = NULL;
	struct buf key = BUF_INIT;
	struct buf sql = BUF_INIT;
	int rc;
	int step;

	buf_printf(&sql, "SELECT id FROM %s WHERE deleted = 0 AND (%s = ?1 OR %s_key = ?2)"
	    " ORDER BY %s <> ?1 LIMIT 1", k->table, col, col, col);
	rc = db_prepare_cached(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (rc != DUBAN_OK)
		return rc;
	text_key_norm(case_no, &key);
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, buf_str(&key), -1, SQLITE_TRANSIENT);
	buf_release(&key);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (step == SQLITE_DONE)
		rc = duban_err_set(err, DUBAN_EINPUT, _("there is no %s %s"),
		    _(k->noun != NULL ? k->noun : k->label), case_no);
	else
		rc = db_fail(db, _("looking up the case"), err);
	sqlite3_reset(st);
	return rc;
}

bool
record_input(const struct record_env *env, struct record *r, int field, const char *text,
    struct record_problems *p)
{
	const struct field_def *f = &r->kind->fields[field];
	/* Translated only when a message needs it: gettext per cell was a tenth of an import. */
#define label _(f->label)
	struct buf canon = BUF_INIT;
	struct buf trimmed = BUF_INIT;
	struct duban_err err;
	const char *t;
	bool ok = true;

	if (f->flags & FIELD_DERIVED) {
		record_problem(p, field, _("%s is computed by duban and cannot be entered"), label);
		return false;
	}
	text_trim(text != NULL ? text : "", &trimmed);
	t = buf_str(&trimmed);
	/* A masked value coming back (a form or an export of a non-admin) changes nothing. */
	if ((f->flags & FIELD_SECRET) && strchr(t, '*') != NULL) {
		buf_release(&trimmed);
		return true;
	}
	switch (f->type) {
	case FIELD_TEXT: {
		int max = f->max_len > 0 ? f->max_len : 2000;

		buf_adds(&canon, t);
		if (!text_is_valid_utf8(t)) {
			record_problem(p, field, _("%s is not valid UTF-8 text (was the file saved "
			    "in another encoding?)"), label);
			ok = false;
		} else if ((f->flags & FIELD_KEY) && text_has_any_control(t)) {
			/* A key is one line: "N2\rX" would look like "X" and be another record. */
			record_problem(p, field, _("%s contains a control character (line break, tab "
			    "or other); a key is one line of text"), label);
			ok = false;
		} else if (text_has_control(t)) {
			record_problem(p, field, _("%s contains control characters"), label);
			ok = false;
		} else if (text_has_bidi(t)) {
			record_problem(p, field, _("%s contains a text direction control (such as "
			    "U+202E), which makes text show in another order than it is stored"),
			    label);
			ok = false;
		} else if ((int)strlen(t) > max) {
			record_problem(p, field, _("%s is too long (at most %d bytes)"), label, max);
			ok = false;
		}
		break;
	}
	case FIELD_DATE: {
		struct date d;
		char iso[DATE_ISO_LEN];

		if (t[0] != '\0') {
			if (date_parse(t, &d, &err) != DUBAN_OK) {
				record_problem(p, field, "%s: %s", label, err.msg);
				ok = false;
			} else {
				buf_adds(&canon, date_format(d, iso));
			}
		}
		break;
	}
	case FIELD_BOOL: {
		bool b;

		if (t[0] == '\0') {
			buf_adds(&canon, "0");
		} else if (!record_parse_bool(t, &b)) {
			record_problem(p, field, _("%s: \"%s\" is not yes or no (是/否, Y/N, yes/no, "
			    "true/false, 1/0)"), label, t);
			ok = false;
		} else {
			buf_adds(&canon, b ? "1" : "0");
		}
		break;
	}
	case FIELD_ENUM: {
		const struct field_choice *c = find_choice(f, t);

		if (c == NULL) {
			struct buf choices = BUF_INIT;

			list_choices(f, &choices);
			record_problem(p, field, _("%s: \"%s\" is not one of %s"), label, t,
			    buf_str(&choices));
			buf_release(&choices);
			ok = false;
		} else {
			buf_adds(&canon, c->code);
		}
		break;
	}
	case FIELD_AGENCY:
	case FIELD_CASE: {
		int64_t id = 0;

		if (t[0] != '\0') {
			int rc = f->type == FIELD_AGENCY ? agency_resolve(env->db, t, &id, &err) :
			    lookup_case(env->db, f, t, &id, &err);

			if (rc == DUBAN_EINPUT) {
				record_problem(p, field, "%s: %s", label, err.msg);
				ok = false;
			} else if (rc != DUBAN_OK) {
				record_fault(p, &err);
				ok = false;
			} else {
				buf_printf(&canon, "%lld", (long long)id);
			}
		}
		break;
	}
	case FIELD_INT: {
		char *end = NULL;
		long long n;

		if (t[0] != '\0') {
			n = strtoll(t, &end, 10);
			if (*end != '\0' || n < 0 || n > 1000000) {
				record_problem(p, field, _("%s: \"%s\" is not a whole number"), label, t);
				ok = false;
			} else {
				buf_printf(&canon, "%lld", n);
			}
		}
		break;
	}
	}
#undef label
	if (ok)
		record_set(r, field, buf_str(&canon));
	buf_release(&canon);
	buf_release(&trimmed);
	return ok;
}

/* SQL text per kind, built once: imports ask for it for every row, and formatting it each
 * time cost more than running it. Built only from the fixed field tables. */
enum { SQL_FIND_KEY, SQL_SELECT, SQL_INSERT, SQL_UPDATE, SQL_UPDATE_UNDELETE, SQL_N };

static void select_sql(const struct kind_def *k, struct buf *sql);

/* A text field of the natural key: compared, and unique, in its normalised form
 * (text_key_norm), stored beside it in the column <column>_key. */
static bool
is_text_key(const struct field_def *f)
{
	return (f->flags & FIELD_KEY) && f->type == FIELD_TEXT;
}

/* Bind the normalised form of each text key of r at ?(n_fields + 3 + field). */
static void
bind_keys(sqlite3_stmt *st, const struct record *r)
{
	const struct kind_def *k = r->kind;
	int i;

	for (i = 0; i < k->n_fields; i++) {
		struct buf key = BUF_INIT;

		if (!is_text_key(&k->fields[i]))
			continue;
		text_key_norm(r->values[i], &key);
		sqlite3_bind_text(st, k->n_fields + 3 + i, buf_str(&key), -1, SQLITE_TRANSIENT);
		buf_release(&key);
	}
}

static void
build_sql(const struct kind_def *k, int which, struct buf *sql)
{
	int i;
	int n = 0;

	switch (which) {
	case SQL_FIND_KEY:
		/* Text keys by their normalised form, kept in <column>_key (schema 2). */
		buf_printf(sql, "SELECT id FROM %s WHERE ", k->table);
		for (i = 0; i < k->n_fields; i++) {
			if (!(k->fields[i].flags & FIELD_KEY))
				continue;
			buf_printf(sql, "%s%s%s = ?%d", n > 0 ? " AND " : "", k->fields[i].column,
			    is_text_key(&k->fields[i]) ? "_key" : "", n + 1);
			n++;
		}
		break;
	case SQL_SELECT:
		select_sql(k, sql);
		break;
	case SQL_INSERT:
		buf_printf(sql, "INSERT INTO %s (", k->table);
		for (i = 0; i < k->n_fields; i++)
			buf_printf(sql, "%s%s", i > 0 ? ", " : "", k->fields[i].column);
		for (i = 0; i < k->n_fields; i++)
			if (is_text_key(&k->fields[i]))
				buf_printf(sql, ", %s_key", k->fields[i].column);
		buf_adds(sql, ") VALUES (");
		for (i = 0; i < k->n_fields; i++)
			buf_printf(sql, "%s?%d", i > 0 ? ", " : "", i + 1);
		for (i = 0; i < k->n_fields; i++)
			if (is_text_key(&k->fields[i]))
				buf_printf(sql, ", ?%d", k->n_fields + 3 + i);
		buf_adds(sql, ")");
		break;
	case SQL_UPDATE:
	case SQL_UPDATE_UNDELETE:
		buf_printf(sql, "UPDATE %s SET version = version + 1", k->table);
		if (which == SQL_UPDATE_UNDELETE)
			buf_adds(sql, ", deleted = 0");
		for (i = 0; i < k->n_fields; i++)
			buf_printf(sql, ", %s = ?%d", k->fields[i].column, i + 1);
		for (i = 0; i < k->n_fields; i++)
			if (is_text_key(&k->fields[i]))
				buf_printf(sql, ", %s_key = ?%d", k->fields[i].column,
				    k->n_fields + 3 + i);
		buf_printf(sql, " WHERE id = ?%d AND version = ?%d", k->n_fields + 1,
		    k->n_fields + 2);
		break;
	}
}

static const char *
kind_sql(const struct kind_def *k, int which)
{
	static struct {
		const struct kind_def *kind;
		char *sql[SQL_N];
	} cache[16];
	size_t i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]) && cache[i].kind != NULL; i++)
		if (cache[i].kind == k)
			break;
	if (i == sizeof(cache) / sizeof(cache[0])) {
		/* More kinds than slots: build every time (still correct). */
		static struct buf spare;

		buf_reset(&spare);
		build_sql(k, which, &spare);
		return buf_str(&spare);
	}
	cache[i].kind = k;
	if (cache[i].sql[which] == NULL) {
		struct buf sql = BUF_INIT;

		build_sql(k, which, &sql);
		cache[i].sql[which] = buf_detach(&sql);
	}
	return cache[i].sql[which];
}

int
record_find_key(struct db *db, const struct record *r, int64_t *id, struct duban_err *err)
{
	const struct kind_def *k = r->kind;
	sqlite3_stmt *st = NULL;
	int i;
	int n = 0;
	int rc;
	int step;

	rc = db_prepare_cached(db, kind_sql(k, SQL_FIND_KEY), &st, err);
	if (rc != DUBAN_OK)
		return rc;
	for (i = 0; i < k->n_fields; i++) {
		struct buf key = BUF_INIT;

		if (!(k->fields[i].flags & FIELD_KEY))
			continue;
		if (is_text_key(&k->fields[i])) {
			text_key_norm(r->values[i], &key);
			sqlite3_bind_text(st, ++n, buf_str(&key), -1, SQLITE_TRANSIENT);
			buf_release(&key);
		} else {
			sqlite3_bind_text(st, ++n, r->values[i], -1, SQLITE_STATIC);
		}
	}
	step = sqlite3_step(st);
	*id = 0;
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (step != SQLITE_DONE)
		rc = db_fail(db, _("looking up a record"), err);
	sqlite3_reset(st);
	return rc;
}

/* *found: whether the live record field refers to exists. A database error is returned,
 * never taken for "does not exist". */
static int
references_exist(const struct record_env *env, const struct record *r, int field, bool *found,
    struct duban_err *err)
{
	const struct field_def *f = &r->kind->fields[field];
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;
	int step;

	buf_printf(&sql, "SELECT 1 FROM %s WHERE id = ?1 AND deleted = 0",
	    record_ref_kind(f)->table);
	rc = db_prepare_cached(env->db, buf_str(&sql), &st, err);
	buf_release(&sql);

	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, record_int(r, field));
	step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_fail(env->db, _("checking a reference"), err);
	sqlite3_reset(st);
	return rc;
}

/* record_validate; *found: the id of the live or deleted record with r's key (0: none), or
 * -1 when the key was not looked up (problems came first, or the lookup failed). */
static void
validate(const struct record_env *env, const struct record *r, struct record_problems *p,
    int64_t *found)
{
	const struct kind_def *k = r->kind;
	struct duban_err err;
	int i;
	int64_t other = 0;

	*found = -1;

	for (i = 0; i < k->n_fields; i++) {
		const struct field_def *f = &k->fields[i];
		bool exists = true;

		if ((f->flags & FIELD_REQUIRED) && r->values[i][0] == '\0') {
			record_problem(p, i, _("%s is required"), _(f->label));
			continue;
		}
		if ((f->type == FIELD_AGENCY || f->type == FIELD_CASE) && r->values[i][0] != '\0') {
			if (references_exist(env, r, i, &exists, &err) != DUBAN_OK) {
				record_fault(p, &err);
				return;
			}
			if (!exists)
				record_problem(p, i, _("%s refers to a record that does not exist"),
				    _(f->label));
		}
	}
	if (k->check != NULL)
		k->check(env, r, p);
	if (r->beyond_field >= 0)
		record_problem(p, r->beyond_field, _("%s: the due date falls after %d-12-31, the "
		    "last day duban can represent; check the dates and the period"),
		    _(k->fields[r->beyond_field].label), DATE_MAX_YEAR);
	if (p->n > 0)
		return;
	if (record_find_key(env->db, r, &other, &err) != DUBAN_OK) {
		record_fault(p, &err);
		return;
	}
	*found = other;
	if (other != 0 && other != r->id) {
		int key = -1;
		bool deleted = false;
		sqlite3_stmt *st = NULL;
		struct buf sql = BUF_INIT;
		struct buf stored = BUF_INIT;
		int step = SQLITE_ERROR;

		for (i = 0; i < k->n_fields && key < 0; i++)
			if (k->fields[i].flags & FIELD_KEY)
				key = i;
		buf_printf(&sql, "SELECT deleted, %s FROM %s WHERE id = ?1", k->fields[key].column,
		    k->table);
		if (db_prepare(env->db, buf_str(&sql), &st, &err) == DUBAN_OK) {
			sqlite3_bind_int64(st, 1, other);
			step = sqlite3_step(st);
			if (step == SQLITE_ROW) {
				const unsigned char *t = sqlite3_column_text(st, 1);

				deleted = sqlite3_column_int(st, 0) != 0;
				if (t != NULL)
					record_display_value(env->db, &k->fields[key],
					    (const char *)t, false, &stored);
			} else if (step != SQLITE_DONE) {
				db_fail(env->db, _("looking up a record"), &err);
			}
			sqlite3_finalize(st);
		}
		buf_release(&sql);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			buf_release(&stored);
			*found = -1;
			record_fault(p, &err);
			return;
		}
		/* A deleted record with the same key is brought back by the save instead. */
		if (!deleted || r->id != 0) {
			struct buf shown = BUF_INIT;

			/* A reference is named as people know it: the case number, not its id. */
			record_display(env, r, key, false, &shown);
			if (stored.len > 0 && strcmp(buf_str(&stored), buf_str(&shown)) != 0)
				record_problem(p, key, _("%s \"%s\" is already recorded as \"%s\" "
				    "(record %lld); numbers that differ only in brackets, full-width "
				    "characters or spaces are the same"), _(k->fields[key].label),
				    buf_str(&shown), buf_str(&stored), (long long)other);
			else
				record_problem(p, key, _("%s \"%s\" is already recorded (record "
				    "%lld)"), _(k->fields[key].label), buf_str(&shown),
				    (long long)other);
			buf_release(&shown);
		}
		buf_release(&stored);
	}
}

void
record_validate(const struct record_env *env, const struct record *r,
    struct record_problems *p)
{
	int64_t found;

	validate(env, r, p, &found);
}

static int
case_no_of(struct db *db, const struct field_def *f, int64_t id, struct buf *out,
    struct duban_err *err)
{
	const struct kind_def *k = record_ref_kind(f);
	sqlite3_stmt *st = NULL;
	struct buf sql = BUF_INIT;
	int rc;

	buf_printf(&sql, "SELECT %s FROM %s WHERE id = ?1", k->fields[0].column, k->table);
	rc = db_prepare_cached(db, buf_str(&sql), &st, err);
	buf_release(&sql);

	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		buf_adds(out, (const char *)sqlite3_column_text(st, 0));
	else
		buf_printf(out, "#%lld", (long long)id);
	sqlite3_reset(st);
	return rc;
}

void
record_display(const struct record_env *env, const struct record *r, int field,
    bool csv_words, struct buf *out)
{
	record_display_value(env->db, &r->kind->fields[field], r->values[field], csv_words, out);
}

void
record_display_value(struct db *db, const struct field_def *f, const char *v, bool csv_words,
    struct buf *out)
{
	if ((f->flags & FIELD_SECRET) && v[0] != '\0' &&
	    db_actor_role_value(db) != (int)ROLE_ADMIN) {
		size_t n = strlen(v);
		size_t i;

		/* The first three and the last four characters; all of a short one hidden. */
		for (i = 0; i < n; i++)
			buf_addc(out, n > 8 && (i < 3 || i + 4 >= n) ? v[i] : '*');
		return;
	}
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_DATE:
	case FIELD_INT:
		buf_adds(out, v);
		break;
	case FIELD_BOOL:
		if (csv_words)
			buf_adds(out, strcmp(v, "1") == 0 ? "是" : "否");
		else
			buf_adds(out, strcmp(v, "1") == 0 ? _("yes") : _("no"));
		break;
	case FIELD_ENUM: {
		const struct field_choice *c;

		for (c = f->choices; c->code != NULL; c++) {
			if (strcmp(c->code, v) == 0) {
				buf_adds(out, csv_words ? c->zh : _(c->en));
				break;
			}
		}
		break;
	}
	case FIELD_AGENCY:
		if (v[0] != '\0')
			agency_name(db, strtoll(v, NULL, 10), out, NULL);
		break;
	case FIELD_CASE:
		if (v[0] != '\0')
			case_no_of(db, f, strtoll(v, NULL, 10), out, NULL);
		break;
	}
}

static void
select_sql(const struct kind_def *k, struct buf *sql)
{
	int i;

	buf_adds(sql, "SELECT id, version, deleted");
	for (i = 0; i < k->n_fields; i++)
		buf_printf(sql, ", %s", k->fields[i].column);
	buf_printf(sql, " FROM %s WHERE id = ?1", k->table);
}

int
record_load(struct db *db, const struct kind_def *kind, int64_t id, struct record **out,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct record *r = NULL;
	int rc;
	int step;
	int i;

	rc = db_prepare_cached(db, kind_sql(kind, SQL_SELECT), &st, err);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		r = record_new(kind);
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int64(st, 1);
		r->deleted = sqlite3_column_int(st, 2) != 0;
		for (i = 0; i < kind->n_fields; i++) {
			const unsigned char *t = sqlite3_column_text(st, 3 + i);

			record_set(r, i, t != NULL ? (const char *)t : "");
		}
		r->loaded = dup_values(r->values, kind->n_fields);
		*out = r;
	} else if (step == SQLITE_DONE) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("there is no %s with id %lld"),
		    _(kind->label), (long long)id);
	} else {
		rc = db_fail(db, _("reading a record"), err);
	}
	sqlite3_reset(st);
	return rc;
}

int
record_lookup(const struct record_env *env, const struct kind_def *kind, const char *text,
    int64_t *id, struct duban_err *err)
{
	struct record *probe = NULL;
	struct record_problems p;
	char *end = NULL;
	long long n = strtoll(text, &end, 10);
	int rc;
	int i;
	int last_key = -1;
	const char *rest = text;

	if (*text != '\0' && *end == '\0' && n > 0) {
		*id = n;
		return DUBAN_OK;
	}
	/* By natural key: its fields in order, separated by blanks ("行初12号 2025-03-05"); the
	 * last key field, when it is text, takes the rest, blanks and all. */
	for (i = 0; i < kind->n_fields; i++)
		if (kind->fields[i].flags & FIELD_KEY)
			last_key = i;
	probe = record_new(kind);
	memset(&p, 0, sizeof(p));
	for (i = 0; i < kind->n_fields; i++) {
		const char *sp;
		char *part;

		if (!(kind->fields[i].flags & FIELD_KEY))
			continue;
		while (*rest == ' ')
			rest++;
		sp = kind->fields[i].type == FIELD_TEXT && i == last_key ? NULL :
		    strchr(rest, ' ');
		part = sp != NULL ? xstrndup(rest, (size_t)(sp - rest)) : xstrdup(rest);
		rest = sp != NULL ? sp : rest + strlen(rest);
		record_input(env, probe, i, part, &p);
		free(part);
	}
	if (p.fault.rc != DUBAN_OK) {
		if (err != NULL)
			*err = p.fault;
		rc = p.fault.rc;
	} else if (p.n > 0) {
		rc = duban_err_set(err, DUBAN_EINPUT, "%s", p.items[0].msg);
	} else {
		rc = record_find_key(env->db, probe, id, err);
		if (rc == DUBAN_OK && *id == 0)
			rc = duban_err_set(err, DUBAN_EINPUT, _("there is no %s \"%s\""), record_kind_word(kind),
			    text);
	}
	record_free(probe);
	return rc;
}

void
record_to_json(const struct record *r, struct buf *out)
{
	const struct kind_def *k = r->kind;
	int i;

	buf_addc(out, '{');
	for (i = 0; i < k->n_fields; i++) {
		const struct field_def *f = &k->fields[i];

		if (i > 0)
			buf_addc(out, ',');
		json_add_string(out, f->column);
		buf_addc(out, ':');
		if (r->values[i][0] == '\0' && f->type != FIELD_TEXT && f->type != FIELD_ENUM)
			buf_adds(out, "null");
		else if (f->type == FIELD_BOOL)
			buf_adds(out, strcmp(r->values[i], "1") == 0 ? "true" : "false");
		else if (f->type == FIELD_AGENCY || f->type == FIELD_CASE || f->type == FIELD_INT)
			json_add_integer(out, r->values[i]);
		else
			json_add_string(out, r->values[i]);
	}
	buf_addc(out, '}');
}

static void
bind_value(sqlite3_stmt *st, int idx, const struct field_def *f, const char *v)
{
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_ENUM:
		sqlite3_bind_text(st, idx, v, -1, SQLITE_STATIC);
		break;
	case FIELD_DATE:
		db_bind_text(st, idx, v);
		break;
	case FIELD_BOOL:
		sqlite3_bind_int(st, idx, strcmp(v, "1") == 0);
		break;
	case FIELD_AGENCY:
	case FIELD_CASE:
	case FIELD_INT:
		if (v[0] == '\0')
			sqlite3_bind_null(st, idx);
		else
			sqlite3_bind_int64(st, idx, strtoll(v, NULL, 10));
		break;
	}
}

static bool
values_equal(const struct record *a, char *const *b)
{
	int i;

	for (i = 0; i < a->kind->n_fields; i++)
		if (strcmp(a->values[i], b[i]) != 0)
			return false;
	return true;
}

static int
write_insert(struct db *db, struct record *r, struct duban_err *err)
{
	const struct kind_def *k = r->kind;
	sqlite3_stmt *st = NULL;
	int rc;
	int i;

	rc = db_prepare_cached(db, kind_sql(k, SQL_INSERT), &st, err);
	if (rc != DUBAN_OK)
		return rc;
	for (i = 0; i < k->n_fields; i++)
		bind_value(st, i + 1, &k->fields[i], r->values[i]);
	bind_keys(st, r);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, _("saving the record"), err);
	else {
		r->id = sqlite3_last_insert_rowid(db_sqlite(db));
		r->version = 1;
	}
	sqlite3_reset(st);
	return rc;
}

static int
write_update(struct db *db, struct record *r, int64_t stored_version, bool undelete,
    struct duban_err *err)
{
	const struct kind_def *k = r->kind;
	sqlite3_stmt *st = NULL;
	int rc;
	int i;

	rc = db_prepare_cached(db, kind_sql(k, undelete ? SQL_UPDATE_UNDELETE : SQL_UPDATE), &st,
	    err);
	if (rc != DUBAN_OK)
		return rc;
	for (i = 0; i < k->n_fields; i++)
		bind_value(st, i + 1, &k->fields[i], r->values[i]);
	sqlite3_bind_int64(st, k->n_fields + 1, r->id);
	sqlite3_bind_int64(st, k->n_fields + 2, stored_version);
	bind_keys(st, r);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, _("saving the record"), err);
	else
		r->version = stored_version + 1;
	sqlite3_reset(st);
	return rc;
}

/* Who last changed a record and when, for a conflict message. */
static void
last_change(struct db *db, const char *kind, int64_t id, struct buf *out)
{
	sqlite3_stmt *st = NULL;

	if (db_prepare(db, "SELECT login, at FROM audit_log WHERE kind = ?1 AND record_id = ?2"
	    " ORDER BY id DESC LIMIT 1", &st, NULL) != DUBAN_OK)
		return;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(out, _("%s at %s"), (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
}

static int
conflict(const struct record_env *env, const struct record *r, const struct record *stored,
    struct duban_err *err)
{
	struct buf who = BUF_INIT;
	struct buf fields = BUF_INIT;
	int i;
	int rc;

	last_change(env->db, r->kind->name, r->id, &who);
	for (i = 0; i < r->kind->n_fields; i++) {
		if (r->loaded != NULL && strcmp(r->loaded[i], stored->values[i]) != 0)
			buf_printf(&fields, "%s%s", fields.len > 0 ? ", " : "",
			    _(r->kind->fields[i].label));
	}
	rc = duban_err_set(err, DUBAN_EINPUT,
	    _("this record was changed by %s since you opened it (%s); nothing was saved: "
	      "reopen it to see the change"), who.len > 0 ? buf_str(&who) : _("someone"),
	    fields.len > 0 ? buf_str(&fields) : stored->deleted ? _("deleted") : _("fields"));
	buf_release(&who);
	buf_release(&fields);
	return rc;
}

int
record_save(const struct record_env *env, struct record *r, int64_t batch_id,
    enum record_outcome *outcome, struct record_problems *p, struct duban_err *err)
{
	const struct kind_def *k = r->kind;
	struct record *stored = NULL;
	struct buf before = BUF_INIT;
	struct buf after = BUF_INIT;
	bool undelete = false;
	const char *action;
	int64_t existing = 0;
	int64_t found = -1;
	int rc;

	/* Analysts import without editing by hand: an import batch needs ACCESS_IMPORT. */
	rc = access_require(env->db, batch_id > 0 && k->write_access == ACCESS_EDIT_RECORDS ?
	    ACCESS_IMPORT : (enum access_action)k->write_access, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	r->uncovered_year = 0;
	r->beyond_field = -1;
	if (k->derive != NULL)
		k->derive(env, r);
	validate(env, r, p, &found);
	if (p->fault.rc != DUBAN_OK) {
		/* The database failed during the checks: its error, not the input's. */
		if (err != NULL)
			*err = p->fault;
		rc = p->fault.rc;
		goto out;
	}
	if (p->n > 0) {
		rc = duban_err_set(err, DUBAN_EINPUT, "%s", p->items[0].msg);
		goto out;
	}
	if (r->id == 0) {
		/* A deleted record with this key comes back rather than clashing with it. The
		 * validation looked the key up already; an import saves a lookup per row. */
		if (found >= 0)
			existing = found;
		else
			rc = record_find_key(env->db, r, &existing, err);
		if (rc != DUBAN_OK)
			goto out;
		if (existing != 0) {
			rc = record_load(env->db, k, existing, &stored, err);
			if (rc != DUBAN_OK)
				goto out;
			r->id = existing;
			undelete = true;
		}
	} else {
		rc = record_load(env->db, k, r->id, &stored, err);
		if (rc != DUBAN_OK)
			goto out;
		if (stored->version != r->version || (stored->deleted && r->loaded != NULL &&
		    !r->deleted)) {
			rc = conflict(env, r, stored, err);
			goto out;
		}
	}
	if (stored == NULL) {
		rc = write_insert(env->db, r, err);
		action = "create";
		if (outcome != NULL)
			*outcome = RECORD_NEW;
	} else if (!undelete && values_equal(r, stored->values)) {
		if (outcome != NULL)
			*outcome = RECORD_UNCHANGED;
		goto out;
	} else {
		record_to_json(stored, &before);
		rc = write_update(env->db, r, stored->version, undelete, err);
		action = undelete ? "restore" : "update";
		if (outcome != NULL)
			*outcome = undelete ? RECORD_RESTORED : RECORD_UPDATED;
	}
	if (rc != DUBAN_OK)
		goto out;
	record_to_json(r, &after);
	rc = audit_append(env->db, action, k->name, r->id, before.len ? buf_str(&before) : NULL,
	    buf_str(&after), batch_id, err);
	if (rc == DUBAN_OK) {
		free_values(r->loaded, k->n_fields);
		r->loaded = dup_values(r->values, k->n_fields);
		r->deleted = false;
	}
out:
	record_free(stored);
	buf_release(&before);
	buf_release(&after);
	return db_end(env->db, rc, err);
}

/* Live records of any kind whose reference fields point at this record (an agency's cases
 * and sub-agencies, a case's hearings); deleting it would orphan them. From the kinds'
 * field tables, so a new kind's references block deletes without code here. */
static int
count_dependents(struct db *db, const struct kind_def *kind, int64_t id, int *n,
    struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc = DUBAN_OK;
	int terms = 0;
	size_t k;
	int i;

	*n = 0;
	buf_adds(&sql, "SELECT 0");
	for (k = 0; record_kinds[k] != NULL; k++) {
		const struct kind_def *o = record_kinds[k];

		for (i = 0; i < o->n_fields; i++) {
			const struct field_def *f = &o->fields[i];

			if ((f->type != FIELD_AGENCY && f->type != FIELD_CASE) ||
			    record_ref_kind(f) != kind)
				continue;
			buf_printf(&sql, " + (SELECT count(*) FROM %s WHERE %s = ?1 AND deleted = 0)",
			    o->table, f->column);
			terms++;
		}
	}
	if (terms > 0)
		rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	if (terms == 0 || rc != DUBAN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	else
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
record_delete(const struct record_env *env, const struct kind_def *kind, int64_t id,
    struct duban_err *err)
{
	struct record *stored = NULL;
	struct buf before = BUF_INIT;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int dependents = 0;
	int rc;

	rc = access_require(env->db, (enum access_action)kind->write_access,
	    err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(env->db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = record_load(env->db, kind, id, &stored, err);
	if (rc == DUBAN_OK && stored->deleted)
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s %lld is already deleted"), record_kind_word(kind),
		    (long long)id);
	if (rc == DUBAN_OK)
		rc = count_dependents(env->db, kind, id, &dependents, err);
	if (rc == DUBAN_OK && dependents > 0)
		rc = duban_err_set(err, DUBAN_EINPUT,
		    P_("%s %lld still has %d live record that refers to it; delete or move it first",
		    "%s %lld still has %d live records that refer to it; delete or move those "
		    "first", dependents), _(kind->label), (long long)id, dependents);
	if (rc == DUBAN_OK) {
		buf_printf(&sql, "UPDATE %s SET deleted = 1, version = version + 1 WHERE id = ?1",
		    kind->table);
		rc = db_prepare(env->db, buf_str(&sql), &st, err);
	}
	if (rc == DUBAN_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(env->db, _("deleting the record"), err);
	}
	if (rc == DUBAN_OK) {
		record_to_json(stored, &before);
		rc = audit_append(env->db, "delete", kind->name, id, buf_str(&before), NULL, 0, err);
	}
	sqlite3_finalize(st);
	record_free(stored);
	buf_release(&before);
	buf_release(&sql);
	return db_end(env->db, rc, err);
}

static int
recompute(const struct record_env *env, int64_t *changed, struct duban_err *err)
{
	size_t k;
	int rc;
	char fp[17];

	*changed = 0;
	rc = db_begin(env->db, err);
	for (k = 0; record_kinds[k] != NULL && rc == DUBAN_OK; k++) {
		const struct kind_def *kind = record_kinds[k];
		struct buf sql = BUF_INIT;
		sqlite3_stmt *ids = NULL;
		int step;

		if (kind->derive == NULL)
			continue;
		buf_printf(&sql, "SELECT id FROM %s WHERE deleted = 0 ORDER BY id", kind->table);
		rc = db_prepare(env->db, buf_str(&sql), &ids, err);
		buf_release(&sql);
		while (rc == DUBAN_OK && (step = sqlite3_step(ids)) == SQLITE_ROW) {
			struct record *r = NULL;
			struct buf before = BUF_INIT;
			struct buf after = BUF_INIT;

			rc = record_load(env->db, kind, sqlite3_column_int64(ids, 0), &r, err);
			if (rc != DUBAN_OK)
				break;
			kind->derive(env, r);
			if (!values_equal(r, r->loaded)) {
				struct record *old = record_dup(r);

				free_values(old->values, kind->n_fields);
				old->values = dup_values(r->loaded, kind->n_fields);
				record_to_json(old, &before);
				record_to_json(r, &after);
				record_free(old);
				rc = write_update(env->db, r, r->version, false, err);
				if (rc == DUBAN_OK)
					rc = audit_append(env->db, "recompute", kind->name, r->id,
					    buf_str(&before), buf_str(&after), 0, err);
				(*changed)++;
			}
			buf_release(&before);
			buf_release(&after);
			record_free(r);
		}
		sqlite3_finalize(ids);
	}
	if (rc == DUBAN_OK) {
		deadline_fingerprint(env->cfg->rules, env->cal, env->cfg->makeup_workdays, fp);
		rc = db_meta_set(env->db, "deadline_fingerprint", fp, err);
	}
	return db_end(env->db, rc, err);
}

int
record_recompute_all(const struct record_env *env, int64_t *changed, struct duban_err *err)
{
	int rc = access_require(env->db, ACCESS_MANAGE, err);

	if (rc != DUBAN_OK)
		return rc;
	return recompute(env, changed, err);
}

int
record_keep_current(const struct record_env *env, int64_t *changed, bool *stale,
    struct duban_err *err)
{
	char fp[17];
	char *stored = NULL;
	int rc;

	*changed = 0;
	*stale = false;
	deadline_fingerprint(env->cfg->rules, env->cal, env->cfg->makeup_workdays, fp);
	rc = db_meta_get(env->db, "deadline_fingerprint", &stored, err);
	if (rc != DUBAN_OK)
		return rc;
	if (stored == NULL || strcmp(stored, fp) != 0) {
		/* Due dates are derived data: whoever may write keeps them true. */
		if (access_allows((enum user_role)db_actor_role_value(env->db), ACCESS_EDIT_RECORDS) ||
		    access_allows((enum user_role)db_actor_role_value(env->db), ACCESS_IMPORT))
			rc = recompute(env, changed, err);
		else
			*stale = true;
	}
	free(stored);
	return rc;
}

void
record_check_order(const struct record *r, struct record_problems *p, int earlier, int later)
{
	struct date a = record_date(r, earlier);
	struct date b = record_date(r, later);

	if (!date_is_none(a) && !date_is_none(b) && date_cmp(b, a) < 0)
		record_problem(p, later, _("%s (%s) is before %s (%s)"),
		    _(r->kind->fields[later].label), r->values[later],
		    _(r->kind->fields[earlier].label), r->values[earlier]);
}

void
record_check_not_future(const struct record_env *env, const struct record *r,
    struct record_problems *p, int field)
{
	struct date d = record_date(r, field);
	char iso[DATE_ISO_LEN];

	if (!date_is_none(d) && date_cmp(d, env->today) > 0)
		record_problem(p, field, _("%s (%s) is after today (%s)"),
		    _(r->kind->fields[field].label), r->values[field],
		    date_format(env->today, iso));
}

/* extension_days > 0: the rule's own period, extended (override is then NULL). */
static void
derive_due(const struct record_env *env, struct record *r, int due, const char *rule,
    int trigger, const struct rule_period *override, int extension_days)
{
	struct date t = record_date(r, trigger);
	struct deadline_result res;
	char iso[DATE_ISO_LEN];

	if (env->on_due != NULL) {
		struct due_source src = { due, rule, t, override, extension_days };

		env->on_due(&src, env->on_due_arg);
	}
	memset(&res, 0, sizeof(res));
	if (date_is_none(t) || (extension_days > 0 ? deadline_compute_extended(env->cfg->rules,
	    env->cal, rule, t, extension_days, env->cfg->makeup_workdays, &res, NULL) :
	    deadline_compute(env->cfg->rules, env->cal, rule, t, override,
	    env->cfg->makeup_workdays, &res, NULL)) != DUBAN_OK) {
		record_set(r, due, "");
		if (res.beyond && r->beyond_field < 0)
			r->beyond_field = due;
		return;
	}
	if (res.uncovered_year != 0 && r->uncovered_year == 0)
		r->uncovered_year = res.uncovered_year;
	record_set(r, due, date_format(res.due, iso));
}

void
record_derive_due(const struct record_env *env, struct record *r, int due, const char *rule,
    int trigger, const struct rule_period *override)
{
	derive_due(env, r, due, rule, trigger, override, 0);
}

void
record_derive_due_extended(const struct record_env *env, struct record *r, int due,
    const char *rule, int trigger, int extension_days)
{
	derive_due(env, r, due, rule, trigger, NULL, extension_days);
}
