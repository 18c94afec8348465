/* core/audit.c: writing audit rows. The table's triggers refuse UPDATE and DELETE. */
#include "duban/audit.h"

#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"

int
audit_append(struct db *db, const char *action, const char *kind, int64_t record_id,
    const char *before, const char *after, int64_t batch_id, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = db_prepare_cached(db, "INSERT INTO audit_log (at, login, action, kind, record_id, batch_id,"
	    " before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, db_actor_now(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db_actor_login(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, record_id);
	if (batch_id > 0)
		sqlite3_bind_int64(st, 6, batch_id);
	else
		sqlite3_bind_null(st, 6);
	db_bind_text(st, 7, before);
	db_bind_text(st, 8, after);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, _("writing the audit trail"), err);
	sqlite3_reset(st);
	return rc;
}
