/* tui/scr_assess.c: the annual assessment on screen: the ranking of a year (bars for the
 * totals, filtered by kind of agency, sortable), an agency's sheet (every indicator with its
 * value, target, score and points lost), and the records behind an indicator, each of which
 * opens. Finalizing is one key for supervisors and admins; exports go to .xlsx workbooks or
 * CSV files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "duban/access.h"
#include "duban/assess.h"
#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/report_xlsx.h"
#include "duban/safefile.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/cli.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

/* ---- shared: a scrolling selection ------------------------------------------------------ */

static void
keep(int *sel, int *top, int n, int height)
{
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (*sel < *top)
		*top = *sel;
	if (height > 0 && *sel >= *top + height)
		*top = *sel - height + 1;
	if (*top < 0)
		*top = 0;
}

static bool
sel_move(enum action act, int *sel, int height)
{
	switch (act) {
	case ACT_MOVE_UP:
		(*sel)--;
		return true;
	case ACT_MOVE_DOWN:
		(*sel)++;
		return true;
	case ACT_PAGE_UP:
		*sel -= height;
		return true;
	case ACT_PAGE_DOWN:
		*sel += height;
		return true;
	case ACT_HOME:
		*sel = 0;
		return true;
	case ACT_END:
		*sel = 1 << 30;
		return true;
	default:
		return false;
	}
}

/* ---- the records behind one indicator --------------------------------------------------- */

struct sources {
	struct screen base;
	char *title;
	struct assess_source *s;
	int n;
	int sel;
	int top;
	int height;
	int cols;
};

static const enum action sources_bar[] = { ACT_HELP, ACT_OPEN, ACT_BACK, ACT_NONE };

static void
sources_layout(struct screen *base, int lines, int cols)
{
	struct sources *s = (struct sources *)base;

	s->height = lines - 2 - 3;
	s->cols = cols;
}

static void
sources_draw(struct screen *base)
{
	struct sources *s = (struct sources *)base;
	struct ui *ui = base->ui;
	int i;

	ui_title(ui, s->title);
	ui_text(ui, 1, 1, s->cols - 2, _("! = counted against the agency. Enter opens the record."),
	    ATTR_DIM);
	keep(&s->sel, &s->top, s->n, s->height);
	if (s->n == 0)
		ui_text(ui, 3, 2, s->cols - 4, _("No records behind this indicator."), ATTR_DIM);
	for (i = 0; i < s->height && s->top + i < s->n; i++) {
		const struct assess_source *x = &s->s[s->top + i];
		bool sel = s->top + i == s->sel;

		ui_text(ui, 3 + i, 1, 2, x->counted_against ? "!" : " ", sel ? ATTR_SELECTED :
		    ATTR_OVERDUE);
		ui_text(ui, 3 + i, 3, s->cols - 4, x->text, sel ? ATTR_SELECTED :
		    x->counted_against ? ATTR_NORMAL : ATTR_DIM);
	}
}

static unsigned
sources_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct sources *s = (struct sources *)base;

	(void)kind;
	(void)key;
	if (sel_move(act, &s->sel, s->height))
		return UI_REDRAW;
	if (act == ACT_OPEN && s->n > 0) {
		ui_push(base->ui, scr_record_new(base->ui, s->s[s->sel].kind, s->s[s->sel].id));
		return UI_REDRAW;
	}
	return UI_IGNORED;
}

static void
sources_free(struct screen *base)
{
	struct sources *s = (struct sources *)base;

	assess_sources_free(s->s, s->n);
	free(s->title);
	free(s);
}

static const struct screen_ops sources_ops = {
	"assess-sources", sources_layout, sources_draw, sources_key, sources_free, sources_bar,
};

/* ---- ranking and agency sheet share the computed year --------------------------------- */

