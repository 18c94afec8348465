/* include/duban/deadline.h: due dates from a rule, a trigger date and the calendar; the status
 * of a deadline on a given day. The trigger day itself is never counted (民诉法 第85条). */
#ifndef DUBAN_DEADLINE_H
#define DUBAN_DEADLINE_H

#include <stdbool.h>

#include "duban/date.h"
#include "duban/rules.h"

struct calendar;
struct duban_err;

struct deadline_result {
	struct date due;
	/* The due date under the other reading of make-up working days (counted when the first
	 * was computed without them, and the reverse); equal to due when both agree. */
	struct date alt_due;
	const struct rule_version *version;	/* NULL when a period override was given */
	/* The first year the computation touched that the calendar does not cover, or 0. A due
	 * date with this set is a guess from weekends alone: show the warning with it. */
	int uncovered_year;
	/* The due date falls after DATE_MAX_YEAR: due is date_none() and deadline_compute
	 * refuses (DUBAN_EINPUT), still filling this result in so that callers can tell. */
	bool beyond;
	/* deadline_compute_extended only (otherwise date_none()): the due date before the
	 * extension, and the other reading of an extension (the period lengthened by the
	 * extension, counted from the trigger: 60 + 30 = 90 days from acceptance). */
	struct date unextended;
	struct date extension_alt;
};

/* Due date of period after trigger. makeup_counts: official make-up working days are working
 * days (the default reading). A due date after DATE_MAX_YEAR is date_none(). */
void deadline_apply(const struct calendar *cal, struct rule_period period, struct date trigger,
    bool makeup_counts, struct date *due, int *uncovered_year);

/* Due date of the named rule triggered on trigger, using the rule version in force on that
 * date; override, when not NULL, replaces the rule's period (a period stated in a suggestion
 * document). DUBAN_EINPUT for an unknown rule or a trigger before every version. */
int deadline_compute(const struct rules *rules, const struct calendar *cal,
    const char *rule_name, struct date trigger, const struct rule_period *override,
    bool makeup_counts, struct deadline_result *out, struct duban_err *err);

/* The due date of the named rule extended by extension_days calendar days counted from the
 * original due date (行政复议法(2023) 第六十二条第一款: "延长期限最多不得超过三十日"): the day
 * after the original due date is the first day of the extension, and a last day on a rest day
 * moves to the next working day. out->unextended and out->extension_alt are filled in. Fails
 * as deadline_compute does. */
int deadline_compute_extended(const struct rules *rules, const struct calendar *cal,
    const char *rule_name, struct date trigger, int extension_days, bool makeup_counts,
    struct deadline_result *out, struct duban_err *err);

enum deadline_status {
	DEADLINE_PENDING,
	DEADLINE_DUE_SOON,
	DEADLINE_DUE_TODAY,
	DEADLINE_OVERDUE,
	DEADLINE_DONE_ON_TIME,
	DEADLINE_DONE_LATE,
};

#define DEADLINE_N_STATUS 6

struct deadline_state {
	enum deadline_status status;
	/* Working days from today (excluded) to the due date (included); 0 on or after it. */
	int workdays_left;
	/* Calendar days past the due date: of today when open, of the done date when late. */
	int days_late;
};

/* Status of a deadline due on due, done on done_on (date_none() if not yet), seen on today.
 * Due soon: not done, and at most soon_workdays working days left. */
struct deadline_state deadline_status_of(const struct calendar *cal, struct date due,
    struct date done_on, struct date today, int soon_workdays, bool makeup_counts);

/* "pending", "due-soon", ... (the STATUS names of the command line). */
const char *deadline_status_name(enum deadline_status s);
/* Translated label for screens and plain output ("逾期" / "overdue"). */
const char *deadline_status_label(enum deadline_status s);
bool deadline_status_parse(const char *s, enum deadline_status *out);

/* Working days in (from, to]; 0 when to <= from. */
int deadline_workdays_between(const struct calendar *cal, struct date from, struct date to,
    bool makeup_counts);

/* A digest of everything due dates depend on (rules, calendar rows and coverage, the make-up
 * reading), as 16 hex digits. Stored with the due dates; when it differs, they are stale. */
void deadline_fingerprint(const struct rules *rules, const struct calendar *cal,
    bool makeup_counts, char out[17]);

#endif
