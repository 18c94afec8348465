/* tui/scr_import.c: importing a CSV file from the desk. Choose the file (Tab completes the
 * path), see what duban makes of it (encoding, kind, each column's field) and what a dry run
 * would do with the first refusals, then confirm; a progress bar shows rows per second and
 * the time left, Esc cancels (everything is rolled back), and the result names the rejects
 * file. All the work is import_run's: the same as `duban import`. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <wchar.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <curses.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/csvin.h"
#include "duban/encoding.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/import.h"
#include "duban/mem.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"
#include "duban/tui/screens.h"
#include "duban/tui/ui.h"

enum stage { STAGE_PATH, STAGE_PREVIEW, STAGE_DONE };

#define MAX_LINES 400

struct imp {
	struct screen base;
	enum stage stage;
	char path[PATH_MAX];
	bool skip_invalid;
	char *lines[MAX_LINES];	/* what the screen shows below the path */
	enum ui_attr_role roles[MAX_LINES];
	int n;
	int top;
	int height;
	int cols;
	int refusals;		/* collected in the dry run */
	int64_t rows_dry;
	double started;
	volatile sig_atomic_t cancel;
};

static const enum action bar[] = { ACT_HELP, ACT_RUN_IMPORT, ACT_BACK, ACT_NONE };

static void
clear_lines(struct imp *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		free(s->lines[i]);
	s->n = 0;
	s->top = 0;
}

