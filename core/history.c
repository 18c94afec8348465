/* core/history.c: reading the audit trail back. The diff of before and after is done by
 * SQLite's json_each, so what we wrote as JSON is read back by a real JSON parser. */
#include "duban/history.h"

#include <stdlib.h>
#include <string.h>

#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/text.h"

static const char *
action_label(const char *a)
{
	if (strcmp(a, "create") == 0)
		return _("created");
	if (strcmp(a, "update") == 0)
		return _("changed");
	if (strcmp(a, "delete") == 0)
		return _("deleted");
	if (strcmp(a, "restore") == 0)
		return _("restored");
	if (strcmp(a, "recompute") == 0)
		return _("due dates recomputed");
	if (strcmp(a, "attach") == 0)
		return _("document attached");
	if (strcmp(a, "detach") == 0)
		return _("document removed");
	return a;
}

/* A value as a person reads it (record_display_value: names for references, words for
 * enumerations), "-" for none, never a control character. */
static void
readable(struct db *db, const struct kind_def *kind, const char *col, const char *v,
    struct buf *out)
{
	int i = record_field_idx(kind, col);
	struct buf shown = BUF_INIT;

	if (v == NULL || v[0] == '\0') {
		buf_adds(out, "-");
		return;
	}
	if (i >= 0)
		record_display_value(db, &kind->fields[i], v, false, &shown);
	/* A column no longer in the field table, or a code it does not know: as stored. */
	text_sanitize(shown.len > 0 ? buf_str(&shown) : v, out);
	buf_release(&shown);
}

#define MAX_CHANGES 64

int
history_each(struct db *db, const struct kind_def *kind, int64_t id, history_fn fn,
    void *arg, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	sqlite3_stmt *diff = NULL;
	int rc;
	int step;

	rc = db_prepare(db, "SELECT at, login, action, batch_id, before, after FROM audit_log"
	    " WHERE kind = ?1 AND record_id = ?2 ORDER BY id", &st, err);
	if (rc == DUBAN_OK)
		rc = db_prepare(db, "SELECT coalesce(a.key, b.key), b.value, a.value"
		    " FROM json_each(?2) a FULL JOIN json_each(?1) b ON a.key = b.key"
		    " WHERE a.value IS NOT b.value AND NOT (b.value IS NULL AND"
		    " coalesce(a.value, '') = '')", &diff, err);
	if (rc != DUBAN_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_text(st, 1, kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	while (rc == DUBAN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_change ch[MAX_CHANGES];
		struct buf vals[MAX_CHANGES][3];
		struct history_entry e;
		const char *before = (const char *)sqlite3_column_text(st, 4);
		const char *after = (const char *)sqlite3_column_text(st, 5);
		const char *action = (const char *)sqlite3_column_text(st, 2);
		int n = 0;
		/* An attachment's row: its path, size and digest, not a record's fields. */
		bool doc = strcmp(action, "attach") == 0 || strcmp(action, "detach") == 0;
		int i;

		e.at = (const char *)sqlite3_column_text(st, 0);
		e.login = (const char *)sqlite3_column_text(st, 1);
		e.action = action_label(action);
		e.batch_id = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 :
		    sqlite3_column_int64(st, 3);
		sqlite3_reset(diff);
		sqlite3_bind_text(diff, 1, before != NULL ? before : "{}", -1, SQLITE_STATIC);
		sqlite3_bind_text(diff, 2, after != NULL ? after : "{}", -1, SQLITE_STATIC);
		/* A deletion keeps everything in before; listing it all would say nothing. */
		while (strcmp(action, "delete") != 0 && n < MAX_CHANGES &&
		    sqlite3_step(diff) == SQLITE_ROW) {
			const char *col;
			int idx;

			/* Copied: reading the other columns may move the text. */
			buf_init(&vals[n][2]);
			buf_adds(&vals[n][2], (const char *)sqlite3_column_text(diff, 0));
			col = buf_str(&vals[n][2]);
			if (doc && strcmp(col, "path") != 0 && strcmp(col, "size") != 0 &&
			    strcmp(col, "sha256") != 0) {
				buf_release(&vals[n][2]);
				continue;
			}
			idx = doc ? -1 : record_field_idx(kind, col);
			buf_init(&vals[n][0]);
			buf_init(&vals[n][1]);
			readable(db, kind, col, (const char *)sqlite3_column_text(diff, 1), &vals[n][0]);
			readable(db, kind, col, (const char *)sqlite3_column_text(diff, 2), &vals[n][1]);
			ch[n].field = idx >= 0 ? _(kind->fields[idx].label) : col;
			ch[n].before = buf_str(&vals[n][0]);
			ch[n].after = buf_str(&vals[n][1]);
			n++;
		}
		e.changes = ch;
		e.n_changes = n;
		rc = fn(&e, arg);
		for (i = 0; i < n; i++) {
			buf_release(&vals[i][0]);
			buf_release(&vals[i][1]);
			buf_release(&vals[i][2]);
		}
	}
	if (rc == DUBAN_OK && step != SQLITE_DONE)
		rc = db_fail(db, _("reading the audit trail"), err);
	sqlite3_finalize(st);
	sqlite3_finalize(diff);
	return rc;
}
