/* include/duban/staffing.h: per agency, from the officer and training records: the holding
 * rate (持证率: holders of a valid certificate among the staff on the establishment) against
 * its target, and the share of that staff who had the year's training hours (培训学时). */
#ifndef DUBAN_STAFFING_H
#define DUBAN_STAFFING_H

#include <stdint.h>

#include "duban/date.h"

struct config;
struct db;
struct duban_err;

struct staffing {
	int64_t agency_id;
	char *agency;
	char *kind;		/* agency kind code: department, township, other */
	int staff;		/* officers on the establishment */
	int holders;		/* of whom a valid certificate on the day (as_of) */
	int target;		/* holding-rate target, percent */
	int trained;		/* of the staff, those with at least the year's hours */
	int hours_needed;	/* the year's hours ([officers] training_hours) */
};

/* Every live agency in its natural order, for year; certificates count when valid on as_of
 * (the year's last day, or today in the current year). cfg NULL: the shipped targets and
 * hours (70 %, 60 %, 60 hours). */
int staffing_by_agency(struct db *db, const struct config *cfg, int year, struct date as_of,
    struct staffing **out, int *n, struct duban_err *err);
void staffing_free(struct staffing *s, int n);

#endif
