/* tui/ui.c: the desk's main loop, screen stack, status line, key bar and safe drawing.
 * Screens draw into stdscr with werase; curses sends only what changed to the terminal, so
 * a key press costs a few bytes over a slow SSH link, not a repaint. */
#include <curses.h>
#include "duban/tui/ui.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/db.h"
#include "duban/deadline.h"
#include "duban/i18n.h"
#include "duban/impact.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/priv.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui_line.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* ---- colour by meaning ----------------------------------------------------------------- */

struct attr_def {
	short fg;
	short bg;
	int mono;	/* attribute without colour (NO_COLOR, monochrome) */
	int extra;	/* added to the colour pair */
};

static const struct attr_def attr_defs[ATTR_COUNT] = {
	[ATTR_NORMAL] = { -1, -1, A_NORMAL, 0 },
	[ATTR_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE, A_BOLD },
	[ATTR_HEADER] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	/* Never the key bar's look: a picker's choice must stand out from its neighbours. */
	[ATTR_SELECTED] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE | A_BOLD, A_BOLD },
	[ATTR_OVERDUE] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ATTR_DUE_TODAY] = { COLOR_MAGENTA, -1, A_BOLD | A_UNDERLINE, A_BOLD },
	[ATTR_DUE_SOON] = { COLOR_YELLOW, -1, A_UNDERLINE, 0 },
	[ATTR_PENDING] = { -1, -1, A_NORMAL, 0 },
	[ATTR_DONE] = { COLOR_GREEN, -1, A_NORMAL, 0 },
	[ATTR_DIM] = { -1, -1, A_DIM, A_DIM },
	[ATTR_KEYBAR] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE, 0 },
	[ATTR_KEY] = { COLOR_WHITE, -1, A_BOLD, A_BOLD },
	[ATTR_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD | A_REVERSE, A_BOLD },
	[ATTR_OK] = { COLOR_GREEN, -1, A_BOLD, 0 },
	[ATTR_WARN] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ATTR_BAR] = { COLOR_BLUE, COLOR_BLUE, A_REVERSE, 0 },
	[ATTR_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[ATTR_FIELD_FOCUS] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE, 0 },
	[ATTR_PICK] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, 0 },
};

static void
colors_init(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	ui->color = has_colors() && (nc == NULL || nc[0] == '\0');
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < ATTR_COUNT; i++)
		init_pair((short)i, attr_defs[i].fg, attr_defs[i].bg);
}

int
ui_attr(const struct ui *ui, enum ui_attr_role role)
{
	if (role <= ATTR_NORMAL || role >= ATTR_COUNT)
		return A_NORMAL;
	if (!ui->color)
		return attr_defs[role].mono;
	return COLOR_PAIR(role) | attr_defs[role].extra;
}

enum ui_attr_role
ui_status_role(int s)
{
	switch ((enum deadline_status)s) {
	case DEADLINE_OVERDUE:
		return ATTR_OVERDUE;
	case DEADLINE_DUE_TODAY:
		return ATTR_DUE_TODAY;
	case DEADLINE_DUE_SOON:
		return ATTR_DUE_SOON;
	case DEADLINE_DONE_ON_TIME:
		return ATTR_DONE;
	case DEADLINE_DONE_LATE:
		return ATTR_WARN;
	case DEADLINE_PENDING:
		break;
	}
	return ATTR_PENDING;
}

/* ---- drawing ---------------------------------------------------------------------------- */

static int
draw_padded(struct ui *ui, int y, int x, int cols, const char *s, enum ui_attr_role role,
    enum text_align align)
{
	struct buf b = BUF_INIT;
	int attr = ui_attr(ui, role);

	if (cols <= 0 || y < 0 || y >= ui->lines || x >= ui->cols)
		return 0;
	if (x + cols > ui->cols)
		cols = ui->cols - x;
	text_pad(&b, s != NULL ? s : "", cols, align);
	attron(attr);
	mvaddstr(y, x, buf_str(&b));
	attroff(attr);
	buf_release(&b);
	return cols;
}

int
ui_text(struct ui *ui, int y, int x, int cols, const char *s, enum ui_attr_role role)
{
	return draw_padded(ui, y, x, cols, s, role, TEXT_LEFT);
}

int
ui_text_right(struct ui *ui, int y, int x, int cols, const char *s, enum ui_attr_role role)
{
	return draw_padded(ui, y, x, cols, s, role, TEXT_RIGHT);
}

void
ui_bar(struct ui *ui, int y, int x, int cols, double value, double max,
    enum ui_attr_role role)
{
	int n = max > 0 ? (int)(value / max * cols + 0.5) : 0;
	int i;

