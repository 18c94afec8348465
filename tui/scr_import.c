/* tui/scr_import.c: importing a CSV file or an .xlsx workbook from the desk. Choose the file (Tab completes the
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
#include "duban/calendar.h"
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
#include "duban/tui/ui_line.h"
#include "duban/tui/ui_picker.h"

enum stage { STAGE_PATH, STAGE_PREVIEW, STAGE_DONE };

#define MAX_LINES 400

struct imp {
	struct screen base;
	enum stage stage;
	char path[PATH_MAX];		/* what path_line holds */
	struct ui_line path_line;
	const struct kind_def *kind;	/* chosen with K; NULL: told by the header */
	bool kind_unknown;		/* the header did not tell the kind */
	bool failed;			/* the last F2 wrote nothing */
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

static const enum action bar[] = { ACT_HELP, ACT_RUN_IMPORT, ACT_SKIP_INVALID, ACT_BACK,
	ACT_NONE };
static const enum action path_bar[] = { ACT_HELP, ACT_OPEN, ACT_CLEAR_LINE, ACT_BACK,
	ACT_NONE };
static const enum action kind_bar[] = { ACT_HELP, ACT_CHOOSE_KIND, ACT_BACK, ACT_NONE };

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
	wint_t key = 0;
	int kind;

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
	kind = get_wch(&key);
	nodelay(stdscr, FALSE);
	if (kind != ERR && ui_key_action("import", kind, key) == ACT_BACK)
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
	if (res->n_uncovered > 0 && calendar_is_provisional(s->base.ui->app->cal,
	    res->uncovered_year))
		add_line(s, ATTR_WARN, P_("  %lld row has a due date reaching into %d, which has no "
		    "official schedule yet: PROVISIONAL (statutory holidays, make-up days unknown)",
		    "  %lld rows have due dates reaching into %d, which has no official schedule yet: "
		    "PROVISIONAL (statutory holidays, make-up days unknown)", res->n_uncovered),
		    (long long)res->n_uncovered, res->uncovered_year);
	else if (res->n_uncovered > 0)
		add_line(s, ATTR_WARN, P_("  %lld row has a due date reaching into %d, which the "
		    "calendar has no official schedule for: counted with weekends only, it may be "
		    "wrong", "  %lld rows have due dates reaching into %d, which the calendar has no "
		    "official schedule for: counted with weekends only, they may be wrong",
		    res->n_uncovered), (long long)res->n_uncovered, res->uncovered_year);
}

/* Move the lines from index from to the end so that they start at index to. */
static void
move_up(struct imp *s, int from, int to)
{
	int n = s->n - from;
	char **lines;
	enum ui_attr_role *roles;

	if (n <= 0 || from <= to)
		return;
	lines = xcalloc((size_t)n, sizeof(*lines));
	roles = xcalloc((size_t)n, sizeof(*roles));
	memcpy(lines, s->lines + from, (size_t)n * sizeof(*lines));
	memcpy(roles, s->roles + from, (size_t)n * sizeof(*roles));
	memmove(s->lines + to + n, s->lines + to, (size_t)(from - to) * sizeof(*lines));
	memmove(s->roles + to + n, s->roles + to, (size_t)(from - to) * sizeof(*roles));
	memcpy(s->lines + to, lines, (size_t)n * sizeof(*lines));
	memcpy(s->roles + to, roles, (size_t)n * sizeof(*roles));
	free(lines);
	free(roles);
}

