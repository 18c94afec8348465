/* include/duban/tui/cli.h: the batch commands. Each takes the arguments after its name and
 * returns the exit status (enum duban_rc). */
#ifndef DUBAN_TUI_CLI_H
#define DUBAN_TUI_CLI_H

#include <stdio.h>

struct app;

int cli_init(struct app *app, int argc, char **argv);
int cli_deadline(struct app *app, int argc, char **argv);
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
int cli_import(struct app *app, int argc, char **argv);
int cli_export(struct app *app, int argc, char **argv);
int cli_assess(struct app *app, int argc, char **argv);

struct assess_result;
struct assess_agency;
/* The ranking (kind NULL: every kind) and one agency's sheet as CSV (UTF-8 with BOM). */
void assess_write_csv(FILE *out, const struct assess_result *r, const char *kind);
void assess_write_detail_csv(FILE *out, const struct assess_result *r,
    const struct assess_agency *a);
/* Run the command named argv[0]; DUBAN_EUSAGE for an unknown one. */
int cli_dispatch(struct app *app, int argc, char **argv);

#endif
