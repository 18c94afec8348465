/* include/duban/date.h: civil dates (no time, no zone), parsing every form users type, and
 * day/month arithmetic. Knows nothing of holidays: that is calendar.h. */
#ifndef DUBAN_DATE_H
#define DUBAN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct duban_err;

/* A civil date. Valid dates lie in DATE_MIN_YEAR..DATE_MAX_YEAR; {0,0,0} means "no date". */
struct date {
	int y;
	int m;	/* 1..12 */
	int d;	/* 1..31 */
};

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2999
#define DATE_ISO_LEN 11	/* "YYYY-MM-DD" and its NUL */

struct date date_ymd(int y, int m, int d);
struct date date_none(void);
bool date_is_none(struct date d);
bool date_eq(struct date a, struct date b);
/* <0, 0, >0 like strcmp. */
int date_cmp(struct date a, struct date b);
bool date_is_leap_year(int y);
int date_days_in_month(int y, int m);
/* True if y-m-d names a day that exists within the supported years. */
bool date_is_valid(int y, int m, int d);

/* Days since 1970-01-01 (negative before); and back. */
int64_t date_to_days(struct date d);
struct date date_from_days(int64_t days);
/* 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(struct date d);
struct date date_add_days(struct date d, int64_t n);
/* Add n months; where the target month has no such day, its last day (民法典 第202条). */
struct date date_add_months(struct date d, int n);
/* b - a in days. */
int64_t date_diff_days(struct date a, struct date b);

/* Parse a date as users write it: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305, or an
 * Excel serial number (1..99999, with an ignored time fraction). Surrounding blanks are
 * ignored. DUBAN_EINPUT with a translated reason (empty, not a date, no such day...). */
int date_parse(const char *s, struct date *out, struct duban_err *err);
/* Strict YYYY-MM-DD, for storage and the command line's --today. */
int date_parse_iso(const char *s, struct date *out, struct duban_err *err);
/* Writes "YYYY-MM-DD" (or "" for no date) into out[DATE_ISO_LEN]; returns out. */
char *date_format(struct date d, char out[DATE_ISO_LEN]);

#endif
