/* tui/scr_list.c: a list of records of one kind. Only the visible page is read from the
 * database (LIMIT/OFFSET on the same duty queries as the dashboard), so any number of rows
 * scrolls in constant memory. '/' filters as you type; f cycles the status filter, s the
 * order. */
#include <limits.h>
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
#include "duban/export.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"
#include "duban/tui/ui_line.h"
#include "duban/tui/ui_picker.h"

#define MAX_ROWS 256

struct row {
	int64_t id;
	char *key;
	char *agency;
	char *party;
	struct date due;
	bool has_due;
	enum deadline_status status;
};

struct list {
	struct screen base;
	const struct kind_def *kind;
	const struct duty *duty;	/* NULL for agencies */
	struct duty_filter filter;
	int status_idx;			/* -1: every status */
	char filter_text[256];		/* what filter_line holds, for the queries */
	struct ui_line filter_line;
	bool typing;			/* '/' pressed: keys go to the filter */
	int64_t total;
	int64_t sel;			/* absolute index */
	int64_t top;			/* absolute index of the first visible row */
	struct row rows[MAX_ROWS];
	int n_rows;			/* rows loaded, starting at top */
	int lines;
	int cols;
	int height;
	char agency_name[256];
};

static const enum action bar[] = {
	ACT_HELP, ACT_OPEN, ACT_FILTER, ACT_STATUS_FILTER, ACT_SORT, ACT_NEW, ACT_EXPORT, ACT_BACK,
	ACT_NONE
};

static void
clear_rows(struct list *s)
{
	int i;

	for (i = 0; i < s->n_rows; i++) {
		free(s->rows[i].key);
		free(s->rows[i].agency);
		free(s->rows[i].party);
	}
	s->n_rows = 0;
}

static int
take_row(const struct duty_item *it, void *arg)
{
	struct list *s = arg;
	struct row *r;

	if (s->n_rows >= MAX_ROWS)
		return DUBAN_OK;
	r = &s->rows[s->n_rows++];
	r->id = it->id;
	r->key = xstrdup(it->key);
	r->agency = xstrdup(it->agency);
	r->party = xstrdup(it->party);
	r->due = it->due;
	r->has_due = it->has_due;
	r->status = it->status;
	return DUBAN_OK;
}

/* A kind without a duty (agencies): its live records in their natural order, filtered the
 * same way, three of its fields shown (the kind's list_fields). */
