/* include/duban/tui/ui.h: the terminal framework: a stack of screens with callbacks, actions
 * bound to keys (rebindable), colour by meaning, safe text drawing, the status line and the
 * key bar. Screens draw from their state only; loading happens in _new and handle_key. */
#ifndef DUBAN_TUI_UI_H
#define DUBAN_TUI_UI_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "duban/date.h"
#include "duban/encoding.h"
#include "duban/i18n.h"

struct app;
struct buf;
struct db;

enum ui_result { UI_IGNORED = 0, UI_HANDLED = 1, UI_REDRAW = 2, UI_POP = 4, UI_QUIT = 8 };

/* Every action a key can be bound to: id, name in duban.ini [keys], short label for the key
 * bar, help text. */
#define ACTION_LIST(X)							\
	X(MOVE_UP, "move-up", N_("Up"), N_("Previous line"))			\
	X(MOVE_DOWN, "move-down", N_("Down"), N_("Next line"))			\
	X(MOVE_LEFT, "move-left", N_("Left"), N_("Left"))				\
	X(MOVE_RIGHT, "move-right", N_("Right"), N_("Right"))			\
	X(PAGE_UP, "page-up", N_("PgUp"), N_("Previous page"))			\
	X(PAGE_DOWN, "page-down", N_("Page"), N_("Next page"))			\
	X(HOME, "home", N_("Top"), N_("First line"))				\
	X(END, "end", N_("Bottom"), N_("Last line"))					\
	X(OPEN, "open", N_("Open"), N_("Open the selected item"))			\
	X(BACK, "back", N_("Back"), N_("Back"))					\
	X(NEXT_PANE, "next-pane", N_("Pane"), N_("Next pane"))			\
	X(FILTER, "filter", N_("Filter"), N_("Filter as you type"))			\
	X(SORT, "sort", N_("Sort"), N_("Change the order"))				\
	X(STATUS_FILTER, "status-filter", N_("Status"), N_("Filter by status"))	\
	X(NEW, "new", N_("New"), N_("New record"))					\
	X(EDIT, "edit", N_("Edit"), N_("Edit this record"))				\
	X(DELETE, "delete", N_("Delete"), N_("Delete this record"))			\
	X(SAVE, "save", N_("Save"), N_("Save"))					\
	X(NOTICE, "notice", N_("Notice"), N_("督办 notice for this agency"))		\
	X(EXPLAIN, "explain", N_("Why"), N_("Explain the due dates day by day"))	\
	X(RELOAD, "reload", N_("Reload"), N_("Reload from the database"))		\
	X(HELP, "help", N_("Help"), N_("Show keys"))				\
	X(MENU, "menu", N_("Menu"), N_("Menu of sections"))				\
	X(GO_DASHBOARD, "go-dashboard", N_("Home"), N_("Dashboard"))		\
	X(GO_LITIGATION, "go-litigation", N_("Litigation"), N_("Litigation cases"))	\
	X(GO_HEARING, "go-hearing", N_("Hearings"), N_("Hearings"))			\
	X(GO_RECONSIDERATION, "go-reconsideration", N_("Reconsid."), N_("Reconsideration cases")) \
	X(GO_SUGGESTION, "go-suggestion", N_("Suggest."), N_("Suggestions"))		\
	X(GO_AGENCY, "go-agency", N_("Agencies"), N_("Agencies"))			\
	X(GO_ASSESS, "go-assess", N_("Assess"), N_("Annual assessment"))		\
	X(GO_IMPORT, "go-import", N_("Import"), N_("Import a CSV file or workbook"))		\
	X(RUN_IMPORT, "run-import", N_("Import"), N_("Import the file as checked"))	\
	X(FINALIZE, "finalize", N_("Finalize"), N_("Finalize this year's assessment"))	\
	X(EXPORT, "export", N_("Export"), N_("Export to a CSV file or workbook"))			\
	X(AGENCY_FILTER, "agency-filter", N_("Agency"), N_("Only one agency's records"))	\
	X(KIND_FILTER, "kind-filter", N_("Kind"), N_("Departments, townships or all"))	\
	X(PREV_YEAR, "prev-year", N_("Year-"), N_("Previous year"))			\
	X(NEXT_YEAR, "next-year", N_("Year+"), N_("Next year"))			\
	X(REDRAW, "redraw", N_("Redraw"), N_("Redraw the screen"))			\
	X(YES, "yes", N_("Yes"), N_("Answer yes"))					\
	X(NO, "no", N_("No"), N_("Answer no"))					\
	X(SKIP_INVALID, "skip-invalid", N_("Mode"), N_("Skip refused rows, or all or nothing"))	\
	X(CHOOSE_KIND, "choose-kind", N_("Kind"), N_("Choose the kind of records in the file"))	\
	X(PREV_FIELD, "prev-field", N_("Prev field"), N_("Previous field"))		\
	X(NEXT_FIELD, "next-field", N_("Next field"), N_("Next field"))			\
	X(PICK, "pick", N_("Choose"), N_("Choose from the list (typed text narrows it)"))	\
	X(LINE_START, "line-start", N_("Start"), N_("Cursor to the start of the text"))	\
	X(LINE_END, "line-end", N_("End"), N_("Cursor to the end of the text"))	\
	X(DELETE_BACK, "delete-back", N_("Del<"), N_("Delete the character before the cursor")) \
	X(DELETE_CHAR, "delete-char", N_("Del"), N_("Delete the character under the cursor")) \
	X(CLEAR_LINE, "clear-line", N_("Clear"), N_("Clear the text"))		\
	X(QUIT, "quit", N_("Quit"), N_("Quit duban"))

