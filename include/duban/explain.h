/* include/duban/explain.h: a due date explained day by day, for a supervisor who must show an
 * agency why its deadline fell where it did. The explanation is data (one row per day from the
 * trigger to the due date, with why it was counted or not); explain_render() turns it into the
 * printable lines that the command line prints and the desk shows. */
#ifndef DUBAN_EXPLAIN_H
#define DUBAN_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "duban/calendar.h"
#include "duban/date.h"
#include "duban/deadline.h"
#include "duban/rules.h"

struct buf;
struct duban_err;
struct kind_def;
struct record_env;

enum explain_phase {
	EXPLAIN_TRIGGER,	/* the day of the event: never counted (民诉法 第85条第2款) */
	EXPLAIN_PERIOD,		/* a day inside the period */
	EXPLAIN_ROLL,		/* after a last day on a rest day, up to the next working day */
	EXPLAIN_EXTENSION,	/* a day of the extension (行政复议法 第六十二条) */
	EXPLAIN_EXTENSION_ROLL,	/* the extension's last day on a rest day, rolled on */
};

struct explain_day {
	struct date on;
	enum explain_phase phase;
	enum calendar_kind kind;
	const char *holiday;	/* the holiday's name for listed dates (borrowed), else "" */
	/* The number of this day in the count: the n-th working day of a working-day period,
	 * the n-th day of a day period or of the extension; 0 when not counted (a rest day in a
	 * working-day period, the trigger, a rolled-over day) or for a month period. */
	int number;
	bool counted;		/* counts towards the period under the reading in use */
	bool period_end;	/* the period's (or the extension's) last day before any roll */
	bool roll_end;		/* the working day a roll stopped on */
	bool due;		/* the due date */
	/* A make-up working day: counted under one reading of make-up days, not the other;
	 * only where that changes the count (working-day periods, and a roll). */
	bool reading_differs;
	bool uncovered;		/* the calendar does not cover this day's year: weekends only */
	bool provisional;	/* ... but gives it a provisional year (calendar_add_provisional) */
};

struct explanation {
	const struct rule *rule;	/* borrowed from the rules */
	const char *rule_name;		/* rule->name */
	const struct rule_version *version;	/* borrowed; NULL for a stated period */
	struct rule_period period;	/* the period counted: the version's, or the stated one */
	struct date trigger;
	bool makeup_counts;		/* the reading in use */
	struct deadline_result result;	/* what deadline_compute(_extended) gave */
	int extension_days;		/* 0 when not extended */
	struct explain_day *days;	/* trigger .. due, in date order */
	size_t n_days;
};

/* Build the explanation of the named rule triggered on trigger: with override (may be NULL)
 * the period stated in a document, as deadline_compute takes it; or extended by
 * extension_days (0: not extended; see deadline_compute_extended; not with override). Fails as
 * deadline_compute does; on success release with explain_release(). The last day is always
 * result.due. The desk's key on a record's deadline passes what the record's kind derives
 * its due date from (rule, trigger field, stated period, extension). */
int explain_deadline(const struct rules *rules, const struct calendar *cal,
    const char *rule_name, struct date trigger, const struct rule_period *override,
    int extension_days, bool makeup_counts, struct explanation *out, struct duban_err *err);
/* The explanation of a stored record's due date, from what the record's kind derives it
 * from (rule, trigger, stated period, extension): due_field is the due-date field (index in
 * kind->fields), or -1 for the first one that has a trigger; *field (may be NULL) gets the
 * field explained. DUBAN_EINPUT when the record has no such due date yet. */
int explain_record(const struct record_env *env, const struct kind_def *kind, int64_t id,
    int due_field, struct explanation *out, int *field, struct duban_err *err);
void explain_release(struct explanation *x);

/* The printable text, translated, one line per '\n': first the due date alone (scripts take
 * the first line), then the rule, its version and legal basis, the day-by-day table, and the
 * other readings where they differ. Plain text, no control characters. */
void explain_render(const struct explanation *x, struct buf *out);

/* The weekday's short translated label ("Mon" / "周一"); wd is 1 (Monday) .. 7. */
const char *explain_weekday_label(int wd);

#endif
