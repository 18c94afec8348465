/* tui/scr_agency.c: one agency's open items, every duty in one list, most urgent first: what
 * the dashboard's agency pane counts, row for row. Enter opens the record, n makes the
 * agency's 督办 notice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/dashboard.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

/* More than a screenful many times over; beyond it the heading says how many there are. */
#define AGENCY_MAX_ITEMS 5000

struct agency_scr {
	struct screen base;
	int64_t agency_id;
	char *name;
	struct dashboard_item *items;
	int n;
	int64_t total;
	int64_t by_status[DEADLINE_N_STATUS];
	int sel;
	int top;
	int height;
	int cols;
	bool loaded;
};

static const enum action bar[] = {
	ACT_HELP, ACT_OPEN, ACT_NOTICE, ACT_RELOAD, ACT_BACK, ACT_NONE
};

static void
load(struct agency_scr *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;
	int i;

	dashboard_items_free(s->items, s->n);
	s->items = NULL;
	s->n = 0;
	s->total = 0;
	memset(s->by_status, 0, sizeof(s->by_status));
	if (dashboard_agency_items(ui->db, ui->app->cal, ui->app->today,
	    ui->app->cfg->due_soon_workdays, ui->app->cfg->makeup_workdays, s->agency_id,
	    AGENCY_MAX_ITEMS, &s->items, &s->n, &s->total, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	for (i = 0; i < s->n; i++)
		s->by_status[s->items[i].status]++;
	if (s->sel >= s->n)
		s->sel = s->n > 0 ? s->n - 1 : 0;
	s->loaded = true;
	s->base.dirty_data = false;
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct agency_scr *s = (struct agency_scr *)base;

	s->height = lines - 2 - 3;
	if (s->height < 1)
		s->height = 1;
	s->cols = cols;
	if (base->dirty_data || !s->loaded)
		load(s);
}

/* The widest translated brief of the duties: no duty's word is cut. */
static int
brief_cols(void)
{
	int w = 0;
	int i;

	for (i = 0; i < duties_n; i++)
		if (text_cols(_(duties[i].brief)) > w)
			w = text_cols(_(duties[i].brief));
	return w;
}

static void
draw(struct screen *base)
{
	struct agency_scr *s = (struct agency_scr *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int brief_w = brief_cols();
	int status_w = 0;
	int rest;
	int key_w = 12;
	int party_w;
	int i;

	/* Only open statuses are shown here. */
	for (i = DEADLINE_PENDING; i <= DEADLINE_OVERDUE; i++)
		if (text_cols(deadline_status_label((enum deadline_status)i)) > status_w)
			status_w = text_cols(deadline_status_label((enum deadline_status)i));
	for (i = 0; i < s->n; i++)
		if (text_cols(s->items[i].key) > key_w)
			key_w = text_cols(s->items[i].key);
	buf_printf(&t, _("Open items of %s"), s->name);
	ui_title(ui, buf_str(&t));
	buf_reset(&t);
	buf_printf(&t, P_("%lld open item", "%lld open items", s->total), (long long)s->total);
	buf_printf(&t, _(": overdue %lld, due today %lld, due soon %lld, later %lld"),
	    (long long)s->by_status[DEADLINE_OVERDUE], (long long)s->by_status[DEADLINE_DUE_TODAY],
	    (long long)s->by_status[DEADLINE_DUE_SOON], (long long)s->by_status[DEADLINE_PENDING]);
	if (s->n < s->total)
		buf_printf(&t, _(" (the %d most urgent shown)"), s->n);
	ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), ATTR_DIM);
	buf_release(&t);
	/* Fixed: status, due date, days, duty; the rest shared by number and party. */
	rest = s->cols - 1 - (status_w + 1) - 11 - 12 - (brief_w + 1) - 1;
	/* The number as wide as the widest shown (at most 40), the party the rest. */
	if (key_w > 40)
		key_w = 40;
	if (key_w > rest - 10)
		key_w = rest - 10;
	party_w = rest - key_w - 1;
	{
		int x = 1;

		x += ui_text(ui, 2, x, status_w + 1, _("Status"), ATTR_HEADER);
		x += ui_text(ui, 2, x, 11, _("Due"), ATTR_HEADER);
		x += ui_text(ui, 2, x, 12, "", ATTR_HEADER);
		x += ui_text(ui, 2, x, brief_w + 1, _("Duty"), ATTR_HEADER);
		x += ui_text(ui, 2, x, key_w + 1, _("Number"), ATTR_HEADER);
		ui_text(ui, 2, x, party_w, _("Party"), ATTR_HEADER);
	}
	if (s->n == 0 && s->loaded)
		ui_text(ui, 3, 1, s->cols - 2, _("This agency has no open items."), ATTR_OK);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + s->height)
		s->top = s->sel - s->height + 1;
	for (i = 0; i < s->height && s->top + i < s->n; i++) {
		const struct dashboard_item *it = &s->items[s->top + i];
		bool sel = s->top + i == s->sel;
		enum ui_attr_role role = sel ? ATTR_SELECTED : ATTR_NORMAL;
		char iso[DATE_ISO_LEN];
		char days[48];
		int y = 3 + i;
		int x = 1;

		if (it->status == DEADLINE_OVERDUE)
			snprintf(days, sizeof(days), _("%d d late"), it->days);
		else if (it->status == DEADLINE_DUE_TODAY)
			snprintf(days, sizeof(days), "%s", _("today"));
		else
			snprintf(days, sizeof(days), _("%d wd left"), it->days);
		ui_text(ui, y, 0, s->cols, "", role);
		x += ui_text(ui, y, x, status_w + 1, deadline_status_label(it->status), sel ? role :
		    ui_status_role(it->status));
		x += ui_text(ui, y, x, 11, date_format(it->due, iso), role);
		x += ui_text(ui, y, x, 12, days, role);
		x += ui_text(ui, y, x, brief_w + 1, _(it->duty->brief), sel ? role : ATTR_DIM);
		x += ui_text(ui, y, x, key_w + 1, it->key, role);
		ui_text(ui, y, x, party_w, it->party, role);
	}
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct agency_scr *s = (struct agency_scr *)base;
	struct ui *ui = base->ui;

	(void)kind;
	(void)key;
	if (base->dirty_data)
		load(s);
	switch (act) {
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HOME:
	case ACT_END:
		s->sel += act == ACT_MOVE_UP ? -1 : act == ACT_MOVE_DOWN ? 1 :
		    act == ACT_PAGE_UP ? -s->height : act == ACT_PAGE_DOWN ? s->height :
		    act == ACT_HOME ? -s->n : s->n;
		if (s->sel >= s->n)
			s->sel = s->n - 1;
		if (s->sel < 0)
			s->sel = 0;
		return UI_REDRAW;
	case ACT_OPEN:
	case ACT_MOVE_RIGHT:
		if (s->n > 0)
			ui_push(ui, scr_record_new(ui, s->items[s->sel].duty->kind,
			    s->items[s->sel].id));
		return UI_REDRAW;
	case ACT_NOTICE:
		ui_push(ui, scr_notice_new(ui, s->agency_id));
		return UI_REDRAW;
	case ACT_RELOAD:
		load(s);
		ui_status(ui, false, "%s", _("Reloaded."));
		return UI_REDRAW;
	default:
		return UI_IGNORED;
	}
}

static void
scr_free(struct screen *base)
{
	struct agency_scr *s = (struct agency_scr *)base;

	dashboard_items_free(s->items, s->n);
	free(s->name);
	free(s);
}

static const struct screen_ops ops = {
	"agency", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_agency_new(struct ui *ui, int64_t agency_id)
{
	struct agency_scr *s = xcalloc(1, sizeof(*s));
	struct buf name = BUF_INIT;
	struct duban_err err;

	s->base.ops = &ops;
	s->base.ui = ui;
	s->agency_id = agency_id;
	if (agency_name(ui->db, agency_id, &name, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		buf_release(&name);
		free(s);
		return NULL;
	}
	s->name = buf_detach(&name);
	return &s->base;
}
