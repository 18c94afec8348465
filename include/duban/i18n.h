/* include/duban/i18n.h: gettext markers. core translates in the "duban" domain; the program
 * (tui/main.c) binds the domain and chooses the language before anything is printed. */
#ifndef DUBAN_I18N_H
#define DUBAN_I18N_H

#include <libintl.h>

#define DUBAN_TEXTDOMAIN "duban"
#define _(s) dgettext(DUBAN_TEXTDOMAIN, s)
#define N_(s) (s)
/* Plural forms: the one or the many form for n, as the language has them. */
#define P_(one, many, n) dngettext(DUBAN_TEXTDOMAIN, one, many, (unsigned long)(n))

#endif
