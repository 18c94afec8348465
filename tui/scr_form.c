/* tui/scr_form.c: create and edit any record kind, from its field table. Text is edited by
 * character (wide characters, Chinese input), the cursor lands on display columns; dates show
 * what they parse to and the due dates computed from them as you type; enumerations and
 * agencies are picked from a list narrowed by what is typed. Nothing typed is lost on a
 * refusal: each field keeps its text and shows its reason. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/db.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"
#include "duban/tui/ui_line.h"
#include "duban/tui/ui_picker.h"

#define TEXT_BOX_ROWS 3	/* rows of the box of a long text (notes, summaries) */
#define PICK_ROWS 8

struct fstate {
	struct ui_line line;	/* the field's whole text, as long as the field allows */
	char problem[300];
	char hint[300];
	bool fresh;		/* a choice field just entered: typing replaces its value */
};

struct form {
	struct screen base;
	const struct kind_def *kind;
	struct record *r;		/* as loaded (or new) */
	struct fstate *f;		/* one per field of the kind */
	int focus;
	int top;
	bool modified;
	int label_w;
	int lines;
	int cols;
	int height;
	int n_marked;			/* fields marked with a problem */
	bool said;			/* the status line holds what F2 said: keep it */
	bool refused;			/* the last F2 was refused */
	/* the picker of the focused choice field, narrowed by its text */
	bool picking;
	struct ui_picker pick;
};

static const enum action bar[] = {
	ACT_HELP, ACT_SAVE, ACT_PICK, ACT_NEXT_FIELD, ACT_BACK, ACT_NONE
};

static const enum action pick_bar[] = {
	ACT_PICK, ACT_BACK, ACT_NONE
};

static bool
editable(const struct form *s, int i)
{
	return !(s->kind->fields[i].flags & FIELD_DERIVED);
}

static bool
is_choice(const struct form *s, int i)
{
	enum field_type t = s->kind->fields[i].type;

	return t == FIELD_ENUM || t == FIELD_AGENCY || t == FIELD_BOOL || t == FIELD_CASE;
}

/* Bytes a field may hold: a text field its own limit, the others what any of their forms
 * of input can need. */
static size_t
field_max(const struct field_def *fd)
{
	if (fd->type == FIELD_TEXT)
		return (size_t)(fd->max_len > 0 ? fd->max_len : 2000);
	return 400;
}

static int
field_rows(const struct form *s, int i)
{
	const struct field_def *fd = &s->kind->fields[i];

	return fd->type == FIELD_TEXT && field_max(fd) >= 1000 ? TEXT_BOX_ROWS : 1;
}

static void
field_text(const struct fstate *fs, struct buf *out)
{
	ui_line_get(&fs->line, out);
}

/* A scratch record with every field's text applied: for live hints and derived dates. */
static struct record *
scratch(struct form *s, struct record_problems *p)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct record *r = record_dup(s->r);
	int i;

	for (i = 0; i < s->kind->n_fields; i++) {
		struct buf t = BUF_INIT;

		if (!editable(s, i))
			continue;
		field_text(&s->f[i], &t);
		record_input(&env, r, i, buf_str(&t), p);
		buf_release(&t);
	}
	if (s->kind->derive != NULL)
		s->kind->derive(&env, r);
	return r;
}

