/* core/report_xlsx.c: the dashboard as a workbook. See report_xlsx.h. */
#include "duban/report_xlsx.h"

#include <stdbool.h>
#include <stdio.h>

#include "duban/dashboard.h"
#include "duban/deadline.h"
#include "duban/decimal.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/safefile.h"
#include "duban/xlsx_out.h"

/* A workbook bound for path: libxlsxwriter writes the temporary file safefile made beside
 * it, which is renamed into place at report_close. */
struct report {
	struct safefile *file;
	struct xlsx_out *xl;
};

static int
report_open(struct report *r, const char *path, const char *db_file, struct duban_err *err)
{
	const char *tmp;
	int rc;

	r->file = NULL;
	r->xl = NULL;
	if (db_file != NULL && safefile_same_file(path, db_file))
		return duban_err_set(err, DUBAN_EUSAGE, _("%s is the database itself; give "
		    "another file name"), path);
	rc = safefile_open(path, 0, &r->file, err);
	if (rc != DUBAN_OK)
		return rc;
	tmp = safefile_temp_path(r->file);
	if (tmp == NULL) {
		safefile_abort(r->file);
		return duban_err_set(err, DUBAN_EUSAGE, _("%s is not a regular file; a workbook "
		    "(.xlsx) needs one"), path);
	}
	rc = xlsx_out_open(tmp, path, &r->xl, err);
	if (rc != DUBAN_OK)
		safefile_abort(r->file);
	return rc;
}

static int
report_close(struct report *r, bool ok, struct duban_err *err)
{
	int rc = xlsx_out_close(r->xl, ok, err);

	if (ok && rc == DUBAN_OK)
		return safefile_commit(r->file, err);
	safefile_abort(r->file);
	return ok ? rc : DUBAN_OK;
}

static void
number(struct xlsx_out *x, size_t col, long long n)
{
	char s[24];

	snprintf(s, sizeof(s), "%lld", n);
	xlsx_out_cell(x, col, XLSX_NUMBER, s);
}

static int
dashboard_sheets(struct xlsx_out *x, const struct dashboard *d, struct duban_err *err)
{
	const char *h_counts[] = { _("Duty"), _("overdue"), _("due today"), _("due soon") };
	const char *h_items[] = { _("Status"), _("Due"), _("Days late / working days left"),
		_("Duty"), _("Case or number"), _("Agency"), _("Party") };
	const char *h_agencies[] = { _("Agency"), _("open"), _("urgent"), _("hearings"),
		_("head"), _("rate (%)") };
	char iso[DATE_ISO_LEN];
	char pct[DECIMAL_TEXT_LEN];
	int rc;
	int i;

	rc = xlsx_out_sheet(x, _("Counts per duty"), h_counts, 4, err);
	for (i = 0; rc == DUBAN_OK && i < duties_n; i++) {
		xlsx_out_cell(x, 0, XLSX_TEXT, _(d->counts[i].duty->label));
		number(x, 1, (long long)d->counts[i].overdue);
		number(x, 2, (long long)d->counts[i].due_today);
		number(x, 3, (long long)d->counts[i].due_soon);
		xlsx_out_end_row(x);
	}
	if (rc == DUBAN_OK)
		rc = xlsx_out_sheet(x, _("Most urgent"), h_items, 7, err);
	for (i = 0; rc == DUBAN_OK && i < d->n_items; i++) {
		const struct dashboard_item *it = &d->items[i];

		xlsx_out_cell(x, 0, XLSX_TEXT, deadline_status_label(it->status));
		xlsx_out_cell(x, 1, XLSX_DATE, date_format(it->due, iso));
		number(x, 2, it->days);
		xlsx_out_cell(x, 3, XLSX_TEXT, _(it->duty->label));
		xlsx_out_cell(x, 4, XLSX_TEXT, it->key);
		xlsx_out_cell(x, 5, XLSX_TEXT, it->agency);
		xlsx_out_cell(x, 6, XLSX_TEXT, it->party);
		xlsx_out_end_row(x);
	}
	if (rc == DUBAN_OK)
		rc = xlsx_out_sheet(x, _("Agencies"), h_agencies, 6, err);
	for (i = 0; rc == DUBAN_OK && i < d->n_agencies; i++) {
		const struct dashboard_agency *a = &d->agencies[i];

		xlsx_out_cell(x, 0, XLSX_TEXT, a->name);
		number(x, 1, (long long)a->open);
		number(x, 2, (long long)a->urgent);
		number(x, 3, a->hearings);
		number(x, 4, a->head_appearances);
		if (a->hearings > 0)
			xlsx_out_cell(x, 5, XLSX_NUMBER, decimal_percent(a->head_appearances,
			    a->hearings, 1, pct));
		xlsx_out_end_row(x);
	}
	return rc;
}

int
report_xlsx_dashboard(const struct dashboard *d, const char *path, const char *db_file,
    struct duban_err *err)
{
	struct report r;
	int rc = report_open(&r, path, db_file, err);

	if (rc != DUBAN_OK)
		return rc;
	rc = dashboard_sheets(r.xl, d, err);
	if (rc != DUBAN_OK) {
		report_close(&r, false, NULL);
		return rc;
	}
	return report_close(&r, true, err);
}
