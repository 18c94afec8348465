/* include/duban/dashboard.h: what a supervisor sees first: per duty the counts overdue, due
 * today and due soon; those items by urgency; per agency the open items and this year's
 * head-appearance rate. The same numbers `list --duty D --status S` gives. */
#ifndef DUBAN_DASHBOARD_H
#define DUBAN_DASHBOARD_H

#include <stdint.h>

#include "duban/date.h"
#include "duban/deadline.h"
#include "duban/duty.h"

struct appearance;
struct calendar;
struct db;
struct duban_err;

struct dashboard_count {
	const struct duty *duty;
	int64_t overdue;
	int64_t due_today;
	int64_t due_soon;
};

struct dashboard_item {
	const struct duty *duty;
	int64_t id;
	char *key;
	char *agency;
	char *party;
	struct date due;
	enum deadline_status status;
	int days;	/* overdue: calendar days late; due soon: working days left */
};

struct dashboard_agency {
	int64_t agency_id;
	char *name;
	char *kind;
	int64_t open;		/* open deadlines of any status */
	int64_t urgent;		/* of which overdue, due today or due soon */
	int hearings;		/* this year, appearance recorded */
	int head_appearances;
	double rate;		/* percent, -1 when no hearings */
};

struct dashboard {
	struct duty_window window;
	int soon_workdays;
	struct dashboard_count *counts;	/* duties_n */
	struct dashboard_item *items;	/* overdue, due today, due soon; most urgent first */
	int n_items;
	struct dashboard_agency *agencies;
	int n_agencies;
	int uncovered_year;	/* a year the window touches that the calendar lacks, or 0 */
};

/* max_items: cap on the item list (0: all). */
int dashboard_build(struct db *db, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts, int max_items, struct dashboard **out,
    struct duban_err *err);
void dashboard_free(struct dashboard *d);

#endif