/* Hints beside the fields: what a date parses to, derived due dates, the agency found. */
static void
refresh_hints(struct form *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct record_problems p;
	struct record *r;
	int i;

	memset(&p, 0, sizeof(p));
	r = scratch(s, &p);
	for (i = 0; i < s->kind->n_fields; i++) {
		const struct field_def *fd = &s->kind->fields[i];
		struct fstate *fs = &s->f[i];
		struct buf h = BUF_INIT;
		int k;

		fs->hint[0] = '\0';
		if (!editable(s, i)) {
			ui_line_set(&fs->line, record_get(r, i));
			continue;
		}
		for (k = 0; k < p.n; k++) {
			if (p.items[k].field == i && fs->line.len > 0) {
				snprintf(fs->hint, sizeof(fs->hint), "%s", p.items[k].msg);
				break;
			}
		}
		if (fs->hint[0] == '\0' && fs->line.len > 0) {
			if (fd->type == FIELD_DATE) {
				struct date d = record_date(r, i);
				static const char *const wd[] = { "", N_("Mon"), N_("Tue"), N_("Wed"),
					N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

				if (!date_is_none(d)) {
					buf_printf(&h, "= %s %s", record_get(r, i), _(wd[date_weekday(d)]));
				}
			} else if (fd->type == FIELD_AGENCY || fd->type == FIELD_ENUM ||
			    fd->type == FIELD_BOOL) {
				buf_adds(&h, "= ");
				record_display(&env, r, i, false, &h);
			}
			snprintf(fs->hint, sizeof(fs->hint), "%s", buf_str(&h));
		} else if (fs->line.len == 0 && is_choice(s, i)) {
			snprintf(fs->hint, sizeof(fs->hint), "%s", _("Enter: choose"));
		}
		buf_release(&h);
	}
	record_free(r);
}

/* The message without its field's label, which stands beside it already. */
static const char *
without_label(const struct form *s, int i, const char *msg)
{
	const char *label = _(s->kind->fields[i].label);
	size_t n = strlen(label);

	if (strncmp(msg, label, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		return msg + n + 2;
	return msg;
}

static void
count_marked(struct form *s)
{
	int i;

	s->n_marked = 0;
	for (i = 0; i < s->kind->n_fields; i++)
		if (s->f[i].problem[0] != '\0')
			s->n_marked++;
}

/* Check field i as it is now (its own parsing, then what the record's checks say of it);
 * called when the cursor leaves it, so a mistake shows before F2. */
static void
check_field(struct form *s, int i)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct record_problems p;
	struct record *r;
	int k;

	if (!editable(s, i))
		return;
	memset(&p, 0, sizeof(p));
	r = scratch(s, &p);
	record_validate(&env, r, &p);
	record_free(r);
	s->f[i].problem[0] = '\0';
	for (k = 0; k < p.n; k++) {
		if (p.items[k].field == i) {
			snprintf(s->f[i].problem, sizeof(s->f[i].problem), "%s", p.items[k].msg);
			break;
		}
	}
	/* An empty field of a new form is not a mistake until F2: tabbing past is fine. */
	if (s->f[i].line.len == 0 && s->kind->fields[i].flags & FIELD_REQUIRED)
		s->f[i].problem[0] = '\0';
	count_marked(s);
}

/* The focused field's whole message on the status line: the column beside it is narrow. */
static void
show_focus_message(struct form *s)
{
	struct fstate *fs = &s->f[s->focus];

	if (s->picking)
		ui_status(s->base.ui, false, "%s", s->pick.n_shown > 0 ? _("Enter takes the marked "
		    "choice; typing narrows the list; Esc keeps the text as typed.") : _("Nothing "
		    "matches: Backspace widens the list; Esc or Enter keeps the text as typed."));
	else if (fs->problem[0] != '\0') {
		/* The reason itself is at the top, whole; here, how many are marked. */
		if (s->refused)
			ui_status(s->base.ui, true, P_("Not saved: %d field is marked; nothing you "
			    "typed was lost.", "Not saved: %d fields are marked; nothing you typed was "
			    "lost.", s->n_marked), s->n_marked);
		else
			ui_status(s->base.ui, true, P_("%d field is marked; with the cursor on it, the "
			    "top lines say why.", "%d fields are marked; with the cursor on one, the top "
			    "lines say why.", s->n_marked), s->n_marked);
	}
	else if (fs->hint[0] != '\0' && fs->hint[0] != '=')
		ui_status(s->base.ui, true, "%s", fs->hint);
	else
		ui_status(s->base.ui, false, "%s", "");
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct form *s = (struct form *)base;

	s->lines = lines;
	s->cols = cols;
	s->height = lines - 2 - 3;
}

static int
box_width(const struct form *s)
{
	int w = (s->cols - s->label_w - 4) * (s->cols >= 120 ? 50 : 45) / 100;

	return w < 16 ? 16 : w;
}

/* Scroll so that the focused field (all its rows) is on the screen. */
static void
scroll_to_focus(struct form *s)
{
	int used;
	int i;

	if (s->focus < s->top)
		s->top = s->focus;
	for (;;) {
		used = 0;
		for (i = s->top; i <= s->focus; i++)
			used += field_rows(s, i);
		if (used <= s->height || s->top == s->focus)
			break;
		s->top++;
	}
}

static void
draw(struct screen *base)
{
	struct form *s = (struct form *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int box = box_width(s);
	int cursor_y = -1;
	int cursor_x = 0;
	int focus_y = 3;
	int i;
	int y;

	buf_printf(&t, _("%s: %s"), s->r->id == 0 ? _("New") : _("Edit"), _(s->kind->label));
	ui_title(ui, buf_str(&t));
	buf_reset(&t);
	if (s->f[s->focus].problem[0] != '\0' && !s->picking) {
		struct ui_line why;

		/* The whole reason of the field the cursor is on, wrapped over two lines: the
		 * column beside the field and the status line are too short for some. */
		ui_line_init(&why, 0);
		ui_line_set(&why, s->f[s->focus].problem);
		ui_line_draw(ui, &why, 1, 1, 2, s->cols - 2, ATTR_OVERDUE, false, NULL, NULL);
		ui_line_release(&why);
	} else if (s->n_marked > 0) {
		if (s->refused)
			buf_printf(&t, P_("Not saved: %d field is marked; nothing you typed was lost.",
			    "Not saved: %d fields are marked; nothing you typed was lost.",
			    s->n_marked), s->n_marked);
		else
			buf_printf(&t, P_("%d field is marked; with the cursor on it, the top lines "
			    "say why.", "%d fields are marked; with the cursor on one, the top lines "
			    "say why.", s->n_marked), s->n_marked);
		ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), ATTR_OVERDUE);
	} else {
		ui_text(ui, 1, 1, s->cols - 2, _("Type to edit. Tab/Up/Down: fields. Enter: choose. "
		    "F2: save. Esc: leave."), ATTR_DIM);
	}
	buf_release(&t);
	scroll_to_focus(s);
	for (i = s->top, y = 3; i < s->kind->n_fields && y < 3 + s->height; i++) {
		const struct field_def *fd = &s->kind->fields[i];
		struct fstate *fs = &s->f[i];
		bool focus = i == s->focus;
		int rows = field_rows(s, i);
		char label[200];

		if (y + rows > 3 + s->height)
			rows = 3 + s->height - y;
		snprintf(label, sizeof(label), "%s%s", _(fd->label), fd->flags & FIELD_REQUIRED ?
		    " *" : "");
		ui_text(ui, y, 1, s->label_w, label, fs->problem[0] ? ATTR_OVERDUE : focus ?
		    ATTR_HEADER : ATTR_NORMAL);
		/* A long text's box takes the whole width, wrapped; its reason, if any, is on the
		 * status line when the cursor is on it. */
		ui_line_draw(ui, &fs->line, y, 2 + s->label_w, rows, field_rows(s, i) > 1 ?
		    s->cols - 3 - s->label_w : box, !editable(s, i) ? ATTR_HEADER : focus ?
		    ATTR_FIELD_FOCUS : ATTR_FIELD, focus && editable(s, i), &cursor_y, &cursor_x);
		if (field_rows(s, i) == 1)
			ui_text(ui, y, 3 + s->label_w + box, s->cols - 4 - s->label_w - box,
			    without_label(s, i, fs->problem[0] ? fs->problem : fs->hint),
			    fs->problem[0] ? ATTR_OVERDUE : ATTR_DIM);
		if (focus)
			focus_y = y;
		y += rows;
	}
	if (s->picking) {
		int below = 3 + s->height - (focus_y + 1);
		int h = s->pick.n_shown == 0 ? 1 : s->pick.n_shown < PICK_ROWS ? s->pick.n_shown :
		    PICK_ROWS;
		int y0 = focus_y + 1;

		if (h > below)
			y0 = focus_y - h >= 3 ? focus_y - h : 3;
		ui_picker_draw(ui, &s->pick, y0, 2 + s->label_w, h, box,
		    _("(nothing matches: Backspace widens, Esc keeps the text)"));
	}
	base->cursor_y = cursor_y;
	base->cursor_x = cursor_x;
}

static void
close_pick(struct form *s)
{
	ui_picker_release(&s->pick);
	s->picking = false;
	s->base.mode_keymap = NULL;
	s->base.mode_bar = NULL;
}

static void
add_choice(int64_t id, const char *value, const char *words, void *arg)
{
	(void)id;
	ui_picker_add(arg, value, value, words);
}

/* The choices of field fi: each with what it shows, what it stores and the other words
 * that find it (codes, the Chinese and English words, short names). */
static void
fill_choices(struct form *s, int fi, struct ui_picker *p, const char *typed)
{
	struct ui *ui = s->base.ui;
	const struct field_def *fd = &s->kind->fields[fi];

	if (fd->type == FIELD_ENUM) {
		const struct field_choice *c;

		for (c = fd->choices; c->code != NULL; c++) {
			struct buf w = BUF_INIT;

			buf_printf(&w, "%s %s %s", c->code, c->zh, c->en);
			ui_picker_add(p, _(c->en), c->code[0] == '\0' ? "" : _(c->en), buf_str(&w));
			buf_release(&w);
		}
	} else if (fd->type == FIELD_BOOL) {
		ui_picker_add(p, _("yes"), _("yes"), "是 y yes 1 true");
		ui_picker_add(p, _("no"), _("no"), "否 n no 0 false");
	} else if (fd->type == FIELD_AGENCY || fd->type == FIELD_CASE) {
		record_each_choice(ui->db, fd, typed, add_choice, p, NULL);
	}
}

/* Open the picker for the focused field, narrowed by (and preselecting) its text. */
static void
open_pick(struct form *s)
{
	struct buf typed = BUF_INIT;

	if (s->picking)
		ui_picker_release(&s->pick);
	ui_picker_init(&s->pick);
	field_text(&s->f[s->focus], &typed);
	if (s->f[s->focus].fresh) {
		/* The value as it stands: the whole list, with it marked, to choose another. */
		int k;

		fill_choices(s, s->focus, &s->pick, "");
		ui_picker_narrow(&s->pick, "");
		for (k = 0; k < s->pick.n_shown; k++)
			if (strcmp(s->pick.labels[s->pick.shown[k]], buf_str(&typed)) == 0)
				s->pick.sel = k;
	} else {
		fill_choices(s, s->focus, &s->pick, buf_str(&typed));
		ui_picker_narrow(&s->pick, buf_str(&typed));
	}
	buf_release(&typed);
	s->picking = true;
	s->base.mode_keymap = "picker";
	s->base.mode_bar = pick_bar;
}

static void
move_focus(struct form *s, int delta)
{
	int i = s->focus;

	do {
		i += delta;
	} while (i >= 0 && i < s->kind->n_fields && !editable(s, i));
	if (i < 0 || i >= s->kind->n_fields) {
		/* A page past the end: the last (or first) field that can be edited. */
		i = delta > 0 ? s->kind->n_fields : -1;
		do {
			i += delta > 0 ? -1 : 1;
		} while (i >= 0 && i < s->kind->n_fields && !editable(s, i));
		if (i < 0 || i >= s->kind->n_fields)
			return;
	}
	if (i == s->focus)
		return;
	check_field(s, s->focus);
	s->focus = i;
	s->f[i].fresh = is_choice(s, i) && s->f[i].line.len > 0;
}

/* Apply all fields and save; map every refusal to its field. */
static unsigned
save(struct form *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct record_problems p;
	struct duban_err err;
	struct record *r = record_dup(s->r);
	enum record_outcome outcome;
	int i;
	int rc;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < s->kind->n_fields; i++)
		s->f[i].problem[0] = '\0';
	for (i = 0; i < s->kind->n_fields; i++) {
		struct buf t = BUF_INIT;

		if (!editable(s, i))
			continue;
		field_text(&s->f[i], &t);
		record_input(&env, r, i, buf_str(&t), &p);
		buf_release(&t);
	}
	/* Show every problem at once, not only those of the fields that did not parse. */
	if (p.n > 0)
		record_validate(&env, r, &p);
	rc = p.n > 0 ? DUBAN_EINPUT : record_save(&env, r, 0, &outcome, &p, &err);
	if (rc != DUBAN_OK) {
		int first = -1;
		const char *whole = NULL;

		for (i = 0; i < p.n; i++) {
			int fi = p.items[i].field;

			if (fi < 0 || !editable(s, fi)) {
				if (whole == NULL)
					whole = p.items[i].msg;
				continue;
			}
			if (s->f[fi].problem[0] == '\0')
				snprintf(s->f[fi].problem, sizeof(s->f[fi].problem), "%s", p.items[i].msg);
			if (first < 0 || fi < first)
				first = fi;
		}
		count_marked(s);
		if (first >= 0)
			s->focus = first;
		/* The status line counts the marked fields (the number the user can see), or says
		 * what is wrong with the record as a whole; the top lines give the whole reason
		 * of the field the cursor is on. */
		s->refused = true;
		if (whole != NULL)
			ui_status(ui, true, "%s", whole);
		else if (first >= 0)
			show_focus_message(s);
		else
			ui_status(ui, true, "%s", err.msg);
		s->said = true;
		record_free(r);
		return UI_REDRAW;
	}
	s->n_marked = 0;
	if (outcome == RECORD_UNCHANGED)
		ui_status(ui, false, "%s", _("Nothing changed."));
	else if (r->uncovered_year != 0 && calendar_is_provisional(ui->app->cal, r->uncovered_year))
		ui_status(ui, true, _("Saved: %s %lld. Its due date reaches into %d, which has no "
		    "official schedule yet: it is PROVISIONAL (statutory holidays, make-up days "
		    "unknown)."), _(s->kind->label), (long long)r->id, r->uncovered_year);
	else if (r->uncovered_year != 0)
		ui_status(ui, true, _("Saved: %s %lld. Its due date reaches into %d, which the "
		    "calendar has no official schedule for: counted with weekends only, it may be "
		    "wrong."), _(s->kind->label), (long long)r->id, r->uncovered_year);
	else
		ui_status(ui, false, _("Saved: %s %lld."), _(s->kind->label), (long long)r->id);
	record_free(s->r);
	s->r = r;
	s->modified = false;
	s->base.unsaved = false;
	ui_data_changed(ui);
	return UI_POP;
}

