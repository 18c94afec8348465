/* include/duban/calendar.h: working days, rest days and make-up working days, loaded from data
 * files (one row per exceptional date). A year no file covers is never guessed silently:
 * callers ask calendar_covers() and warn. */
#ifndef DUBAN_CALENDAR_H
#define DUBAN_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "duban/date.h"

struct buf;
struct duban_err;
struct calendar;	/* opaque */

enum calendar_kind {
	CALENDAR_WORKDAY,	/* an ordinary Monday to Friday */
	CALENDAR_WEEKEND,	/* an ordinary Saturday or Sunday */
	CALENDAR_HOLIDAY,	/* an official rest day (放假) */
	CALENDAR_MAKEUP,	/* an official make-up working day (调休上班), usually a weekend */
};

/* One exceptional date, as listed in a calendar file. */
struct calendar_entry {
	struct date on;
	bool is_workday;	/* true: make-up working day; false: rest day */
	const char *name;	/* holiday name, borrowed from the calendar; "" if none given */
};

struct calendar *calendar_new(void);
void calendar_free(struct calendar *cal);

/* Load one calendar file. Format (UTF-8 text; '#' starts a comment line):
 *   year 2024                      this file covers the year 2024 (repeatable)
 *   2024-01-01 rest 元旦           an official rest day, with the holiday's name
 *   2024-02-04 work 春节           a make-up working day
 * Fields are separated by blanks or tabs. A date listed again (here or in a later file)
 * replaces the earlier row: that is how a local file is layered over the national one.
 * DUBAN_EINPUT with "file:line" in err->where on a malformed row; nothing is kept from a file
 * that fails. */
int calendar_load_file(struct calendar *cal, const char *path, struct duban_err *err);

/* Load every "*.txt" file of dir in name order. A missing dir is DUBAN_EINPUT. */
int calendar_load_dir(struct calendar *cal, const char *dir, struct duban_err *err);

/* Load each directory of a ':'-separated list, in order (later layers over earlier). */
int calendar_load_dirs(struct calendar *cal, const char *dirs, struct duban_err *err);

bool calendar_covers(const struct calendar *cal, int year);
/* Provisional years (opt-in, [calendar] provisional): every year no file covers from
 * PROVISIONAL_FIRST_YEAR (the 2024 revision of the holiday law) up to last_year gets the statutory holidays as rest days
 * (include/duban/provisional.h); no make-up working days. Call after loading every file. A
 * provisional year is still not covered: calendar_covers() stays false, so every caller that
 * warns about an uncovered year keeps doing so, and asks calendar_is_provisional() for the
 * wording. */
void calendar_add_provisional(struct calendar *cal, int last_year);
bool calendar_is_provisional(const struct calendar *cal, int year);
/* Covered years as text, "2007-2026" or "2007-2020, 2022"; "" when none. */
void calendar_describe_coverage(const struct calendar *cal, struct buf *out);
/* Lowest and highest covered year; false when the calendar covers nothing. */
bool calendar_coverage_range(const struct calendar *cal, int *first, int *last);

/* What kind of day d is; *name (may be NULL) gets the holiday name for listed dates. */
enum calendar_kind calendar_kind_of(const struct calendar *cal, struct date d,
    const char **name);

/* A working day is a listed make-up working day (when makeup_counts), or a Monday to Friday
 * that is not a listed rest day. With makeup_counts false, make-up days are rest days. */
bool calendar_is_working_day(const struct calendar *cal, struct date d, bool makeup_counts);

/* The listed dates of one year, in date order: *out points into the calendar (borrowed). */
size_t calendar_entries_of_year(const struct calendar *cal, int year,
    const struct calendar_entry **out);

/* Every listed date, in date order (borrowed). */
size_t calendar_all_entries(const struct calendar *cal, const struct calendar_entry **out);

#endif
