/* tui/desk.c: the interactive desk's entry point. */
#include <curses.h>
#include "duban/tui/desk.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "duban/config.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/tui/app.h"
#include "duban/tui/ui.h"

int
desk_run(struct app *app)
{
	/* Without a UTF-8 locale, Chinese would arrive as garbage: refuse and say why. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		fprintf(stderr, "duban: %s\n", _("the desk needs a UTF-8 locale (for example "
		    "LANG=C.UTF-8)"));
		return DUBAN_EUSAGE;
	}
	{
		char msg[512];

		if (!ui_keys_configure(app->cfg->key_bindings, msg, sizeof(msg))) {
			fprintf(stderr, "duban: %s\n", msg);
			return DUBAN_EINPUT;
		}
	}
	return ui_run(app);
}