/* An editing key on the focused field. */
static unsigned
edit_key(struct form *s, enum action act, int kind, wint_t key)
{
	struct fstate *fs = &s->f[s->focus];
	enum ui_line_result lr;

	if (!editable(s, s->focus))
		return UI_IGNORED;
	/* A choice is replaced, never added to: the first character typed into a choice
	 * field just entered starts it anew. */
	if (fs->fresh && ui_line_is_char(act, kind, key))
		ui_line_clear(&fs->line);
	lr = ui_line_key(&fs->line, act, kind, key);
	if (lr == LINE_IGNORED)
		return UI_IGNORED;
	fs->fresh = false;
	if (lr == LINE_FULL) {
		ui_status(s->base.ui, true, _("%s holds at most %zu bytes: this one is full."),
		    _(s->kind->fields[s->focus].label), fs->line.max_bytes);
		s->said = true;
		return UI_REDRAW | UI_HANDLED;
	}
	if (lr == LINE_MOVED)
		return UI_REDRAW;
	fs->problem[0] = '\0';
	count_marked(s);
	s->modified = true;
	s->base.unsaved = true;
	refresh_hints(s);
	/* Typing into a choice field narrows its list at once (clearing it does not open it). */
	if (is_choice(s, s->focus) && (act == ACT_NONE || s->picking))
		open_pick(s);
	return UI_REDRAW;
}

