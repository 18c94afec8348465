/* tui/desk.c: the terminal desk. For now an honest placeholder: the screens arrive with their
 * own issue; this shows what is already true (today, database, calendar) and waits for q. */
#include "duban/tui/desk.h"

#include <curses.h>
#include <langinfo.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/date.h"
#include "duban/db.h"
#include "duban/i18n.h"
#include "duban/text.h"
#include "duban/tui/app.h"

static void
put_line(int y, const char *s)
{
	/* Bounded by display columns, never bytes: never cut a character, never data as a
	 * format, never a control character. */
	struct buf safe = BUF_INIT;
	size_t len;

	text_sanitize(s, &safe);
	len = text_fit(buf_str(&safe), COLS > 4 ? COLS - 4 : 0, NULL);
	mvaddnstr(y, 2, buf_str(&safe), (int)len);
	buf_release(&safe);
}

static void
draw(struct app *app)
{
	struct buf line = BUF_INIT;
	struct buf cov = BUF_INIT;
	char iso[DATE_ISO_LEN];

	erase();
	if (LINES < 24 || COLS < 80) {
		put_line(0, _("The terminal is too small: duban needs at least 80x24."));
		refresh();
		return;
	}
	attron(A_BOLD);
	put_line(1, _("duban (督办): deadline desk"));
	attroff(A_BOLD);
	buf_printf(&line, _("Today: %s"), date_format(app->today, iso));
	put_line(3, buf_str(&line));
	buf_reset(&line);
	buf_printf(&line, _("Database: %s"), app->db_path);
	put_line(4, buf_str(&line));
	calendar_describe_coverage(app->cal, &cov);
	buf_reset(&line);
	buf_printf(&line, _("Calendar: official schedules for %s"), buf_str(&cov));
	put_line(5, buf_str(&line));
	put_line(7, _("The dashboard, lists and forms are not built yet. Deadlines can already be"));
	put_line(8, _("computed on the command line: duban deadline RULE DATE (see duban --help)."));
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	put_line(LINES - 1, _("q Quit"));
	attroff(A_REVERSE);
	refresh();
	buf_release(&line);
	buf_release(&cov);
}

int
desk_run(struct app *app)
{
	struct duban_err err;
	struct db *db = NULL;
	wint_t key;
	int kind;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		fprintf(stderr, "duban: %s\n", _("the desk needs a UTF-8 locale"));
		return DUBAN_EUSAGE;
	}
	if (app_open_db(app, DB_READ_ONLY, &db, &err) != DUBAN_OK)
		return app_report(&err);
	db_close(db);
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw(app);
	while ((kind = get_wch(&key)) != ERR) {
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			draw(app);
			continue;
		}
		if (kind == OK && (key == 'q' || key == 'Q' || key == 27))
			break;
	}
	endwin();
	return DUBAN_OK;
}
