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
	int days;	/* overdue: calendar days late; due soon, pending: working days left */
};

struct dashboard_agency {
	int64_t agency_id;
	char *name;
	char *kind;
	int64_t open;		/* open deadlines of any status */
	int64_t overdue;	/* of which overdue */
	int64_t urgent;		/* of which overdue, due today or due soon */
	int hearings;		/* this year, appearance recorded */
	int head_appearances;
	double rate;		/* percent, -1 when no hearings */
	int order;		/* position before sorting: departments, townships, by name */
};

struct dashboard {
	struct duty_window window;
	int soon_workdays;
	struct dashboard_count *counts;	/* duties_n */
	struct dashboard_item *items;	/* overdue, due today, due soon; most urgent first */
	int n_items;			/* at most max_items of dashboard_build */
	int64_t n_urgent;		/* all of them: n_items is less when the cap cut some */
	struct dashboard_agency *agencies;	/* worst first: overdue, urgent, open */
	int n_agencies;
	int uncovered_year;	/* a year the window touches that the calendar lacks, or 0 */
};

/* max_items: cap on the item list (0: all). */
int dashboard_build(struct db *db, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts, int max_items, struct dashboard **out,
    struct duban_err *err);
void dashboard_free(struct dashboard *d);

/* One agency's open deadlines of every duty, most urgent first (overdue by due date, due
 * today, due soon, then pending): the rows behind the agency pane's figures. At most max
 * items (0: all) go into *out (free with dashboard_items_free()); *total counts them all. */
int dashboard_agency_items(struct db *db, const struct calendar *cal, struct date today,
    int soon_workdays, bool makeup_counts, int64_t agency_id, int max,
    struct dashboard_item **out, int *n, int64_t *total, struct duban_err *err);
void dashboard_items_free(struct dashboard_item *items, int n);

#endif
