/* tui/cli_io.c: the import and export commands. Data goes to stdout (export without -o);
 * refusals, warnings and the summary go to stderr, each refusal as FILE:LINE: COLUMN: reason. */
#include "duban/tui/cli.h"

#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/csvin.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/encoding.h"
#include "duban/export.h"
#include "duban/i18n.h"
#include "duban/import.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static const char *
io_kinds(struct buf *out)
{
	size_t k;

	for (k = 0; record_kinds[k] != NULL; k++)
		buf_printf(out, "%s%s", k > 0 ? ", " : "", record_kinds[k]->name);
	return buf_str(out);
}

/* ---- import ------------------------------------------------------------------------------ */

struct import_ui {
	bool tty;
	bool shown;
	struct timespec last;
};

static void
on_refused(void *arg, const char *file, long line, const char *column, const char *reason)
{
	struct buf b = BUF_INIT;
	struct import_ui *ui = arg;

	if (ui->shown) {
		fputs("\r\033[K", stderr);
		ui->shown = false;
	}
	/* Cells are the file's text: nothing of it reaches the terminal unsanitized. */
	buf_printf(&b, "duban: %s:%ld: ", file, line);
	if (column != NULL) {
		text_sanitize(column, &b);
		buf_adds(&b, ": ");
	}
	text_sanitize(reason, &b);
	fprintf(stderr, "%s\n", buf_str(&b));
	buf_release(&b);
}

static void
on_warning(void *arg, const char *msg)
{
	struct buf b = BUF_INIT;

	(void)arg;
	text_sanitize(msg, &b);
	app_warn("%s", buf_str(&b));
	buf_release(&b);
}

static void
on_progress(void *arg, int64_t rows, uint64_t bytes, uint64_t total)
{
	struct import_ui *ui = arg;
	struct timespec now;

	if (!ui->tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec * 1000 + now.tv_nsec / 1000000 <
	    ui->last.tv_sec * 1000 + ui->last.tv_nsec / 1000000 + 500)
		return;
	ui->last = now;
	if (total > 0)
		fprintf(stderr, _("\rduban: %lld rows, %d%%"), (long long)rows,
		    (int)(bytes * 100 / total));
	else
		fprintf(stderr, _("\rduban: %lld rows"), (long long)rows);
	ui->shown = true;
}

static void
print_summary(const struct app *app, const char *file, const struct import_opts *o,
    const struct import_result *r)
{
	struct buf b = BUF_INIT;

	text_sanitize(file, &b);
	if (r->sheet != NULL) {
		struct buf sheet = BUF_INIT;

		text_sanitize(r->sheet, &sheet);
		app_eprintf(_("duban: %s: %s records (sheet \"%s\"): %lld rows: %lld new, %lld "
		    "updated, %lld unchanged, %lld refused\n"), buf_str(&b), r->kind->name,
		    buf_str(&sheet), (long long)r->rows, (long long)r->n_new,
		    (long long)r->n_updated, (long long)r->n_unchanged, (long long)r->n_refused);
		buf_release(&sheet);
	} else {
		app_eprintf(_("duban: %s: %s records (%s, %s separated): %lld rows: %lld new, "
		    "%lld updated, %lld unchanged, %lld refused\n"), buf_str(&b), r->kind->name,
		    encoding_name(r->encoding == ENCODING_AUTO ? ENCODING_UTF8 : r->encoding),
		    r->delimiter == '\t' ? _("tab") : _("comma"), (long long)r->rows,
		    (long long)r->n_new, (long long)r->n_updated, (long long)r->n_unchanged,
		    (long long)r->n_refused);
	}
	if (r->hearings_new + r->hearings_updated + r->hearings_unchanged > 0)
		app_eprintf(_("duban: %s: hearings: %lld new, %lld updated, %lld unchanged\n"),
		    buf_str(&b), (long long)r->hearings_new, (long long)r->hearings_updated,
		    (long long)r->hearings_unchanged);
	if (r->n_uncovered > 0 && calendar_is_provisional(app->cal, r->uncovered_year))
		app_warn(P_("%s: %lld row has a due date reaching into %d, a year without an "
		    "official holiday schedule yet: it is PROVISIONAL, counted with the statutory "
		    "holidays and no make-up working days (see doc/calendar.md)", "%s: %lld rows have "
		    "due dates reaching into %d, a year without an official holiday schedule yet: "
		    "they are PROVISIONAL, counted with the statutory holidays and no make-up working "
		    "days (see doc/calendar.md)", r->n_uncovered), buf_str(&b),
		    (long long)r->n_uncovered, r->uncovered_year);
	else if (r->n_uncovered > 0)
		app_warn(P_("%s: %lld row has a due date reaching into %d, a year the calendar has no "
		    "official holiday schedule for: it is counted with weekends only and may be wrong; "
		    "add the year's file (see doc/calendar.md)", "%s: %lld rows have due dates "
		    "reaching into %d, a year the calendar has no official holiday schedule for: they "
		    "are counted with weekends only and may be wrong; add the year's file (see "
		    "doc/calendar.md)", r->n_uncovered), buf_str(&b), (long long)r->n_uncovered,
		    r->uncovered_year);
	if (o->dry_run)
		fprintf(stderr, "%s\n", _("duban: dry run: nothing was written"));
	else if (r->written && r->batch_id > 0)
		app_eprintf(_("duban: %s: imported as batch %lld\n"), buf_str(&b),
		    (long long)r->batch_id);
	else if (r->written)
		app_eprintf(_("duban: %s: nothing changed; no import batch was recorded\n"),
		    buf_str(&b));
	if (r->rejects_path != NULL) {
		buf_reset(&b);
		text_sanitize(r->rejects_path, &b);
		app_eprintf(_("duban: the refused rows are in %s: correct them there and "
		    "import that file\n"), buf_str(&b));
	}
	buf_release(&b);
}

