/* include/duban/tui/desk.h: the interactive terminal desk (ncursesw). */
#ifndef DUBAN_TUI_DESK_H
#define DUBAN_TUI_DESK_H

struct app;

/* Run the desk until the user quits; returns the exit status. */
int desk_run(struct app *app);

#endif
