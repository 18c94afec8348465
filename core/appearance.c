/* core/appearance.c: appearance statistics. Two grouped queries over date-indexed ranges,
 * merged per agency, so the cost follows the period's rows, not the whole database. */
#include "duban/appearance.h"

#include <stdlib.h>

#include "duban/buf.h"
#include "duban/record.h"

#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"

double
appearance_rate(const struct appearance *a)
{
	if (a->hearings == 0)
		return -1.0;
	return 100.0 * a->head_appearances / a->hearings;
}

void
appearance_free(struct appearance *a, int n)
{
	int i;

	if (a == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(a[i].agency);
		free(a[i].kind);
	}
	free(a);
}

static struct appearance *
find(struct appearance *a, int n, int64_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (a[i].agency_id == id)
			return &a[i];
	return NULL;
}

int
appearance_by_agency(struct db *db, struct date from, struct date to, struct date today,
    struct appearance **out, int *n_out, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct appearance *a = NULL;
	int n = 0;
	int cap = 0;
	int rc;
	int step;
	char f[DATE_ISO_LEN];
	char t[DATE_ISO_LEN];
	char d[DATE_ISO_LEN];
	struct date until = date_cmp(to, today) < 0 ? to : today;

	date_format(from, f);
	date_format(until, t);
	date_format(today, d);
	rc = db_prepare(db, "SELECT id, name, kind FROM agencies WHERE deleted = 0"
	    " ORDER BY CASE kind WHEN 'department' THEN 0 WHEN 'township' THEN 1 ELSE 2 END, name",
	    &st, err);
	if (rc != DUBAN_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			a = xreallocarray(a, (size_t)cap, sizeof(*a));
		}
		a[n] = (struct appearance){ 0 };
		a[n].agency_id = sqlite3_column_int64(st, 0);
		a[n].agency = xstrdup((const char *)sqlite3_column_text(st, 1));
		a[n].kind = xstrdup((const char *)sqlite3_column_text(st, 2));
		n++;
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, _("reading agencies"), err);
	sqlite3_finalize(st);
	st = NULL;
	if (rc == DUBAN_OK) {
		struct buf sql = BUF_INIT;

		/* "The head appeared": the ranks so flagged in the hearing kind's table. */
		record_sql_expand("SELECT c.agency_id, count(*),"
		    " sum(h.appearer_rank IN {hearing.appearer_rank/head}),"
		    " sum(h.appearer_rank = 'none'), sum(h.appearer_rank = 'lawyer'),"
		    " sum(h.head_required = 1 AND h.appearer_rank NOT IN {hearing.appearer_rank/head}),"
		    " sum(h.head_required = 1 AND h.appearer_rank NOT IN {hearing.appearer_rank/head}"
		    " AND h.absence_explained = 0)"
		    " FROM hearings h JOIN litigation_cases c ON c.id = h.case_id"
		    " WHERE h.hearing_on BETWEEN ?1 AND ?2 AND h.appearer_rank <> ''"
		    " AND h.deleted = 0 AND c.deleted = 0 GROUP BY c.agency_id", &sql);
		rc = db_prepare(db, buf_str(&sql), &st, err);
		buf_release(&sql);
	}
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t, -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct appearance *x = find(a, n, sqlite3_column_int64(st, 0));

			if (x == NULL)
				continue;
			x->hearings = sqlite3_column_int(st, 1);
			x->head_appearances = sqlite3_column_int(st, 2);
			x->nobody = sqlite3_column_int(st, 3);
			x->lawyer_only = sqlite3_column_int(st, 4);
			x->required_absent = sqlite3_column_int(st, 5);
			x->unexplained = sqlite3_column_int(st, 6);
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("reading hearings"), err);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT agency_id, count(*),"
		    " sum(defence_done_on IS NOT NULL AND defence_done_on > defence_due_on),"
		    " sum(defence_done_on IS NULL AND defence_due_on < ?3)"
		    " FROM litigation_cases WHERE complaint_received_on BETWEEN ?1 AND ?2"
		    " AND deleted = 0 GROUP BY agency_id", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, f, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date_format(to, t), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, d, -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct appearance *x = find(a, n, sqlite3_column_int64(st, 0));

			if (x == NULL)
				continue;
			x->cases = sqlite3_column_int(st, 1);
			x->defence_late = sqlite3_column_int(st, 2);
			x->defence_missing = sqlite3_column_int(st, 3);
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("reading cases"), err);
		sqlite3_finalize(st);
	}
	if (rc != DUBAN_OK) {
		appearance_free(a, n);
		return rc;
	}
	*out = a;
	*n_out = n;
	return DUBAN_OK;
}
