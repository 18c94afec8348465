/* include/duban/tui/ui_picker.h: the one picker of the desk, for a form's choices, yes/no
 * and agencies and for choosing an agency anywhere else. The text typed narrows the list and
 * preselects the best match (the same text, then one that starts with it, then one that holds
 * it); the highlighted row is marked ('>' and reverse video, with or without colour); text
 * that matches nothing is kept and said so, never replaced. */
#ifndef DUBAN_TUI_UI_PICKER_H
#define DUBAN_TUI_UI_PICKER_H

#include <stdbool.h>
#include <stddef.h>

#include "duban/tui/ui.h"
#include "duban/tui/ui_line.h"

struct ui_picker {
	char **labels;		/* what the row shows */
	char **values;		/* what choosing it gives */
	char **words;		/* further text a typed text may match (code, short name...) */
	int n;
	int cap;
	int *shown;		/* indexes of the items that match the typed text */
	int n_shown;
	int sel;		/* index into shown */
	int top;
};

void ui_picker_init(struct ui_picker *p);
void ui_picker_release(struct ui_picker *p);
/* Add an item; words (may be NULL) are matched besides the label. */
void ui_picker_add(struct ui_picker *p, const char *label, const char *value,
    const char *words);
/* Narrow to the items that hold typed (ASCII letters in any case) and select the best one. */
void ui_picker_narrow(struct ui_picker *p, const char *typed);
/* The selected item's value; NULL when nothing matches. */
const char *ui_picker_value(const struct ui_picker *p);
/* Move the selection for MOVE_UP/DOWN, PAGE_UP/DOWN, HOME, END; false for other actions. */
bool ui_picker_move(struct ui_picker *p, enum action act, int page);
/* Draw at most rows rows at (y, x), cols wide; returns the rows drawn. nothing: the line
 * shown when no item matches. */
int ui_picker_draw(struct ui *ui, struct ui_picker *p, int y, int x, int rows, int cols,
    const char *nothing);

/* Ask on the bottom lines: question, a line to type into, the list above it. Enter takes the
 * marked item (out gets its value); Esc cancels (false). Text that matches nothing stays,
 * with a word on why Enter does not take it. */
bool ui_pick(struct ui *ui, const char *question, struct ui_picker *p, char *out,
    size_t size);

#endif