static int
add_plain_row(int64_t id, void *arg)
{
	struct list *s = arg;
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct record *rec = NULL;
	struct row *r;
	struct buf v[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	int k;

	if (s->n_rows >= MAX_ROWS || record_load(ui->db, s->kind, id, &rec, NULL) != DUBAN_OK)
		return DUBAN_OK;
	for (k = 0; k < 3; k++)
		record_display(&env, rec, s->kind->list_fields[k], false, &v[k]);
	r = &s->rows[s->n_rows++];
	memset(r, 0, sizeof(*r));
	r->id = id;
	r->key = xstrdup(buf_str(&v[0]));
	r->agency = xstrdup(buf_str(&v[1]));
	r->party = xstrdup(buf_str(&v[2]));
	for (k = 0; k < 3; k++)
		buf_release(&v[k]);
	record_free(rec);
	return DUBAN_OK;
}

static int
load_agencies(struct list *s, bool count_only, struct duban_err *err)
{
	struct ui *ui = s->base.ui;

	if (count_only)
		return record_count_live(ui->db, s->kind, s->filter_text, &s->total, err);
	return record_each_live(ui->db, s->kind, s->filter_text, s->height > 0 ? s->height : 1,
	    s->top, add_plain_row, s, err);
}

static void
load_page(struct list *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;
	struct duty_window w;
	int rc;

	clear_rows(s);
	if (s->duty == NULL) {
		rc = load_agencies(s, false, &err);
	} else {
		duty_window_init(&w, ui->app->cal, ui->app->today, ui->app->cfg->due_soon_workdays,
		    ui->app->cfg->makeup_workdays);
		s->filter.limit = s->height > 0 ? s->height : 1;
		s->filter.offset = s->top;
		rc = duty_each(ui->db, s->duty, &w, &s->filter, take_row, s, &err);
	}
	if (rc != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
}

/* Count and first page again: after a filter, sort or data change. */
static void
reload(struct list *s)
{
	struct ui *ui = s->base.ui;
	struct duban_err err;
	struct duty_window w;
	int rc;

	s->filter.text = s->filter_text;
	s->filter.n_status = s->status_idx >= 0 ? 1 : 0;
	s->filter.status[0] = (enum deadline_status)(s->status_idx >= 0 ? s->status_idx : 0);
	if (s->status_idx == LIST_OPEN_ITEMS) {
		s->filter.n_status = 4;
		s->filter.status[0] = DEADLINE_OVERDUE;
		s->filter.status[1] = DEADLINE_DUE_TODAY;
		s->filter.status[2] = DEADLINE_DUE_SOON;
		s->filter.status[3] = DEADLINE_PENDING;
	}
	if (s->duty == NULL) {
		rc = load_agencies(s, true, &err);
	} else {
		duty_window_init(&w, ui->app->cal, ui->app->today, ui->app->cfg->due_soon_workdays,
		    ui->app->cfg->makeup_workdays);
		rc = duty_count_filtered(ui->db, s->duty, &w, &s->filter, &s->total, &err);
	}
	if (rc != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
	if (s->sel >= s->total)
		s->sel = s->total > 0 ? s->total - 1 : 0;
	if (s->top > s->sel)
		s->top = s->sel;
	load_page(s);
	s->base.dirty_data = false;
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct list *s = (struct list *)base;

	s->lines = lines;
	s->cols = cols;
	s->height = lines - 2 - 3;
	if (s->height > MAX_ROWS)
		s->height = MAX_ROWS;
	if (s->height < 1)
		s->height = 1;
	if (s->sel >= s->top + s->height)
		s->top = s->sel - s->height + 1;
	reload(s);
}

static const char *
order_label(enum duty_order o)
{
	switch (o) {
	case DUTY_BY_URGENCY:
		return _("by urgency");
	case DUTY_BY_KEY:
		return _("by number");
	case DUTY_BY_AGENCY:
		return _("by agency");
	case DUTY_BY_DUE_DESC:
		return _("latest due first");
	}
	return "";
}

/* The widest status label, plus the blank after it. */
static int
status_cols(void)
{
	int w = 0;
	int i;

	for (i = 0; i < DEADLINE_N_STATUS; i++)
		if (text_cols(deadline_status_label((enum deadline_status)i)) > w)
			w = text_cols(deadline_status_label((enum deadline_status)i));
	return w + 1;
}

static void
draw(struct screen *base)
{
	struct list *s = (struct list *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int key_w;
	int agency_w;
	int party_w;
	int status_w = 9;
	int i;

	buf_printf(&t, "%s", _(s->kind->label));
	if (s->duty != NULL && strcmp(s->duty->name, duty_primary(s->kind->name)->name) != 0)
		buf_printf(&t, " / %s", _(s->duty->label));
	ui_title(ui, buf_str(&t));
	buf_reset(&t);
	buf_printf(&t, P_("%lld row", "%lld rows", s->total), (long long)s->total);
	if (s->agency_name[0] != '\0')
		buf_printf(&t, _("  agency: %s"), s->agency_name);
	if (s->status_idx >= 0)
		buf_printf(&t, _("  status: %s"),
		    deadline_status_label((enum deadline_status)s->status_idx));
	else if (s->status_idx == LIST_OPEN_ITEMS)
		buf_printf(&t, _("  status: %s"), _("not yet done"));
	if (s->duty != NULL)
		buf_printf(&t, "  %s", order_label(s->filter.order));
	for (i = 0; s->duty != NULL && i < s->n_rows; i++) {
		if (s->rows[i].has_due && app_provisional_mark(ui->app, s->rows[i].due)[0] != '\0') {
			buf_adds(&t, _("  *: provisional due date"));
			break;
		}
	}
	if (s->typing || s->filter_text[0] != '\0') {
		/* The cursor of the filter's line editor, after the '/'. */
		buf_adds(&t, "  /");
		if (s->typing) {
			base->cursor_y = 1;
			base->cursor_x = 1 + text_cols(buf_str(&t)) +
			    ui_line_cursor_cols(&s->filter_line);
			if (base->cursor_x >= s->cols - 1)
				base->cursor_y = -1;
		}
		buf_printf(&t, "%s%s", s->filter_text, s->typing ? "_" : "");
	}
	ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), s->typing ? ATTR_WARN : ATTR_DIM);
	buf_release(&t);

	if (s->duty == NULL) {
		key_w = s->cols / 2;
		agency_w = s->cols / 5;
		party_w = s->cols - key_w - agency_w - 10;
		ui_text(ui, 2, 1, 6, _("ID"), ATTR_HEADER);
		ui_text(ui, 2, 8, key_w, _(s->kind->fields[s->kind->list_fields[0]].label), ATTR_HEADER);
		ui_text(ui, 2, 9 + key_w, agency_w, _(s->kind->fields[s->kind->list_fields[1]].label),
		    ATTR_HEADER);
		ui_text(ui, 2, 10 + key_w + agency_w, party_w,
		    _(s->kind->fields[s->kind->list_fields[2]].label), ATTR_HEADER);
	} else {
		/* Fixed columns: id, due date, status, days; case numbers need about 22. The
		 * status is whole ("done on time") once the screen has room for it. */
		int rest = s->cols - 8 - 11 - 9 - 13 - 3;

		status_w = status_cols();
		if (status_w < 9 || rest < 60 + status_w - 9)
			status_w = 9;
		rest -= status_w - 9;
		key_w = rest >= 80 ? 28 : 22;
		party_w = rest >= 60 ? (rest - key_w) / 2 : 0;
		agency_w = rest - key_w - party_w;
		ui_text(ui, 2, 1, 6, _("ID"), ATTR_HEADER);
		ui_text(ui, 2, 8, key_w, _(s->kind->key_caption), ATTR_HEADER);
		ui_text(ui, 2, 9 + key_w, agency_w, _("Agency"), ATTR_HEADER);
		ui_text(ui, 2, 10 + key_w + agency_w, party_w, _(s->kind->party_caption), ATTR_HEADER);
		ui_text(ui, 2, 10 + key_w + agency_w + party_w, 11, _("Due"), ATTR_HEADER);
		ui_text(ui, 2, 21 + key_w + agency_w + party_w, status_w, _("Status"), ATTR_HEADER);
		ui_text(ui, 2, 21 + status_w + key_w + agency_w + party_w, 13, "", ATTR_HEADER);
	}
	if (s->total == 0)
		ui_text(ui, 3, 1, s->cols - 2, s->filter_text[0] || s->status_idx != -1 ||
		    s->filter.agency_id > 0 ?
		    _("No rows match the filter.") : _("No records yet; a adds one."), ATTR_DIM);
	for (i = 0; i < s->n_rows && i < s->height; i++) {
		const struct row *r = &s->rows[i];
		bool sel = s->top + i == s->sel;
		enum ui_attr_role role = sel ? ATTR_SELECTED : ATTR_NORMAL;
		char id[24];
		int y = 3 + i;

		snprintf(id, sizeof(id), "%lld", (long long)r->id);
		ui_text(ui, y, 0, s->cols, "", role);
		ui_text_right(ui, y, 1, 6, id, role);
		ui_text(ui, y, 8, key_w, r->key, role);
		ui_text(ui, y, 9 + key_w, agency_w, r->agency, role);
		ui_text(ui, y, 10 + key_w + agency_w, party_w, r->party, role);
		if (s->duty != NULL && r->has_due) {
			char iso[DATE_ISO_LEN];
			char days[40] = "";
			char due[DATE_ISO_LEN + 1];
			int x = 10 + key_w + agency_w + party_w;

			if (r->status == DEADLINE_OVERDUE)
				snprintf(days, sizeof(days), _("%lld d late"),
				    (long long)date_diff_days(r->due, ui->app->today));
			else if (r->status == DEADLINE_DUE_SOON || r->status == DEADLINE_PENDING)
				snprintf(days, sizeof(days), _("%d wd left"),
				    deadline_workdays_between(ui->app->cal, ui->app->today, r->due,
				    ui->app->cfg->makeup_workdays));
			/* A provisional due date ends in '*' (the header line says what it is). */
			snprintf(due, sizeof(due), "%s%s", date_format(r->due, iso),
			    app_provisional_mark(ui->app, r->due)[0] != '\0' ? "*" : "");
			ui_text(ui, y, x, 11, due, role);
			ui_text(ui, y, x + 11, status_w, deadline_status_label(r->status), sel ?
			    role : ui_status_role(r->status));
			ui_text(ui, y, x + 11 + status_w, s->cols - x - 11 - status_w, days, role);
		}
	}
}

static void
move_to(struct list *s, int64_t sel)
{
	if (sel >= s->total)
		sel = s->total - 1;
	if (sel < 0)
		sel = 0;
	s->sel = sel;
	if (s->sel < s->top || s->sel >= s->top + s->height) {
		if (s->sel < s->top)
			s->top = s->sel;
		else
			s->top = s->sel - s->height + 1;
		load_page(s);
	}
}

struct export_ctx {
	struct list *s;
	struct export *ex;
	int64_t n;
	struct duban_err *err;
};

static int
export_one(const struct duty_item *it, void *arg)
{
	struct export_ctx *c = arg;
	struct record *r = NULL;
	int rc = record_load(c->s->base.ui->db, c->s->kind, it->id, &r, c->err);

	if (rc == DUBAN_OK)
		rc = export_record(c->ex, r, c->err);
	record_free(r);
	c->n++;
	return rc;
}

/* The list as it is filtered now, to a CSV file or an .xlsx workbook beside where duban was
 * started; the file imports back unchanged (doc/csv.md). */
static unsigned
export_list(struct list *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct export_opts o;
	struct export_ctx c = { s, NULL, 0, NULL };
	struct duban_err err;
	struct duty_window w;
	struct duty_filter f = s->filter;
	struct buf name = BUF_INIT;
	char path[512];
	char iso[DATE_ISO_LEN];
	enum encoding enc = ENCODING_UTF8;
	bool xlsx;
	int rc;

	/* A workbook keeps text as text (doc/csv.md); CSV is what other programs read. */
	xlsx = ui_confirm(ui, _("Save as an Excel workbook (.xlsx)? n: CSV"));
	/* Named in the interface language: 行政诉讼案件-2025-06-30.csv. */
	buf_printf(&name, "-%s.%s", date_format(ui->app->today, iso), xlsx ? "xlsx" : "csv");
	{
		struct buf full = BUF_INIT;

		ui_file_name(_(s->kind->label), buf_str(&name), &full);
		snprintf(path, sizeof(path), "%s", buf_str(&full));
		buf_release(&full);
	}
	buf_release(&name);
	if (!ui_ask_save(ui, path, xlsx ? NULL : &enc))
		return UI_REDRAW;
	memset(&o, 0, sizeof(o));
	o.kind = s->kind;
	o.format = xlsx ? EXPORT_XLSX : EXPORT_CSV;
	o.encoding = enc;
	o.zh_headers = strcmp(getenv("LANGUAGE") != NULL ? getenv("LANGUAGE") : "zh", "en") != 0;
	o.path = path;
	c.err = &err;
	rc = export_open(&env, &o, &c.ex, &err);
	if (rc == DUBAN_OK) {
		if (s->duty != NULL) {
			duty_window_init(&w, ui->app->cal, ui->app->today, ui->app->cfg->due_soon_workdays,
			    ui->app->cfg->makeup_workdays);
			f.limit = 0;
			f.offset = 0;
			rc = duty_each(ui->db, s->duty, &w, &f, export_one, &c, &err);
		} else {
			int64_t i;

			/* Agencies: the rows on screen come a page at a time; take them all. */
			for (i = 0; rc == DUBAN_OK && i < s->total; i += s->height) {
				int k;

				s->top = i;
				load_page(s);
				for (k = 0; rc == DUBAN_OK && k < s->n_rows; k++) {
					struct duty_item it;

					memset(&it, 0, sizeof(it));
					it.id = s->rows[k].id;
					rc = export_one(&it, &c);
				}
			}
			s->top = s->sel - s->sel % (s->height > 0 ? s->height : 1);
			load_page(s);
		}
		{
			struct duban_err close_err;
			int crc = export_close(c.ex, rc == DUBAN_OK, &close_err);

			if (rc == DUBAN_OK && crc != DUBAN_OK) {
				rc = crc;
				err = close_err;
			}
		}
	}
	if (rc != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
	else
		ui_status(ui, false, P_("Exported %lld record to %s (%s)", "Exported %lld records to "
		    "%s (%s)", c.n), (long long)c.n, path, xlsx ? _("Excel workbook") :
		    enc == ENCODING_GB18030 ? "GB18030" : _("UTF-8 with BOM"));
	return UI_REDRAW;
}

static void
stop_typing(struct list *s)
{
	s->typing = false;
	s->base.mode_keymap = NULL;
	s->base.mode_bar = NULL;
}

static unsigned
type_filter(struct list *s, enum action act, int kind, wint_t key)
{
	struct buf b = BUF_INIT;

	if (act == ACT_OPEN) {
		stop_typing(s);
		return UI_REDRAW;
	}
	if (act == ACT_BACK) {
		stop_typing(s);
		ui_line_clear(&s->filter_line);
	} else if (ui_line_key(&s->filter_line, act, kind, key) != LINE_CHANGED) {
		return act == ACT_HELP || act == ACT_QUIT || act == ACT_REDRAW ? UI_IGNORED :
		    UI_REDRAW;
	}
	ui_line_get(&s->filter_line, &b);
	snprintf(s->filter_text, sizeof(s->filter_text), "%s", buf_str(&b));
	buf_release(&b);
	/* Filter as you type: count and first page again. */
	s->sel = 0;
	s->top = 0;
	reload(s);
	return UI_REDRAW;
}

/* An agency for the filter's picker: shown by name, chosen by id. */
static void
add_agency(int64_t id, const char *name, const char *words, void *arg)
{
	char v[24];

	snprintf(v, sizeof(v), "%lld", (long long)id);
	ui_picker_add(arg, name, v, words);
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct list *s = (struct list *)base;
	struct ui *ui = base->ui;

	if (s->typing)
		return type_filter(s, act, kind, key);
	if (base->dirty_data)
		reload(s);
	switch (act) {
	case ACT_MOVE_UP:
		move_to(s, s->sel - 1);
		return UI_REDRAW;
	case ACT_MOVE_DOWN:
		move_to(s, s->sel + 1);
		return UI_REDRAW;
	case ACT_PAGE_UP:
		move_to(s, s->sel - s->height);
		return UI_REDRAW;
	case ACT_PAGE_DOWN:
		move_to(s, s->sel + s->height);
		return UI_REDRAW;
	case ACT_HOME:
		move_to(s, 0);
		return UI_REDRAW;
	case ACT_END:
		move_to(s, s->total - 1);
		return UI_REDRAW;
	case ACT_FILTER: {
		static const enum action typing_bar[] = { ACT_OPEN, ACT_BACK, ACT_CLEAR_LINE,
			ACT_NONE };

		s->typing = true;
		s->base.mode_keymap = "line";
		s->base.mode_bar = typing_bar;
		return UI_REDRAW;
	}
	case ACT_STATUS_FILTER:
		if (s->duty == NULL)
			return UI_HANDLED;
		/* Every status, not yet done, then each status in turn. */
		s->status_idx = s->status_idx == -1 ? LIST_OPEN_ITEMS :
		    s->status_idx == LIST_OPEN_ITEMS ? 0 :
		    s->status_idx + 1 >= DEADLINE_N_STATUS ? -1 : s->status_idx + 1;
		s->sel = 0;
		s->top = 0;
		reload(s);
		return UI_REDRAW;
	case ACT_SORT:
		if (s->duty == NULL)
			return UI_HANDLED;
		s->filter.order = (enum duty_order)((s->filter.order + 1) % 4);
		reload(s);
		return UI_REDRAW;
	case ACT_RELOAD:
		reload(s);
		return UI_REDRAW;
	case ACT_OPEN:
	case ACT_MOVE_RIGHT:
		if (s->total == 0 || s->sel - s->top >= s->n_rows)
			return UI_HANDLED;
		/* An agency opens as its open items; e (edit) and its record remain. */
		if (s->kind == &agency_kind)
			ui_push(ui, scr_agency_new(ui, s->rows[s->sel - s->top].id));
		else
			ui_push(ui, scr_record_new(ui, s->kind->name, s->rows[s->sel - s->top].id));
		return UI_REDRAW;
	case ACT_NEW:
		ui_push(ui, scr_form_new(ui, s->kind->name, 0, NULL));
		return UI_REDRAW;
	case ACT_EDIT:
		if (s->total == 0 || s->sel - s->top >= s->n_rows)
			return UI_HANDLED;
		ui_push(ui, scr_form_new(ui, s->kind->name, s->rows[s->sel - s->top].id, NULL));
		return UI_REDRAW;
	case ACT_EXPORT:
		return export_list(s);
	case ACT_AGENCY_FILTER: {
		char name[256];
		struct ui_picker p;

		if (s->duty == NULL)
			return UI_HANDLED;
		/* The picker every agency is chosen with: typing narrows, Enter takes the marked
		 * one; the first item shows every agency again. */
		ui_picker_init(&p);
		ui_picker_add(&p, _("(every agency)"), "", NULL);
		record_each_choice(ui->db, NULL, NULL, add_agency, &p, NULL);
		if (!ui_pick(ui, _("Agency (name, short name or code):"), &p, name, sizeof(name))) {
			ui_picker_release(&p);
			return UI_REDRAW;
		}
		ui_picker_release(&p);
		if (name[0] == '\0') {
			s->filter.agency_id = 0;
			ui->list_agency_id = 0;
			s->agency_name[0] = '\0';
		} else {
			struct buf n = BUF_INIT;

			s->filter.agency_id = strtoll(name, NULL, 10);
			ui->list_agency_id = s->filter.agency_id;
			agency_name(ui->db, s->filter.agency_id, &n, NULL);
			snprintf(s->agency_name, sizeof(s->agency_name), "%s", buf_str(&n));
			buf_release(&n);
		}
		s->sel = 0;
		s->top = 0;
		reload(s);
		return UI_REDRAW;
	}
	case ACT_NOTICE:
		if (s->filter.agency_id > 0)
			ui_push(ui, scr_notice_new(ui, s->filter.agency_id));
		else if (s->kind == &agency_kind && s->total > 0 && s->sel - s->top < s->n_rows)
			ui_push(ui, scr_notice_new(ui, s->rows[s->sel - s->top].id));
		else
			ui_status(ui, true, "%s", _("The notice is for one agency: open it from the "
			    "agency list or the dashboard."));
		return UI_REDRAW;
	case ACT_BACK:
		if (key == 27 && s->filter_text[0] != '\0') {
			s->filter_text[0] = '\0';
			ui_line_clear(&s->filter_line);
			reload(s);
			return UI_REDRAW;
		}
		return UI_POP;
	default:
		return UI_IGNORED;
	}
}

static void
scr_free(struct screen *base)
{
	struct list *s = (struct list *)base;

	clear_rows(s);
	ui_line_release(&s->filter_line);
	free(s);
}

static const struct screen_ops ops = {
	"list", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_list_filtered_new(struct ui *ui, const char *kind, const char *duty, int status,
    int64_t agency_id)
{
	struct list *s = xcalloc(1, sizeof(*s));

	s->base.ops = &ops;
	s->base.ui = ui;
	s->kind = record_kind(kind);
	s->duty = duty != NULL ? duty_find(duty) : duty_primary(kind);
	s->status_idx = status;
	ui_line_init(&s->filter_line, sizeof(s->filter_text) - 1);
	s->filter.every_row = true;
	s->filter.agency_id = agency_id;
	if (agency_id > 0) {
		struct buf name = BUF_INIT;

		agency_name(ui->db, agency_id, &name, NULL);
		snprintf(s->agency_name, sizeof(s->agency_name), "%s", buf_str(&name));
		buf_release(&name);
	}
	return &s->base;
}

/* A section's list keeps the agency chosen with A in the list before it. */
struct screen *
scr_list_new(struct ui *ui, const char *kind)
{
	const struct kind_def *k = record_kind(kind);

	/* Only the lists of a duty filter by agency. */
	return scr_list_filtered_new(ui, kind, NULL, -1, k != NULL && k->duty != NULL ?
	    ui->list_agency_id : 0);
}
