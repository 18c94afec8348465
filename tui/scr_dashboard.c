/* tui/scr_dashboard.c: the home screen. Three panes: counts per duty (Enter opens the list
 * behind a count), the most urgent items (Enter opens the record), agencies with their open
 * items and this year's head-appearance rate as bars (Enter lists the agency's items). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "duban/config.h"
#include "duban/dashboard.h"
#include "duban/decimal.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

enum pane { PANE_COUNTS, PANE_ITEMS, PANE_AGENCIES, PANE_N };

struct dash {
	struct screen base;
	struct dashboard *d;
	enum pane pane;
	int count_row;		/* selected duty */
	int count_col;		/* 0 overdue, 1 due today, 2 due soon */
	int item_sel;
	int item_top;
	int agency_sel;
	int agency_top;
	/* geometry from layout */
	int lines;
	int cols;
	int lower_y;		/* first line of the lower panes */
	int lower_h;
	bool side_by_side;	/* items and agencies both visible */
};

static const enum action bar[] = {
	ACT_HELP, ACT_OPEN, ACT_NEXT_PANE, ACT_GO_LITIGATION, ACT_GO_RECONSIDERATION,
	ACT_NOTICE, ACT_MENU, ACT_QUIT, ACT_NONE
};

static void
load(struct dash *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;

	dashboard_free(s->d);
	s->d = NULL;
	if (dashboard_build(ui->db, ui->app->cal, ui->app->today, ui->app->cfg->due_soon_workdays,
	    ui->app->cfg->makeup_workdays, 500, &s->d, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	if (s->item_sel >= s->d->n_items)
		s->item_sel = s->d->n_items > 0 ? s->d->n_items - 1 : 0;
	if (s->agency_sel >= s->d->n_agencies)
		s->agency_sel = s->d->n_agencies > 0 ? s->d->n_agencies - 1 : 0;
	s->base.dirty_data = false;
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct dash *s = (struct dash *)base;

	if (base->dirty_data || s->d == NULL)
		load(s);
	s->lines = lines;
	s->cols = cols;
	s->lower_y = 3 + duties_n + 1;
	s->lower_h = lines - 2 - s->lower_y - 1;
	s->side_by_side = cols >= 150;
}

static void
keep_visible(int sel, int *top, int height)
{
	if (height <= 0)
		return;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + height)
		*top = sel - height + 1;
	if (*top < 0)
		*top = 0;
}

static void
draw_counts(struct dash *s)
{
	struct ui *ui = s->base.ui;
	const char *heads[3] = { _("overdue"), _("due today"), _("due soon") };
	int label_w = s->cols - 3 * 12 - 2;

	/* On a wide screen the counts stay next to their labels. */
	if (label_w > 48)
		label_w = 48;
	int i;
	int c;

	ui_text(ui, 2, 1, label_w, _("Duty"), ATTR_HEADER);
	for (c = 0; c < 3; c++)
		ui_text_right(ui, 2, 1 + label_w + c * 12, 11, heads[c], ATTR_HEADER);
	for (i = 0; i < duties_n; i++) {
		const struct dashboard_count *k = &s->d->counts[i];
		int64_t v[3] = { k->overdue, k->due_today, k->due_soon };
		enum ui_attr_role roles[3] = { ATTR_OVERDUE, ATTR_DUE_TODAY, ATTR_DUE_SOON };
		bool row_sel = s->pane == PANE_COUNTS && s->count_row == i;

		ui_text(ui, 3 + i, 1, label_w, _(k->duty->label), row_sel ? ATTR_HEADER :
		    ATTR_NORMAL);
		for (c = 0; c < 3; c++) {
			char n[24];

			snprintf(n, sizeof(n), "%lld", (long long)v[c]);
			ui_text_right(ui, 3 + i, 1 + label_w + c * 12, 11, n, row_sel &&
			    s->count_col == c ? ATTR_SELECTED : v[c] > 0 ? roles[c] : ATTR_DIM);
		}
	}
}

static void
draw_items(struct dash *s, int x, int w)
{
	struct ui *ui = s->base.ui;
	int y = s->lower_y;
	int h = s->lower_h;
	int i;
	char title[128];
	int key_w;
	int agency_w;

	snprintf(title, sizeof(title), _("Most urgent: %d"), s->d->n_items);
	ui_text(ui, y, x, w, title, s->pane == PANE_ITEMS ? ATTR_HEADER : ATTR_DIM);
	keep_visible(s->item_sel, &s->item_top, h);
	key_w = w - 42 >= 60 ? 28 : 22;
	agency_w = w - 10 - 11 - 11 - 10 - key_w;
	if (s->d->n_items == 0)
		ui_text(ui, y + 1, x, w, _("Nothing is overdue, due today or due soon."), ATTR_OK);
	for (i = 0; i < h && s->item_top + i < s->d->n_items; i++) {
		const struct dashboard_item *it = &s->d->items[s->item_top + i];
		bool sel = s->pane == PANE_ITEMS && s->item_top + i == s->item_sel;
		char days[48];
		char iso[DATE_ISO_LEN];
		int cx = x;

		if (it->status == DEADLINE_OVERDUE)
			snprintf(days, sizeof(days), _("%d d late"), it->days);
		else if (it->status == DEADLINE_DUE_SOON)
			snprintf(days, sizeof(days), _("%d wd left"), it->days);
		else
			snprintf(days, sizeof(days), "%s", _("today"));
		/* Each cell one column narrower than its slot: a blank always separates them. */
		ui_text(ui, y + 1 + i, x, w, "", sel ? ATTR_SELECTED : ATTR_NORMAL);
		ui_text(ui, y + 1 + i, cx, 9, deadline_status_label(it->status),
		    sel ? ATTR_SELECTED : ui_status_role(it->status));
		cx += 10;
		ui_text(ui, y + 1 + i, cx, 10, date_format(it->due, iso), sel ?
		    ATTR_SELECTED : ATTR_NORMAL);
		cx += 11;
		ui_text(ui, y + 1 + i, cx, 10, days, sel ? ATTR_SELECTED : ATTR_NORMAL);
		cx += 11;
		ui_text(ui, y + 1 + i, cx, 9, _(it->duty->brief), sel ? ATTR_SELECTED : ATTR_DIM);
		cx += 10;
		ui_text(ui, y + 1 + i, cx, key_w - 1, it->key, sel ? ATTR_SELECTED : ATTR_NORMAL);
		cx += key_w;
		ui_text(ui, y + 1 + i, cx, agency_w, it->agency, sel ? ATTR_SELECTED : ATTR_NORMAL);
	}
}

static void
draw_agencies(struct dash *s, int x, int w)
{
	struct ui *ui = s->base.ui;
	int y = s->lower_y;
	int h = s->lower_h;
	int64_t max_open = 1;
	int name_w = w > 90 ? 24 : w > 70 ? 20 : 14;
	int bar_w = (w - name_w - 5 - 7 - 3) / 2;
	int i;
	char title[128];

	for (i = 0; i < s->d->n_agencies; i++)
		if (s->d->agencies[i].open > max_open)
			max_open = s->d->agencies[i].open;
	snprintf(title, sizeof(title), _("Agencies: open items | head appearances %d"),
	    ui->app->today.y);
	ui_text(ui, y, x, w, title, s->pane == PANE_AGENCIES ? ATTR_HEADER : ATTR_DIM);
	keep_visible(s->agency_sel, &s->agency_top, h);
	for (i = 0; i < h && s->agency_top + i < s->d->n_agencies; i++) {
		const struct dashboard_agency *a = &s->d->agencies[s->agency_top + i];
		bool sel = s->pane == PANE_AGENCIES && s->agency_top + i == s->agency_sel;
		char n[24];
		char rate[16];
		char pct[DECIMAL_TEXT_LEN];
		int cx = x;

		snprintf(n, sizeof(n), "%lld", (long long)a->open);
		if (a->hearings <= 0)
			snprintf(rate, sizeof(rate), "-");
		else
			snprintf(rate, sizeof(rate), "%s%%", decimal_percent(a->head_appearances,
			    a->hearings, 0, pct));
		cx += ui_text(ui, y + 1 + i, cx, name_w, a->name, sel ? ATTR_SELECTED : ATTR_NORMAL);
		cx += ui_text_right(ui, y + 1 + i, cx, 4, n, a->urgent > 0 ? ATTR_OVERDUE :
		    ATTR_NORMAL);
		cx += 1;
		ui_bar(ui, y + 1 + i, cx, bar_w, (double)a->open, (double)max_open,
		    a->urgent > 0 ? ATTR_OVERDUE : ATTR_BAR);
		cx += bar_w + 1;
		cx += ui_text_right(ui, y + 1 + i, cx, 5, rate, a->rate >= 0 && a->rate < 50 ?
		    ATTR_WARN : ATTR_NORMAL);
		cx += 1;
		ui_bar(ui, y + 1 + i, cx, bar_w, a->rate < 0 ? 0 : a->rate, 100.0,
		    a->rate >= 0 && a->rate < 50 ? ATTR_WARN : ATTR_DONE);
	}
}

static void
draw(struct screen *base)
{
	struct dash *s = (struct dash *)base;
	struct ui *ui = base->ui;
	char line[160];

	ui_title(ui, _("duban 督办: dashboard"));
	if (s->d == NULL)
		return;
	snprintf(line, sizeof(line), _("Due soon = within %d working days."), s->d->soon_workdays);
	if (s->d->uncovered_year != 0)
		snprintf(line, sizeof(line), _("Warning: no official holiday schedule for %d; due "
		    "dates there count weekends only."), s->d->uncovered_year);
	ui_text(ui, 1, 1, s->cols - 2, line, s->d->uncovered_year ? ATTR_WARN : ATTR_DIM);
	draw_counts(s);
	if (s->side_by_side) {
		int w = s->cols * 55 / 100;

		draw_items(s, 1, w - 2);
		draw_agencies(s, w + 1, s->cols - w - 2);
	} else if (s->pane == PANE_AGENCIES) {
		draw_agencies(s, 1, s->cols - 2);
	} else {
		draw_items(s, 1, s->cols - 2);
	}
}

static void
move_sel(int *sel, int n, int delta)
{
	*sel += delta;
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
}

static unsigned
open_selected(struct dash *s)
{
	struct ui *ui = s->base.ui;
	static const int statuses[3] = { DEADLINE_OVERDUE, DEADLINE_DUE_TODAY, DEADLINE_DUE_SOON };

	if (s->pane == PANE_COUNTS) {
		const struct duty *d = s->d->counts[s->count_row].duty;

		ui_push(ui, scr_list_filtered_new(ui, d->kind, d->name, statuses[s->count_col], 0));
	} else if (s->pane == PANE_ITEMS && s->d->n_items > 0) {
		const struct dashboard_item *it = &s->d->items[s->item_sel];

		ui_push(ui, scr_record_new(ui, it->duty->kind, it->id));
	} else if (s->pane == PANE_AGENCIES && s->d->n_agencies > 0) {
		/* The agency's open items of the first duty's kind (its cases). */
		ui_push(ui, scr_list_filtered_new(ui, duties[0].kind, NULL, LIST_OPEN_ITEMS,
		    s->d->agencies[s->agency_sel].agency_id));
	}
	return UI_REDRAW;
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct dash *s = (struct dash *)base;
	int page = s->lower_h > 1 ? s->lower_h - 1 : 1;
	int *sel = s->pane == PANE_ITEMS ? &s->item_sel : &s->agency_sel;
	int n = s->d == NULL ? 0 : s->pane == PANE_ITEMS ? s->d->n_items : s->d->n_agencies;

	(void)kind;
	(void)key;
	if (s->d == NULL && act != ACT_RELOAD)
		return UI_IGNORED;
	switch (act) {
	case ACT_NEXT_PANE:
		s->pane = (enum pane)((s->pane + 1) % PANE_N);
		return UI_REDRAW;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (s->pane == PANE_COUNTS)
			move_sel(&s->count_row, duties_n, act == ACT_MOVE_UP ? -1 : 1);
		else
			move_sel(sel, n, act == ACT_MOVE_UP ? -1 : 1);
		return UI_REDRAW;
	case ACT_MOVE_LEFT:
	case ACT_MOVE_RIGHT:
		if (s->pane != PANE_COUNTS)
			return act == ACT_MOVE_RIGHT ? open_selected(s) : UI_HANDLED;
		move_sel(&s->count_col, 3, act == ACT_MOVE_LEFT ? -1 : 1);
		return UI_REDRAW;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		if (s->pane != PANE_COUNTS)
			move_sel(sel, n, act == ACT_PAGE_UP ? -page : page);
		return UI_REDRAW;
	case ACT_HOME:
	case ACT_END:
		if (s->pane != PANE_COUNTS)
			*sel = act == ACT_HOME ? 0 : n - 1;
		if (*sel < 0)
			*sel = 0;
		return UI_REDRAW;
	case ACT_OPEN:
		return open_selected(s);
	case ACT_RELOAD:
		load(s);
		ui_status(base->ui, false, "%s", _("Reloaded."));
		return UI_REDRAW;
	case ACT_NOTICE: {
		int64_t agency = 0;

		if (s->pane == PANE_AGENCIES && s->d->n_agencies > 0)
			agency = s->d->agencies[s->agency_sel].agency_id;
		else if (s->pane == PANE_ITEMS && s->d->n_items > 0) {
			int i;

			for (i = 0; i < s->d->n_agencies; i++)
				if (strcmp(s->d->agencies[i].name, s->d->items[s->item_sel].agency) == 0)
					agency = s->d->agencies[i].agency_id;
		}
		if (agency == 0) {
			ui_status(base->ui, true, "%s", _("Select an agency or an item first (Tab)."));
			return UI_REDRAW;
		}
		ui_push(base->ui, scr_notice_new(base->ui, agency));
		return UI_REDRAW;
	}
	case ACT_BACK:
		/* Esc on the dashboard does not leave duban (it is pressed to cancel things);
		 * q does: the dashboard holds nothing unsaved. */
		if (key == 27)
			return UI_HANDLED;
		return UI_QUIT;
	default:
		return UI_IGNORED;
	}
}

static void
scr_free(struct screen *base)
{
	struct dash *s = (struct dash *)base;

	dashboard_free(s->d);
	free(s);
}

static const struct screen_ops ops = {
	"dashboard", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_dashboard_new(struct ui *ui)
{
	struct dash *s = xcalloc(1, sizeof(*s));

	s->base.ops = &ops;
	s->base.ui = ui;
	s->pane = PANE_ITEMS;
	load(s);
	return &s->base;
}
