/* tui/scr_record.c: one record: every field, every deadline with its status and working days
 * left or days late, the hearings of a case, and the record's history from the audit trail.
 * The screen is a scrollable page of lines; lines that lead somewhere (a hearing) can be
 * selected and opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/history.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

struct line {
	char *text;
	char *value;		/* second column, may be NULL */
	enum ui_attr_role role;
	const char *link_kind;	/* open this record on Enter (NULL: not selectable) */
	int64_t link_id;
};

struct rec {
	struct screen base;
	const struct kind_def *kind;
	int64_t id;
	struct record *r;
	struct line *lines;
	int n;
	int cap;
	int top;
	int sel;		/* index of the selected link line, -1 if none */
	int label_w;
	int height;
	int cols;
	int64_t agency_id;
};

static const enum action bar[] = {
	ACT_HELP, ACT_EDIT, ACT_NEW, ACT_DELETE, ACT_NOTICE, ACT_EXPLAIN, ACT_BACK, ACT_NONE
};

static void
add(struct rec *s, const char *text, const char *value, enum ui_attr_role role)
{
	struct line *l;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->lines = xreallocarray(s->lines, (size_t)s->cap, sizeof(*s->lines));
	}
	l = &s->lines[s->n++];
	l->text = xstrdup(text);
	l->value = value != NULL ? xstrdup(value) : NULL;
	l->role = role;
	l->link_kind = NULL;
	l->link_id = 0;
}

/* The agency of the record a reference field f names (a hearing's case: the notice goes to
 * its agency); 0 if it cannot be read. */
static int64_t
case_agency(struct ui *ui, const struct field_def *f, int64_t case_id)
{
	const struct kind_def *k = record_ref_kind(f);
	struct record *c = NULL;
	int64_t agency = 0;
	int i;

	if (k == NULL || case_id <= 0 || record_load(ui->db, k, case_id, &c, NULL) != DUBAN_OK)
		return 0;
	for (i = 0; i < k->n_fields && agency == 0; i++)
		if (k->fields[i].type == FIELD_AGENCY)
			agency = record_int(c, i);
	record_free(c);
	return agency;
}

static void
rec_clear(struct rec *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->lines[i].text);
		free(s->lines[i].value);
	}
	s->n = 0;
	record_free(s->r);
	s->r = NULL;
}

struct dl_ctx {
	struct rec *s;
	struct app *app;
	bool header;	/* "Deadlines" written */
};

static int
add_deadline(const struct duty_item *it, void *arg)
{
	struct dl_ctx *c = arg;
	struct buf v = BUF_INIT;
	char iso[DATE_ISO_LEN];

	if (!it->has_due)
		return DUBAN_OK;
	buf_printf(&v, "%s  %s", date_format(it->due, iso), deadline_status_label(it->status));
	if (it->status == DEADLINE_OVERDUE)
	{
		long long late = (long long)date_diff_days(it->due, c->app->today);

		buf_printf(&v, P_(", %lld day late", ", %lld days late", late), late);
	}
	else if (it->status == DEADLINE_DUE_SOON || it->status == DEADLINE_PENDING)
	{
		int left = deadline_workdays_between(c->app->cal, c->app->today, it->due,
		    c->app->cfg->makeup_workdays);

		buf_printf(&v, P_(", %d working day left", ", %d working days left", left), left);
	}
	else if (it->status == DEADLINE_DONE_LATE)
	{
		long long late = (long long)date_diff_days(it->due, it->done);

		buf_printf(&v, P_(", done %lld day late", ", done %lld days late", late), late);
	}
	buf_adds(&v, app_provisional_mark(c->app, it->due));
	if (!c->header) {
		add(c->s, "", NULL, ATTR_NORMAL);
		add(c->s, _("Deadlines"), NULL, ATTR_HEADER);
		c->header = true;
	}
	/* The duty's name is longer than a field label: one line of its own width. */
	{
		struct buf line = BUF_INIT;

		buf_printf(&line, _("%s: %s"), _(it->duty->label), buf_str(&v));
		add(c->s, buf_str(&line), NULL, ui_status_role(it->status));
		buf_release(&line);
	}
	buf_release(&v);
	return DUBAN_OK;
}

static int
add_history(const struct history_entry *e, void *arg)
{
	struct rec *s = arg;
	struct buf b = BUF_INIT;
	int i;

	buf_printf(&b, "%s  %s  %s", e->at, e->login, e->action);
	if (e->batch_id > 0)
		buf_printf(&b, _(" (import %lld)"), (long long)e->batch_id);
	add(s, buf_str(&b), NULL, ATTR_NORMAL);
	for (i = 0; i < e->n_changes; i++) {
		buf_reset(&b);
		buf_printf(&b, _("    %s: %s -> %s"), e->changes[i].field, e->changes[i].before,
		    e->changes[i].after);
		add(s, buf_str(&b), NULL, ATTR_DIM);
	}
	buf_release(&b);
	return DUBAN_OK;
}

/* The records that belong to this one (a case's hearings), a line each, from the kind's
 * detail and the detail kind's summary. */
