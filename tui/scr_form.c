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
#include "duban/db.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

#define FIELD_MAX 512	/* characters per field */
#define PICK_MAX 200

struct fstate {
	wchar_t text[FIELD_MAX + 1];
	int len;
	int cursor;
	char problem[300];
	char hint[300];
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
	/* the picker: a list of choices for the focused field, narrowed by its text */
	bool picking;
	char *pick[PICK_MAX];
	int n_pick;
	int pick_sel;
};

static const enum action bar[] = {
	ACT_HELP, ACT_SAVE, ACT_OPEN, ACT_NEXT_PANE, ACT_BACK, ACT_NONE
};

static void
to_utf8(const wchar_t *w, int len, struct buf *out)
{
	mbstate_t st;
	int i;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < len; i++) {
		char mb[MB_LEN_MAX];
		size_t n = wcrtomb(mb, w[i], &st);

		if (n != (size_t)-1)
			buf_add(out, mb, n);
	}
}

static void
set_text(struct fstate *fs, const char *s)
{
	mbstate_t st;
	const char *p = s;
	int n = 0;

	memset(&st, 0, sizeof(st));
	while (*p != '\0' && n < FIELD_MAX) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, p, strlen(p), &st);

		if (k == 0 || k == (size_t)-1 || k == (size_t)-2) {
			/* Invalid stored bytes: show U+FFFD rather than garbage. */
			wc = 0xFFFD;
			k = 1;
			memset(&st, 0, sizeof(st));
		}
		fs->text[n++] = wc;
		p += k;
	}
	fs->text[n] = 0;
	fs->len = n;
	fs->cursor = n;
}