	if (n > cols)
		n = cols;
	if (value > 0 && n == 0)
		n = 1;
	attron(ui_attr(ui, role));
	for (i = 0; i < n; i++)
		mvaddch(y, x + i, ui->color ? ' ' : '#');
	attroff(ui_attr(ui, role));
	for (; i < cols; i++)
		mvaddch(y, x + i, ' ');
}

void
ui_title(struct ui *ui, const char *title)
{
	struct buf right = BUF_INIT;
	char iso[DATE_ISO_LEN];
	int w;

	buf_printf(&right, _("Today %s  %s (%s) "), date_format(ui->app->today, iso),
	    ui->app->login, user_role_label(ui->app->role));
	w = text_cols(buf_str(&right));
	ui_text(ui, 0, 0, ui->cols, "", ATTR_TITLE);
	ui_text(ui, 0, 0, ui->cols - w, title, ATTR_TITLE);
	if (w < ui->cols)
		ui_text(ui, 0, ui->cols - w, w, buf_str(&right), ATTR_TITLE);
	buf_release(&right);
}

void
ui_status(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof(ui->status), fmt, ap);
	va_end(ap);
	ui->status_role = error ? ATTR_ERROR : ATTR_OK;
	ui->status_gen++;
}

const char *
ui_screen_keymap(const struct screen *s)
{
	return s->mode_keymap != NULL ? s->mode_keymap : s->ops->keymap;
}

void
ui_footer(struct ui *ui, const struct screen *s)
{
	const enum action *a;
	const char *keymap = ui_screen_keymap(s);
	int x = 0;

	ui_text(ui, ui->lines - 2, 0, ui->cols, ui->status, ui->status[0] ? ui->status_role :
	    ATTR_NORMAL);
	ui_text(ui, ui->lines - 1, 0, ui->cols, "", ATTR_KEYBAR);
	for (a = s->mode_bar != NULL ? s->mode_bar : s->ops->bar; a != NULL && *a != ACT_NONE &&
	    x < ui->cols - 4; a++) {
		char keys[64];
		char first[32];
		const char *help;
		int w;

		ui_keys_of(keymap, *a, keys, sizeof(keys));
		if (keys[0] == '\0')
			continue;
		/* The first key of the binding is enough for the bar; ? lists them all. */
		snprintf(first, sizeof(first), "%.*s", (int)strcspn(keys, " "), keys);
		help = ui_action_brief(*a);
		if (x + text_cols(first) + 1 + text_cols(help) > ui->cols)
			break;	/* a cut entry helps nobody; ? lists them all */
		w = text_cols(first) + 1;
		x += ui_text(ui, ui->lines - 1, x, w, first, ATTR_KEY);
		w = text_cols(help);
		x += ui_text(ui, ui->lines - 1, x, w, help, ATTR_KEYBAR);
		x += ui_text(ui, ui->lines - 1, x, 2, "  ", ATTR_KEYBAR);
	}
}

/* ---- stack and loop --------------------------------------------------------------------- */

void
ui_push(struct ui *ui, struct screen *s)
{
	if (s == NULL)
		return;	/* the constructor refused and said why on the status line */
	if (ui->depth == (int)(sizeof(ui->stack) / sizeof(ui->stack[0]))) {
		ui_status(ui, true, "%s", _("too many screens open; close some with Esc"));
		s->ops->free(s);
		return;
	}
	s->ui = ui;
	ui->stack[ui->depth++] = s;
	ui->screen_gen++;
	/* A message about the screen below means nothing on the new one. */
	ui->status[0] = '\0';
	if (s->ops->layout != NULL)
		s->ops->layout(s, ui->lines, ui->cols);
}

void
ui_data_changed(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->depth; i++)
		ui->stack[i]->dirty_data = true;
}

static void
pop(struct ui *ui)
{
	struct screen *s;

	if (ui->depth <= 1) {
		ui->quit = true;
		return;
	}
	s = ui->stack[--ui->depth];
	ui->screen_gen++;
	/* Whatever was done (or refused) up there, what is below shows the database anew. */
	if (strcmp(s->ops->keymap, "form") == 0)
		ui_data_changed(ui);
	s->ops->free(s);
}

/* 80x23 is enough: an 80x24 terminal with a tmux or screen status line. */
static bool
too_small(struct ui *ui)
{
	return ui->lines < 23 || ui->cols < 80;
}

static void
draw_all(struct ui *ui)
{
	ui_draw(ui);
	doupdate();
}