static int
add_detail(int64_t id, void *arg)
{
	struct rec *s = arg;
	struct ui *ui = s->base.ui;
	const struct kind_def *dk = record_kind(s->kind->detail);
	struct record_env env = app_env(ui->app, ui->db);
	struct record *d = NULL;
	struct buf when = BUF_INIT;
	struct buf what = BUF_INIT;

	if (record_load(ui->db, dk, id, &d, NULL) != DUBAN_OK)
		return DUBAN_OK;
	if (dk->summary != NULL)
		dk->summary(&env, d, &when, &what);
	else
		record_display(&env, d, 0, false, &when);
	add(s, buf_str(&when), buf_str(&what), ATTR_NORMAL);
	s->lines[s->n - 1].link_kind = dk->name;
	s->lines[s->n - 1].link_id = d->id;
	buf_release(&when);
	buf_release(&what);
	record_free(d);
	return DUBAN_OK;
}

static void
add_details(struct rec *s, struct ui *ui)
{
	add(s, "", NULL, ATTR_NORMAL);
	add(s, _(s->kind->detail_caption), NULL, ATTR_HEADER);
	record_each_detail(ui->db, s->kind, s->id, add_detail, s, NULL);
}

static void
load(struct rec *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;
	struct record_env env = app_env(ui->app, ui->db);
	struct dl_ctx c = { s, ui->app, false };
	int i;

	rec_clear(s);
	s->base.dirty_data = false;
	if (record_load(ui->db, s->kind, s->id, &s->r, &err) != DUBAN_OK) {
		add(s, err.msg, NULL, ATTR_ERROR);
		return;
	}
	if (s->r->deleted)
		add(s, _("This record is deleted (kept for its history)."), NULL, ATTR_WARN);
	s->label_w = 0;
	for (i = 0; i < s->kind->n_fields; i++) {
		int w = text_cols(_(s->kind->fields[i].label));

		if (w > s->label_w)
			s->label_w = w;
	}
	s->label_w += 2;
	for (i = 0; i < s->kind->n_fields; i++) {
		struct buf v = BUF_INIT;
		struct date due;
		struct duban_err derr;

		record_display(&env, s->r, i, false, &v);
		if (s->kind->fields[i].type == FIELD_DATE && (s->kind->fields[i].flags &
		    FIELD_DERIVED) && date_parse_iso(s->r->values[i], &due, &derr) == DUBAN_OK)
			buf_adds(&v, app_provisional_mark(ui->app, due));
		add(s, _(s->kind->fields[i].label), buf_str(&v),
		    s->kind->fields[i].flags & FIELD_DERIVED ? ATTR_HEADER : ATTR_NORMAL);
		if (s->kind->fields[i].type == FIELD_AGENCY && s->agency_id == 0)
			s->agency_id = record_int(s->r, i);
		if (s->kind->fields[i].type == FIELD_CASE && s->agency_id == 0)
			s->agency_id = case_agency(ui, &s->kind->fields[i], record_int(s->r, i));
		buf_release(&v);
	}
	if (s->kind == &agency_kind)
		s->agency_id = s->id;
	/* Every deadline of this record, as the dashboard sees it. */
	{
		struct duty_window w;
		struct duty_filter f;

		duty_window_init(&w, ui->app->cal, ui->app->today, ui->app->cfg->due_soon_workdays,
		    ui->app->cfg->makeup_workdays);
		memset(&f, 0, sizeof(f));
		f.record_id = s->id;
		for (i = 0; i < duties_n; i++) {
			if (strcmp(duties[i].kind, s->kind->name) != 0)
				continue;
			duty_each(ui->db, &duties[i], &w, &f, add_deadline, &c, NULL);
		}
	}
	if (s->kind->detail != NULL)
		add_details(s, ui);
	add(s, "", NULL, ATTR_NORMAL);
	add(s, _("History"), NULL, ATTR_HEADER);
	history_each(ui->db, s->kind, s->id, add_history, s, &err);
	s->sel = -1;
	for (i = 0; i < s->n; i++) {
		if (s->lines[i].link_kind != NULL) {
			s->sel = i;
			break;
		}
	}
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct rec *s = (struct rec *)base;

	s->height = lines - 2 - 2;
	s->cols = cols;
	if (base->dirty_data || s->r == NULL)
		load(s);
}

