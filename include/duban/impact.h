/* include/duban/impact.h: what a change of the calendar or of the deadline rules does to the
 * stored due dates. A recompute runs in one transaction; the deadlines are read before and
 * after it and compared, so the report names every due date that moves (record, old date, new
 * date, status before and after) from the very code that keeps the dashboard. A preview rolls
 * everything back; an applied change writes the report into the audit trail with it. */
#ifndef DUBAN_IMPACT_H
#define DUBAN_IMPACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "duban/date.h"
#include "duban/deadline.h"

struct buf;
struct db;
struct duban_err;
struct duty;
struct record_env;

/* One deadline whose due date (or status) the change moves. */
struct impact_move {
	const struct duty *duty;
	int64_t id;
	char *key;
	char *agency;
	struct date old_due;	/* date_none(): had no due date */
	struct date new_due;
	enum deadline_status old_status;
	enum deadline_status new_status;
};

struct impact {
	char old_fingerprint[17];	/* "" when none was stored */
	char new_fingerprint[17];
	int64_t records;	/* records whose stored values the recompute changed */
	struct impact_move *moves;
	size_t n_moves;
	bool applied;		/* committed (false: a preview, rolled back) */
};

enum impact_mode {
	IMPACT_PREVIEW,		/* recompute, report, roll back (administrators) */
	IMPACT_APPLY,		/* recompute, report, commit, audit (administrators) */
};

/* Recompute every due date as record_recompute_all does, reporting the moves. Applied
 * changes are audited per record ("recompute") and as a whole (action "deadline-change",
 * kind "deadlines": the fingerprints and every move). DUBAN_EDENIED for non-administrators. */
int impact_recompute(const struct record_env *env, enum impact_mode mode, struct impact *out,
    struct duban_err *err);

/* record_keep_current with the report: when the rules or the calendar changed since the due
 * dates were computed and the acting role may write, recompute, commit and audit as
 * impact_recompute(IMPACT_APPLY) does; out->applied tells whether anything ran. For
 * read-only roles *stale is set instead. */
int impact_keep_current(const struct record_env *env, struct impact *out, bool *stale,
    struct duban_err *err);

/* An applied change that moved due dates stays pending until a supervisor (or admin)
 * acknowledges it: *moves counts the moves since the last acknowledgement (0: none), since
 * (may be NULL) gets when the first of them was applied. The desk shows it until then. */
int impact_pending(struct db *db, int64_t *moves, struct buf *since, struct duban_err *err);
/* Acknowledge the pending change (audited as "acknowledge", kind "deadlines"); *moves: how
 * many moves it covered (0: nothing was pending). DUBAN_EDENIED below supervisor. */
int impact_acknowledge(const struct record_env *env, int64_t *moves, struct duban_err *err);

void impact_release(struct impact *im);

/* The moves as a printable table, translated, one line per '\n' (a header and one line per
 * move); nothing when there are none. */
void impact_render(const struct impact *im, struct buf *out);

#endif