static bool
editable(const struct form *s, int i)
{
	return !(s->kind->fields[i].flags & FIELD_DERIVED);
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
		to_utf8(s->f[i].text, s->f[i].len, &t);
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
			set_text(fs, record_get(r, i));
			continue;
		}
		for (k = 0; k < p.n; k++) {
			if (p.items[k].field == i && fs->len > 0) {
				snprintf(fs->hint, sizeof(fs->hint), "%s", p.items[k].msg);
				break;
			}
		}
		if (fs->hint[0] == '\0' && fs->len > 0) {
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
		} else if (fs->len == 0 && (fd->type == FIELD_ENUM || fd->type == FIELD_AGENCY ||
		    fd->type == FIELD_BOOL)) {
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

/* The focused field's whole message on the status line: the column beside it is narrow. */
static void
show_focus_message(struct form *s)
{
	struct fstate *fs = &s->f[s->focus];

	if (fs->problem[0] != '\0')
		ui_status(s->base.ui, true, "%s", fs->problem);
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

static void
draw(struct screen *base)
{
	struct form *s = (struct form *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int box = box_width(s);
	int cursor_y = -1;
	int cursor_x = 0;
	int i;
	int row;

	buf_printf(&t, "%s: %s", s->r->id == 0 ? _("New") : _("Edit"), _(s->kind->label));
	ui_title(ui, buf_str(&t));
	buf_release(&t);
	ui_text(ui, 1, 1, s->cols - 2, _("Type to edit. Tab/Up/Down: fields. Enter: pick. "
	    "F2: save. Esc: leave."), ATTR_DIM);
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + s->height)
		s->top = s->focus - s->height + 1;
	for (row = 0, i = s->top; i < s->kind->n_fields && row < s->height; i++, row++) {
		const struct field_def *fd = &s->kind->fields[i];
		struct fstate *fs = &s->f[i];
		struct buf v = BUF_INIT;
		int y = 3 + row;
		bool focus = i == s->focus;
		char label[200];
		int skip = 0;
		int before_cols;

		snprintf(label, sizeof(label), "%s%s", _(fd->label), fd->flags & FIELD_REQUIRED ?
		    " *" : "");
		ui_text(ui, y, 1, s->label_w, label, fs->problem[0] ? ATTR_OVERDUE : focus ?
		    ATTR_HEADER : ATTR_NORMAL);
		to_utf8(fs->text, fs->len, &v);
		/* Show the end of a text wider than the box, so the cursor stays visible. */
		{
			struct buf head = BUF_INIT;

			to_utf8(fs->text, fs->cursor, &head);
			before_cols = text_cols(buf_str(&head));
			buf_release(&head);
		}
		if (before_cols > box - 1) {
			/* Drop whole characters from the front until the cursor fits the box. */
			int k = 0;

			while (k < fs->cursor && before_cols - skip > box - 1) {
				int w = wcwidth(fs->text[k]);

				skip += w > 0 ? w : 1;
				k++;
			}
			buf_reset(&v);
			to_utf8(fs->text + k, fs->len - k, &v);
			before_cols -= skip;
		}
		ui_text(ui, y, 2 + s->label_w, box, buf_str(&v), !editable(s, i) ? ATTR_HEADER :
		    focus ? ATTR_FIELD_FOCUS : ATTR_FIELD);
		ui_text(ui, y, 3 + s->label_w + box, s->cols - 4 - s->label_w - box,
		    without_label(s, i, fs->problem[0] ? fs->problem : fs->hint), fs->problem[0] ?
		    ATTR_OVERDUE : ATTR_DIM);
		if (focus && editable(s, i)) {
			cursor_y = y;
			cursor_x = 2 + s->label_w + before_cols;
		}
		buf_release(&v);
	}
	if (s->picking) {
		int w = box;
		int h = s->n_pick < 10 ? s->n_pick : 10;
		int y0 = 3 + (s->focus - s->top) + 1;
		int top = s->pick_sel >= h ? s->pick_sel - h + 1 : 0;

		if (y0 + h > s->lines - 3)
			y0 = s->lines - 3 - h;
		for (i = 0; i < h; i++)
			ui_text(ui, y0 + i, 2 + s->label_w, w, s->pick[top + i], top + i == s->pick_sel ?
			    ATTR_SELECTED : ATTR_KEYBAR);
		if (s->n_pick == 0)
			ui_text(ui, y0, 2 + s->label_w, w, _("(nothing matches)"), ATTR_KEYBAR);
		cursor_y = -1;
	}
	base->cursor_y = cursor_y;
	base->cursor_x = cursor_x;
}

static void
clear_pick(struct form *s)
{
	int i;

	for (i = 0; i < s->n_pick; i++)
		free(s->pick[i]);
	s->n_pick = 0;
	s->pick_sel = 0;
	s->picking = false;
}

/* Fill the picker for the focused field, narrowed by its current text. */
static void
open_pick(struct form *s)
{
	struct ui *ui = s->base.ui;
	const struct field_def *fd = &s->kind->fields[s->focus];
	struct buf typed = BUF_INIT;

	clear_pick(s);
	to_utf8(s->f[s->focus].text, s->f[s->focus].len, &typed);
	if (fd->type == FIELD_ENUM) {
		const struct field_choice *c;

		for (c = fd->choices; c->code != NULL && s->n_pick < PICK_MAX; c++)
			s->pick[s->n_pick++] = xstrdup(c->code[0] == '\0' ? "" : _(c->en));
	} else if (fd->type == FIELD_BOOL) {
		s->pick[s->n_pick++] = xstrdup(_("yes"));
		s->pick[s->n_pick++] = xstrdup(_("no"));
	} else if (fd->type == FIELD_AGENCY || fd->type == FIELD_CASE) {
		record_suggest(ui->db, fd, buf_str(&typed), s->pick, PICK_MAX, &s->n_pick, NULL);
	} else {
		buf_release(&typed);
		return;
	}
	s->picking = true;
	buf_release(&typed);
}

static void
move_focus(struct form *s, int delta)
{
	int i = s->focus;

	do {
		i += delta;
	} while (i >= 0 && i < s->kind->n_fields && !editable(s, i));
	if (i >= 0 && i < s->kind->n_fields)
		s->focus = i;
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
		to_utf8(s->f[i].text, s->f[i].len, &t);
		record_input(&env, r, i, buf_str(&t), &p);
		buf_release(&t);
	}
	/* Show every problem at once, not only those of the fields that did not parse. */
	if (p.n > 0)
		record_validate(&env, r, &p);
	rc = p.n > 0 ? DUBAN_EINPUT : record_save(&env, r, 0, &outcome, &p, &err);
	if (rc != DUBAN_OK) {
		int first = -1;

		for (i = 0; i < p.n; i++) {
			int fi = p.items[i].field;

			if (fi >= 0 && s->f[fi].problem[0] == '\0')
				snprintf(s->f[fi].problem, sizeof(s->f[fi].problem), "%s", p.items[i].msg);
			if (fi >= 0 && (first < 0 || fi < first) && editable(s, fi))
				first = fi;
		}
		if (first >= 0)
			s->focus = first;
		if (p.n > 0)
			ui_status(ui, true, P_("Not saved: %d problem; the marked field says what is "
			    "wrong. Nothing you typed was lost.", "Not saved: %d problems; the marked "
			    "fields say what is wrong. Nothing you typed was lost.", p.n), p.n);
		else
			ui_status(ui, true, "%s", err.msg);
		record_free(r);
		return UI_REDRAW;
	}
	if (outcome == RECORD_UNCHANGED)
		ui_status(ui, false, "%s", _("Nothing changed."));
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

static unsigned
edit_key(struct form *s, int kind, wint_t key)
{
	struct fstate *fs = &s->f[s->focus];

	if (!editable(s, s->focus))
		return UI_HANDLED;
	if (kind == KEY_CODE_YES) {
		switch (key) {
		case KEY_LEFT:
			if (fs->cursor > 0)
				fs->cursor--;
			return UI_REDRAW;
		case KEY_RIGHT:
			if (fs->cursor < fs->len)
				fs->cursor++;
			return UI_REDRAW;
		case KEY_HOME:
			fs->cursor = 0;
			return UI_REDRAW;
		case KEY_END:
			fs->cursor = fs->len;
			return UI_REDRAW;
		case KEY_BACKSPACE:
			if (fs->cursor == 0)
				return UI_HANDLED;
			fs->cursor--;
			break;
		case KEY_DC:
			if (fs->cursor >= fs->len)
				return UI_HANDLED;
			break;
		default:
			return UI_IGNORED;
		}
		memmove(&fs->text[fs->cursor], &fs->text[fs->cursor + 1],
		    (size_t)(fs->len - fs->cursor) * sizeof(wchar_t));
		fs->len--;
	} else if (key == 127 || key == 8) {
		if (fs->cursor == 0)
			return UI_HANDLED;
		fs->cursor--;
		memmove(&fs->text[fs->cursor], &fs->text[fs->cursor + 1],
		    (size_t)(fs->len - fs->cursor) * sizeof(wchar_t));
		fs->len--;
	} else if (key == 21) {		/* ^U clears the field */
		fs->len = 0;
		fs->cursor = 0;
		fs->text[0] = 0;
	} else if (key >= 32 && key != 127 && iswprint((wint_t)key)) {
		if (fs->len >= FIELD_MAX)
			return UI_HANDLED;
		memmove(&fs->text[fs->cursor + 1], &fs->text[fs->cursor],
		    (size_t)(fs->len - fs->cursor + 1) * sizeof(wchar_t));
		fs->text[fs->cursor++] = (wchar_t)key;
		fs->len++;
	} else {
		return UI_IGNORED;
	}
	fs->problem[0] = '\0';
	s->modified = true;
	s->base.unsaved = true;
	refresh_hints(s);
	return UI_REDRAW;
}

static unsigned
pick_key(struct form *s, enum action act, int kind, wint_t key)
{
	/* Letters narrow the list (j and k too): only the arrow keys move in it. */
	(void)act;
	if (kind == KEY_CODE_YES && key == KEY_UP) {
		if (s->pick_sel > 0)
			s->pick_sel--;
		return UI_REDRAW;
	}
	if (kind == KEY_CODE_YES && key == KEY_DOWN) {
		if (s->pick_sel < s->n_pick - 1)
			s->pick_sel++;
		return UI_REDRAW;
	}
	if (kind == OK && key == 27) {
		clear_pick(s);
		return UI_REDRAW;
	}
	if ((kind == OK && (key == '\r' || key == '\n')) || (kind == KEY_CODE_YES &&
	    key == KEY_ENTER)) {
		if (s->n_pick > 0) {
			set_text(&s->f[s->focus], s->pick[s->pick_sel]);
			s->f[s->focus].problem[0] = '\0';
			s->modified = true;
	s->base.unsaved = true;
			move_focus(s, 1);
		}
		clear_pick(s);
		refresh_hints(s);
		return UI_REDRAW;
	}
	/* Typing narrows the list. */
	if (edit_key(s, kind, key) != UI_IGNORED)
		open_pick(s);
	return UI_REDRAW;
}

static unsigned form_key(struct form *s, enum action act, int kind, wint_t key);

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct form *s = (struct form *)base;
	unsigned r;

	if (act == ACT_SAVE)
		return save(s);
	r = s->picking ? pick_key(s, act, kind, key) : form_key(s, act, kind, key);
	if (!(r & (UI_POP | UI_QUIT)))
		show_focus_message(s);
	return r;
}

static unsigned
form_key(struct form *s, enum action act, int kind, wint_t key)
{
	struct screen *base = &s->base;

	(void)act;
	if (kind == OK && key == 27) {
		if (s->modified && !ui_confirm(base->ui, _("Discard your changes?")))
			return UI_REDRAW;
		ui_status(base->ui, false, "%s", "");
		return UI_POP;
	}
	if ((kind == KEY_CODE_YES && (key == KEY_UP || key == KEY_BTAB)) || (kind == OK &&
	    key == 16)) {
		move_focus(s, -1);
		return UI_REDRAW;
	}
	if ((kind == KEY_CODE_YES && key == KEY_DOWN) || (kind == OK && (key == '\t' ||
	    key == 14))) {
		move_focus(s, 1);
		return UI_REDRAW;
	}
	if (kind == KEY_CODE_YES && (key == KEY_NPAGE || key == KEY_PPAGE)) {
		move_focus(s, key == KEY_NPAGE ? s->height : -s->height);
		return UI_REDRAW;
	}
	if ((kind == OK && (key == '\r' || key == '\n')) || (kind == KEY_CODE_YES &&
	    key == KEY_ENTER)) {
		const struct field_def *fd = &s->kind->fields[s->focus];

		if (fd->type == FIELD_ENUM || fd->type == FIELD_AGENCY || fd->type == FIELD_BOOL ||
		    fd->type == FIELD_CASE)
			open_pick(s);
		else
			move_focus(s, 1);
		return UI_REDRAW;
	}
	if (kind == KEY_CODE_YES && key >= KEY_F(1) && key <= KEY_F(12))
		return UI_IGNORED;
	return edit_key(s, kind, key) == UI_IGNORED ? UI_HANDLED : UI_REDRAW;
}

static void
scr_free(struct screen *base)
{
	struct form *s = (struct form *)base;

	clear_pick(s);
	record_free(s->r);
	free(s->f);
	free(s);
	curs_set(0);
}

static const struct screen_ops ops = {
	"form", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_form_new(struct ui *ui, const char *kind_name, int64_t id, const char *preset)
{
	struct form *s;
	const struct kind_def *kind = record_kind(kind_name);
	struct record_env env = app_env(ui->app, ui->db);
	struct duban_err err;
	enum access_action need = (enum access_action)kind->write_access;
	struct record *r = NULL;
	int i;

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
	s->kind = kind;
	s->r = r != NULL ? r : record_new(kind);
	s->f = xcalloc((size_t)kind->n_fields, sizeof(*s->f));
	for (i = 0; i < kind->n_fields; i++) {
		struct buf v = BUF_INIT;
		int w = text_cols(_(kind->fields[i].label)) + 2;

		if (w > s->label_w)
			s->label_w = w;
		if (r != NULL)
			record_display(&env, s->r, i, false, &v);
		set_text(&s->f[i], buf_str(&v));
		buf_release(&v);
	}
	if (s->label_w > 24)
		s->label_w = 24;
	if (r == NULL && kind->default_field != NULL) {
		int fi = record_field_idx(kind, kind->default_field);
		struct buf v = BUF_INIT;

		record_display_value(ui->db, &kind->fields[fi], kind->default_value, false, &v);
		set_text(&s->f[fi], buf_str(&v));
		buf_release(&v);
	}
	if (preset != NULL) {
		const char *eq = strchr(preset, '=');

		if (eq != NULL) {
			char *name = xstrndup(preset, (size_t)(eq - preset));
			int fi = record_field_idx(kind, name);

			if (fi >= 0)
				set_text(&s->f[fi], eq + 1);
			free(name);
		}
	}
	s->focus = 0;
	if (!editable(s, 0))
		move_focus(s, 1);
	refresh_hints(s);
	return &s->base;
}
