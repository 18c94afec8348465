/* tui/cli_staffing.c: the command staffing: per agency the holding rate (持证率) against its
 * target and the share of the staff with the year's training hours, counted by core from the
 * officer and training records; and candidates: the overturned cases a case-file review
 * should look at first, as a list or as a sheet to fill in and import. */
#include "duban/tui/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/decimal.h"
#include "duban/i18n.h"
#include "duban/json.h"
#include "duban/review.h"
#include "duban/staffing.h"
#include "duban/text.h"
#include "duban/tui/app.h"

/* "85.7%", or "-" when there is nobody to count. */
static void
rate(int part, int whole, char out[DECIMAL_TEXT_LEN + 2])
{
	char pct[DECIMAL_TEXT_LEN];

	if (whole <= 0)
		snprintf(out, DECIMAL_TEXT_LEN + 2, "-");
	else
		snprintf(out, DECIMAL_TEXT_LEN + 2, "%s%%", decimal_percent(part, whole, 1, pct));
}

static void
cell(struct buf *b, const char *s, int cols)
{
	text_pad(b, s, cols, TEXT_RIGHT);
	buf_addc(b, ' ');
}

static void
plain(int year, const struct staffing *s, int n)
{
	struct buf b = BUF_INIT;
	char t[DECIMAL_TEXT_LEN + 2];
	char num[24];
	int i;

	printf(_("Officers and training %d (training: at least %d hours)\n"), year,
	    n > 0 ? s[0].hours_needed : 0);
	text_pad(&b, _("Agency"), 24, TEXT_LEFT);
	buf_addc(&b, ' ');
	cell(&b, _("on est."), 7);
	cell(&b, _("certified"), 9);
	cell(&b, _("holding"), 8);
	cell(&b, _("target"), 7);
	cell(&b, _("trained"), 8);
	cell(&b, _("trained %"), 9);
	cli_put_line(&b);
	for (i = 0; i < n; i++) {
		const struct staffing *x = &s[i];

		text_pad(&b, x->agency, 24, TEXT_LEFT);
		buf_addc(&b, ' ');
		snprintf(num, sizeof(num), "%d", x->staff);
		cell(&b, num, 7);
		snprintf(num, sizeof(num), "%d", x->holders);
		cell(&b, num, 9);
		rate(x->holders, x->staff, t);
		cell(&b, t, 8);
		snprintf(num, sizeof(num), "%d%%", x->target);
		cell(&b, num, 7);
		snprintf(num, sizeof(num), "%d", x->trained);
		cell(&b, num, 8);
		rate(x->trained, x->staff, t);
		cell(&b, t, 9);
		/* Below the target: said in words too, for a plain terminal. */
		if (x->staff > 0 && (int64_t)x->holders * 100 < (int64_t)x->target * x->staff)
			buf_adds(&b, _("below target"));
		cli_put_line(&b);
	}
	buf_release(&b);
}

static void
json(int year, const struct staffing *s, int n)
{
	struct buf b = BUF_INIT;
	char pct[DECIMAL_TEXT_LEN];
	int i;

	buf_printf(&b, "{\"year\":%d,\"training_hours\":%d,\"agencies\":[", year,
	    n > 0 ? s[0].hours_needed : 0);
	for (i = 0; i < n; i++) {
		const struct staffing *x = &s[i];

		buf_printf(&b, "%s{\"agency\":", i ? "," : "");
		json_add_string(&b, x->agency);
		buf_printf(&b, ",\"kind\":\"%s\",\"staff\":%d,\"holders\":%d,\"holding_rate\":%s,"
		    "\"target\":%d,", x->kind, x->staff, x->holders, x->staff > 0 ?
		    decimal_percent(x->holders, x->staff, 1, pct) : "null", x->target);
		buf_printf(&b, "\"trained\":%d,\"trained_share\":%s}", x->trained, x->staff > 0 ?
		    decimal_percent(x->trained, x->staff, 1, pct) : "null");
	}
	buf_adds(&b, "]}\n");
	fputs(buf_str(&b), stdout);
	buf_release(&b);
}

