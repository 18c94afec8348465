/* core/agency.c: agencies (机关): departments, townships and others, matched by name, short
 * name or code wherever a record names one. */
#include "duban/agency.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/access.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"

enum { A_NAME, A_SHORT, A_CODE, A_KIND, A_PARENT, A_HEAD, A_N };

static const struct field_choice agency_kinds[] = {
	{ "department", "部门", N_("department"), 0 },
	{ "township", "乡镇街道", N_("township"), 0 },
	{ "other", "其他", N_("other"), 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct field_def agency_fields[A_N] = {
	[A_NAME] = { "name", "name", "机关名称", N_("Agency"), FIELD_TEXT,
		FIELD_REQUIRED | FIELD_KEY, NULL, 200, NULL },
	[A_SHORT] = { "short_name", "short_name", "简称", N_("Short name"), FIELD_TEXT, 0, NULL, 100,
		NULL },
	[A_CODE] = { "code", "code", "代码", N_("Code"), FIELD_TEXT, 0, NULL, 50, NULL },
	[A_KIND] = { "kind", "kind", "类别", N_("Kind of agency"), FIELD_ENUM, FIELD_REQUIRED,
		agency_kinds, 0, NULL },
	[A_PARENT] = { "parent_id", "parent", "上级机关", N_("Parent agency"), FIELD_AGENCY, 0,
		NULL, 0, NULL },
	[A_HEAD] = { "head", "head", "负责人", N_("Head"), FIELD_TEXT, 0, NULL, 100, NULL },
};

/* One step up: the parent of agency id, 0 when it has none (or cannot be read). */
static int64_t
parent_of(struct db *db, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int64_t parent = 0;

	if (db_prepare_cached(db, "SELECT parent_id FROM agencies WHERE id = ?1", &st, NULL) !=
	    DUBAN_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		parent = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return parent;
}

/* The agency this record is, saved or not: by id, or (a new record that an import or a second
 * add will match by its key) by name. 0 when there is none yet. */
static int64_t
self_id(struct db *db, const struct record *r)
{
	sqlite3_stmt *st = NULL;
	int64_t id = r->id;

	if (id != 0 || db_prepare_cached(db, "SELECT id FROM agencies WHERE name = ?1", &st,
	    NULL) != DUBAN_OK)
		return id;
	sqlite3_bind_text(st, 1, r->values[A_NAME], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

/* An agency may not sit under itself, directly or through others (甲 -> 乙 -> 甲): such a
 * tree has no top, and its export could not be imported back. The chain is named. */
static void
agency_check(const struct record_env *env, const struct record *r, struct record_problems *p)
{
	struct buf chain = BUF_INIT;
	int64_t self;
	int64_t cur;
	int steps;

	if (r->values[A_PARENT][0] == '\0')
		return;
	self = self_id(env->db, r);
	if (self == 0)
		return;
	cur = record_int(r, A_PARENT);
	if (cur == self) {
		record_problem(p, A_PARENT, _("an agency cannot be its own parent"));
		return;
	}
	buf_adds(&chain, r->values[A_NAME]);
	/* Bounded: a loop stored by an older duban must not hang the check. */
	for (steps = 0; cur != 0 && steps < 1000; steps++) {
		buf_adds(&chain, " -> ");
		agency_name(env->db, cur, &chain, NULL);
		if (cur == self) {
			record_problem(p, A_PARENT, _("the agencies would form a loop (%s): an agency "
			    "cannot be placed under one of its own subordinates"), buf_str(&chain));
			break;
		}
		cur = parent_of(env->db, cur);
	}
	buf_release(&chain);
}

const struct kind_def agency_kind = {
	"agency", "agencies", N_("Agency"), agency_fields, A_N, agency_check, NULL, ACCESS_MANAGE,
	.plural = N_("Agencies"),
	.order = "CASE kind WHEN 'department' THEN 0 WHEN 'township' THEN 1 ELSE 2 END, name",
	.list_fields = { A_NAME, A_SHORT, A_HEAD },
	.desk = 5,
	.wide_field = A_NAME, .wide_width = 30,
	.default_field = "kind", .default_value = "other",
};

/* Edit distance between two UTF-8 strings, by character (for suggestions). */
static int
distance(const char *a, const char *b)
{
	wchar_t wa[64];
	wchar_t wb[64];
	int la = 0;
	int lb = 0;
	int row[65];
	int i;
	int j;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	while (*a != '\0' && la < 64) {
		size_t n = mbrtowc(&wa[la], a, strlen(a), &st);

		if (n == 0 || n > 4) {
			n = 1;
			wa[la] = (unsigned char)*a;
			memset(&st, 0, sizeof(st));
		}
		a += n;
		la++;
	}
	memset(&st, 0, sizeof(st));
	while (*b != '\0' && lb < 64) {
		size_t n = mbrtowc(&wb[lb], b, strlen(b), &st);

		if (n == 0 || n > 4) {
			n = 1;
			wb[lb] = (unsigned char)*b;
			memset(&st, 0, sizeof(st));
		}
		b += n;
		lb++;
	}
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		int prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			int cur = row[j];
			int best = prev + (wa[i - 1] == wb[j - 1] ? 0 : 1);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static void
suggest(struct db *db, const char *text, struct buf *out)
{
	sqlite3_stmt *st = NULL;
	char *best[3] = { NULL, NULL, NULL };
	int score[3] = { 1 << 30, 1 << 30, 1 << 30 };
	int i;

	if (db_prepare(db, "SELECT name, short_name FROM agencies WHERE deleted = 0", &st, NULL) !=
	    DUBAN_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sn = (const char *)sqlite3_column_text(st, 1);
		int d = distance(text, name);
		int k;

		if (sn != NULL && sn[0] != '\0' && distance(text, sn) < d)
			d = distance(text, sn);
		if (strstr(name, text) != NULL || strstr(text, name) != NULL ||
		    (sn != NULL && sn[0] != '\0' && strstr(text, sn) != NULL))
			d = 0;
		/* Only names within reach of a typo are worth suggesting: one wrong character
		 * in a short name, two in a long one. */
		if (d > (text_cols(text) >= 12 ? 2 : 1))
			continue;
		for (k = 0; k < 3; k++) {
			if (d < score[k]) {
				free(best[2]);
				memmove(&best[k + 1], &best[k], (size_t)(2 - k) * sizeof(best[0]));
				memmove(&score[k + 1], &score[k], (size_t)(2 - k) * sizeof(score[0]));
				best[k] = xstrdup(name);
				score[k] = d;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	for (i = 0; i < 3; i++) {
		if (best[i] != NULL)
			buf_printf(out, "%s%s", i > 0 ? _(", ") : "", best[i]);
		free(best[i]);
	}
}

int
agency_resolve(struct db *db, const char *text, int64_t *id, struct duban_err *err)
{
	/* The name as written, then as natural keys compare it ("县 公安局"), then the short
	 * name and the code. */
	static const char *const sql[] = {
		"SELECT id FROM agencies WHERE name = ?1 AND deleted = 0",
		"SELECT id FROM agencies WHERE name_key = ?1 AND deleted = 0",
		"SELECT id FROM agencies WHERE short_name = ?1 AND short_name <> '' AND deleted = 0",
		"SELECT id FROM agencies WHERE code = ?1 AND code <> '' AND deleted = 0",
	};
	struct buf key = BUF_INIT;
	size_t i;
	int rc = DUBAN_OK;

	text_key_norm(text, &key);
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st = NULL;
		int step;

		rc = db_prepare_cached(db, sql[i], &st, err);
		if (rc != DUBAN_OK)
			break;
		sqlite3_bind_text(st, 1, i == 1 ? buf_str(&key) : text, -1, SQLITE_STATIC);
		step = sqlite3_step(st);
		if (step == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (step != SQLITE_DONE)
			rc = db_fail(db, _("looking up the agency"), err);
		sqlite3_reset(st);
		if (step == SQLITE_ROW || rc != DUBAN_OK)
			break;
	}
	buf_release(&key);
	if (i < sizeof(sql) / sizeof(sql[0]))
		return rc;
	{
		struct buf s = BUF_INIT;

		suggest(db, text, &s);
		if (s.len > 0)
			rc = duban_err_set(err, DUBAN_EINPUT,
			    _("there is no agency \"%s\"; did you mean: %s?"), text, buf_str(&s));
		else
			rc = duban_err_set(err, DUBAN_EINPUT, _("there is no agency \"%s\""), text);
		buf_release(&s);
	}
	return rc;
}

int
agency_resolve_part(struct db *db, const char *text, int64_t *id, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf pat = BUF_INIT;
	struct buf names = BUF_INIT;
	const char *p;
	int64_t found = 0;
	int n = 0;
	int step;
	int rc;

	if (agency_resolve(db, text, id, NULL) == DUBAN_OK)
		return DUBAN_OK;
	rc = db_prepare(db, "SELECT id, name FROM agencies WHERE deleted = 0 AND (name LIKE ?1"
	    " ESCAPE '\\' OR short_name LIKE ?1 ESCAPE '\\') ORDER BY CASE kind WHEN 'department'"
	    " THEN 0 WHEN 'township' THEN 1 ELSE 2 END, name", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	/* The typed text is matched literally: % and _ are escaped. */
	buf_addc(&pat, '%');
	for (p = text; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addc(&pat, '\\');
		buf_addc(&pat, *p);
	}
	buf_addc(&pat, '%');
	sqlite3_bind_text(st, 1, buf_str(&pat), -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		found = sqlite3_column_int64(st, 0);
		if (n < 3)
			buf_printf(&names, "%s%s", n > 0 ? _(", ") : "",
			    (const char *)sqlite3_column_text(st, 1));
		n++;
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, _("looking up the agency"), err);
	sqlite3_finalize(st);
	if (rc == DUBAN_OK && n == 1)
		*id = found;
	else if (rc == DUBAN_OK && n > 1)
		rc = duban_err_set(err, DUBAN_EINPUT, P_("\"%s\" fits %d agencies (%s%s); type more "
		    "of the name", "\"%s\" fits %d agencies (%s%s); type more of the name", n), text,
		    n, buf_str(&names), n > 3 ? _(", ...") : "");
	else if (rc == DUBAN_OK)
		rc = agency_resolve(db, text, id, err);	/* none: its message suggests names */
	buf_release(&pat);
	buf_release(&names);
	return rc;
}

int
agency_name(struct db *db, int64_t id, struct buf *out, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare_cached(db, "SELECT name FROM agencies WHERE id = ?1", &st, err);

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