struct ranking {
	struct screen base;
	int year;
	struct assess_result *r;
	struct assess_scheme *scheme;
	int *rows;		/* indexes into r->agencies after the kind filter and sort */
	int n_rows;
	int *disp;		/* the lines shown: >= 0 an index into rows, else DISP_* */
	int n_disp;
	int top_disp;		/* first line of disp shown */
	int kind_filter;	/* 0 all, 1 departments, 2 townships, 3 other */
	bool by_name;
	int sel;
	int top;
	int height;
	int cols;
};

struct sheet {
	struct screen base;
	struct ranking *rank;	/* the ranking below it on the stack keeps the data */
	int agency;		/* index into rank->r->agencies */
	int sel;
	int top;
	int height;
	int cols;
};

static const char *const kind_codes[] = { NULL, "department", "township", "other" };

/* Lines of the ranking that are not agencies: a blank between groups, a group's heading
 * (DISP_HEAD - k for kind_codes[k]). */
#define DISP_BLANK (-1)
#define DISP_HEAD (-10)

static int
kind_idx(const char *kind)
{
	int k;

	for (k = 1; k < 4; k++)
		if (strcmp(kind, kind_codes[k]) == 0)
			return k;
	return 3;
}

static const char *
kind_label(int k)
{
	switch (k) {
	case 1:
		return _("departments");
	case 2:
		return _("townships");
	case 3:
		return _("other agencies");
	default:
		return _("all agencies");
	}
}

/* qsort has no context argument in C11; the desk runs one thread. */
static const struct assess_result *sorting;

/* By name within each kind: the groups stay apart, as their ranks are their own. */
static int
cmp_name(const void *a, const void *b)
{
	const struct assess_agency *x = &sorting->agencies[*(const int *)a];
	const struct assess_agency *y = &sorting->agencies[*(const int *)b];
	int c = kind_idx(x->kind) - kind_idx(y->kind);

	return c != 0 ? c : strcmp(x->name, y->name);
}

static void
select_rows(struct ranking *s)
{
	int i;

	free(s->rows);
	s->rows = xcalloc((size_t)(s->r != NULL && s->r->n > 0 ? s->r->n : 1), sizeof(int));
	s->n_rows = 0;
	for (i = 0; s->r != NULL && i < s->r->n; i++)
		if (s->kind_filter == 0 || strcmp(s->r->agencies[i].kind,
		    kind_codes[s->kind_filter]) == 0)
			s->rows[s->n_rows++] = i;
	if (s->by_name && s->n_rows > 1)
	{
		sorting = s->r;
		qsort(s->rows, (size_t)s->n_rows, sizeof(int), cmp_name);
	}
	/* Departments and townships are ranked apart: each group under its own heading. */
	free(s->disp);
	s->disp = xcalloc((size_t)s->n_rows * 3 + 1, sizeof(int));
	s->n_disp = 0;
	for (i = 0; i < s->n_rows; i++) {
		int k = kind_idx(s->r->agencies[s->rows[i]].kind);

		if (i == 0 || k != kind_idx(s->r->agencies[s->rows[i - 1]].kind)) {
			if (i > 0)
				s->disp[s->n_disp++] = DISP_BLANK;
			s->disp[s->n_disp++] = DISP_HEAD - k;
		}
		s->disp[s->n_disp++] = i;
	}
	s->top_disp = 0;
}

/* The heading of group k: its name, how many, ranked among themselves. */
static void
group_heading(const struct ranking *s, int k, struct buf *out)
{
	int n = 0;
	int i;

	for (i = 0; i < s->n_rows; i++)
		if (kind_idx(s->r->agencies[s->rows[i]].kind) == k)
			n++;
	switch (k) {
	case 1:
		buf_printf(out, P_("Departments: %d, ranked among themselves",
		    "Departments: %d, ranked among themselves", n), n);
		break;
	case 2:
		buf_printf(out, P_("Townships: %d, ranked among themselves",
		    "Townships: %d, ranked among themselves", n), n);
		break;
	default:
		buf_printf(out, P_("Other agencies: %d, ranked among themselves",
		    "Other agencies: %d, ranked among themselves", n), n);
		break;
	}
}