void
ui_draw(struct ui *ui)
{
	struct screen *top = ui->stack[ui->depth - 1];

	werase(stdscr);
	if (too_small(ui)) {
		char msg[160];
		const char *lines[3];
		int i;

		/* Short lines, so that even a narrow window shows all of it. */
		snprintf(msg, sizeof(msg), _("Terminal too small: %dx%d."), ui->cols, ui->lines);
		lines[0] = msg;
		lines[1] = _("duban needs at least 80x23.");
		lines[2] = _("Enlarge the window (q quits).");
		for (i = 0; i < 3 && i < ui->lines; i++)
			mvaddnstr(i, 0, lines[i], (int)text_fit(lines[i], ui->cols, NULL));
		curs_set(0);
		wnoutrefresh(stdscr);
		return;
	}
	top->cursor_y = -1;
	top->ops->draw(top);
	ui_footer(ui, top);
	/* The cursor goes where the screen wants it only now: the footer moved it. */
	if (top->cursor_y >= 0) {
		curs_set(1);
		move(top->cursor_y, top->cursor_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
}

void
ui_resized(struct ui *ui)
{
	int i;

	getmaxyx(stdscr, ui->lines, ui->cols);
	for (i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->layout != NULL)
			ui->stack[i]->ops->layout(ui->stack[i], ui->lines, ui->cols);
}

/* Leaving screens that hold unsaved input asks first. */
static bool
may_leave(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->depth; i++)
		if (ui->stack[i]->unsaved)
			return ui_confirm(ui, _("Discard your changes?"));
	return true;
}

/* Global actions, when the top screen did not take the key. */
static unsigned
global_action(struct ui *ui, enum action act)
{
	struct screen *s = NULL;

	if ((act == ACT_QUIT || act == ACT_MENU || act == ACT_GO_DASHBOARD ||
	    (act >= ACT_GO_LITIGATION && act <= ACT_GO_IMPORT)) && !may_leave(ui))
		return UI_REDRAW;
	switch (act) {
	case ACT_HELP:
		s = scr_help_new(ui, ui_screen_keymap(ui->stack[ui->depth - 1]));
		break;
	case ACT_MENU:
		s = scr_menu_new(ui);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_REDRAW;
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_BACK:
		return UI_POP;
	case ACT_GO_DASHBOARD:
		while (ui->depth > 1)
			pop(ui);
		return UI_REDRAW;
	case ACT_GO_LITIGATION:
	case ACT_GO_HEARING:
	case ACT_GO_RECONSIDERATION:
	case ACT_GO_SUGGESTION:
	case ACT_GO_AGENCY:
		/* The "go" keys in order open the kinds that name that place (record.h). */
		s = scr_list_new(ui, record_desk_kind((int)(act - ACT_GO_LITIGATION) + 1)->name);
		break;
	case ACT_GO_ASSESS:
		s = scr_assess_new(ui, 0);
		break;
	case ACT_GO_IMPORT:
		s = scr_import_new(ui);
		break;
	default:
		return UI_IGNORED;
	}
	if (s != NULL) {
		/* Sections replace each other rather than pile up. */
		if ((act >= ACT_GO_LITIGATION && act <= ACT_GO_ASSESS) || act == ACT_GO_IMPORT)
			while (ui->depth > 1)
				pop(ui);
		ui_push(ui, s);
	}
	return UI_REDRAW;
}

int
ui_read_key(struct ui *ui, wint_t *key)
{
	int kind;
	int errors = 0;

	if (ui->lost)
		return ERR;
	for (;;) {
		kind = get_wch(key);
		if (got_signal)
			return ERR;
		if (kind != ERR)
			return kind;
		/* Waiting for a key, ERR means a signal came (read again) or the terminal is
		 * gone: hung up, end of file, an error. Reading on would spin at full speed;
		 * end like a hangup instead. Many errors in a row and no key count as gone. */
		{
			struct pollfd pfd = { 0, POLLIN, 0 };

			if (poll(&pfd, 1, 0) < 0 && errno != EINTR)
				pfd.revents = POLLERR;
			if ((pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0 || ++errors > 50) {
				ui->lost = true;
				return ERR;
			}
		}
	}
}

bool
ui_confirm(struct ui *ui, const char *question)
{
	wint_t key;
	int kind;
	struct buf q = BUF_INIT;
	bool yes = false;
	enum action act;

	buf_printf(&q, "%s %s", question, _("(y/n)"));
	for (;;) {
		ui_text(ui, ui->lines - 2, 0, ui->cols, buf_str(&q), ATTR_WARN);
		doupdate();
		refresh();
		kind = ui_read_key(ui, &key);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			ui_resized(ui);
			ui_draw(ui);
			continue;
		}
		/* The keys are the "confirm" keymap's ([keys] confirm.yes); 是 and 否 as typed
		 * by a Chinese input method too. */
		act = ui_key_action("confirm", kind, key);
		if (act == ACT_YES || (kind == OK && key == L'是')) {
			yes = true;
			break;
		}
		if (act == ACT_NO || (kind == OK && key == L'否'))
			break;
	}
	buf_release(&q);
	return yes;
}

bool
ui_prompt(struct ui *ui, const char *question, char *out, size_t size)
{
	struct ui_line line;
	wint_t key;
	int kind;
	bool ok = false;
	int qcols = text_cols(question) + 1;

	ui_line_init(&line, size > 1 ? size - 1 : 1);
	for (;;) {
		int cy = -1;
		int cx = 0;
		enum action act;

		ui_text(ui, ui->lines - 2, 0, ui->cols, question, ATTR_WARN);
		if (qcols < ui->cols - 4)
			ui_line_draw(ui, &line, ui->lines - 2, qcols, 1, ui->cols - qcols, ATTR_WARN,
			    true, &cy, &cx);
		if (cy >= 0) {
			curs_set(1);
			move(cy, cx);
		}
		refresh();
		kind = ui_read_key(ui, &key);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			ui_resized(ui);
			ui_draw(ui);
			continue;
		}
		act = ui_key_action("line", kind, key);
		if (act == ACT_BACK)
			break;
		if (act == ACT_OPEN) {
			struct buf b = BUF_INIT;

			ui_line_get(&line, &b);
			snprintf(out, size, "%s", buf_str(&b));
			buf_release(&b);
			ok = true;
			break;
		}
		ui_line_key(&line, act, kind, key);
	}
	curs_set(0);
	ui_line_release(&line);
	return ok;
}