int
cli_import(struct app *app, int argc, char **argv)
{
	struct import_opts o;
	struct csvin_alias *aliases = NULL;
	struct import_result res;
	struct import_ui ui;
	struct duban_err err;
	struct record_env env;
	struct sigaction sa;
	struct sigaction old_int;
	struct sigaction old_term;
	struct db *db = NULL;
	int rc;
	int i;

	memset(&o, 0, sizeof(o));
	memset(&ui, 0, sizeof(ui));
	memset(&res, 0, sizeof(res));
	o.encoding = ENCODING_AUTO;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
			o.kind = cli_kind_arg(argv[++i]);
			if (o.kind == NULL)
				return DUBAN_EUSAGE;
		} else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
			if (!encoding_parse(argv[++i], &o.encoding))
				return cli_usage(
				    _("--encoding takes auto, utf-8 or gb18030, not \"%s\""),
				    argv[i]);
		} else if (strcmp(argv[i], "--rejects") == 0 && i + 1 < argc) {
			o.rejects_path = argv[++i];
		} else if (strcmp(argv[i], "--sheet") == 0 && i + 1 < argc) {
			o.sheet = argv[++i];
		} else if (strcmp(argv[i], "--dry-run") == 0) {
			o.dry_run = true;
		} else if (strcmp(argv[i], "--skip-invalid") == 0) {
			o.skip_invalid = true;
		} else if (o.path == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
			o.path = argv[i];
		} else {
			return cli_usage(_("import: unexpected argument \"%s\""), argv[i]);
		}
	}
	if (o.path == NULL)
		return cli_usage("%s", _("import takes a FILE, e.g. duban import cases.csv "
		    "[--kind litigation] [--dry-run] [--skip-invalid]"));
	if (o.rejects_path != NULL && !o.skip_invalid)
		return cli_usage("%s", _("--rejects goes with --skip-invalid"));
	o.name = o.path;
	if (strcmp(o.path, "-") == 0) {
		/* Standard input has no place beside it for the rejects. */
		if (o.skip_invalid && !o.dry_run && o.rejects_path == NULL)
			return cli_usage("%s", _("import - (standard input) with --skip-invalid "
			    "needs --rejects FILE"));
		o.path = "/dev/stdin";
	}
	o.refused = on_refused;
	o.warn = on_warning;
	o.progress = on_progress;
	o.arg = &ui;
	o.cancel = &interrupted;
	o.aliases = aliases = config_aliases(app->cfg, &o.n_aliases);
	ui.tty = isatty(STDERR_FILENO) == 1;
	rc = cli_open_for(app, ACCESS_IMPORT, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	/* SQLite builds and drops a small table for each CHECK (x IN (...)) of every row it
	 * inserts; with glibc's default trim threshold each drop returned memory to the kernel
	 * and the next row asked for it again: a third of the import went to brk(). */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	/* Ctrl-C and kill stop between rows and roll everything back. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	rc = import_run(&env, &o, &res, &err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (ui.shown)
		fputs("\r\033[K", stderr);
	db_close(db);
	/* Counts of an import that stopped half-way (interrupted, undecodable) would mislead. */
	if (res.kind != NULL && (rc == DUBAN_OK || res.n_refused > 0))
		print_summary(app, o.name, &o, &res);
	if (rc != DUBAN_OK)
		app_report(&err);
	import_result_release(&res);
	config_aliases_free(aliases, o.n_aliases);
	return rc;
}

