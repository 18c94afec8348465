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
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/notice.h"
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
	char *body;
	char *agency;
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

static void
layout(struct screen *base, int lines, int cols)
{
	struct text_scr *s = (struct text_scr *)base;

	s->height = lines - 2 - 2;
	s->cols = cols;
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

static unsigned
save_notice(struct text_scr *s)
{
	struct ui *ui = s->base.ui;
	struct buf path = BUF_INIT;
	struct buf tmp = BUF_INIT;
	char iso[DATE_ISO_LEN];
	FILE *f;
	const char *p;

	buf_adds(&path, "督办通知-");
	/* The agency's name goes into a file name: keep only what is safe there. */
	for (p = s->agency; *p != '\0'; p++)
		buf_addc(&path, *p == '/' || (unsigned char)*p < 32 ? '_' : *p);
	buf_printf(&path, "-%s.txt", date_format(ui->app->today, iso));
	buf_printf(&tmp, "%s.tmp", buf_str(&path));
	f = fopen(buf_str(&tmp), "w");
	if (f == NULL || fputs(s->body, f) == EOF || fclose(f) != 0 ||
	    rename(buf_str(&tmp), buf_str(&path)) != 0) {
		ui_status(ui, true, _("Cannot save %s: %s"), buf_str(&path), strerror(errno));
		remove(buf_str(&tmp));
	} else {
		ui_status(ui, false, _("Saved to %s"), buf_str(&path));
	}
	buf_release(&path);
	buf_release(&tmp);
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
	free(s);
}

static const enum action help_bar[] = { ACT_BACK, ACT_PAGE_DOWN, ACT_QUIT, ACT_NONE };
static const enum action notice_bar[] = { ACT_SAVE, ACT_BACK, ACT_NONE };
static const enum action menu_bar[] = { ACT_OPEN, ACT_BACK, ACT_NONE };

static const struct screen_ops help_ops = {
	"help", layout, draw, handle_key, scr_free, help_bar,
};
static const struct screen_ops notice_ops = {
	"notice", layout, draw, handle_key, scr_free, notice_bar,
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

	/* This screen's own keys first, then the ones that work everywhere. */
	for (pass = 0; pass < 2; pass++) {
		const char *km = pass == 0 ? keymap : "generic";

		if (km == NULL)
			continue;
		add_line(s, pass == 0 ? _("On this screen:") : _("Everywhere:"));
		for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			char keys[64];
			char generic[64];

			ui_keys_of(km, (enum action)a, keys, sizeof(keys));
			ui_keys_of("generic", (enum action)a, generic, sizeof(generic));
			if (keys[0] == '\0' || (pass == 0 && strcmp(keys, generic) == 0))
				continue;
			buf_reset(&line);
			text_pad(&line, keys, 18, TEXT_LEFT);
			buf_adds(&line, ui_action_help((enum action)a));
			add_line(s, buf_str(&line));
		}
		add_line(s, "");
	}
	add_line(s, _("In forms: type to edit, Backspace/Del, ^U clears a field, Enter picks from "
	    "a list."));
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
	struct buf body = BUF_INIT;
	struct buf name = BUF_INIT;
	struct duban_err err;

	s->agency_id = agency_id;
	if (notice_build(ui->db, ui->app->cfg, ui->app->cal, ui->app->today, agency_id, &body,
	    &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		buf_release(&body);
		scr_free(&s->base);
		return NULL;
	}
	agency_name(ui->db, agency_id, &name, NULL);
	s->agency = buf_detach(&name);
	add_text(s, buf_str(&body));
	s->body = buf_detach(&body);
	return &s->base;
}
