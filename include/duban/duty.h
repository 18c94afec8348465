/* include/duban/duty.h: the deadlines the bureau watches ("duties"), each a due-date column
 * of a record kind with its condition of being done, and queries of them by status for a
 * given today. The dashboard, the lists and their counts all come from here, so they agree. */
#ifndef DUBAN_DUTY_H
#define DUBAN_DUTY_H

#include <stdbool.h>
#include <stdint.h>

#include "duban/date.h"
#include "duban/deadline.h"

struct calendar;
struct config;
struct db;
struct duban_err;

struct duty {
	const char *name;	/* "litigation-defence" */
	const char *label;	/* N_() */
	const char *brief;	/* N_(), a word for narrow columns */
	const char *kind;	/* record kind of its rows */
	const char *from;	/* FROM clause */
	const char *id;		/* record id expression */
	const char *agency;	/* agency id expression */
	const char *key;	/* natural key to show */
	const char *party;	/* the other party to show */
	const char *due;	/* due date expression */
	const char *open;	/* condition: not yet done */
	const char *done;	/* effective done date when not open */
	const char *live;	/* condition: the row has this deadline at all */
	const char *base;	/* condition: the row exists (listing every row of the kind) */
};

extern const struct duty duties[];
extern const int duties_n;
const struct duty *duty_find(const char *name);
/* The duty a kind's --status refers to by default; NULL for kinds without deadlines. */
const struct duty *duty_primary(const char *kind);
/* "litigation-defence, hearing-head, ...": every duty's name, for usage and help. */
struct buf;
/* The SQL condition of status s for duty d (?1 today, ?2 the window's soon end): the one
 * definition of the statuses, used by every list, count and the dashboard. */
void duty_status_sql(const struct duty *d, enum deadline_status s, struct buf *sql);
void duty_names(struct buf *out);

/* What "today" means for status queries: today, and the first date no longer due soon. */
struct duty_window {
	struct date today;
	struct date soon_end;	/* exclusive: the (N+1)th working day after today */
};

void duty_window_init(struct duty_window *w, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts);

/* One deadline of one record. */
struct duty_item {
	const struct duty *duty;
	int64_t id;
	const char *key;	/* borrowed for the callback's duration */
	const char *agency;
	const char *party;
	struct date due;
	struct date done;	/* date_none() when open */
	enum deadline_status status;	/* meaningless when has_due is false */
	bool has_due;
};

typedef int (*duty_item_fn)(const struct duty_item *item, void *arg);

struct duty_filter {
	int n_status;				/* 0: every status */
	enum deadline_status status[DEADLINE_N_STATUS];
	int64_t agency_id;			/* 0: every agency */
	int64_t limit;				/* 0: no limit */
	int64_t offset;				/* rows to skip (a page further down) */
	bool every_row;		/* rows without this deadline too (listing a kind) */
	const char *text;	/* substring of key, party or agency name; NULL or "": any */
	int64_t record_id;	/* only this record; 0: every record */
	enum duty_order {
		DUTY_BY_URGENCY,	/* open first, earliest due first */
		DUTY_BY_KEY,
		DUTY_BY_AGENCY,
		DUTY_BY_DUE_DESC,
	} order;
};

/* How many rows duty_each would give for f (limit and offset ignored). */
int duty_count_filtered(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, int64_t *n, struct duban_err *err);

/* Items of one duty matching the filter, most urgent first (overdue by due date, then due
 * today, due soon, pending; then done ones, latest first). fn may stop the walk by returning
 * anything but DUBAN_OK, which is then returned. */
int duty_each(struct db *db, const struct duty *duty, const struct duty_window *w,
    const struct duty_filter *f, duty_item_fn fn, void *arg, struct duban_err *err);

/* Count of items of one duty in one status (agency_id 0: all). */
int duty_count(struct db *db, const struct duty *duty, const struct duty_window *w,
    enum deadline_status status, int64_t agency_id, int64_t *n, struct duban_err *err);

#endif
