/* core/staffing.c: holding rate and training hours per agency, counted from the officer and
 * training records (doc/records.md §3.9, §3.10). Three grouped queries. */
#include "duban/staffing.h"

#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/config.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"

void
staffing_free(struct staffing *s, int n)
{
	int i;

	for (i = 0; s != NULL && i < n; i++) {
		free(s[i].agency);
		free(s[i].kind);
	}
	free(s);
}

static struct staffing *
find(struct staffing *s, int n, int64_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i].agency_id == id)
			return &s[i];
	return NULL;
}

int
staffing_by_agency(struct db *db, const struct config *cfg, int year, struct date as_of,
    struct staffing **out, int *n_out, struct duban_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	struct staffing *s = NULL;
	char day[DATE_ISO_LEN];
	char from[DATE_ISO_LEN];
	char to[DATE_ISO_LEN];
	int n = 0;
	int cap = 0;
	int rc;
	int step;
	int department = cfg != NULL ? cfg->holding_target_department : 70;
	int township = cfg != NULL ? cfg->holding_target_township : 60;
	int hours = cfg != NULL ? cfg->training_hours : 60;

	date_format(as_of, day);
	date_format(date_ymd(year, 1, 1), from);
	date_format(date_ymd(year, 12, 31), to);
	buf_printf(&sql, "SELECT id, name, kind FROM agencies WHERE deleted = 0 ORDER BY %s",
	    record_kind("agency")->order);
	rc = db_prepare(db, buf_str(&sql), &st, err);
	buf_release(&sql);
	while (rc == DUBAN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct staffing *x;

		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			s = xreallocarray(s, (size_t)cap, sizeof(*s));
		}
		x = &s[n++];
		memset(x, 0, sizeof(*x));
		x->agency_id = sqlite3_column_int64(st, 0);
		x->agency = xstrdup((const char *)sqlite3_column_text(st, 1));
		x->kind = xstrdup((const char *)sqlite3_column_text(st, 2));
		x->target = strcmp(x->kind, "township") == 0 ? township : department;
		x->hours_needed = hours;
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading agencies"), err);
	sqlite3_finalize(st);
	st = NULL;
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT agency_id, count(*), sum(state = 'valid' AND"
		    " valid_until >= ?1) FROM officers WHERE deleted = 0 AND on_establishment = 1"
		    " GROUP BY agency_id", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct staffing *x = find(s, n, sqlite3_column_int64(st, 0));

			if (x != NULL) {
				x->staff = sqlite3_column_int(st, 1);
				x->holders = sqlite3_column_int(st, 2);
			}
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("reading officers"), err);
		sqlite3_finalize(st);
		st = NULL;
	}
	/* An officer's year: the training of that agency under that name (normalised). */
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT o.agency_id, count(*) FROM officers o WHERE o.deleted = 0"
		    " AND o.on_establishment = 1 AND (SELECT coalesce(sum(t.hours), 0) FROM trainings t"
		    " WHERE t.agency_id = o.agency_id AND t.officer_key = o.name_key AND t.deleted = 0"
		    " AND t.trained_on BETWEEN ?1 AND ?2) >= ?3 GROUP BY o.agency_id", &st, err);
	if (rc == DUBAN_OK) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, hours);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct staffing *x = find(s, n, sqlite3_column_int64(st, 0));

			if (x != NULL)
				x->trained = sqlite3_column_int(st, 1);
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("reading training"), err);
		sqlite3_finalize(st);
	}
	if (rc != DUBAN_OK) {
		staffing_free(s, n);
		return rc;
	}
	*out = s;
	*n_out = n;
	return DUBAN_OK;
}