static void add_line(struct imp *s, enum ui_attr_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
add_line(struct imp *s, enum ui_attr_role role, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	const char *p = text;
	int width = s->cols > 8 ? s->cols - 4 : 60;
	bool first = true;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	/* Long messages wrap onto further lines, indented, rather than being cut. */
	while (*p != '\0' && s->n < MAX_LINES) {
		size_t n = text_fit(p, first ? width : width - 4, NULL);
		struct buf line = BUF_INIT;

		if (n == 0)
			n = 1;
		/* Break English at a blank near the end rather than inside a word. */
		if (p[n] != '\0') {
			size_t k = n;

			while (k > n / 2 && p[k - 1] != ' ')
				k--;
			if (k > n / 2)
				n = k;
		}
		if (!first)
			buf_adds(&line, "    ");
		buf_add(&line, p, n);
		s->roles[s->n] = role;
		s->lines[s->n++] = buf_detach(&line);
		p += n;
		first = false;
	}
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- Tab completion of the path ------------------------------------------------------- */

static void
complete_path(struct imp *s)
{
	char dir[PATH_MAX];
	const char *base;
	const char *slash = strrchr(s->path, '/');
	DIR *d;
	struct dirent *de;
	char common[NAME_MAX + 1] = "";
	int matches = 0;
	size_t blen;

	if (slash != NULL) {
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - s->path + 1), s->path);
		base = slash + 1;
	} else {
		snprintf(dir, sizeof(dir), "./");
		base = s->path;
	}
	blen = strlen(base);
	d = opendir(dir);
	if (d == NULL)
		return;
	clear_lines(s);
	while ((de = readdir(d)) != NULL) {
		size_t k;

		if (strncmp(de->d_name, base, blen) != 0 || strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 || (blen == 0 && de->d_name[0] == '.'))
			continue;
		if (matches++ == 0) {
			snprintf(common, sizeof(common), "%s", de->d_name);
		} else {
			for (k = 0; common[k] != '\0' && common[k] == de->d_name[k]; k++)
				;
			common[k] = '\0';
		}
		add_line(s, ATTR_DIM, "%s", de->d_name);
	}
	closedir(d);
	if (matches == 0)
		return;
	{
		char full[PATH_MAX];
		struct stat sb;

		snprintf(full, sizeof(full), "%.*s%s", slash != NULL ? (int)(slash - s->path + 1) : 0,
		    s->path, common);
		snprintf(s->path, sizeof(s->path), "%s", full);
		/* One directory: step into it. */
		if (matches == 1 && stat(full, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    strlen(s->path) + 1 < sizeof(s->path)) {
			size_t l = strlen(s->path);

			s->path[l] = '/';
			s->path[l + 1] = '\0';
		}
		if (matches == 1)
			clear_lines(s);
	}
}

/* ---- dry run and import ----------------------------------------------------------------- */

static void
on_refused(void *arg, const char *file, long line, const char *column, const char *reason)
{
	struct imp *s = arg;

	(void)file;
	s->refusals++;
	if (s->refusals <= 20)
		add_line(s, ATTR_OVERDUE, _("line %ld, %s: %s"), line, column != NULL ? column :
		    _("the row"), reason);
}

static void
on_warning(void *arg, const char *msg)
{
	add_line(arg, ATTR_WARN, "%s", msg);
}

static void
on_progress(void *arg, int64_t rows, uint64_t bytes, uint64_t total)
{
	struct imp *s = arg;
	struct ui *ui = s->base.ui;
	double elapsed = now_seconds() - s->started;
	char line[256];
	int ch;

	/* Draw only now and then: a million rows must not mean a million repaints. */
	if (rows % 2000 != 0 && bytes < total)
		return;
	snprintf(line, sizeof(line), _("%lld rows, %.0f rows/s, about %.0f s left (Esc cancels)"),
	    (long long)rows, elapsed > 0 ? rows / elapsed : 0.0, total > 0 && bytes > 0 ?
	    elapsed * ((double)total / (double)bytes - 1.0) : 0.0);
	ui_text(ui, ui->lines - 4, 1, s->cols - 2, line, ATTR_HEADER);
	ui_bar(ui, ui->lines - 3, 1, s->cols - 2, (double)bytes, total > 0 ? (double)total : 1.0,
	    ATTR_BAR);
	refresh();
	/* A key now? Esc or q stops the import; it is rolled back whole. */
	nodelay(stdscr, TRUE);
	ch = getch();
	nodelay(stdscr, FALSE);
	if (ch == 27 || ch == 'q')
		s->cancel = 1;
}

static void
summary(struct imp *s, const struct import_result *res, bool dry)
{
	add_line(s, ATTR_HEADER, dry ? _("A dry run (nothing written) finds:") : res->written ?
	    _("The import:") : _("Nothing was written. The rows were:"));
	add_line(s, ATTR_NORMAL, _("  rows %lld: new %lld, updated %lld, unchanged %lld, refused "
	    "%lld"), (long long)res->rows, (long long)res->n_new, (long long)res->n_updated,
	    (long long)res->n_unchanged, (long long)res->n_refused);
	if (res->hearings_new + res->hearings_updated + res->hearings_unchanged > 0)
		add_line(s, ATTR_NORMAL, _("  hearings: new %lld, updated %lld, unchanged %lld"),
		    (long long)res->hearings_new, (long long)res->hearings_updated,
		    (long long)res->hearings_unchanged);
	if (res->n_uncovered > 0)
		add_line(s, ATTR_WARN, P_("  %lld row has a due date reaching into %d, which the "
		    "calendar has no official schedule for: counted with weekends only, it may be "
		    "wrong", "  %lld rows have due dates reaching into %d, which the calendar has no "
		    "official schedule for: counted with weekends only, they may be wrong",
		    res->n_uncovered), (long long)res->n_uncovered, res->uncovered_year);
}

static void
preview(struct imp *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct csvin_opts co = { ENCODING_AUTO, NULL, NULL, 0 };
	struct csvin_alias *aliases = config_aliases(ui->app->cfg, &co.n_aliases);
	struct csvin *c = NULL;
	struct import_opts o;
	struct import_result res;
	struct duban_err err;
	size_t i;
	int rc;

	clear_lines(s);
	s->refusals = 0;
	co.aliases = aliases;
	rc = csvin_open(s->path, s->path, &co, &c, &err);
	if (rc != DUBAN_OK) {
		add_line(s, ATTR_ERROR, "%s", err.msg);
		config_aliases_free(aliases, co.n_aliases);
		return;
	}
	add_line(s, ATTR_HEADER, _("Kind: %s; encoding: %s; separated by %s"),
	    _(csvin_kind(c)->label), encoding_name(csvin_encoding(c) == ENCODING_AUTO ?
	    ENCODING_UTF8 : csvin_encoding(c)), csvin_delimiter(c) == '\t' ? _("tabs") :
	    _("commas"));
	for (i = 0; i < csvin_n_columns(c); i++) {
		const struct csvin_column *col = csvin_column(c, i);
		const struct kind_def *k = csvin_kind(c);

		switch (col->role) {
		case CSVIN_FIELD:
		case CSVIN_DERIVED:
			add_line(s, col->role == CSVIN_DERIVED ? ATTR_DIM : ATTR_NORMAL, "  %s -> %s%s",
			    col->header, _(k->fields[col->field].label), col->role == CSVIN_DERIVED ?
			    _(" (computed by duban, read past)") : "");
			break;
		case CSVIN_HEARING:
			add_line(s, ATTR_NORMAL, _("  %s -> the row's hearing"), col->header);
			break;
		case CSVIN_REJECTS:
			add_line(s, ATTR_DIM, _("  %s -> (from a rejects file, read past)"),
			    col->header);
			break;
		case CSVIN_UNKNOWN:
			add_line(s, ATTR_WARN, _("  %s -> not a field: ignored"), col->header);
			break;
		}
	}
	csvin_close(c);
	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	o.path = s->path;
	o.encoding = ENCODING_AUTO;
	o.aliases = aliases;
	o.n_aliases = co.n_aliases;
	o.dry_run = true;
	o.refused = on_refused;
	o.warn = on_warning;
	o.arg = s;
	rc = import_run(&env, &o, &res, &err);
	if (rc != DUBAN_OK && rc != DUBAN_EINPUT)
		add_line(s, ATTR_ERROR, "%s", err.msg);
	else
		summary(s, &res, true);
	s->rows_dry = res.rows;
	import_result_release(&res);
	config_aliases_free(aliases, co.n_aliases);
	add_line(s, ATTR_DIM, "%s", s->skip_invalid ?
	    _("F2 imports the valid rows; refused rows go to a rejects file (Space: all or "
	      "nothing)") : _("F2 imports all or nothing: one refused row and nothing is written "
	      "(Space: skip refused rows)"));
	s->stage = STAGE_PREVIEW;
}

static void
run_import(struct imp *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct import_opts o;
	struct import_result res;
	struct duban_err err;
	int rc;

	clear_lines(s);
	s->refusals = 0;
	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	o.path = s->path;
	o.encoding = ENCODING_AUTO;
	o.aliases = config_aliases(ui->app->cfg, &o.n_aliases);
	o.skip_invalid = s->skip_invalid;
	o.refused = on_refused;
	o.warn = on_warning;
	o.progress = on_progress;
	o.arg = s;
	s->cancel = 0;
	o.cancel = &s->cancel;
	s->started = now_seconds();
	rc = import_run(&env, &o, &res, &err);
	if (s->cancel)
		add_line(s, ATTR_WARN, "%s", _("Cancelled: nothing was written."));
	else if (rc != DUBAN_OK)
		add_line(s, ATTR_ERROR, "%s", err.msg);
	summary(s, &res, false);
	if (res.written)
		add_line(s, ATTR_OK, _("Written as import batch %lld in %.1f s."),
		    (long long)res.batch_id, now_seconds() - s->started);
	if (res.rejects_path != NULL)
		add_line(s, ATTR_WARN, _("Refused rows are in %s: correct them there and import that "
		    "file."), res.rejects_path);
	import_result_release(&res);
	config_aliases_free((struct csvin_alias *)o.aliases, o.n_aliases);
	ui_data_changed(ui);
	s->stage = STAGE_DONE;
}

/* ---- the screen ------------------------------------------------------------------------- */

static void
layout(struct screen *base, int lines, int cols)
{
	struct imp *s = (struct imp *)base;

	s->height = lines - 2 - 4;
	s->cols = cols;
}

static void
draw(struct screen *base)
{
	struct imp *s = (struct imp *)base;
	struct ui *ui = base->ui;
	struct buf t = BUF_INIT;
	int i;

	ui_title(ui, _("Import a CSV file"));
	buf_printf(&t, "%s %s", _("File:"), s->path);
	ui_text(ui, 1, 1, s->cols - 2, buf_str(&t), s->stage == STAGE_PATH ? ATTR_FIELD_FOCUS :
	    ATTR_NORMAL);
	if (s->stage == STAGE_PATH) {
		base->cursor_y = 1;
		base->cursor_x = 1 + text_cols(buf_str(&t));
		ui_text(ui, 2, 1, s->cols - 2, _("Type the path; Tab completes it; Enter checks the "
		    "file."), ATTR_DIM);
	}
	buf_release(&t);
	for (i = 0; i < s->height && s->top + i < s->n; i++)
		ui_text(ui, 3 + i, 1, s->cols - 2, s->lines[s->top + i], s->roles[s->top + i]);
}

static unsigned
path_key(struct imp *s, int kind, wint_t key)
{
	size_t len = strlen(s->path);

	if (kind == OK && key == '\t') {
		complete_path(s);
		return UI_REDRAW;
	}
	if ((kind == OK && (key == '\r' || key == '\n')) || (kind == KEY_CODE_YES &&
	    key == KEY_ENTER)) {
		if (len > 0)
			preview(s);
		return UI_REDRAW;
	}
	if ((kind == KEY_CODE_YES && key == KEY_BACKSPACE) || (kind == OK && (key == 127 ||
	    key == 8))) {
		while (len > 0 && ((unsigned char)s->path[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		s->path[len] = '\0';
		return UI_REDRAW;
	}
	if (kind == OK && key >= 32 && key != 127) {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		size_t n;

		memset(&st, 0, sizeof(st));
		n = wcrtomb(mb, (wchar_t)key, &st);
		if (n != (size_t)-1 && len + n < sizeof(s->path)) {
			memcpy(s->path + len, mb, n);
			s->path[len + n] = '\0';
		}
		return UI_REDRAW;
	}
	return UI_IGNORED;
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct imp *s = (struct imp *)base;

	if (kind == OK && key == 27)
		return s->stage == STAGE_PREVIEW ? (s->stage = STAGE_PATH, clear_lines(s),
		    UI_REDRAW) : UI_POP;
	if (s->stage == STAGE_PATH)
		return path_key(s, kind, key);
	if (s->stage == STAGE_PREVIEW && kind == OK && key == ' ') {
		s->skip_invalid = !s->skip_invalid;
		preview(s);
		return UI_REDRAW;
	}
	if (act == ACT_MOVE_DOWN || act == ACT_PAGE_DOWN) {
		s->top += act == ACT_MOVE_DOWN ? 1 : s->height;
		if (s->top > s->n - s->height)
			s->top = s->n - s->height > 0 ? s->n - s->height : 0;
		return UI_REDRAW;
	}
	if (act == ACT_MOVE_UP || act == ACT_PAGE_UP) {
		s->top -= act == ACT_MOVE_UP ? 1 : s->height;
		if (s->top < 0)
			s->top = 0;
		return UI_REDRAW;
	}
	if (s->stage == STAGE_PREVIEW && act == ACT_RUN_IMPORT) {
		run_import(s);
		return UI_REDRAW;
	}
	if (s->stage == STAGE_DONE && act == ACT_OPEN)
		return UI_POP;
	return UI_IGNORED;
}

static void
scr_free(struct screen *base)
{
	struct imp *s = (struct imp *)base;

	clear_lines(s);
	free(s);
}

static const struct screen_ops ops = {
	"import", layout, draw, handle_key, scr_free, bar,
};

struct screen *
scr_import_new(struct ui *ui)
{
	struct imp *s;
	struct duban_err err;

	if (access_require(ui->db, ACCESS_IMPORT, &err) != DUBAN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &ops;
	s->base.ui = ui;
	return &s->base;
}