static unsigned form_key(struct form *s, enum action act, int kind, wint_t key);

static unsigned
pick_key(struct form *s, enum action act, int kind, wint_t key)
{
	struct fstate *fs = &s->f[s->focus];

	if (ui_picker_move(&s->pick, act, PICK_ROWS))
		return UI_REDRAW;
	if (act == ACT_PICK) {
		const char *v = ui_picker_value(&s->pick);

		if (v == NULL) {
			/* Nothing matches: the text stays, and the field says why. */
			close_pick(s);
			check_field(s, s->focus);
			return UI_REDRAW;
		}
		ui_line_set(&fs->line, v);
		fs->problem[0] = '\0';
		s->modified = true;
		s->base.unsaved = true;
		close_pick(s);
		refresh_hints(s);
		move_focus(s, 1);
		return UI_REDRAW;
	}
	if (act == ACT_BACK) {
		close_pick(s);
		check_field(s, s->focus);
		return UI_REDRAW;
	}
	if (edit_key(s, act, kind, key) != UI_IGNORED)
		return UI_REDRAW;
	/* Any other key closes the list and does what it does in the form. */
	close_pick(s);
	return form_key(s, ui_key_action("form", kind, key), kind, key);
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct form *s = (struct form *)base;
	unsigned r;

	s->said = false;
	r = s->picking ? pick_key(s, act, kind, key) : form_key(s, act, kind, key);
	if (!(r & (UI_POP | UI_QUIT)) && r != UI_IGNORED && !s->said)
		show_focus_message(s);
	return r;
}

