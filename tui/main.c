/* tui/main.c: the entry point. Global options may stand anywhere on the line (scripts write
 * `duban dashboard --today 2025-06-30`); what is left is the command and its arguments. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/duty.h"
#include "duban/i18n.h"
#include "duban/safefile.h"
#include "duban/mem.h"
#include "duban/text.h"
#include "duban/record.h"
#include "duban/rules.h"
#include "duban/tui/app.h"
#include "duban/tui/cli.h"
#include "duban/tui/desk.h"
#include "duban/tui/priv.h"

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.1.0"
#endif

/* "Label: a, b, c." wrapped at 78 columns; empties list. */
static void
print_list(const char *label, struct buf *list)
{
	const char *p = buf_str(list);
	size_t col = (size_t)text_cols(label) + 1;

	printf("%s:", label);
	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) + 1 : strlen(p);
		char *item = xstrndup(p, len);
		size_t cols = (size_t)text_cols(item);

		free(item);
		if (col + 1 + cols > 78) {
			printf("\n");
			col = 0;
		} else {
			printf(" ");
			col++;
		}
		printf("%.*s", (int)len, p);
		col += cols;
		p += len;
		while (*p == ' ')
			p++;
	}
	printf(".\n");
	buf_reset(list);
}

static void
print_help(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	printf("%s", _("Usage: duban [GLOBAL OPTIONS] [COMMAND [ARGS...]]\n"
	    "\n"
	    "duban (督办) supervises how government agencies respond to administrative\n"
	    "lawsuits, reconsideration and judicial suggestions: exact deadlines, on a\n"
	    "terminal desk.\n"
	    "\n"
	    "Global options:\n"
	    "  --db PATH            database file (default: from the configuration)\n"
	    "  --config PATH        configuration file layered over the shipped defaults\n"
	    "                       (default search: $DUBAN_CONFIG,\n"
	    "                       $XDG_CONFIG_HOME/duban/duban.ini or\n"
	    "                       ~/.config/duban/duban.ini,\n"
	    "                       /etc/duban/duban.ini)\n"
	    "  --today YYYY-MM-DD   the date to treat as today (also $DUBAN_TODAY)\n"
	    "  --lang zh|en         interface language (default: from the configuration, zh)\n"
	    "  --help, --version\n"
	    "\n"
	    "Commands:\n"
	    "  (none)               open the terminal desk\n"
	    "  init [--demo]        create the database; you become its administrator\n"
	    "  deadline RULE DATE [--explain] [--extended]\n"
	    "                       print the due date of RULE triggered on DATE\n"
	    "  deadline --record KIND ID|KEY [FIELD]\n"
	    "                       a stored due date explained day by day\n"
	    "  calendar YEAR        that year's official rest days and make-up working days\n"
	    "  check                database integrity and calendar coverage\n"
	    "  dashboard [--format plain|json|xlsx] [-o FILE.xlsx] [--within N]\n"
	    "                       overdue, due today and due soon per duty; per agency\n"
	    "  list KIND [--agency NAME] [--duty DUTY] [--status STATUS]\n"
	    "            [--format plain|csv|json]\n"
	    "  show KIND ID|KEY     one record, every field\n"
	    "  history KIND ID|KEY  who changed the record when, and what\n"
	    "  add KIND FIELD=VALUE...        create a record (fields: see doc/records.md)\n"
	    "  edit KIND ID|KEY FIELD=VALUE... change a record\n"
	    "  delete KIND ID|KEY   delete a record (kept in the audit trail)\n"
	    "  user add LOGIN ROLE | user role LOGIN ROLE | user remove LOGIN | user list\n"
	    "  recompute [--dry-run|--yes]\n"
	    "                       show which due dates move, then recompute them (admin)\n"
	    "  recompute --acknowledge  a supervisor has seen the moved due dates\n"
	    "  import FILE [--kind KIND] [--encoding auto|utf-8|gb18030] [--dry-run]\n"
	    "              [--skip-invalid] [--rejects FILE] [--sheet NAME]\n"
	    "                       load a CSV file or an .xlsx workbook (one\n"
	    "                       transaction; see doc/csv.md)\n"
	    "  export KIND [--format csv|json] [--encoding utf-8|gb18030] [-o FILE]\n"
	    "  export KIND... --format xlsx -o FILE.xlsx\n"
	    "                       an Excel workbook, a sheet per kind (typed cells)\n"
	    "  export deadlines --format ical [--split agency|duty] [-o FILE|DIR]\n"
	    "                       open deadlines for phone and Outlook calendars\n"
	    "  assess YEAR [--format plain|csv|json|xlsx] [-o FILE.xlsx] [--kind KIND]\n"
	    "              [--report]\n"
	    "              [--finalize [--force]] [--unfreeze]\n"
	    "                       the annual assessment (doc/assessment.md); --force\n"
	    "                       freezes a year not yet ended\n"
	    "  backup FILE          a consistent, checked copy of the database (admin)\n"
	    "  attach add KIND ID|KEY FILE | attach list | attach remove N\n"
	    "                       documents on a record by path and sha256\n"
	    "\n"));
	printf("%s", _("  staffing [YEAR] [--format plain|json]\n"
	    "                       holding rate and training hours per agency\n"
	    "\n"));
	printf("%s", _("  candidates [YEAR] [--format plain|csv]\n"
	    "                       overturned cases not yet reviewed (a sheet to import)\n"
	    "\n"));
	/* The kinds, duties and rules come from their tables, so a new one is in the help. */
	for (i = 0; record_kinds[i] != NULL; i++) {
		buf_adds(&b, i > 0 ? ", " : "");
		buf_printf(&b, _("%s (%s)"), record_kinds[i]->name, _(record_kinds[i]->plural));
	}
	print_list(_("Kinds"), &b);
	for (i = 0; i < (size_t)duties_n; i++) {
		buf_adds(&b, i > 0 ? ", " : "");
		buf_printf(&b, _("%s (%s)"), duties[i].name, _(duties[i].label));
	}
	print_list(_("Duties"), &b);
	printf("%s", _("Statuses: pending, due-soon, due-today, overdue, done-on-time, done-late.\n"
	    "Roles: admin, supervisor, staff, analyst.\n"
	    "\n"));
	for (i = 0; i < rules_n_required; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", rules_required[i]);
	print_list(_("Rules"), &b);
	printf("%s", _("\n"
	    "Exit status: 0 success, 1 wrong usage, 2 input rejected, 3 database problem,\n"
	    "4 not allowed for your role. See duban(1) and doc/ for more.\n"));
	buf_release(&b);
}

/* A batch command killed half-way (Ctrl-C, kill, a dropped SSH session, a closed pipe)
 * leaves no half-written file beside the one it was writing; then it dies of the signal as
 * it would have. Commands that handle a signal themselves (import stops between rows) put
 * their own handler in place meanwhile. */
static void
on_fatal_signal(int sig)
{
	safefile_remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
catch_fatal_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* A signal ignored by whoever started duban (nohup) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

/* Take "--opt VALUE" or "--opt=VALUE" at argv[*i]; returns the value or NULL. */
static const char *
option_value(int argc, char **argv, int *i, const char *name, int *rc)
{
	size_t len = strlen(name);
	const char *arg = argv[*i];

	if (strncmp(arg, name, len) != 0)
		return NULL;
	if (arg[len] == '=')
		return arg + len + 1;
	if (arg[len] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		app_eprintf(_("duban: %s needs a value\n"), name);
		*rc = 1;
		return NULL;
	}
	(*i)++;
	return argv[*i];
}

int
main(int argc, char **argv)
{
	struct app app;
	struct duban_err err;
	char **rest;
	int nrest = 0;
	bool help = false;
	bool version = false;
	int rc = 0;
	int i;

	/* No umask here: exports, backups and notices get the mode the person's umask gives;
	 * the database's own files are made 0660 where they are created (core/db.c). */
	priv_init();
	memset(&app, 0, sizeof(app));
	rest = calloc((size_t)argc + 1, sizeof(*rest));
	if (rest == NULL)
		return 3;
	for (i = 1; i < argc && rc == 0; i++) {
		const char *v;

		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				rest[nrest++] = argv[i];
			break;
		}
		if ((v = option_value(argc, argv, &i, "--db", &rc)) != NULL)
			app.db_opt = v;
		else if ((v = option_value(argc, argv, &i, "--config", &rc)) != NULL)
			app.config_opt = v;
		else if ((v = option_value(argc, argv, &i, "--today", &rc)) != NULL)
			app.today_opt = v;
		else if ((v = option_value(argc, argv, &i, "--lang", &rc)) != NULL)
			app.lang_opt = v;
		else if (rc == 0 && (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0))
			help = true;
		else if (rc == 0 && strcmp(argv[i], "--version") == 0)
			version = true;
		else if (rc == 0)
			rest[nrest++] = argv[i];
	}
	app_init(&app, argv[0]);
	/* Help and version work even when the configuration is broken. */
	if (rc == 0 && help) {
		print_help();
	} else if (rc == 0 && version) {
		printf("duban %s\n", DUBAN_VERSION);
	} else if (rc == 0 && app_setup(&app, &err) != DUBAN_OK) {
		rc = app_report(&err);
	} else if (rc == 0 && nrest == 0) {
		rc = desk_run(&app);
	} else if (rc == 0) {
		/* The desk restores the terminal on signals (tui/ui.c); a command has only files
		 * to clean up. */
		catch_fatal_signals();
		rc = cli_dispatch(&app, nrest, rest);
	}
	app_release(&app);
	free(rest);
	return rc;
}
