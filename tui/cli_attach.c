/* tui/cli_attach.c: `duban attach add|list|remove`: scanned documents referenced by path. */
#include "duban/tui/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/access.h"
#include "duban/attach.h"
#include "duban/buf.h"
#include "duban/db.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/text.h"
#include "duban/tui/app.h"

static int
attach_usage(void)
{
	return cli_usage("%s", _("attach takes: add KIND ID|KEY FILE [--note TEXT] | "
	    "list [KIND ID|KEY] | remove ATTACHMENT"));
}

static int
print_one(const struct attachment *a, void *arg)
{
	struct buf b = BUF_INIT;
	char sha[SHA256_HEX_LEN];
	char num[32];
	int64_t size;
	enum attach_state s = attach_verify(a, &size, sha);

	(void)arg;
	snprintf(num, sizeof(num), "%lld", (long long)a->id);
	text_pad(&b, num, 5, TEXT_RIGHT);
	buf_printf(&b, "  %s %lld  ", a->kind, (long long)a->record_id);
	text_pad(&b, attach_state_label(s), 10, TEXT_LEFT);
	buf_printf(&b, "  %lld  %.16s  ", (long long)a->size, a->sha256);
	text_sanitize(a->path, &b);
	if (a->note[0] != '\0') {
		buf_adds(&b, "  ");
		text_sanitize(a->note, &b);
	}
	cli_put_line(&b);
	buf_release(&b);
	return DUBAN_OK;
}

int
cli_attach(struct app *app, int argc, char **argv)
{
	struct duban_err err;
	struct db *db = NULL;
	struct record_env env;
	const struct kind_def *kind = NULL;
	const char *note = NULL;
	int64_t record_id = 0;
	int64_t id = 0;
	bool add;
	int rc;

	if (argc < 2)
		return attach_usage();
	add = strcmp(argv[1], "add") == 0;
	if (add) {
		if (argc == 7 && strcmp(argv[5], "--note") == 0)
			note = argv[6];
		else if (argc != 5)
			return attach_usage();
	} else if (strcmp(argv[1], "list") == 0) {
		if (argc != 2 && argc != 4)
			return attach_usage();
	} else if (strcmp(argv[1], "remove") == 0) {
		char *end = NULL;

		if (argc != 3)
			return attach_usage();
		id = strtoll(argv[2], &end, 10);
		if (*end != '\0' || end == argv[2] || id <= 0)
			return attach_usage();
	} else {
		return attach_usage();
	}
	if (argc >= 4) {
		kind = cli_kind_arg(argv[2]);
		if (kind == NULL)
			return DUBAN_EUSAGE;
	}
	rc = cli_open_for(app, ACCESS_READ, &db, &err);
	if (rc != DUBAN_OK)
		return app_report(&err);
	env = app_env(app, db);
	if (kind != NULL)
		rc = record_lookup(&env, kind, argv[3], &record_id, &err);
	if (rc == DUBAN_OK && add)
		rc = attach_add(&env, kind, record_id, argv[4], note, &id, &err);
	else if (rc == DUBAN_OK && strcmp(argv[1], "remove") == 0)
		rc = attach_remove(&env, id, &err);
	else if (rc == DUBAN_OK)
		rc = attach_each(db, kind != NULL ? kind->name : NULL, record_id, print_one, NULL,
		    &err);
	db_close(db);
	if (rc != DUBAN_OK)
		return app_report(&err);
	if (add)
		app_eprintf(_("duban: attached %s to %s %lld as attachment %lld\n"), argv[4],
		    kind->name, (long long)record_id, (long long)id);
	else if (strcmp(argv[1], "remove") == 0)
		app_eprintf(_("duban: attachment %lld removed (kept in the audit trail)\n"),
		    (long long)id);
	return DUBAN_OK;
}
