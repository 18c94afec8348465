/* tui/cli_assess.c: `duban assess YEAR`: the ranking (plain, csv, json), the printable
 * report, finalizing and unfreezing a year. */
#include "duban/tui/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "duban/access.h"
#include "duban/assess.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/report_xlsx.h"
#include "duban/text.h"
#include "duban/tui/app.h"

int
app_load_scheme(struct app *app, struct assess_scheme **out, struct duban_err *err)
{
	if (app->cfg->assessment_scheme[0] == '\0')
		return duban_err_set(err, DUBAN_EINPUT, "%s", _("no assessment scheme is configured "
		    "([assessment] scheme)"));
	return config_load_scheme(app->cfg->assessment_scheme, out, err);
}

/* A blank line and the heading of the group of agencies of kind (ranked among themselves). */
static void
group_heading(const struct assess_result *r, const char *kind, struct buf *b)
{
	int n = 0;
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->agencies[i].kind, kind) == 0)
			n++;
	cli_put_line(b);
	if (strcmp(kind, "department") == 0)
		buf_printf(b, P_("Departments: %d, ranked among themselves",
		    "Departments: %d, ranked among themselves", n), n);
	else if (strcmp(kind, "township") == 0)
		buf_printf(b, P_("Townships: %d, ranked among themselves",
		    "Townships: %d, ranked among themselves", n), n);
	else
		buf_printf(b, P_("Other agencies: %d, ranked among themselves",
		    "Other agencies: %d, ranked among themselves", n), n);
	cli_put_line(b);
}

static void
plain(const struct assess_result *r, const char *kind)
{
	struct buf b = BUF_INIT;
	int i;
	int k;

	buf_printf(&b, _("Assessment %d: %s"), r->year, r->scheme_title);
	cli_put_line(&b);
	if (r->finalized)
		buf_printf(&b, _("Finalized on %s by %s."), r->finalized_at, r->finalized_by);
	else
		buf_adds(&b, _("Not finalized: figures may still change."));
	cli_put_line(&b);
	cli_put_line(&b);
	/* Indicator titles over two lines, so that no two columns look alike. */
	buf_printf(&b, "%*s", 5 + 1 + 24 + 8 + 1 + 7, "");
	for (k = 0; r->n > 0 && k < r->agencies[0].n_lines; k++) {
		struct buf first = BUF_INIT;
		struct buf second = BUF_INIT;

		assess_heading(r, k, 10, &first, &second);
		buf_addc(&b, ' ');
		text_pad(&b, buf_str(&first), 10, TEXT_RIGHT);
		buf_release(&first);
		buf_release(&second);
	}
	cli_put_line(&b);
	text_pad(&b, _("Rank"), 5, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("Agency"), 24, TEXT_LEFT);
	text_pad(&b, _("Total"), 8, TEXT_RIGHT);
	buf_addc(&b, ' ');
	text_pad(&b, _("Tier"), 7, TEXT_LEFT);
	for (k = 0; r->n > 0 && k < r->agencies[0].n_lines; k++) {
		struct buf first = BUF_INIT;
		struct buf second = BUF_INIT;

		assess_heading(r, k, 10, &first, &second);
		buf_addc(&b, ' ');
		text_pad(&b, buf_str(&second), 10, TEXT_RIGHT);
		buf_release(&first);
		buf_release(&second);
	}
	cli_put_line(&b);
	for (i = 0; i < r->n; i++) {
		const struct assess_agency *a = &r->agencies[i];
		char n[32];

		if (kind != NULL && strcmp(a->kind, kind) != 0)
			continue;
		/* Each kind is ranked on its own: a heading starts its group. */
		if (i == 0 || strcmp(a->kind, r->agencies[i - 1].kind) != 0)
			group_heading(r, a->kind, &b);
		snprintf(n, sizeof(n), "%d", a->rank);
		text_pad(&b, n, 5, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, a->name, 24, TEXT_LEFT);
		snprintf(n, sizeof(n), "%.2f", a->total);
		text_pad(&b, n, 8, TEXT_RIGHT);
		buf_addc(&b, ' ');
		text_pad(&b, a->tier, 7, TEXT_LEFT);
		for (k = 0; k < a->n_lines; k++) {
			snprintf(n, sizeof(n), "%.2f", a->lines[k].score);
			buf_addc(&b, ' ');
			text_pad(&b, n, 10, TEXT_RIGHT);
		}
		cli_put_line(&b);
	}
	buf_release(&b);
}