int
ui_run(struct app *app)
{
	struct ui ui;
	struct duban_err err;
	struct sigaction sa;
	int rc = DUBAN_OK;

	memset(&ui, 0, sizeof(ui));
	ui.app = app;
	if (app_open_db(app, DB_OPEN_EXISTING, &ui.db, &err) != DUBAN_OK)
		return app_report(&err);
	if (access_require(ui.db, ACCESS_READ, &err) != DUBAN_OK) {
		db_close(ui.db);
		return app_report(&err);
	}
	/* Setgid, the group is not needed past opening the database: ncurses runs without it. */
	priv_drop_for_good();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colors_init(&ui);
	getmaxyx(stdscr, ui.lines, ui.cols);
	ui_push(&ui, scr_dashboard_new(&ui));
	if (!calendar_covers(app->cal, app->today.y))
		ui_status(&ui, true, _("No official holiday schedule for %d: due dates count "
		    "weekends only (doc/calendar.md)"), app->today.y);
	{
		int64_t moved = 0;

		/* Until a supervisor acknowledges a change that moved due dates (impact.h). */
		if (impact_pending(ui.db, &moved, NULL, &err) == DUBAN_OK && moved > 0)
			ui_status(&ui, true, P_("Rules or calendar changed: %lld due date moved "
			    "(doc/calendar.md 5a)", "Rules or calendar changed: %lld due dates moved "
			    "(doc/calendar.md 5a)", moved), (long long)moved);
	}
	ui_recover_offer(&ui);
	while (!ui.quit && !got_signal) {
		struct screen *top = ui.stack[ui.depth - 1];
		wint_t key = 0;
		int kind;
		enum action act;
		unsigned r;
		unsigned screen_gen;
		unsigned status_gen;

		if (top->dirty_data && top->ops->layout != NULL) {
			top->ops->layout(top, ui.lines, ui.cols);
		}
		draw_all(&ui);
		kind = ui_read_key(&ui, &key);
		if (kind == ERR)
			break;
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			ui_resized(&ui);
			continue;
		}
		if (too_small(&ui)) {
			/* Only quitting works here, and it asks as F10 does: input is never lost. */
			act = ui_key_action("generic", kind, key);
			if ((act == ACT_QUIT || act == ACT_BACK) && may_leave(&ui))
				break;
			continue;
		}
		/* Whatever this key does is done now: audit rows get this moment, not the start. */
		app_clock(ui.app);
		db_set_actor(ui.db, ui.app->login, ui.app->now);
		act = ui_key_action(ui_screen_keymap(top), kind, key);
		screen_gen = ui.screen_gen;
		status_gen = ui.status_gen;
		r = top->ops->handle_key(top, act, kind, key);
		if (r == UI_IGNORED)
			r = global_action(&ui, act);
		if (r & UI_QUIT)
			ui.quit = true;
		else if (r & UI_POP)
			pop(&ui);
		/* A message belongs to the screen it was said on: another screen now, and this
		 * key said nothing, the line is cleared. */
		if (ui.screen_gen != screen_gen && ui.status_gen == status_gen)
			ui.status[0] = '\0';
	}
	/* A hangup, a signal or a lost terminal: what a form held is kept for the next start. */
	if (got_signal || ui.lost)
		ui_recover_save(&ui);
	/* Whatever ends the desk, the terminal is given back as it was. */
	while (ui.depth > 0) {
		struct screen *s = ui.stack[--ui.depth];

		s->ops->free(s);
	}
	endwin();
	db_close(ui.db);
	if (got_signal)
		rc = 128 + got_signal;
	else if (ui.lost)
		rc = 128 + SIGHUP;	/* as if the hangup had come */
	return rc;
}
