/* include/duban/tui/screens.h: constructors of the desk's screens (tui/scr_*.c). */
#ifndef DUBAN_TUI_SCREENS_H
#define DUBAN_TUI_SCREENS_H

#include <stdint.h>

struct kind_def;
struct screen;
struct ui;

struct screen *scr_dashboard_new(struct ui *ui);
/* A list of records of kind; duty and status (names, may be NULL) preset filters. */
struct screen *scr_list_new(struct ui *ui, const char *kind);
/* status: a deadline status, -1 every status, or LIST_OPEN_ITEMS (not yet done). */
#define LIST_OPEN_ITEMS (-2)
struct screen *scr_list_filtered_new(struct ui *ui, const char *kind, const char *duty,
    int status, int64_t agency_id);
struct screen *scr_record_new(struct ui *ui, const char *kind, int64_t id);
/* id 0: a new record; preset (may be NULL) fills "field=value" pairs, e.g. a case number. */
struct screen *scr_form_new(struct ui *ui, const char *kind, int64_t id, const char *preset);
/* The form a recovery file describes (kind, id, version, field lines; see ui_recover.c),
 * not pushed yet; what gets its title. NULL if the text is not one or refused. */
struct screen *scr_form_recovered(struct ui *ui, const char *text, char *what,
    size_t what_size);
struct screen *scr_help_new(struct ui *ui, const char *keymap);
struct screen *scr_menu_new(struct ui *ui);
struct screen *scr_notice_new(struct ui *ui, int64_t agency_id);
/* A record's due dates explained day by day (core/explain.h), printable: F2 saves it. NULL
 * (and the reason on the status line) when it has none yet. */
struct screen *scr_explain_new(struct ui *ui, const struct kind_def *kind, int64_t id);
/* One agency's open items of every duty, most urgent first. */
struct screen *scr_agency_new(struct ui *ui, int64_t agency_id);
/* Importing a CSV file (needs the import right). */
struct screen *scr_import_new(struct ui *ui);
/* The annual assessment: ranking of a year (0: last complete year). */
struct screen *scr_assess_new(struct ui *ui, int year);

#endif