/* A cell from the records (agency names, entered values), guarded against formulas. */
static void
csv_guarded(FILE *out, const char *s)
{
	struct buf g = BUF_INIT;

	text_csv_guard(s, strlen(s), &g);
	csv_fwrite(out, g.data != NULL ? g.data : "", g.len);
	buf_release(&g);
}

void
assess_write_csv(FILE *out, const struct assess_result *r, const char *kind)
{
	int i;
	int k;

	fputs("\xEF\xBB\xBF", out);	/* Excel reads UTF-8 CSV right only with a BOM */
	fputs("年度,类别,排名,机关,总分,等次", out);
	for (k = 0; r->n > 0 && k < r->agencies[0].n_lines; k++) {
		fputc(',', out);
		csv_fwrite(out, r->agencies[0].lines[k].title, strlen(r->agencies[0].lines[k].title));
		fputs(",", out);
		csv_fwrite(out, "值", strlen("值"));
	}
	fputs("\r\n", out);
	for (i = 0; i < r->n; i++) {
		const struct assess_agency *a = &r->agencies[i];

		if (kind != NULL && strcmp(a->kind, kind) != 0)
			continue;
		fprintf(out, "%d,%s,%d,", r->year, a->kind, a->rank);
		csv_guarded(out, a->name);
		fprintf(out, ",%.2f,", a->total);
		csv_fwrite(out, a->tier, strlen(a->tier));
		for (k = 0; k < a->n_lines; k++) {
			fprintf(out, ",%.2f,", a->lines[k].score);
			csv_guarded(out, a->lines[k].value);
		}
		fputs("\r\n", out);
	}
}

void
assess_write_detail_csv(FILE *out, const struct assess_result *r, const struct assess_agency *a)
{
	int k;

	fputs("\xEF\xBB\xBF年度,机关,指标,值,目标,得分,满分,失分\r\n", out);
	for (k = 0; k < a->n_lines; k++) {
		const struct assess_line *l = &a->lines[k];

		fprintf(out, "%d,", r->year);
		csv_guarded(out, a->name);
		fputc(',', out);
		csv_fwrite(out, l->title, strlen(l->title));
		fputc(',', out);
		csv_guarded(out, l->value);
		fputc(',', out);
		csv_fwrite(out, l->target, strlen(l->target));
		fprintf(out, ",%.2f,%.2f,%.2f\r\n", l->score, l->max, l->lost);
	}
	fprintf(out, "%d,", r->year);
	csv_guarded(out, a->name);
	fprintf(out, ",总分,,,%.2f,,\r\n", a->total);
}

static void
json_out(const struct assess_result *r, const char *kind)
{
	struct buf b = BUF_INIT;
	int i;
	int k;
	int shown = 0;

	buf_printf(&b, "{\"year\":%d,\"finalized\":%s,\"title\":", r->year,
	    r->finalized ? "true" : "false");
	json_add_string(&b, r->scheme_title);
	if (r->finalized) {
		buf_adds(&b, ",\"finalized_at\":");
		json_add_string(&b, r->finalized_at);
		buf_adds(&b, ",\"finalized_by\":");
		json_add_string(&b, r->finalized_by);
	}
	buf_adds(&b, ",\"agencies\":[");
	for (i = 0; i < r->n; i++) {
		const struct assess_agency *a = &r->agencies[i];

		if (kind != NULL && strcmp(a->kind, kind) != 0)
			continue;
		buf_printf(&b, "%s{\"id\":%lld,\"name\":", shown++ ? "," : "",
		    (long long)a->agency_id);
		json_add_string(&b, a->name);
		buf_printf(&b, ",\"kind\":\"%s\",\"rank\":%d,\"total\":%.2f,\"tier\":", a->kind,
		    a->rank, a->total);
		json_add_string(&b, a->tier);
		buf_adds(&b, ",\"capped_by\":");
		json_add_string(&b, a->capped_by);
		buf_adds(&b, ",\"indicators\":[");
		for (k = 0; k < a->n_lines; k++) {
			const struct assess_line *l = &a->lines[k];

			buf_adds(&b, k ? ",{\"title\":" : "{\"title\":");
			json_add_string(&b, l->title);
			buf_adds(&b, ",\"value\":");
			json_add_string(&b, l->value);
			buf_adds(&b, ",\"target\":");
			json_add_string(&b, l->target);
			buf_printf(&b, ",\"score\":%.2f,\"max\":%.2f,\"lost\":%.2f}", l->score, l->max,
			    l->lost);
		}
		buf_adds(&b, "]}");
	}
	buf_adds(&b, "]}");
	puts(buf_str(&b));
	buf_release(&b);
}

