/* include/duban/tui/cli.h: the batch commands. Each takes the arguments after its name and
 * returns the exit status (enum duban_rc). */
#ifndef DUBAN_TUI_CLI_H
#define DUBAN_TUI_CLI_H

#include <stdio.h>

struct app;
struct buf;
struct db;
struct duban_err;
struct kind_def;

/* "duban: <message>" and the hint to --help on stderr; returns DUBAN_EUSAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Open the database and check the role allows action (an enum access_action). */
int cli_open_for(struct app *app, int action, struct db **db, struct duban_err *err);
/* Print b as a line without its trailing blanks; b is emptied. */
void cli_put_line(struct buf *b);
/* The kind named, or NULL after telling on stderr which kinds there are. */
const struct kind_def *cli_kind_arg(const char *name);

int cli_init(struct app *app, int argc, char **argv);
int cli_deadline(struct app *app, int argc, char **argv);
/* deadline --record KIND ID|KEY [FIELD] (tui/cli_explain.c). */
int cli_deadline_record(struct app *app, int argc, char **argv);
int cli_calendar(struct app *app, int argc, char **argv);
int cli_check(struct app *app, int argc, char **argv);
int cli_list(struct app *app, int argc, char **argv);
int cli_show(struct app *app, int argc, char **argv);
int cli_history(struct app *app, int argc, char **argv);
int cli_add(struct app *app, int argc, char **argv);
int cli_edit(struct app *app, int argc, char **argv);
int cli_delete(struct app *app, int argc, char **argv);
int cli_user(struct app *app, int argc, char **argv);
int cli_recompute(struct app *app, int argc, char **argv);
int cli_dashboard(struct app *app, int argc, char **argv);
int cli_staffing(struct app *app, int argc, char **argv);
int cli_candidates(struct app *app, int argc, char **argv);
int cli_import(struct app *app, int argc, char **argv);
int cli_export(struct app *app, int argc, char **argv);
/* export ... --format ical (tui/cli_ical.c). */
int cli_export_ical(struct app *app, int argc, char **argv);
int cli_assess(struct app *app, int argc, char **argv);
/* attach add|list|remove (tui/cli_attach.c). */
int cli_attach(struct app *app, int argc, char **argv);

struct assess_result;
struct assess_agency;
/* The ranking (kind NULL: every kind) and one agency's sheet as CSV (UTF-8 with BOM). */
void assess_write_csv(FILE *out, const struct assess_result *r, const char *kind);
void assess_write_detail_csv(FILE *out, const struct assess_result *r,
    const struct assess_agency *a);
/* Run the command named argv[0]; DUBAN_EUSAGE for an unknown one. */
int cli_dispatch(struct app *app, int argc, char **argv);

#endif
