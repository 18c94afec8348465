/* core/report_xlsx.c: the dashboard as a workbook. See report_xlsx.h. */
#include "duban/report_xlsx.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/assess.h"

#include "duban/dashboard.h"
#include "duban/deadline.h"
#include "duban/decimal.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
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

static void
score(struct xlsx_out *x, size_t col, double v)
{
	char s[32];

	snprintf(s, sizeof(s), "%.2f", v);
	xlsx_out_cell(x, col, XLSX_NUMBER, s);
}

/* The headers are those of the assessment's CSV files, which are Chinese in every language. */
static int
assess_sheets(struct xlsx_out *x, const struct assess_result *r, const char *kind,
    const struct assess_agency *only, struct duban_err *err)
{
	static const char *const h_detail[] = { "年度", "机关", "指标", "值", "目标", "得分",
		"满分", "失分" };
	int n_lines = r->n > 0 ? r->agencies[0].n_lines : 0;
	size_t n_head = 6 + 2 * (size_t)n_lines;
	const char **head = xcalloc(n_head, sizeof(*head));
	int rc;
	int i;
	int k;

	head[0] = "年度";
	head[1] = "类别";
	head[2] = "排名";
	head[3] = "机关";
	head[4] = "总分";
	head[5] = "等次";
	for (k = 0; k < n_lines; k++) {
		head[6 + 2 * k] = r->agencies[0].lines[k].title;
		head[7 + 2 * k] = "值";
	}
	rc = xlsx_out_sheet(x, "排名", head, n_head, err);
	free(head);
	for (i = 0; rc == DUBAN_OK && i < r->n; i++) {
		const struct assess_agency *a = &r->agencies[i];

		if ((kind != NULL && strcmp(a->kind, kind) != 0) || (only != NULL && a != only))
			continue;
		number(x, 0, r->year);
		xlsx_out_cell(x, 1, XLSX_TEXT, a->kind);
		number(x, 2, a->rank);
		xlsx_out_cell(x, 3, XLSX_TEXT, a->name);
		score(x, 4, a->total);
		xlsx_out_cell(x, 5, XLSX_TEXT, a->tier);
		for (k = 0; k < a->n_lines && k < n_lines; k++) {
			score(x, 6 + 2 * (size_t)k, a->lines[k].score);
			xlsx_out_cell(x, 7 + 2 * (size_t)k, XLSX_TEXT, a->lines[k].value);
		}
		xlsx_out_end_row(x);
	}
	if (rc == DUBAN_OK)
		rc = xlsx_out_sheet(x, "指标明细", h_detail, 8, err);
	for (i = 0; rc == DUBAN_OK && i < r->n; i++) {
		const struct assess_agency *a = &r->agencies[i];

		if ((kind != NULL && strcmp(a->kind, kind) != 0) || (only != NULL && a != only))
			continue;
		for (k = 0; k < a->n_lines; k++) {
			const struct assess_line *l = &a->lines[k];

			number(x, 0, r->year);
			xlsx_out_cell(x, 1, XLSX_TEXT, a->name);
			xlsx_out_cell(x, 2, XLSX_TEXT, l->title);
			xlsx_out_cell(x, 3, XLSX_TEXT, l->value);
			xlsx_out_cell(x, 4, XLSX_TEXT, l->target);
			score(x, 5, l->score);
			score(x, 6, l->max);
			score(x, 7, l->lost);
			xlsx_out_end_row(x);
		}
		number(x, 0, r->year);
		xlsx_out_cell(x, 1, XLSX_TEXT, a->name);
		xlsx_out_cell(x, 2, XLSX_TEXT, "总分");
		score(x, 5, a->total);
		xlsx_out_end_row(x);
	}
	return rc;
}

int
report_xlsx_assess(const struct assess_result *r, const char *kind,
    const struct assess_agency *only, const char *path, const char *db_file,
    struct duban_err *err)
{
	struct report rep;
	int rc = report_open(&rep, path, db_file, err);

	if (rc != DUBAN_OK)
		return rc;
	rc = assess_sheets(rep.xl, r, kind, only, err);
	if (rc != DUBAN_OK) {
		report_close(&rep, false, NULL);
		return rc;
	}
	return report_close(&rep, true, err);
}
