/* include/duban/appearance.h: litigation appearance facts per agency and period: hearings,
 * head appearances and rate, hearings nobody attended, defences late or missing
 * ("不应诉、不举证、不出庭"). Definitions in doc/records.md. */
#ifndef DUBAN_APPEARANCE_H
#define DUBAN_APPEARANCE_H

#include <stdint.h>

#include "duban/date.h"

struct db;
struct duban_err;

struct appearance {
	int64_t agency_id;
	char *agency;		/* name */
	char *kind;		/* department / township / other */
	/* Hearings held in the period (date in [from, min(to, today)]) with the appearance
	 * recorded: */
	int hearings;
	int head_appearances;	/* head, deputy or other leader appeared */
	int nobody;		/* nobody appeared */
	int lawyer_only;	/* only a lawyer appeared (行诉解释 第128条 forbids it) */
	int required_absent;	/* the head was required and did not appear */
	int unexplained;	/* ... and no written explanation */
	/* Cases whose complaint copy was received in the period: */
	int cases;
	int defence_late;	/* defence done after its due date */
	int defence_missing;	/* not done, and the due date is before today */
};

/* Head-appearance rate in percent (head_appearances / hearings), -1 when no hearings. */
double appearance_rate(const struct appearance *a);

/* One row per live agency (those without any activity too), ordered by kind and name.
 * *out is an array of *n (free with appearance_free). */
int appearance_by_agency(struct db *db, struct date from, struct date to, struct date today,
    struct appearance **out, int *n, struct duban_err *err);
void appearance_free(struct appearance *a, int n);

#endif
