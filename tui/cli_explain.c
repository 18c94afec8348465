/* tui/cli_explain.c: `duban deadline --record KIND ID|KEY [FIELD]`: a stored record's due date
 * explained day by day, from what its kind derives it from. */
#include "duban/tui/cli.h"

#include <stdio.h>
#include <string.h>

#include "duban/access.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/err.h"
#include "duban/explain.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/tui/app.h"

int
cli_deadline_record(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct record_env env;
	struct explanation x;
	struct buf text = BUF_INIT;
	const struct kind_def *kind;
	const char *args[3] = { NULL, NULL, NULL };
	int64_t id = 0;
	int field = -1;
	int n = 0;
	int rc;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--record") == 0 || strcmp(argv[i], "--explain") == 0)
			continue;
		if (n == 3)
			return cli_usage("%s", _("deadline --record takes KIND ID|KEY [FIELD], e.g. "
			    "\"duban deadline --record reconsideration 12 decision_due_on\""));
		args[n++] = argv[i];
	}
	if (n < 2)
		return cli_usage("%s", _("deadline --record takes KIND ID|KEY [FIELD], e.g. "
		    "\"duban deadline --record reconsideration 12 decision_due_on\""));
	kind = cli_kind_arg(args[0]);
	if (kind == NULL)
		return DUBAN_EUSAGE;
	if (args[2] != NULL) {
		field = record_field_idx(kind, args[2]);
		if (field < 0 || !(kind->fields[field].flags & FIELD_DERIVED))
			return cli_usage(_("%s is not a due date of %s records"), args[2], kind->name);
	}
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	rc = record_lookup(&env, kind, args[1], &id, &err);
	if (rc == DUBAN_OK)
		rc = explain_record(&env, kind, id, field, &x, &field, &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	printf("%s %lld: %s\n", kind->name, (long long)id, _(kind->fields[field].label));
	explain_render(&x, &text);
	fputs(buf_str(&text), stdout);
	if (x.result.uncovered_year != 0)
		app_warn_uncovered(app, x.result.uncovered_year);
	buf_release(&text);
	explain_release(&x);
	return DUBAN_OK;
}