static void
compute(struct ranking *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;

	assess_result_free(s->r);
	s->r = NULL;
	if (s->scheme == NULL && app_load_scheme(ui->app, &s->scheme, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	if (assess_compute(ui->db, s->scheme, s->year, ui->app->today, &s->r, &err) != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
	select_rows(s);
	s->base.dirty_data = false;
}

static const enum action ranking_bar[] = {
	ACT_HELP, ACT_OPEN, ACT_PREV_YEAR, ACT_NEXT_YEAR, ACT_KIND_FILTER, ACT_SORT, ACT_FINALIZE,
	ACT_EXPORT,
	ACT_BACK, ACT_NONE
};

static void
ranking_layout(struct screen *base, int lines, int cols)
{
	struct ranking *s = (struct ranking *)base;

	s->height = lines - 2 - 4;
	s->cols = cols;
	if (base->dirty_data || s->r == NULL)
		compute(s);
}

static void
ranking_draw(struct screen *base)
{
	struct ranking *s = (struct ranking *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int name_w = 12;
	int bar_w;
	int extra = 0;
	int i;
	int k;

	buf_printf(&t, _("Annual assessment %d"), s->year);
	ui_title(ui, buf_str(&t));
	buf_reset(&t);
	if (s->r == NULL) {
		buf_release(&t);
		return;
	}
	/* The names as wide as the longest (at most 30 columns); the bar takes what is left. */
	for (i = 0; i < s->r->n; i++)
		if (text_cols(s->r->agencies[i].name) + 1 > name_w)
			name_w = text_cols(s->r->agencies[i].name) + 1;
	if (name_w > 30)
		name_w = 30;
	buf_printf(&t, _("%s; %s; "), s->r->scheme_title, kind_label(s->kind_filter));
	if (s->r->finalized)
		buf_printf(&t, _("finalized %s by %s"), s->r->finalized_at, s->r->finalized_by);
	else
		buf_adds(&t, _("not finalized"));
	ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), s->r->finalized ? ATTR_OK : ATTR_WARN);
	buf_release(&t);
	/* Wide terminals also show each indicator's score. */
	if (s->r->n > 0)
		extra = (s->cols - 60 - name_w) / 11;
	if (extra > s->r->agencies[0].n_lines)
		extra = s->r->n > 0 ? s->r->agencies[0].n_lines : 0;
	if (extra < 0)
		extra = 0;
	bar_w = s->cols - 2 - 5 - name_w - 8 - 8 - extra * 11 - 2;
	if (bar_w > 40)
		bar_w = 40;
	ui_text_right(ui, 3, 1, 4, _("Rank"), ATTR_HEADER);
	ui_text(ui, 3, 6, name_w, _("Agency"), ATTR_HEADER);
	ui_text_right(ui, 3, 6 + name_w, 7, _("Total"), ATTR_HEADER);
	ui_text(ui, 3, 14 + name_w, bar_w, "", ATTR_HEADER);
	ui_text(ui, 3, 15 + name_w + bar_w, 7, _("Tier"), ATTR_HEADER);
	/* Indicator titles over two lines, so that no two columns look alike. */
	for (k = 0; k < extra; k++) {
		struct buf first = BUF_INIT;
		struct buf second = BUF_INIT;

		assess_heading(s->r, k, 10, &first, &second);
		ui_text_right(ui, 2, 22 + name_w + bar_w + k * 11, 10, buf_str(&first), ATTR_HEADER);
		ui_text_right(ui, 3, 22 + name_w + bar_w + k * 11, 10, buf_str(&second),
		    ATTR_HEADER);
		buf_release(&first);
		buf_release(&second);
	}
	/* Scroll so the selected agency shows, with its group's heading when it is first. */
	if (s->sel >= s->n_rows)
		s->sel = s->n_rows - 1;
	if (s->sel < 0)
		s->sel = 0;
	{
		int pos = 0;

		while (pos < s->n_disp && s->disp[pos] != s->sel)
			pos++;
		if (pos > 0 && s->disp[pos - 1] <= DISP_HEAD)
			pos--;
		if (pos < s->top_disp)
			s->top_disp = pos;
		while (s->top_disp < s->n_disp && s->disp[s->top_disp] != s->sel &&
		    s->top_disp + s->height <= pos + (s->disp[pos] <= DISP_HEAD ? 1 : 0))
			s->top_disp++;
	}
	for (i = 0; i < s->height && s->top_disp + i < s->n_disp; i++) {
		int d = s->disp[s->top_disp + i];
		const struct assess_agency *a;
		bool sel = d == s->sel;
		enum ui_attr_role role = sel ? ATTR_SELECTED : ATTR_NORMAL;
		enum ui_attr_role tier_role;
		char n[32];
		int y = 4 + i;

		if (d == DISP_BLANK)
			continue;
		if (d <= DISP_HEAD) {
			struct buf h = BUF_INIT;

			group_heading(s, DISP_HEAD - d, &h);
			ui_text(ui, y, 1, s->cols - 2, buf_str(&h), ATTR_HEADER);
			buf_release(&h);
			continue;
		}
		a = &s->r->agencies[s->rows[d]];
		tier_role = strcmp(a->tier, "不合格") == 0 ? ATTR_OVERDUE :
		    strcmp(a->tier, "优秀") == 0 ? ATTR_DONE : ATTR_NORMAL;
		ui_text(ui, y, 0, s->cols, "", role);
		snprintf(n, sizeof(n), "%d", a->rank);
		ui_text_right(ui, y, 1, 4, n, role);
		ui_text(ui, y, 6, name_w, a->name, role);
		snprintf(n, sizeof(n), "%.2f", a->total);
		ui_text_right(ui, y, 6 + name_w, 7, n, role);
		ui_bar(ui, y, 14 + name_w, bar_w, a->total, 100.0, ATTR_BAR);
		ui_text(ui, y, 15 + name_w + bar_w, 7, a->tier, sel ? role : tier_role);
		for (k = 0; k < extra && k < a->n_lines; k++) {
			snprintf(n, sizeof(n), "%.2f", a->lines[k].score);
			ui_text_right(ui, y, 22 + name_w + bar_w + k * 11, 10, n, a->lines[k].lost > 0 &&
			    !sel ? ATTR_WARN : role);
		}
	}
}

/* What a CSV export writes: the ranking (kind filter) or one agency's sheet. */
struct csv_job {
	const struct assess_result *r;
	const char *kind;		/* ranking: kind code or NULL */
	const struct assess_agency *agency;	/* sheet; NULL for the ranking */
};

/* A CSV file at path (named in the interface language) in the encoding asked for; an existing
 * file is replaced only when the user says so. */
static unsigned
save_csv(struct ui *ui, const char *path, const struct csv_job *job);

/* The export of job named stem with tail (in the interface language), as a workbook (text
 * stays text, scores are numbers: doc/assessment.md) or a CSV file, as the user chooses. */
static unsigned
save_export(struct ui *ui, const char *stem, const char *tail, const struct csv_job *job)
{
	struct buf name = BUF_INIT;
	struct buf path = BUF_INIT;
	struct duban_err err;
	bool xlsx = ui_confirm(ui, _("Save as an Excel workbook (.xlsx)? n: CSV"));
	unsigned r = UI_REDRAW;

	buf_printf(&name, "%s.%s", tail, xlsx ? "xlsx" : "csv");
	ui_file_name(stem, buf_str(&name), &path);
	if (!xlsx)
		r = save_csv(ui, buf_str(&path), job);
	else if (!ui_ask_save(ui, buf_str(&path), NULL))
		;
	else if (report_xlsx_assess(job->r, job->kind, job->agency, buf_str(&path),
	    ui->app->db_path, &err) != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
	else
		ui_status(ui, false, _("Saved to %s (%s)"), buf_str(&path), _("Excel workbook"));
	buf_release(&name);
	buf_release(&path);
	return r;
}

static unsigned
save_csv(struct ui *ui, const char *path, const struct csv_job *job)
{
	struct buf out = BUF_INIT;
	struct duban_err err;
	enum encoding enc = ENCODING_UTF8;
	char *mem = NULL;
	size_t mem_len = 0;
	struct safefile *sf = NULL;
	FILE *f;
	int rc = DUBAN_OK;

	if (!ui_ask_save(ui, path, &enc))
		return UI_REDRAW;
	f = open_memstream(&mem, &mem_len);
	if (f == NULL) {
		ui_status(ui, true, _("Cannot write %s: %s"), path, strerror(errno));
		return UI_REDRAW;
	}
	if (job->agency != NULL)
		assess_write_detail_csv(f, job->r, job->agency);
	else
		assess_write_csv(f, job->r, job->kind);
	fclose(f);
	if (enc == ENCODING_GB18030) {
		struct encoding_encoder *e = encoding_encoder_new(ENCODING_GB18030);
		size_t skip = mem_len >= 3 && memcmp(mem, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

		/* GB18030 has no BOM: Excel reads it as the system's Chinese encoding. */
		rc = encoding_encode(e, mem + skip, mem_len - skip, &out, &err);
		encoding_encoder_free(e);
	} else {
		buf_add(&out, mem, mem_len);
	}
	free(mem);
	if (rc != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
	} else if (safefile_open(path, 0, &sf, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
	} else if (fwrite(out.data, 1, out.len, safefile_stream(sf)) != out.len) {
		ui_status(ui, true, _("Cannot write %s: %s"), path, strerror(errno));
		safefile_abort(sf);
	} else if (safefile_commit(sf, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
	} else {
		ui_status(ui, false, _("Saved to %s (%s)"), path,
		    enc == ENCODING_GB18030 ? "GB18030" : _("UTF-8 with BOM"));
	}
	buf_release(&out);
	return UI_REDRAW;
}

static unsigned
export_ranking(struct ranking *s)
{
	struct csv_job job = { s->r, kind_codes[s->kind_filter], NULL };
	char suffix[32];

	snprintf(suffix, sizeof(suffix), "-%d", s->year);
	return save_export(s->base.ui, _("ranking"), suffix, &job);
}

static struct screen *sheet_new(struct ranking *rank, int agency);

static unsigned
ranking_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct ranking *s = (struct ranking *)base;
	struct ui *ui = base->ui;
	struct duban_err err;

	(void)kind;
	(void)key;
	if (sel_move(act, &s->sel, s->height))
		return UI_REDRAW;
	switch (act) {
	case ACT_PREV_YEAR:
	case ACT_NEXT_YEAR:
		s->year += act == ACT_PREV_YEAR ? -1 : 1;
		compute(s);
		return UI_REDRAW;
	case ACT_KIND_FILTER:
		s->kind_filter = (s->kind_filter + 1) % 4;
		s->sel = 0;
		select_rows(s);
		return UI_REDRAW;
	case ACT_SORT:
		s->by_name = !s->by_name;
		select_rows(s);
		return UI_REDRAW;
	case ACT_OPEN:
		if (s->r != NULL && s->n_rows > 0)
			ui_push(ui, sheet_new(s, s->rows[s->sel]));
		return UI_REDRAW;
	case ACT_EXPORT:
		return s->r != NULL ? export_ranking(s) : UI_HANDLED;
	case ACT_FINALIZE:
		if (s->r == NULL)
			return UI_HANDLED;
		if (access_require(ui->db, ACCESS_FINALIZE, &err) != DUBAN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return UI_REDRAW;
		}
		if (s->r->finalized) {
			ui_status(ui, true, _("%d is already finalized; unfreezing is for an admin "
			    "(duban assess %d --unfreeze)."), s->year, s->year);
			return UI_REDRAW;
		}
		{
			char q[256];
			bool ended = assess_year_ended(s->year, ui->app->today);

			snprintf(q, sizeof(q), _("Finalize %d? Its results will be stored and will no "
			    "longer change."), s->year);
			if (!ui_confirm(ui, q))
				return UI_REDRAW;
			/* A year not yet over: its figures still change; asked a second time. */
			snprintf(q, sizeof(q), _("%d is not over yet; its figures will still change. "
			    "Freeze it anyway?"), s->year);
			if (!ended && !ui_confirm(ui, q))
				return UI_REDRAW;
		}
		if (assess_finalize(ui->db, s->scheme, s->year, ui->app->today, true, &err) !=
		    DUBAN_OK)
			ui_status(ui, true, "%s", err.msg);
		else
			ui_status(ui, false, _("%d is finalized."), s->year);
		compute(s);
		return UI_REDRAW;
	default:
		return UI_IGNORED;
	}
}

static void
ranking_free(struct screen *base)
{
	struct ranking *s = (struct ranking *)base;

	assess_result_free(s->r);
	assess_scheme_free(s->scheme);
	free(s->rows);
	free(s->disp);
	free(s);
}

static const struct screen_ops ranking_ops = {
	"assess", ranking_layout, ranking_draw, ranking_key, ranking_free, ranking_bar,
};

struct screen *
scr_assess_new(struct ui *ui, int year)
{
	struct ranking *s = xcalloc(1, sizeof(*s));

	s->base.ops = &ranking_ops;
	s->base.ui = ui;
	/* The assessment is compiled after the year ends: the last complete year. */
	s->year = year > 0 ? year : ui->app->today.y - 1;
	return &s->base;
}

/* ---- one agency's sheet ----------------------------------------------------------------- */

static const enum action sheet_bar[] = { ACT_HELP, ACT_OPEN, ACT_EXPORT, ACT_BACK, ACT_NONE };

static void
sheet_layout(struct screen *base, int lines, int cols)
{
	struct sheet *s = (struct sheet *)base;

	s->height = lines - 2 - 5;
	s->cols = cols;
}

static const struct assess_agency *
sheet_agency(const struct sheet *s)
{
	if (s->rank->r == NULL || s->agency >= s->rank->r->n)
		return NULL;
	return &s->rank->r->agencies[s->agency];
}

static void
sheet_draw(struct screen *base)
{
	struct sheet *s = (struct sheet *)base;
	struct ui *ui = base->ui;
	const struct assess_agency *a = sheet_agency(s);
	struct buf t = BUF_INIT;
	int title_w = 10;
	int i;

	if (a == NULL)
		return;
	/* Titles as wide as the longest, as far as the screen allows. */
	for (i = 0; i < a->n_lines; i++)
		if (text_cols(a->lines[i].title) > title_w)
			title_w = text_cols(a->lines[i].title);
	if (title_w > s->cols - 50)
		title_w = s->cols - 50;
	buf_printf(&t, _("Assessment %d: %s"), s->rank->year, a->name);
	ui_title(ui, buf_str(&t));
	buf_reset(&t);
	buf_printf(&t, _("Total %.2f, tier %s, rank %d"), a->total, a->tier, a->rank);
	if (a->capped_by[0] != '\0')
		buf_printf(&t, _(" (tier capped: %s)"), a->capped_by);
	ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), ATTR_HEADER);
	buf_release(&t);
	ui_text(ui, 3, 1, title_w, _("Indicator"), ATTR_HEADER);
	ui_text_right(ui, 3, 2 + title_w, 9, _("Value"), ATTR_HEADER);
	ui_text_right(ui, 3, 12 + title_w, 14, _("Target"), ATTR_HEADER);
	ui_text_right(ui, 3, 27 + title_w, 7, _("Score"), ATTR_HEADER);
	ui_text_right(ui, 3, 35 + title_w, 6, _("Max"), ATTR_HEADER);
	ui_text_right(ui, 3, 42 + title_w, 6, _("Lost"), ATTR_HEADER);
	keep(&s->sel, &s->top, a->n_lines, s->height);
	for (i = 0; i < s->height && s->top + i < a->n_lines; i++) {
		const struct assess_line *l = &a->lines[s->top + i];
		bool sel = s->top + i == s->sel;
		enum ui_attr_role role = sel ? ATTR_SELECTED : ATTR_NORMAL;
		char n[32];
		int y = 4 + i;

		ui_text(ui, y, 0, s->cols, "", role);
		ui_text(ui, y, 1, title_w, l->title, role);
		ui_text_right(ui, y, 2 + title_w, 9, l->value, role);
		ui_text_right(ui, y, 12 + title_w, 14, l->target, role);
		snprintf(n, sizeof(n), "%.2f", l->score);
		ui_text_right(ui, y, 27 + title_w, 7, n, role);
		/* A bonus adds to the total: it has no full marks to lose points from. */
		if (l->max > 0)
			snprintf(n, sizeof(n), "%.2f", l->max);
		else
			snprintf(n, sizeof(n), "%s", _("bonus"));
		ui_text_right(ui, y, 35 + title_w, 6, n, role);
		if (l->max > 0)
			snprintf(n, sizeof(n), "%.2f", l->lost);
		else
			snprintf(n, sizeof(n), "-");
		ui_text_right(ui, y, 42 + title_w, 6, n, sel ? role : l->lost > 0 ? ATTR_OVERDUE :
		    ATTR_DIM);
	}
	ui_text(ui, 5 + i, 1, s->cols - 2, _("Enter on an indicator lists the records behind it."),
	    ATTR_DIM);
}

static unsigned
sheet_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct sheet *s = (struct sheet *)base;
	struct ui *ui = base->ui;
	const struct assess_agency *a = sheet_agency(s);

	(void)kind;
	(void)key;
	if (a == NULL)
		return UI_IGNORED;
	if (sel_move(act, &s->sel, s->height))
		return UI_REDRAW;
	if (act == ACT_OPEN && a->n_lines > 0) {
		const struct assess_line *l = &a->lines[s->sel];
		const char *item = NULL;
		struct sources *src = xcalloc(1, sizeof(*src));
		struct duban_err err;
		struct buf t = BUF_INIT;
		int k;

		/* A manual item is found by its name in the scheme. */
		for (k = 0; s->rank->scheme != NULL && k < s->rank->scheme->n_ind; k++)
			if (strcmp(s->rank->scheme->ind[k].title, l->title) == 0)
				item = s->rank->scheme->ind[k].item;
		src->base.ops = &sources_ops;
		src->base.ui = ui;
		buf_printf(&t, _("%s: %s %d"), a->name, l->title, s->rank->year);
		src->title = buf_detach(&t);
		if (assess_sources(ui->db, s->rank->year, ui->app->today, a->agency_id, l->metric, item,
		    &src->s, &src->n, &err) != DUBAN_OK)
			ui_status(ui, true, "%s", err.msg);
		ui_push(ui, &src->base);
		return UI_REDRAW;
	}
	if (act == ACT_EXPORT) {
		struct csv_job job = { s->rank->r, NULL, a };
		struct buf stem = BUF_INIT;
		unsigned r;

		/* 考核明细-2024-县公安局.csv: the agency's name made safe for a file name. */
		buf_printf(&stem, _("assessment-%d-%s"), s->rank->year, a->name);
		r = save_export(ui, buf_str(&stem), "", &job);
		buf_release(&stem);
		return r;
	}
	return UI_IGNORED;
}

static void
sheet_free(struct screen *base)
{
	free(base);
}

static const struct screen_ops sheet_ops = {
	"assess-agency", sheet_layout, sheet_draw, sheet_key, sheet_free, sheet_bar,
};

static struct screen *
sheet_new(struct ranking *rank, int agency)
{
	struct sheet *s = xcalloc(1, sizeof(*s));

	s->base.ops = &sheet_ops;
	s->base.ui = rank->base.ui;
	s->rank = rank;
	s->agency = agency;
	return &s->base;
}