int
cli_assess(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct assess_scheme *scheme = NULL;
	struct assess_result *r = NULL;
	const char *format = "plain";
	const char *kind = NULL;
	const char *xlsx = NULL;	/* -o FILE with --format xlsx */
	bool finalize = false;
	bool force = false;
	bool unfreeze = false;
	bool report = false;
	long year = 0;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			format = argv[++i];
			if (strcmp(format, "plain") != 0 && strcmp(format, "csv") != 0 &&
			    strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0)
				return cli_usage(_("--format takes plain, csv, json or xlsx"));
		} else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) &&
		    i + 1 < argc) {
			xlsx = argv[++i];
		} else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
			kind = argv[++i];
			if (strcmp(kind, "department") != 0 && strcmp(kind, "township") != 0 &&
			    strcmp(kind, "other") != 0)
				return cli_usage(_("--kind takes department, township or other"));
		} else if (strcmp(argv[i], "--finalize") == 0) {
			finalize = true;
		} else if (strcmp(argv[i], "--force") == 0) {
			force = true;
		} else if (strcmp(argv[i], "--unfreeze") == 0) {
			unfreeze = true;
		} else if (strcmp(argv[i], "--report") == 0) {
			report = true;
		} else if (year == 0 && argv[i][0] != '-') {
			char *end = NULL;

			year = strtol(argv[i], &end, 10);
			if (*end != '\0' || year < 2000 || year > 2999) {
				app_eprintf(_("duban: \"%s\" is not a year\n"), argv[i]);
				return DUBAN_EINPUT;
			}
		} else {
			return cli_usage(_("assess: unexpected argument \"%s\""), argv[i]);
		}
	}
	if (year == 0)
		return cli_usage(_("assess takes a YEAR, e.g. duban assess 2024"));
	if ((strcmp(format, "xlsx") == 0) != (xlsx != NULL))
		return cli_usage("%s", _("assess --format xlsx writes a workbook: give -o FILE.xlsx"));
	if (force && !finalize)
		return cli_usage(_("--force goes with --finalize (to freeze a year not yet ended)"));
	rc = app_load_scheme(app, &scheme, &err);
	if (rc == DUBAN_OK)
		rc = app_open_db(app, DB_OPEN_EXISTING, &db, &err);
	if (rc == DUBAN_OK && unfreeze) {
		rc = assess_unfreeze(db, (int)year, &err);
		if (rc == DUBAN_OK)
			app_eprintf(_("duban: %ld is no longer finalized (recorded in the audit "
			    "trail)\n"), year);
	}
	if (rc == DUBAN_OK && finalize) {
		rc = assess_finalize(db, scheme, (int)year, app->today, force, &err);
		if (rc == DUBAN_EINPUT && !force && !assess_year_ended((int)year, app->today))
			duban_err_set(&err, DUBAN_EINPUT, _("%ld has not ended yet (today is %d-%02d-%02d): "
			    "its figures will still change; finalize it once the year is over, or give "
			    "--force to freeze it now"), year, app->today.y, app->today.m,
			    app->today.d);
		if (rc == DUBAN_OK)
			app_eprintf(_("duban: %ld is finalized: its results are stored and will not "
			    "change\n"), year);
	}
	if (rc == DUBAN_OK)
		rc = assess_compute(db, scheme, (int)year, app->today, &r, &err);
	if (rc == DUBAN_OK) {
		if (report) {
			struct buf b = BUF_INIT;

			assess_report(r, &b);
			fputs(buf_str(&b), stdout);
			buf_release(&b);
		} else if (xlsx != NULL) {
			rc = report_xlsx_assess(r, kind, NULL, xlsx, app->db_path, &err);
		} else if (strcmp(format, "csv") == 0) {
			assess_write_csv(stdout, r, kind);
		} else if (strcmp(format, "json") == 0) {
			json_out(r, kind);
		} else {
			plain(r, kind);
		}
	}
	assess_result_free(r);
	assess_scheme_free(scheme);
	db_close(db);
	return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
}
