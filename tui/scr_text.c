/* tui/scr_text.c: screens that show text: help (generated from the key bindings), the menu
 * of sections, and the 督办 notice (shown, and saved to a file on request). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/err.h"
#include "duban/explain.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/notice.h"
#include "duban/record.h"
#include "duban/safefile.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

struct text_scr {
	struct screen base;
	const char *title;
	char **lines;
	int n;
	int top;
	int sel;		/* menu: selected line; -1 for plain text */
	int height;
	int cols;
	const enum action *menu_actions;
	/* notice */
	int64_t agency_id;
	int seq;		/* its number in the year, once saved; 0 before */
	char *body;
	char *agency;
	/* explanation: the file F2 saves the body to */
	char *save_name;
};

static void
add_line(struct text_scr *s, const char *text)
{
	s->lines = xreallocarray(s->lines, (size_t)s->n + 1, sizeof(*s->lines));
	s->lines[s->n++] = xstrdup(text);
}

static void
add_text(struct text_scr *s, const char *text)
{
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		add_line(s, line);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

static void clear_lines(struct text_scr *s);

/* One line of an explanation, broken at blanks to width columns; a day's continuation lines
 * are indented under its reason, others by two columns. */
static void
add_wrapped(struct text_scr *s, const char *line, int width)
{
	bool day = strlen(line) > 10 && line[4] == '-' && line[7] == '-' && line[0] >= '0' &&
	    line[0] <= '9';
	int indent = day ? 24 : 2;
	const char *p = line;
	bool first = true;
	struct buf b = BUF_INIT;

	if (width < 30)
		width = 30;
	while (*p != '\0') {
		int room = first ? width : width - indent;
		int used;
		size_t n = text_fit(p, room, &used);

		if (p[n] != '\0') {
			size_t k = n;

			while (k > 0 && p[k - 1] != ' ')
				k--;
			if (k > n / 2)	/* Chinese has no blanks: cut where it fits */
				n = k;
		}
		buf_reset(&b);
		if (!first)
			buf_printf(&b, "%*s", indent, "");
		buf_add(&b, p, n);
		add_line(s, buf_str(&b));
		p += n;
		while (*p == ' ')
			p++;
		first = false;
		if (n == 0)
			break;	/* nothing fits: never loop */
	}
	if (first)
		add_line(s, "");
	buf_release(&b);
}

static void
layout(struct screen *base, int lines, int cols)
{
	struct text_scr *s = (struct text_scr *)base;

	s->height = lines - 2 - 2;
	s->cols = cols;
	if (s->save_name != NULL && s->body != NULL) {
		const char *p = s->body;

		clear_lines(s);
		while (*p != '\0') {
			size_t n = strcspn(p, "\n");
			char *one = xstrndup(p, n);

			add_wrapped(s, one, cols - 4);
			free(one);
			p += n;
			if (*p == '\n')
				p++;
		}
	}
}

static void
draw(struct screen *base)
{
	struct text_scr *s = (struct text_scr *)base;
	struct ui *ui = base->ui;
	int i;

	ui_title(ui, s->title);
	if (s->sel >= 0) {
		if (s->sel < s->top)
			s->top = s->sel;
		if (s->sel >= s->top + s->height)
			s->top = s->sel - s->height + 1;
	}
	for (i = 0; i < s->height && s->top + i < s->n; i++)
		ui_text(ui, 2 + i, 2, s->cols - 4, s->lines[s->top + i], s->top + i == s->sel ?
		    ATTR_SELECTED : ATTR_NORMAL);
}

static void
text_scroll(struct text_scr *s, int delta)
{
	if (s->sel >= 0) {
		s->sel += delta;
		if (s->sel >= s->n)
			s->sel = s->n - 1;
		if (s->sel < 0)
			s->sel = 0;
		return;
	}
	s->top += delta;
	if (s->top > s->n - s->height)
		s->top = s->n - s->height;
	if (s->top < 0)
		s->top = 0;
}

static void
clear_lines(struct text_scr *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		free(s->lines[i]);
	s->n = 0;
}

/* The notice text again (with its number, once it has one). */
static int
build_notice(struct text_scr *s, struct duban_err *err)
{
	struct ui *ui = s->base.ui;
	struct buf body = BUF_INIT;
	int rc = notice_build(ui->db, ui->app->cfg, ui->app->cal, ui->app->today, s->agency_id,
	    s->seq, &body, err);

	if (rc != DUBAN_OK) {
		buf_release(&body);
		return rc;
	}
	clear_lines(s);
	add_text(s, buf_str(&body));
	free(s->body);
	s->body = buf_detach(&body);
	return DUBAN_OK;
}

/* Saving issues the notice: it takes the next number of the year (once), then goes to a file
 * named after the agency and that number. */
static unsigned
save_notice(struct text_scr *s)
{
	struct ui *ui = s->base.ui;
	struct buf path = BUF_INIT;
	struct safefile *sf = NULL;
	struct duban_err err;
	const char *p;
	int rc;

	if (s->seq == 0) {
		int seq = 0;

		if (notice_issue(ui->db, ui->app->cfg, ui->app->today, s->agency_id, &seq, &err) !=
		    DUBAN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return UI_REDRAW;
		}
		s->seq = seq;
		if (build_notice(s, &err) != DUBAN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return UI_REDRAW;
		}
	}
	buf_adds(&path, _("notice"));
	buf_addc(&path, '-');
	/* The agency's name goes into a file name: keep only what is safe there. */
	for (p = s->agency; *p != '\0'; p++)
		buf_addc(&path, *p == '/' || (unsigned char)*p < 32 ? '_' : *p);
	buf_printf(&path, "-%d-%d.txt", ui->app->today.y, s->seq);
	/* Beside the name and renamed into place: never through a link someone left there. */
	rc = safefile_open(buf_str(&path), 0, &sf, &err);
	if (rc == DUBAN_OK) {
		fputs(s->body, safefile_stream(sf));	/* an error shows at the commit */
		rc = safefile_commit(sf, &err);
	}
	if (rc != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
	} else {
		struct buf number = BUF_INIT;

		notice_number(ui->app->cfg, ui->app->today.y, s->seq, &number);
		ui_status(ui, false, _("Notice %s issued; saved to %s"), buf_str(&number),
		    buf_str(&path));
		buf_release(&number);
	}
	buf_release(&path);
	return UI_REDRAW;
}

/* A printable text (an explanation) to its file beside the others, replaced if it exists. */
static unsigned
save_text(struct text_scr *s)
{
	struct ui *ui = s->base.ui;
	struct safefile *sf = NULL;
	struct duban_err err;
	int rc = safefile_open(s->save_name, 0, &sf, &err);

	if (rc == DUBAN_OK) {
		fputs(s->body, safefile_stream(sf));	/* an error shows at the commit */
		rc = safefile_commit(sf, &err);
	}
	if (rc != DUBAN_OK)
		ui_status(ui, true, "%s", err.msg);
	else
		ui_status(ui, false, _("Saved to %s"), s->save_name);
	return UI_REDRAW;
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct text_scr *s = (struct text_scr *)base;

	(void)kind;
	(void)key;
	switch (act) {
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		text_scroll(s, act == ACT_MOVE_UP ? -1 : 1);
		return UI_REDRAW;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		text_scroll(s, act == ACT_PAGE_UP ? -s->height : s->height);
		return UI_REDRAW;
	case ACT_HOME:
		text_scroll(s, -s->n);
		return UI_REDRAW;
	case ACT_END:
		text_scroll(s, s->n);
		return UI_REDRAW;
	case ACT_SAVE:
		if (s->save_name != NULL)
			return save_text(s);
		if (s->body != NULL)
			return save_notice(s);
		return UI_IGNORED;
	case ACT_OPEN:
		if (s->menu_actions != NULL && s->sel >= 0) {
			enum action a = s->menu_actions[s->sel];
			struct ui *ui = base->ui;

			/* Leave the menu, then act as if the section's key was pressed. */
			ui->depth--;
			ui_push(ui, NULL);
			if (a == ACT_QUIT) {
				base->ops->free(base);
				return UI_QUIT;
			}
			{
				struct screen *next = a == ACT_GO_DASHBOARD ? NULL :
				    a == ACT_GO_ASSESS ? scr_assess_new(ui, 0) :
				    a == ACT_GO_IMPORT ? scr_import_new(ui) :
				    scr_list_new(ui,
				    record_desk_kind((int)(a - ACT_GO_LITIGATION) + 1)->name);

				while (ui->depth > 1) {
					struct screen *t = ui->stack[--ui->depth];

					t->ops->free(t);
				}
				ui_push(ui, next);
			}
			base->ops->free(base);
			return UI_HANDLED;
		}
		return UI_HANDLED;
	case ACT_HELP:
		return UI_HANDLED;
	default:
		return UI_IGNORED;
	}
}

static void
scr_free(struct screen *base)
{
	struct text_scr *s = (struct text_scr *)base;
	int i;

	for (i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	free(s->body);
	free(s->agency);
	free(s->save_name);
	free(s);
}

static const enum action help_bar[] = { ACT_BACK, ACT_PAGE_DOWN, ACT_QUIT, ACT_NONE };
static const enum action notice_bar[] = { ACT_SAVE, ACT_BACK, ACT_NONE };
static const enum action menu_bar[] = { ACT_OPEN, ACT_BACK, ACT_NONE };
static const enum action explain_bar[] = { ACT_SAVE, ACT_PAGE_DOWN, ACT_BACK, ACT_NONE };

static const struct screen_ops help_ops = {
	"help", layout, draw, handle_key, scr_free, help_bar,
};
static const struct screen_ops notice_ops = {
	"notice", layout, draw, handle_key, scr_free, notice_bar,
};
static const struct screen_ops explain_ops = {
	"explain", layout, draw, handle_key, scr_free, explain_bar,
};
static const struct screen_ops menu_ops = {
	"menu", layout, draw, handle_key, scr_free, menu_bar,
};

static struct text_scr *
text_new(struct ui *ui, const struct screen_ops *ops, const char *title)
{
	struct text_scr *s = xcalloc(1, sizeof(*s));

	s->base.ops = ops;
	s->base.ui = ui;
	s->title = title;
	s->sel = -1;
	return s;
}

struct screen *
scr_help_new(struct ui *ui, const char *keymap)
{
	struct text_scr *s = text_new(ui, &help_ops, _("Keys"));
	struct buf line = BUF_INIT;
	int a;
	int pass;

	/* This screen's own keys first, then the ones that work everywhere. Where text is
	 * typed, one list: what each key does there (q, j, 1... type themselves). */
	for (pass = 0; pass < 2; pass++) {
		bool typing = keymap != NULL && ui_keymap_types(keymap);
		const char *km = pass == 0 ? keymap : "generic";

		if (km == NULL || (typing && pass == 1))
			continue;
		add_line(s, pass == 0 ? _("On this screen:") : _("Everywhere:"));
		for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			char keys[64];
			char generic[64];

			ui_keys_of(km, (enum action)a, keys, sizeof(keys));
			ui_keys_of("generic", (enum action)a, generic, sizeof(generic));
			if (keys[0] == '\0' || (pass == 0 && !typing && strcmp(keys, generic) == 0))
				continue;
			buf_reset(&line);
			text_pad(&line, keys, 18, TEXT_LEFT);
			buf_adds(&line, ui_action_help((enum action)a));
			add_line(s, buf_str(&line));
		}
		add_line(s, "");
	}
	if (keymap != NULL && ui_keymap_types(keymap))
		add_line(s, _("Other keys type. In a choice field typing narrows the list."));
	else
		add_line(s, _("In forms every character key types: F1 lists a form's keys."));
	add_line(s, _("Keys can be rebound in duban.ini [keys] (see doc/manual.md)."));
	buf_release(&line);
	return &s->base;
}

struct screen *
scr_menu_new(struct ui *ui)
{
	static const enum action items[] = {
		ACT_GO_DASHBOARD, ACT_GO_LITIGATION, ACT_GO_HEARING, ACT_GO_RECONSIDERATION,
		ACT_GO_SUGGESTION, ACT_GO_AGENCY, ACT_GO_ASSESS, ACT_GO_IMPORT, ACT_QUIT,
	};
	struct text_scr *s = text_new(ui, &menu_ops, _("Menu"));
	size_t i;

	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		char keys[64];
		struct buf line = BUF_INIT;

		ui_keys_of("generic", items[i], keys, sizeof(keys));
		text_pad(&line, keys, 8, TEXT_LEFT);
		buf_adds(&line, ui_action_help(items[i]));
		add_line(s, buf_str(&line));
		buf_release(&line);
	}
	s->menu_actions = items;
	s->sel = 0;
	return &s->base;
}

