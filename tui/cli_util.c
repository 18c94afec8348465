/* tui/cli_util.c: what every batch command shares: usage errors, opening the database for an
 * action the role must allow, plain output lines, KIND arguments. */
#include "duban/tui/cli.h"

#include <stdarg.h>
#include <stdio.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/tui/app.h"

int
cli_usage(const char *fmt, ...)
{
	va_list ap;

	app_eprintf("duban: ");
	va_start(ap, fmt);
	app_veprintf(fmt, ap);
	va_end(ap);
	app_eprintf("\n%s\n", _("Try \"duban --help\"."));
	return DUBAN_EUSAGE;
}

int
cli_open_for(struct app *app, int action, struct db **db, struct duban_err *err)
{
	int rc = app_open_db(app, DB_OPEN_EXISTING, db, err);

	if (rc != DUBAN_OK)
		return rc;
	rc = access_require(*db, (enum access_action)action, err);
	if (rc != DUBAN_OK) {
		db_close(*db);
		*db = NULL;
	}
	return rc;
}

void
cli_put_line(struct buf *b)
{
	/* Trailing blanks from padding help nobody in a file or a pipe. */
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	puts(buf_str(b));
	buf_reset(b);
}

const struct kind_def *
cli_kind_arg(const char *name)
{
	const struct kind_def *k = record_kind(name);
	struct buf kinds = BUF_INIT;
	size_t i;

	if (k != NULL)
		return k;
	for (i = 0; record_kinds[i] != NULL; i++)
		buf_printf(&kinds, "%s%s", i > 0 ? ", " : "", record_kinds[i]->name);
	app_eprintf(_("duban: \"%s\" is not a record kind; kinds: %s\n"), name,
	    buf_str(&kinds));
	buf_release(&kinds);
	return NULL;
}