enum action {
	ACT_NONE,
#define X(id, name, brief, help) ACT_##id,
	ACTION_LIST(X)
#undef X
	ACT_COUNT
};

/* Meanings, not colours: ui_attr() picks colour or a monochrome attribute. */
enum ui_attr_role {
	ATTR_NORMAL, ATTR_TITLE, ATTR_HEADER, ATTR_SELECTED, ATTR_OVERDUE, ATTR_DUE_TODAY,
	ATTR_DUE_SOON, ATTR_PENDING, ATTR_DONE, ATTR_DIM, ATTR_KEYBAR, ATTR_KEY, ATTR_ERROR,
	ATTR_OK, ATTR_WARN, ATTR_BAR, ATTR_FIELD, ATTR_FIELD_FOCUS, ATTR_PICK, ATTR_COUNT
};

struct screen;

struct screen_ops {
	const char *keymap;	/* "dashboard", "list", "record", "form", "help" ... */
	void (*layout)(struct screen *s, int lines, int cols);
	void (*draw)(struct screen *s);
	unsigned (*handle_key)(struct screen *s, enum action act, int kind, wint_t key);
	void (*free)(struct screen *s);
	/* Keys shown on the bottom bar for this screen, in order (ACT_NONE-terminated). */
	const enum action *bar;
};

struct ui;
struct buf;

struct screen {
	const struct screen_ops *ops;
	struct ui *ui;
	bool dirty_data;	/* reload before the next draw (e.g. after an edit below) */
	bool unsaved;		/* holds typed input not yet saved (a form) */
	int cursor_y;		/* where draw wants the visible cursor; -1: hidden */
	int cursor_x;
	/* While set, keys are looked up (and the bar and help made) in this keymap instead of
	 * ops->keymap, with this bar: a form's open picker, a list's filter being typed. */
	const char *mode_keymap;
	const enum action *mode_bar;
	/* Set by screens that hold unsaved input: appends what a recovery file needs to open
	 * the screen again with that input (see ui_recover_*). */
	void (*recover)(struct screen *s, struct buf *out);
};

struct ui {
	struct app *app;
	struct db *db;
	struct screen *stack[16];
	int depth;
	int lines;
	int cols;
	char status[512];
	enum ui_attr_role status_role;
	bool color;
	bool quit;
	bool lost;		/* the terminal is gone (end of file or an error reading it) */
	int64_t list_agency_id;	/* the agency filter (A), kept as lists replace each other */
	unsigned screen_gen;	/* counts pushes and pops: the top screen changed */
	unsigned status_gen;	/* counts ui_status calls */
};

