/* include/duban/tui/ui_line.h: the one line editor of the desk. Form fields, the list's
 * filter, the import path, the pickers' narrowing text and every question that wants text
 * edit through it: by character (wide characters, Chinese input), the cursor on display
 * columns, every key through the action table (delete-back, clear-line... are rebindable in
 * duban.ini [keys]). A box of one row scrolls sideways to keep the cursor in view and shows
 * the beginning when it is not focused; a box of several rows wraps. */
#ifndef DUBAN_TUI_UI_LINE_H
#define DUBAN_TUI_UI_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "duban/tui/ui.h"

struct buf;

struct ui_line {
	wchar_t *text;		/* NUL-terminated, never NULL after ui_line_init */
	int len;
	int cap;
	int cursor;		/* 0..len, in characters */
	size_t max_bytes;	/* the text's UTF-8 length may not exceed this; 0: no limit */
};

/* What a key did to the line. */
enum ui_line_result {
	LINE_IGNORED,	/* not an editing key: the caller's */
	LINE_MOVED,	/* the cursor moved, the text is the same */
	LINE_CHANGED,	/* the text changed */
	LINE_FULL,	/* a character was refused: the text is at max_bytes */
};

void ui_line_init(struct ui_line *l, size_t max_bytes);
void ui_line_release(struct ui_line *l);
/* Replace the text (UTF-8; invalid bytes become U+FFFD); the cursor goes to its end. Text
 * longer than max_bytes is kept whole: nothing stored is ever cut by the editor. */
void ui_line_set(struct ui_line *l, const char *s);
/* Append the text as UTF-8 to out. */
void ui_line_get(const struct ui_line *l, struct buf *out);
void ui_line_clear(struct ui_line *l);
/* Apply a key: act is what the key is bound to (ACT_DELETE_BACK, ACT_CLEAR_LINE,
 * ACT_CHAR_LEFT...); a printable character not bound to anything else is inserted. */
enum ui_line_result ui_line_key(struct ui_line *l, enum action act, int kind, wint_t key);
/* Display columns of the text before the cursor. */
int ui_line_cursor_cols(const struct ui_line *l);
/* True if ui_line_key would insert this key as a character. */
bool ui_line_is_char(enum action act, int kind, wint_t key);
/* Rows a box cols wide needs to show all of the text wrapped (at least 1). */
int ui_line_rows(const struct ui_line *l, int cols);
/* Draw in rows x cols at (y, x) with role. One row: the beginning, or (focus) the part around
 * the cursor. Several rows: wrapped, scrolled so the cursor's row is in view. With focus,
 * *cy and *cx get the cursor's screen position. */
void ui_line_draw(struct ui *ui, const struct ui_line *l, int y, int x, int rows, int cols,
    enum ui_attr_role role, bool focus, int *cy, int *cx);

#endif