int
cli_staffing(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct staffing *s = NULL;
	bool as_json = false;
	int year = app->today.y;
	int n = 0;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "json") != 0 && strcmp(argv[i], "plain") != 0)
				return cli_usage(_("--format takes plain or json"));
			as_json = strcmp(argv[i], "json") == 0;
		} else if (argv[i][0] != '-' && i == 1) {
			char *end = NULL;
			long y = strtol(argv[i], &end, 10);

			if (*end != '\0' || y < 2000 || y > 2999)
				return cli_usage(_("staffing takes a year from 2000 to 2999"));
			year = (int)y;
		} else {
			return cli_usage(_("staffing: unexpected argument \"%s\""), argv[i]);
		}
	}
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc == DUBAN_OK)
		rc = staffing_by_agency(db, app->cfg, year, year < app->today.y ?
		    date_ymd(year, 12, 31) : app->today, &s, &n, &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	if (as_json)
		json(year, s, n);
	else
		plain(year, s, n);
	staffing_free(s, n);
	return DUBAN_OK;
}

static int
candidate_plain(const struct review_candidate *c, void *arg)
{
	struct buf b = BUF_INIT;

	(void)arg;
	text_pad(&b, c->agency, 24, TEXT_LEFT);
	buf_addc(&b, ' ');
	text_pad(&b, c->case_no, 24, TEXT_LEFT);
	buf_addc(&b, ' ');
	text_pad(&b, c->on, 10, TEXT_LEFT);
	buf_addc(&b, ' ');
	buf_adds(&b, _(c->source_en));
	cli_put_line(&b);
	buf_release(&b);
	return DUBAN_OK;
}

/* A cell of the sheet: quoted, quotes doubled, guarded against formulas like export. */
static void
csv_cell(struct buf *b, const char *s, bool first)
{
	struct buf g = BUF_INIT;
	const char *p;

	text_csv_guard(s, strlen(s), &g);
	if (!first)
		buf_addc(b, ',');
	buf_addc(b, '"');
	for (p = buf_str(&g); *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
	buf_release(&g);
}

static int
candidate_csv(const struct review_candidate *c, void *arg)
{
	struct buf b = BUF_INIT;

	(void)arg;
	csv_cell(&b, c->agency, true);
	csv_cell(&b, c->case_no, false);
	csv_cell(&b, c->source_zh, false);
	buf_adds(&b, ",,\r\n");
	fputs(buf_str(&b), stdout);
	buf_release(&b);
	return DUBAN_OK;
}

int
cli_candidates(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	bool csv = false;
	int year = app->today.y;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "csv") != 0 && strcmp(argv[i], "plain") != 0)
				return cli_usage(_("--format takes plain or csv"));
			csv = strcmp(argv[i], "csv") == 0;
		} else if (argv[i][0] != '-' && i == 1) {
			char *end = NULL;
			long y = strtol(argv[i], &end, 10);

			if (*end != '\0' || y < 2000 || y > 2999)
				return cli_usage(_("candidates takes a year from 2000 to 2999"));
			year = (int)y;
		} else {
			return cli_usage(_("candidates: unexpected argument \"%s\""), argv[i]);
		}
	}
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	/* The sheet's header is the review's own Chinese column names. */
	if (rc == DUBAN_OK && csv) {
		struct buf h = BUF_INIT;

		review_candidate_header(&h);
		printf("\xEF\xBB\xBF%s\r\n", buf_str(&h));
		buf_release(&h);
	}
	if (rc == DUBAN_OK)
		rc = review_candidates(db, year, csv ? candidate_csv : candidate_plain, NULL, &err);
	db_close(db);
	return rc == DUBAN_OK ? DUBAN_OK : app_report(&err);
}