static unsigned
form_key(struct form *s, enum action act, int kind, wint_t key)
{
	struct screen *base = &s->base;

	switch (act) {
	case ACT_SAVE:
		return save(s);
	case ACT_BACK:
		if (s->modified && !ui_confirm(base->ui, _("Discard your changes?")))
			return UI_REDRAW;
		ui_status(base->ui, false, "%s", "");
		return UI_POP;
	case ACT_PREV_FIELD:
		move_focus(s, -1);
		return UI_REDRAW;
	case ACT_NEXT_FIELD:
		move_focus(s, 1);
		return UI_REDRAW;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		move_focus(s, act == ACT_PAGE_DOWN ? s->height : -s->height);
		return UI_REDRAW;
	case ACT_PICK:
		if (is_choice(s, s->focus))
			open_pick(s);
		else
			move_focus(s, 1);
		return UI_REDRAW;
	default:
		break;
	}
	return edit_key(s, act, kind, key);
}

/* What a recovery file needs: the kind, the record and its version, every field's text. */
static void
recover(struct screen *base, struct buf *out)
{
	struct form *s = (struct form *)base;
	int i;

	buf_printf(out, "kind %s\nid %lld\nversion %lld\n", s->kind->name, (long long)s->r->id,
	    (long long)s->r->version);
	for (i = 0; i < s->kind->n_fields; i++) {
		struct buf t = BUF_INIT;
		const char *c;

		if (!editable(s, i))
			continue;
		field_text(&s->f[i], &t);
		buf_printf(out, "field %s ", s->kind->fields[i].column);
		for (c = buf_str(&t); *c != '\0'; c++) {
			if (*c == '\n')
				buf_adds(out, "\\n");
			else if (*c == '\\')
				buf_adds(out, "\\\\");
			else
				buf_add(out, c, 1);
		}
		buf_adds(out, "\n");
		buf_release(&t);
	}
}

