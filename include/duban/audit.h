/* include/duban/audit.h: the append-only audit trail (who, when, which record, before and
 * after). Rows are written inside the caller's transaction, so a change and its record of
 * itself commit or vanish together. */
#ifndef DUBAN_AUDIT_H
#define DUBAN_AUDIT_H

#include <stdint.h>

struct db;
struct duban_err;

/* Append one row for the acting person of db (db_set_actor). before/after are JSON objects of
 * the record's fields, or NULL (create has no before, delete no after). batch_id 0: not an
 * import. */
int audit_append(struct db *db, const char *action, const char *kind, int64_t record_id,
    const char *before, const char *after, int64_t batch_id, struct duban_err *err);

#endif