static void
preview(struct imp *s)
{
	struct ui *ui = s->base.ui;
	struct record_env env = app_env(ui->app, ui->db);
	struct csvin_opts co = { ENCODING_AUTO, NULL, NULL, 0, NULL };
	struct csvin_alias *aliases = config_aliases(ui->app->cfg, &co.n_aliases);
	struct csvin *c = NULL;
	struct import_opts o;
	struct import_result res;
	struct duban_err err;
	size_t i;
	int rc;
	int mapped;
	int first_new;

	clear_lines(s);
	s->refusals = 0;
	s->kind_unknown = false;
	co.aliases = aliases;
	co.kind = s->kind;
	/* Checking a large file takes a while: say so at once, with the progress below. */
	ui_text(ui, 3, 1, s->cols - 2, _("Checking the file..."), ATTR_HEADER);
	for (i = 4; i < (size_t)(3 + s->height); i++)
		ui_text(ui, (int)i, 1, s->cols - 2, "", ATTR_NORMAL);
	refresh();
	rc = csvin_open(s->path, s->path, &co, &c, &err);
	if (rc != DUBAN_OK && s->kind == NULL) {
		size_t k;

		/* Does the file open as some kind? Then only its kind was not told: K chooses. */
		for (k = 0; record_kinds[k] != NULL && !s->kind_unknown; k++) {
			struct csvin *t = NULL;
			struct duban_err e2;

			co.kind = record_kinds[k];
			if (csvin_open(s->path, s->path, &co, &t, &e2) == DUBAN_OK) {
				s->kind_unknown = true;
				csvin_close(t);
			}
		}
		co.kind = NULL;
	}
	if (rc != DUBAN_OK) {
		if (s->kind_unknown)
			add_line(s, ATTR_WARN, "%s", _("duban cannot tell from the header which kind "
			    "of records this file holds: K chooses the kind."));
		else if (strstr(err.msg, "--kind") != NULL)
			/* The command line's advice; the desk cannot take options. */
			add_line(s, ATTR_ERROR, "%s", _("No column of the first row is a field name "
			    "duban knows, so it is not a header: the first row must name the columns "
			    "(see doc/csv.md)."));
		else
			add_line(s, ATTR_ERROR, "%s", err.msg);
		config_aliases_free(aliases, co.n_aliases);
		s->stage = s->kind_unknown ? STAGE_PREVIEW : STAGE_PATH;
		return;
	}
	if (csvin_sheet(c) != NULL)
		add_line(s, ATTR_HEADER, _("Kind: %s; workbook sheet \"%s\""),
		    _(csvin_kind(c)->label), csvin_sheet(c));
	else
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
	o.kind = s->kind;
	o.encoding = ENCODING_AUTO;
	o.aliases = aliases;
	o.n_aliases = co.n_aliases;
	o.dry_run = true;
	o.refused = on_refused;
	o.warn = on_warning;
	o.progress = on_progress;
	o.arg = s;
	s->cancel = 0;
	o.cancel = &s->cancel;
	s->started = now_seconds();
	mapped = s->n;
	rc = import_run(&env, &o, &res, &err);
	/* What matters first, above the fold: what a dry run finds and what F2 will do; the
	 * columns and the refusals below it. */
	first_new = s->n;
	if (s->cancel)
		add_line(s, ATTR_WARN, "%s", _("Check cancelled: Enter checks again."));
	else if (rc != DUBAN_OK && rc != DUBAN_EINPUT)
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
	move_up(s, first_new, 1);
	(void)mapped;
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
	o.kind = s->kind;
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
	else if (rc == DUBAN_EINPUT && !s->skip_invalid && res.n_refused > 0)
		add_line(s, ATTR_ERROR, _("Nothing was written: %lld of %lld rows were refused. "
		    "Correct them in the file, or press Enter and then Space to import the others."),
		    (long long)res.n_refused, (long long)res.rows);
	else if (rc != DUBAN_OK)
		add_line(s, ATTR_ERROR, "%s", err.msg);
	s->failed = !res.written;
	summary(s, &res, false);
	if (res.written && res.batch_id > 0)
		add_line(s, ATTR_OK, _("Written as import batch %lld in %.1f s."),
		    (long long)res.batch_id, now_seconds() - s->started);
	else if (res.written)
		add_line(s, ATTR_OK, "%s", _("Nothing changed: no import batch was recorded."));
	if (res.rejects_path != NULL)
		add_line(s, ATTR_WARN, _("Refused rows are in %s: correct them there and import that "
		    "file."), res.rejects_path);
	add_line(s, ATTR_DIM, "%s", res.written ? _("Enter: import another file.") :
	    _("Enter: back to the check of this file."));
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
set_stage(struct imp *s, enum stage stage)
{
	s->stage = stage;
	s->base.mode_keymap = stage == STAGE_PATH ? "line" : NULL;
	s->base.mode_bar = stage == STAGE_PATH ? path_bar : s->kind_unknown ? kind_bar : NULL;
}

static void
draw(struct screen *base)
{
	struct imp *s = (struct imp *)base;
	struct ui *ui = base->ui;
	const char *label = _("File:");
	int lw = text_cols(label) + 1;
	int cy = -1;
	int cx = 0;
	int i;

	ui_title(ui, _("Import a CSV file or workbook"));
	ui_text(ui, 1, 1, lw, label, s->stage == STAGE_PATH ? ATTR_FIELD_FOCUS : ATTR_NORMAL);
	ui_line_draw(ui, &s->path_line, 1, 1 + lw, 1, s->cols - 2 - lw, s->stage == STAGE_PATH ?
	    ATTR_FIELD_FOCUS : ATTR_NORMAL, s->stage == STAGE_PATH, &cy, &cx);
	if (s->stage == STAGE_PATH) {
		base->cursor_y = cy;
		base->cursor_x = cx;
		ui_text(ui, 2, 1, s->cols - 2, _("Type the path; Tab completes it; Enter checks the "
		    "file."), ATTR_DIM);
	}
	for (i = 0; i < s->height && s->top + i < s->n; i++) {
		/* More below than fits: the last row says so rather than hiding it. */
		if (i == s->height - 1 && s->top + i + 1 < s->n) {
			char more[160];

			snprintf(more, sizeof(more), _("-- %d more lines below: Down or PgDn --"),
			    s->n - s->top - i);
			ui_text(ui, 3 + i, 1, s->cols - 2, more, ATTR_WARN);
			break;
		}
		ui_text(ui, 3 + i, 1, s->cols - 2, s->lines[s->top + i], s->roles[s->top + i]);
	}
}

static void
sync_path(struct imp *s)
{
	struct buf b = BUF_INIT;

	ui_line_get(&s->path_line, &b);
	snprintf(s->path, sizeof(s->path), "%s", buf_str(&b));
	buf_release(&b);
}

static unsigned
path_key(struct imp *s, enum action act, int kind, wint_t key)
{
	switch (act) {
	case ACT_NEXT_PANE:
		sync_path(s);
		complete_path(s);
		ui_line_set(&s->path_line, s->path);
		return UI_REDRAW;
	case ACT_OPEN:
		sync_path(s);
		if (s->path[0] != '\0') {
			preview(s);
			set_stage(s, s->stage);
		}
		return UI_REDRAW;
	case ACT_BACK:
		return UI_POP;
	default:
		break;
	}
	if (ui_line_key(&s->path_line, act, kind, key) == LINE_IGNORED)
		return UI_IGNORED;
	return UI_REDRAW;
}

/* K: the kind of records the file holds, when its header does not tell. */
static void
choose_kind(struct imp *s)
{
	struct ui *ui = s->base.ui;
	struct ui_picker p;
	char name[64];
	size_t k;

	ui_picker_init(&p);
	for (k = 0; record_kinds[k] != NULL; k++)
		ui_picker_add(&p, _(record_kinds[k]->label), record_kinds[k]->name,
		    record_kinds[k]->name);
	if (ui_pick(ui, _("Kind of records in the file:"), &p, name, sizeof(name))) {
		s->kind = record_kind(name);
		preview(s);
		set_stage(s, s->stage);
	}
	ui_picker_release(&p);
}

static unsigned
handle_key(struct screen *base, enum action act, int kind, wint_t key)
{
	struct imp *s = (struct imp *)base;

	if (s->stage == STAGE_PATH)
		return path_key(s, act, kind, key);
	if (act == ACT_BACK) {
		/* Back to the path, as it was typed: another file, or the same again. */
		clear_lines(s);
		set_stage(s, STAGE_PATH);
		return UI_REDRAW;
	}
	if (act == ACT_CHOOSE_KIND && s->stage == STAGE_PREVIEW) {
		choose_kind(s);
		return UI_REDRAW;
	}
	if (s->stage == STAGE_PREVIEW && act == ACT_SKIP_INVALID && !s->kind_unknown) {
		s->skip_invalid = !s->skip_invalid;
		preview(s);
		return UI_REDRAW;
	}
	if (act == ACT_MOVE_DOWN || act == ACT_PAGE_DOWN) {
		s->top += act == ACT_MOVE_DOWN ? 1 : s->height - 1;
		if (s->top > s->n - s->height)
			s->top = s->n - s->height > 0 ? s->n - s->height : 0;
		return UI_REDRAW;
	}
	if (act == ACT_MOVE_UP || act == ACT_PAGE_UP) {
		s->top -= act == ACT_MOVE_UP ? 1 : s->height - 1;
		if (s->top < 0)
			s->top = 0;
		return UI_REDRAW;
	}
	if (s->stage == STAGE_PREVIEW && act == ACT_RUN_IMPORT && !s->kind_unknown) {
		run_import(s);
		return UI_REDRAW;
	}
	if (s->stage == STAGE_DONE && act == ACT_OPEN) {
		/* Nothing written: back to this file's check (Space, F2 again); else a new file. */
		if (s->failed) {
			preview(s);
			set_stage(s, s->stage);
		} else {
			clear_lines(s);
			ui_line_clear(&s->path_line);
			set_stage(s, STAGE_PATH);
		}
		return UI_REDRAW;
	}
	return UI_IGNORED;
}

static void
scr_free(struct screen *base)
{
	struct imp *s = (struct imp *)base;

	clear_lines(s);
	ui_line_release(&s->path_line);
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
	ui_line_init(&s->path_line, sizeof(s->path) - 1);
	set_stage(s, STAGE_PATH);
	return &s->base;
}