static void
scr_free(struct screen *base)
{
	struct form *s = (struct form *)base;
	int i;

	if (s->picking)
		close_pick(s);
	for (i = 0; i < s->kind->n_fields; i++)
		ui_line_release(&s->f[i].line);
	record_free(s->r);
	free(s->f);
	free(s);
	curs_set(0);
}

static const struct screen_ops ops = {
	"form", layout, draw, handle_key, scr_free, bar,
};

/* Set field name (column, CSV header or Chinese header) to value; false if unknown. */
static bool
preset_field(struct form *s, const char *name, const char *value)
{
	int fi = record_field_idx(s->kind, name);

	if (fi < 0 || !editable(s, fi))
		return false;
	ui_line_set(&s->f[fi].line, value);
	return true;
}

struct screen *
scr_form_new(struct ui *ui, const char *kind_name, int64_t id, const char *preset)
{
	struct form *s;
	const struct kind_def *kind = record_kind(kind_name);
	struct record_env env = app_env(ui->app, ui->db);
	struct duban_err err;
	enum access_action need;
	struct record *r = NULL;
	int i;

	if (kind == NULL)
		return NULL;
	need = (enum access_action)kind->write_access;
	/* Say why at once, before anyone types a whole form for nothing. */
	if (access_require(ui->db, need, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return NULL;
	}
	if (id > 0 && record_load(ui->db, kind, id, &r, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &ops;
	s->base.ui = ui;
	s->base.recover = recover;
	s->kind = kind;
	s->r = r != NULL ? r : record_new(kind);
	s->f = xcalloc((size_t)kind->n_fields, sizeof(*s->f));
	for (i = 0; i < kind->n_fields; i++) {
		struct buf v = BUF_INIT;
		int w = text_cols(_(kind->fields[i].label)) + 2;

		if (w > s->label_w)
			s->label_w = w;
		ui_line_init(&s->f[i].line, field_max(&kind->fields[i]));
		if (r != NULL)
			record_display(&env, s->r, i, false, &v);
		ui_line_set(&s->f[i].line, buf_str(&v));
		buf_release(&v);
	}
	if (s->label_w > 24)
		s->label_w = 24;
	if (r == NULL && kind->default_field != NULL) {
		int fi = record_field_idx(kind, kind->default_field);
		struct buf v = BUF_INIT;

		record_display_value(ui->db, &kind->fields[fi], kind->default_value, false, &v);
		ui_line_set(&s->f[fi].line, buf_str(&v));
		buf_release(&v);
	}
	if (preset != NULL) {
		const char *eq = strchr(preset, '=');

		if (eq != NULL) {
			char *name = xstrndup(preset, (size_t)(eq - preset));

			preset_field(s, name, eq + 1);
			free(name);
		}
	}
	s->focus = 0;
	if (!editable(s, 0))
		move_focus(s, 1);
	s->f[s->focus].fresh = is_choice(s, s->focus) && s->f[s->focus].line.len > 0;
	refresh_hints(s);
	return &s->base;
}

struct screen *
scr_form_recovered(struct ui *ui, const char *text, char *what, size_t what_size)
{
	struct screen *base = NULL;
	struct form *s;
	const char *p = text;
	char kind_name[64] = "";
	long long id = -1;
	long long version = 0;

	while (*p != '\0' && strncmp(p, "field ", 6) != 0) {
		const char *nl = strchr(p, '\n');

		if (nl == NULL)
			return NULL;
		if (sscanf(p, "kind %63s", kind_name) != 1 && sscanf(p, "id %lld", &id) != 1)
			sscanf(p, "version %lld", &version);
		p = nl + 1;
	}
	if (kind_name[0] == '\0' || id < 0 || record_kind(kind_name) == NULL)
		return NULL;
	base = scr_form_new(ui, kind_name, (int64_t)id, NULL);
	if (base == NULL)
		return NULL;
	s = (struct form *)base;
	/* The version as it was: a change made meanwhile is refused at F2, not overwritten. */
	if (id > 0)
		s->r->version = (int64_t)version;
	while (strncmp(p, "field ", 6) == 0) {
		const char *nl = strchr(p, '\n');
		const char *sp = strchr(p + 6, ' ');
		struct buf v = BUF_INIT;
		char *name;
		const char *c;

		if (nl == NULL || sp == NULL || sp > nl)
			break;
		name = xstrndup(p + 6, (size_t)(sp - p - 6));
		for (c = sp + 1; c < nl; c++) {
			if (*c == '\\' && c + 1 < nl) {
				c++;
				buf_add(&v, *c == 'n' ? "\n" : c, 1);
			} else {
				buf_add(&v, c, 1);
			}
		}
		preset_field(s, name, buf_str(&v));
		free(name);
		buf_release(&v);
		p = nl + 1;
	}
	s->modified = true;
	s->base.unsaved = true;
	refresh_hints(s);
	if (id > 0)
		snprintf(what, what_size, "%s: %s %lld", _("Edit"), _(s->kind->label), id);
	else
		snprintf(what, what_size, "%s: %s", _("New"), _(s->kind->label));
	return base;
}