/* ---- export ------------------------------------------------------------------------------ */

/* Kinds one export may name (a workbook: a sheet each). */
#define KINDS_MAX 16

int
cli_export(struct app *app, int argc, char **argv)
{
	struct export_opts o;
	struct duban_err err;
	struct record_env env;
	struct db *db = NULL;
	const struct kind_def *kinds[KINDS_MAX];
	int64_t counts[KINDS_MAX] = { 0 };
	size_t n_kinds = 0;
	int rc;
	int i;

	for (i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--format") == 0 && strcmp(argv[i + 1], "ical") == 0)
			return cli_export_ical(app, argc, argv);
	memset(&o, 0, sizeof(o));
	o.format = EXPORT_CSV;
	o.encoding = ENCODING_UTF8;
	o.stream = stdout;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "csv") == 0)
				o.format = EXPORT_CSV;
			else if (strcmp(argv[i], "json") == 0)
				o.format = EXPORT_JSON;
			else if (strcmp(argv[i], "xlsx") == 0)
				o.format = EXPORT_XLSX;
			else
				return cli_usage(_("--format takes csv, json, xlsx or ical, not \"%s\""),
				    argv[i]);
		} else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
			if (!encoding_parse(argv[++i], &o.encoding) || o.encoding == ENCODING_AUTO)
				return cli_usage(_("--encoding takes utf-8 or gb18030, not \"%s\""),
				    argv[i]);
		} else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) &&
		    i + 1 < argc) {
			o.path = argv[++i];
		} else if (argv[i][0] != '-' && n_kinds < KINDS_MAX) {
			kinds[n_kinds] = cli_kind_arg(argv[i]);
			if (kinds[n_kinds] == NULL)
				return DUBAN_EUSAGE;
			o.kind = kinds[0];
			n_kinds++;
		} else {
			return cli_usage(_("export: unexpected argument \"%s\""), argv[i]);
		}
	}
	if (o.kind == NULL) {
		struct buf names = BUF_INIT;

		rc = cli_usage(_("export takes a KIND: %s"), io_kinds(&names));
		buf_release(&names);
		return rc;
	}
	if (o.format == EXPORT_JSON && o.encoding == ENCODING_GB18030)
		return cli_usage("%s", _("JSON is always UTF-8; --encoding gb18030 is for CSV"));
	if (o.path != NULL && strcmp(o.path, "-") == 0)
		o.path = NULL;
	if (o.format == EXPORT_XLSX && o.path == NULL)
		return cli_usage("%s", _("a workbook (.xlsx) is written to a file: give -o "
		    "FILE.xlsx"));
	if (n_kinds > 1 && o.format != EXPORT_XLSX)
		return cli_usage("%s", _("several kinds are exported together only as a workbook "
		    "(--format xlsx), a sheet each"));
	/* The headers speak the interface language, as `duban list --format csv` does. */
	o.zh_headers = strcmp(app->lang_opt != NULL ? app->lang_opt : app->cfg->lang, "en") != 0;
	rc = cli_open_for(app, ACCESS_EXPORT, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	if (o.format == EXPORT_XLSX)
		rc = export_kinds(&env, &o, kinds, n_kinds, counts, &err);
	else
		rc = export_kind(&env, &o, &counts[0], &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	for (i = 0; o.path != NULL && i < (int)n_kinds; i++)
		app_eprintf(_("duban: %lld %s records written to %s\n"), (long long)counts[i],
		    kinds[i]->name, o.path);
	if (o.path == NULL && fflush(stdout) != 0)
		return DUBAN_EINPUT;
	return DUBAN_OK;
}