static void
draw(struct screen *base)
{
	struct rec *s = (struct rec *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int i;

	buf_printf(&t, "%s", _(s->kind->label));
	if (s->r != NULL) {
		buf_adds(&t, "  ");
		buf_adds(&t, record_get(s->r, 0));
		/* A key that names another record (a hearing's case, a filing's agency) reads
		 * as shown, with its second part. */
		if (s->kind->fields[0].type == FIELD_CASE || s->kind->fields[0].type == FIELD_AGENCY) {
			struct record_env env = app_env(ui->app, ui->db);

			buf_reset(&t);
			buf_printf(&t, "%s  ", _(s->kind->label));
			record_display(&env, s->r, 0, false, &t);
			buf_adds(&t, "  ");
			record_display(&env, s->r, 1, false, &t);
		}
	}
	ui_title(ui, buf_str(&t));
	buf_release(&t);
	for (i = 0; i < s->height && s->top + i < s->n; i++) {
		const struct line *l = &s->lines[s->top + i];
		bool sel = s->top + i == s->sel;
		int y = 2 + i;

		if (l->value == NULL) {
			ui_text(ui, y, 1, s->cols - 2, l->text, sel ? ATTR_SELECTED : l->role);
		} else {
			ui_text(ui, y, 1, s->label_w, l->text, sel ? ATTR_SELECTED : ATTR_DIM);
			ui_text(ui, y, 1 + s->label_w, s->cols - 2 - s->label_w, l->value, sel ?
			    ATTR_SELECTED : l->role);
		}
	}
	if (s->top + s->height < s->n)
		ui_text_right(ui, 1, s->cols - 12, 11, _("more below"), ATTR_DIM);
}

static void
rec_scroll(struct rec *s, int delta)
{
	s->top += delta;
	if (s->top > s->n - s->height)
		s->top = s->n - s->height;
	if (s->top < 0)
		s->top = 0;
}

/* Move the selection to the next link line in a direction, scrolling otherwise. */
static void
step(struct rec *s, int dir)
{
	int i;

	for (i = s->sel + dir; s->sel >= 0 && i >= 0 && i < s->n; i += dir) {
		if (s->lines[i].link_kind != NULL) {
			s->sel = i;
			if (i < s->top || i >= s->top + s->height)
				rec_scroll(s, i - s->top - (dir > 0 ? s->height - 1 : 0));
			return;
		}
	}
	rec_scroll(s, dir);
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct rec *s = (struct rec *)base;
	struct ui *ui = base->ui;

	(void)kind;
	(void)key;
	switch (act) {
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		step(s, act == ACT_MOVE_UP ? -1 : 1);
		return UI_REDRAW;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		rec_scroll(s, act == ACT_PAGE_UP ? -s->height : s->height);
		return UI_REDRAW;
	case ACT_HOME:
		s->top = 0;
		return UI_REDRAW;
	case ACT_END:
		rec_scroll(s, s->n);
		return UI_REDRAW;
	case ACT_OPEN:
		if (s->sel >= 0 && s->sel >= s->top && s->sel < s->top + s->height)
			ui_push(ui, scr_record_new(ui, s->lines[s->sel].link_kind,
			    s->lines[s->sel].link_id));
		return UI_REDRAW;
	case ACT_EDIT:
		if (s->r == NULL || s->r->deleted)
			return UI_HANDLED;
		ui_push(ui, scr_form_new(ui, s->kind->name, s->id, NULL));
		return UI_REDRAW;
	case ACT_NEW:
		/* On a case, a adds a hearing to it; elsewhere a new record of the same kind. */
		if (s->r != NULL && s->kind->detail != NULL) {
			const struct kind_def *dk = record_kind(s->kind->detail);
			struct buf preset = BUF_INIT;
			int i;

			for (i = 0; i < dk->n_fields; i++)
				if (dk->fields[i].type == FIELD_CASE &&
				    record_ref_kind(&dk->fields[i]) == s->kind)
					buf_printf(&preset, "%s=%s", dk->fields[i].csv, record_get(s->r, 0));
			ui_push(ui, scr_form_new(ui, dk->name, 0, buf_str(&preset)));
			buf_release(&preset);
		} else {
			ui_push(ui, scr_form_new(ui, s->kind->name, 0, NULL));
		}
		return UI_REDRAW;
	case ACT_DELETE: {
		struct duban_err err;
		struct record_env env = app_env(ui->app, ui->db);

		if (s->r == NULL || s->r->deleted)
			return UI_HANDLED;
		if (!ui_confirm(ui, _("Delete this record? It stays in the audit trail.")))
			return UI_REDRAW;
		if (record_delete(&env, s->kind, s->id, &err) != DUBAN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return UI_REDRAW;
		}
		ui_status(ui, false, "%s", _("Deleted."));
		ui_data_changed(ui);
		return UI_POP;
	}
	case ACT_NOTICE:
		if (s->agency_id > 0)
			ui_push(ui, scr_notice_new(ui, s->agency_id));
		else
			ui_status(ui, true, "%s", _("This record names no agency to send a notice to."));
		return UI_REDRAW;
	case ACT_EXPLAIN:
		if (s->r != NULL)
			ui_push(ui, scr_explain_new(ui, s->kind, s->id));
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
	struct rec *s = (struct rec *)base;

	rec_clear(s);
	free(s->lines);
	free(s);
}

static const struct screen_ops ops = {
	"record", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_record_new(struct ui *ui, const char *kind, int64_t id)
{
	struct rec *s = xcalloc(1, sizeof(*s));

	s->base.ops = &ops;
	s->base.ui = ui;
	s->kind = record_kind(kind);
	s->id = id;
	s->sel = -1;
	return &s->base;
}
