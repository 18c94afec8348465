/* include/duban/i18n.h: gettext markers. core translates in the "duban" domain; the program
 * (tui/main.c) binds the domain and chooses the language before anything is printed. */
#ifndef DUBAN_I18N_H
#define DUBAN_I18N_H

#include <libintl.h>

#define DUBAN_TEXTDOMAIN "duban"
#define _(s) dgettext(DUBAN_TEXTDOMAIN, s)
#define N_(s) (s)

#endif