struct screen *
scr_notice_new(struct ui *ui, int64_t agency_id)
{
	struct text_scr *s = text_new(ui, &notice_ops, _("督办 notice"));
	struct buf name = BUF_INIT;
	struct duban_err err;

	s->agency_id = agency_id;
	if (build_notice(s, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		scr_free(&s->base);
		return NULL;
	}
	agency_name(ui->db, agency_id, &name, NULL);
	s->agency = buf_detach(&name);
	return &s->base;
}

struct screen *
scr_explain_new(struct ui *ui, const struct kind_def *kind, int64_t id)
{
	struct record_env env = app_env(ui->app, ui->db);
	struct buf body = BUF_INIT;
	struct buf name = BUF_INIT;
	struct duban_err err;
	struct text_scr *s;
	int i;
	int n = 0;

	duban_err_clear(&err);
	for (i = 0; i < kind->n_fields; i++) {
		struct explanation x;
		int rc;

		if (kind->fields[i].type != FIELD_DATE || !(kind->fields[i].flags & FIELD_DERIVED))
			continue;
		rc = explain_record(&env, kind, id, i, &x, NULL, &err);
		if (rc == DUBAN_EINPUT)
			continue;	/* this due date has no trigger yet */
		if (rc != DUBAN_OK)
			break;
		buf_printf(&body, "%s%s %lld: %s\n", n > 0 ? "\n" : "", _(kind->label),
		    (long long)id, _(kind->fields[i].label));
		explain_render(&x, &body);
		explain_release(&x);
		n++;
		duban_err_clear(&err);
	}
	if (n == 0) {
		ui_status(ui, true, "%s", err.rc != DUBAN_OK ? err.msg :
		    _("This record has no due date to explain."));
		buf_release(&body);
		return NULL;
	}
	s = text_new(ui, &explain_ops, _("Due dates day by day"));
	s->body = buf_detach(&body);
	buf_printf(&name, "%s-%s-%lld.txt", _("explanation"), kind->name, (long long)id);
	s->save_name = buf_detach(&name);
	return &s->base;
}