/* Push a screen (takes ownership); it is laid out at once. NULL is ignored: constructors
 * return NULL after explaining a refusal on the status line. */
void ui_push(struct ui *ui, struct screen *s);
/* Tell every screen below the top to reload when it is shown again. */
void ui_data_changed(struct ui *ui);

/* Status line message (printf-like); error true shows it as an error. */
void ui_status(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

int ui_attr(const struct ui *ui, enum ui_attr_role role);
/* Draw s at (y, x) in exactly cols columns (cut with '~' or padded): control characters and
 * invalid bytes never reach the terminal. Returns the columns drawn. */
int ui_text(struct ui *ui, int y, int x, int cols, const char *s, enum ui_attr_role role);
/* Same, right-aligned. */
int ui_text_right(struct ui *ui, int y, int x, int cols, const char *s,
    enum ui_attr_role role);
/* Draw a bar of value/max in cols columns. */
void ui_bar(struct ui *ui, int y, int x, int cols, double value, double max,
    enum ui_attr_role role);
/* Title line at the top: section name, today, the user and role. */
void ui_title(struct ui *ui, const char *title);
/* Bottom two lines: status, then the key bar of the top screen. */
void ui_footer(struct ui *ui, const struct screen *s);
/* Attribute role of a deadline status. */
enum ui_attr_role ui_status_role(int deadline_status);

/* Keys bound to act in keymap (plus generic), as text "j Down" (for help and the bar). */
void ui_keys_of(const char *keymap, enum action act, char *out, size_t size);
const char *ui_action_help(enum action act);
const char *ui_action_brief(enum action act);
/* Map a key to an action in keymap, then generic. In a keymap where text is typed (form,
 * line, picker) the editing keys ("edit" keymap) come next, and a printable character is
 * never taken by a generic binding (q, j, 1... type themselves there). */
enum action ui_key_action(const char *keymap, int kind, wint_t key);
/* True for the keymaps where printable characters are typed. */
bool ui_keymap_types(const char *keymap);

/* Add the [keys] bindings of the configuration ("NAME\tKEYS\n" lines; NAME is an action or
 * SCREEN.ACTION). False with msg naming the binding when an action, screen or key name is
 * not known. */
bool ui_keys_configure(const char *lines, char *msg, size_t msg_size);

/* The keymap and bar in force on s now (its mode's, else its own). */
const char *ui_screen_keymap(const struct screen *s);
/* Draw the top screen and the footer without sending them (a modal question draws on top). */
void ui_draw(struct ui *ui);
/* Read a key, waiting; ERR when a signal ends the desk or the terminal is lost (ui->lost). */
int ui_read_key(struct ui *ui, wint_t *key);
/* The terminal's size changed: every screen lays itself out again. */
void ui_resized(struct ui *ui);

/* Ask a yes/no question on the status line; true for yes. */
bool ui_confirm(struct ui *ui, const char *question);
/* Before writing a file at path (tui/ui_save.c): if it exists, ask to replace it (false, said
 * on the status line, when the answer is no); then, when enc is not NULL, ask for the
 * spreadsheet's encoding: UTF-8 with BOM or GB18030. */
bool ui_ask_save(struct ui *ui, const char *path, enum encoding *enc);
/* Append a file name made of stem (words of the interface language; '/', blanks and control
 * characters become '-') and suffix. */
void ui_file_name(const char *stem, const char *suffix, struct buf *out);
/* Read a line of text on the status line (Esc cancels: returns false); the line editor's
 * keys ("line" and "edit" keymaps) apply. */
bool ui_prompt(struct ui *ui, const char *question, char *out, size_t size);

/* Keep the unsaved input of the topmost screen that holds some in the recovery file (at a
 * hangup or a lost terminal); at the next start, offer to open it again (tui/ui_recover.c). */
void ui_recover_save(struct ui *ui);
void ui_recover_offer(struct ui *ui);

/* Run the desk: the dashboard first. Returns the exit status. */
int ui_run(struct app *app);

#endif
