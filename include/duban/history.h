/* include/duban/history.h: a record's story from the audit trail, as people read it: who,
 * when, what they did, and each field that changed from what to what. */
#ifndef DUBAN_HISTORY_H
#define DUBAN_HISTORY_H

#include <stdint.h>

struct buf;
struct db;
struct duban_err;
struct kind_def;

struct history_change {
	const char *field;	/* translated label */
	const char *before;	/* readable value, "-" for none */
	const char *after;
};

struct history_entry {
	const char *at;
	const char *login;
	const char *action;	/* translated: created, changed, deleted... */
	int64_t batch_id;	/* import batch, 0 if none */
	const struct history_change *changes;
	int n_changes;
};

typedef int (*history_fn)(const struct history_entry *e, void *arg);

/* Call fn for each audit row of the record, oldest first. Values are borrowed for the call. */
int history_each(struct db *db, const struct kind_def *kind, int64_t id, history_fn fn,
    void *arg, struct duban_err *err);

#endif
